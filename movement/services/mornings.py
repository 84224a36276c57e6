"""Writes of the open mornings: staff plan them (several at once), change and cancel
them; anyone says "I'll join".

The sign-up rules (double opt-in, places, waiting list, withdrawing) are shared with the
other kinds of sign-up and live in movement.services.signups; this module says which
offer and which model, and what a morning adds: one planned morning per date, never in
the past, and a mail to everyone who comes when it is cancelled.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.links import absolute_reverse
from movement.models import MorningSignup, SignupStatus, TeamMorning
from movement.services import signups
from movement.services.offers import offer_create, offer_update
from movement.services.signup_mails import signup_notify

MORNING_FIELDS = ["date", "starts_at", "ends_at", "host", "place", "capacity", "note"]

# Who is told when a morning is cancelled: everyone who confirmed and still counts.
TOLD_OF_CANCELLING = [SignupStatus.REGISTERED, SignupStatus.ACCEPTED, SignupStatus.WAITLISTED]


def _date_taken(morning: TeamMorning) -> bool:
    others = TeamMorning.objects.filter(date=morning.date, status=TeamMorning.Status.PLANNED)
    if morning.pk:
        others = others.exclude(pk=morning.pk)
    return others.exists()


def _date_error(morning: TeamMorning) -> ValidationError:
    return ValidationError(
        {
            "date": _("There is already a morning on %(date)s.")
            % {"date": f"{morning.date:%d-%m-%Y}"}
        }
    )


def _save_checked(morning: TeamMorning) -> None:
    """Validate and save; the date's uniqueness is checked first for a clear message,
    and again by the database (two staff planning the same date at once)."""
    morning.full_clean(validate_constraints=False)
    if morning.status == TeamMorning.Status.PLANNED and _date_taken(morning):
        raise _date_error(morning)
    try:
        with transaction.atomic():
            morning.save()
    except IntegrityError:
        raise _date_error(morning) from None


def morning_create(*, actor, today=None, **values) -> TeamMorning:
    """Plan one morning. Raises ValidationError for a date in the past or one that has a
    planned morning already, an end before the start, fewer than 1 place, or neither a
    host nor an address."""
    today = today or timezone.localdate()
    if values.get("date") and values["date"] < today:
        raise ValidationError({"date": _("A morning cannot be planned in the past.")})
    return offer_create(
        model=TeamMorning,
        fields=MORNING_FIELDS,
        actor=actor,
        action="morning.planned",
        values=values,
        save=_save_checked,
    )


class MorningPlanError(Exception):
    """Some of the mornings to plan were refused; `errors` maps their index to the
    ValidationError. Nothing was saved."""

    def __init__(self, errors: dict[int, ValidationError]):
        super().__init__(errors)
        self.errors = errors


def mornings_plan(*, actor, rows: list[dict], today=None) -> list[TeamMorning]:
    """Plan several mornings at once (morning_create for each): all or nothing. Two rows
    on the same date are refused like a date that is taken. Raises MorningPlanError."""
    if not rows:
        raise ValidationError(_("Tick at least one morning to plan."))
    errors, made = {}, []
    with transaction.atomic():
        for index, row in enumerate(rows):
            try:
                made.append(morning_create(actor=actor, today=today, **row))
            except ValidationError as error:
                errors[index] = error
        if errors:
            raise MorningPlanError(errors)  # leaving the block rolls back what was made
    return made


def morning_update(*, morning: TeamMorning, actor, today=None, **values) -> TeamMorning:
    """Change a morning (movement.services.offers.offer_update). A cancelled one stays as
    it was, and a date cannot move into the past."""
    today = today or timezone.localdate()

    def check(locked: TeamMorning, values: dict) -> None:
        if locked.is_cancelled:
            raise ValidationError(_("This morning is cancelled. Plan a new one instead."))
        if "date" in values and values["date"] != locked.date and values["date"] < today:
            raise ValidationError({"date": _("A morning cannot be moved into the past.")})

    return offer_update(
        offer=morning,
        fields=MORNING_FIELDS,
        actor=actor,
        action="morning.changed",
        values=values,
        check=check,
        save=_save_checked,
    )


def morning_cancel(*, morning: TeamMorning, actor) -> TeamMorning:
    """Cancel a morning: it takes no more sign-ups, and everyone who confirmed (with a
    place or waiting) gets a mail. Cancelling again changes nothing and mails no one."""
    with transaction.atomic():
        locked = TeamMorning.objects.select_for_update().get(pk=morning.pk)
        if locked.is_cancelled:
            return locked
        locked.status = TeamMorning.Status.CANCELLED
        locked.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor,
            instance=locked,
            action="morning.cancelled",
            changes={"status": ["planned", "cancelled"]},
            group=audit_group("teammorning", locked.pk),
        )
        told = locked.signups.filter(status__in=TOLD_OF_CANCELLING).order_by("pk")
        mornings_link = absolute_reverse("movement:morning_list")
        for signup in told:
            signup.morning = locked
            signup_notify(
                signup=signup,
                template="morning_cancelled",
                what="cancelled",
                extra={"mornings_link": mornings_link},
            )
    return locked


# --- sign-ups (movement.services.signups) ----------------------------------------------


def morning_signup_create(*, morning: TeamMorning, **values) -> tuple[MorningSignup, str]:
    """Say "I'll join" `morning` (see movement.services.signups.signup_create)."""
    return signups.signup_create(model=MorningSignup, offer=morning, **values)


def morning_signup_confirm(*, token: str, now=None):
    return signups.signup_confirm(model=MorningSignup, token=token, now=now)


def morning_signup_withdraw(*, token: str) -> bool:
    return signups.signup_withdraw(model=MorningSignup, token=token)


def morning_signup_decide(*, signup: MorningSignup, decision: str, actor) -> MorningSignup:
    """Staff's decision (movement.services.signups.signup_decide), only while the morning
    takes sign-ups: nobody gets a place for a morning that is cancelled or has passed."""
    if not signup.morning.takes_signups:
        raise ValidationError(
            _("This morning is cancelled or has passed: there is nothing to decide.")
        )
    return signups.signup_decide(signup=signup, decision=decision, actor=actor)


def morning_signups_expire(*, now=None) -> int:
    return signups.signups_expire(model=MorningSignup, now=now)
