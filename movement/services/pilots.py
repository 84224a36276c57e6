"""Writes of the pilots: staff publish and change them; anyone signs up.

The sign-up rules (double opt-in, places, waiting list, withdrawing) are shared with the
other kinds of sign-up and live in movement.services.signups; this module only says which
offer and which model.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from movement.models import Pilot, PilotSignup
from movement.selectors.signups import places_taken
from movement.services import signups

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
    pilot = Pilot(
        created_by=actor, **{name: values[name] for name in PILOT_FIELDS if name in values}
    )
    pilot.full_clean()
    with transaction.atomic():
        pilot.save()
        audit_record(
            actor=actor,
            instance=pilot,
            action="pilot.created",
            group=audit_group("pilot", pilot.pk),
        )
    return pilot


def pilot_update(*, pilot: Pilot, actor, **values) -> Pilot:
    """Change a pilot. Extra places go to the waiting list at once (first in turn)."""
    values = {name: values[name] for name in PILOT_FIELDS if name in values}
    with transaction.atomic():
        locked = Pilot.objects.select_for_update().get(pk=pilot.pk)
        changes = diff(locked, values.keys(), values)
        for name, value in values.items():
            setattr(locked, name, value)
        locked.full_clean()
        taken = places_taken(locked)
        if locked.capacity < taken:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(taken)s places are taken already. Decline someone first, or keep "
                        "at least %(taken)s places."
                    )
                    % {"taken": taken}
                }
            )
        locked.save()
        if changes:
            audit_record(
                actor=actor,
                instance=locked,
                action="pilot.changed",
                changes=changes,
                group=audit_group("pilot", locked.pk),
            )
        if locked.takes_signups:
            signups.signups_fill(offer=locked)
    return locked


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
