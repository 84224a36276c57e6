"""Reads of the pilots: the public list, staff's list, a pilot's participants and export.

The public pages never load sign-ups: places are counted in the database with one
aggregate query (movement.selectors.signups), and nothing of who signed up is read.
"""

from movement.models import Pilot
from movement.selectors.signups import (
    confirmed_signups_csv,
    places_left,
    with_places_taken,
    with_signup_counts,
)


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


def participants_csv(pilot: Pilot) -> tuple[list[str], list[list]]:
    """The header and rows of a pilot's participant export."""
    return confirmed_signups_csv(pilot)
