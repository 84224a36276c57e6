"""Reads every kind of sign-up shares: places taken, counted in the database, and the
confirmed sign-ups staff see and export."""

from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from movement.models import PLACE_HOLDING, SignupStatus


def places_taken(offer) -> int:
    """How many of `offer`'s places are taken now (one COUNT query)."""
    return offer.signups.filter(status__in=PLACE_HOLDING).count()


def _counted(queryset, statuses):
    """A correlated COUNT of the offer's sign-ups in `statuses`: part of the offers' own
    query, so a paginator's count of the offers never reads the sign-ups."""
    signups = queryset.model._meta.get_field("signups").related_model
    offer_field = signups.offer_field
    counted = (
        signups.objects.filter(**{offer_field: OuterRef("pk"), "status__in": statuses})
        .order_by()
        .values(offer_field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_places_taken(queryset):
    """`queryset` of offers, each with `taken` (places taken), counted in the same query."""
    return queryset.annotate(taken=_counted(queryset, PLACE_HOLDING))


def with_signup_counts(queryset):
    """Offers with `taken`, `waiting` and `unconfirmed`, counted in the offers' query."""
    return with_places_taken(queryset).annotate(
        waiting=_counted(queryset, [SignupStatus.WAITLISTED]),
        unconfirmed=_counted(queryset, [SignupStatus.UNCONFIRMED]),
    )


# The confirmed sign-ups staff see: withdrawn people are gone, unconfirmed ones don't count.
CONFIRMED_STATUSES = [
    SignupStatus.ACCEPTED,
    SignupStatus.REGISTERED,
    SignupStatus.WAITLISTED,
    SignupStatus.DECLINED,
]

# Staff read who has a place first, then who waits (in turn), then who was declined.
_STATUS_ORDER = Case(
    When(status=SignupStatus.ACCEPTED, then=Value(0)),
    When(status=SignupStatus.REGISTERED, then=Value(1)),
    When(status=SignupStatus.WAITLISTED, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def confirmed_signups(offer):
    """The confirmed sign-ups of `offer`: who has a place, then the waiting list in its
    order, then the declined."""
    return (
        offer.signups.filter(status__in=CONFIRMED_STATUSES)
        .select_related("municipality")
        .annotate(status_order=_STATUS_ORDER)
        .order_by("status_order", "queued_at", "confirmed_at", "pk")
    )


def places_left(offer) -> int:
    """Free places of an offer read through `with_places_taken` (never below zero)."""
    return max(offer.capacity - offer.taken, 0)


def confirmed_signups_csv(offer, extra=()) -> tuple[list[str], list[list]]:
    """The header and rows of the export of `offer`'s confirmed sign-ups. `extra`: more
    columns of this kind of sign-up, as (header, value of a sign-up), after the status."""
    header = [
        _("Name"),
        _("E-mail address"),
        _("Organisation"),
        _("Municipality"),
        _("Motivation"),
        _("Status"),
        *(title for title, _value in extra),
        _("Confirmed at"),
        _("Consent to be contacted given at"),
    ]
    rows = [
        [
            _("Details deleted") if signup.is_forgotten else signup.name,
            signup.email,
            signup.organisation,
            signup.municipality_name,
            signup.motivation,
            signup.get_status_display(),
            *(value(signup) for _title, value in extra),
            _moment(signup.confirmed_at),
            _moment(signup.consented_at),
        ]
        for signup in confirmed_signups(offer)
    ]
    return header, rows


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%d-%m-%Y %H:%M") if value else ""
