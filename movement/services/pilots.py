"""Writes of the pilots: staff publish and change them; anyone signs up.

The sign-up rules (double opt-in, places, waiting list, withdrawing) are shared with the
other kinds of sign-up and live in movement.services.signups; this module only says which
offer and which model.
"""

from movement.models import Pilot, PilotSignup
from movement.services import signups
from movement.services.offers import offer_create, offer_update

PILOT_FIELDS = [
    "title",
    "description",
    "place",
    "starts_on",
    "ends_on",
    "capacity",
    "effort",
    "status",
]


def pilot_create(*, actor, **values) -> Pilot:
    """Publish a new pilot (as a draft, or open at once). Raises ValidationError for a
    period that ends before it starts or fewer than 1 place."""
    return offer_create(
        model=Pilot, fields=PILOT_FIELDS, actor=actor, action="pilot.created", values=values
    )


def pilot_update(*, pilot: Pilot, actor, **values) -> Pilot:
    """Change a pilot (movement.services.offers.offer_update)."""
    return offer_update(
        offer=pilot, fields=PILOT_FIELDS, actor=actor, action="pilot.changed", values=values
    )


def pilot_signup_create(*, pilot: Pilot, mailing=None, **values) -> tuple[PilotSignup, str]:
    """Sign someone up for `pilot` (see movement.services.signups.signup_create), counted
    for `mailing` when they came through its link."""
    return signups.signup_create(
        model=PilotSignup, offer=pilot, extra_fields={"mailing": mailing}, **values
    )


def pilot_signup_confirm(*, token: str, now=None):
    return signups.signup_confirm(model=PilotSignup, token=token, now=now)


def pilot_signup_withdraw(*, token: str) -> bool:
    return signups.signup_withdraw(model=PilotSignup, token=token)


def pilot_signup_decide(*, signup: PilotSignup, decision: str, actor) -> PilotSignup:
    return signups.signup_decide(signup=signup, decision=decision, actor=actor)


def pilot_signups_expire(*, now=None) -> int:
    return signups.signups_expire(model=PilotSignup, now=now)
