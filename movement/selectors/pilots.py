"""Reads of the pilots: the public list, staff's list, a pilot's participants and export.

The public pages never load sign-ups: places are counted in the database with one
aggregate query (movement.selectors.signups), and nothing of who signed up is read.
"""

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from movement.models import Pilot, PilotSignup, SignupStatus
from movement.selectors.signups import places_left, with_places_taken, with_signup_counts


def open_pilots():
    """The pilots open for sign-ups, the earliest first, each with `taken` places."""
    return with_places_taken(Pilot.objects.filter(status=Pilot.Status.OPEN)).order_by(
        "starts_on", "pk"
    )


def public_pilot(pk, *, drafts: bool = False) -> Pilot | None:
    """An open or closed pilot (a draft too with `drafts`) with `taken` and `places_left`
    for its public page: one query."""
    pilots = Pilot.objects.all() if drafts else Pilot.objects.exclude(status=Pilot.Status.DRAFT)
    pilot = with_places_taken(pilots).filter(pk=pk).first()
    if pilot is not None:
        pilot.places_left = places_left(pilot)
    return pilot


def staff_pilots():
    """Every pilot for staff, the newest period first, with its sign-up counts."""
    return with_signup_counts(Pilot.objects.select_related("effort")).order_by("-starts_on", "-pk")


# Staff read the places first, then who waits (in turn), then who was declined.
_STATUS_ORDER = Case(
    When(status=SignupStatus.ACCEPTED, then=Value(0)),
    When(status=SignupStatus.REGISTERED, then=Value(1)),
    When(status=SignupStatus.WAITLISTED, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)

PARTICIPANT_STATUSES = [
    SignupStatus.ACCEPTED,
    SignupStatus.REGISTERED,
    SignupStatus.WAITLISTED,
    SignupStatus.DECLINED,
]


def participants(pilot: Pilot):
    """The confirmed sign-ups of `pilot` (withdrawn people are gone): places first, then
    the waiting list in its order, then the declined."""
    return (
        PilotSignup.objects.filter(pilot=pilot, status__in=PARTICIPANT_STATUSES)
        .select_related("municipality")
        .annotate(status_order=_STATUS_ORDER)
        .order_by("status_order", "queued_at", "confirmed_at", "pk")
    )


def participants_csv(pilot: Pilot) -> tuple[list[str], list[list]]:
    """The header and rows of a pilot's participant export."""
    header = [
        _("Name"),
        _("E-mail address"),
        _("Organisation"),
        _("Municipality"),
        _("Motivation"),
        _("Status"),
        _("Confirmed at"),
        _("Consent to be contacted given at"),
    ]
    rows = [
        [
            signup.name,
            signup.email,
            signup.organisation,
            signup.municipality_name,
            signup.motivation,
            signup.get_status_display(),
            _moment(signup.confirmed_at),
            _moment(signup.consented_at),
        ]
        for signup in participants(pilot)
    ]
    return header, rows


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%d-%m-%Y %H:%M") if value else ""
