"""Reads every kind of sign-up shares: places taken, counted in the database."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

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


def places_left(offer) -> int:
    """Free places of an offer read through `with_places_taken` (never below zero)."""
    return max(offer.capacity - offer.taken, 0)
