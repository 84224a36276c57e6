"""Writes of the stories (ervaringen): the story, its consent, and the review."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.access import is_staff
from avk.audit import audit_group, audit_record, diff
from monitoring.forms.experiences import ExperienceForm
from monitoring.models import Consent, Experience
from partners.access import can_edit_partner
from partners.models import Person

# A change to what the story says (or who tells it) needs a new review.
REVIEWED_FIELDS = ["title", "story", "teller_name"]
AUDITED_FIELDS = [*REVIEWED_FIELDS, "municipality", "partner", "effort", "indicator"]


def _group(experience: Experience) -> str:
    return audit_group("experience", experience.pk)


def experience_create(
    *, form: ExperienceForm, user, scope: str, given_on: datetime.date, ends_on=None
) -> Experience:
    """Store a new story with the teller's first consent; it waits for review.

    Staff write stories for any partner; a partner's editor only for an organisation they
    edit (the form offers only those; checked again here)."""
    partner = form.cleaned_data.get("partner")
    if partner is None and not is_staff(user):
        raise PermissionDenied
    if partner is not None and not can_edit_partner(user, partner):
        raise PermissionDenied
    with transaction.atomic():
        experience = form.save(commit=False)
        experience.review = Experience.Review.WAITING
        experience.submitted_by = user
        experience.full_clean()
        experience.save()
        audit_record(
            actor=user,
            instance=experience,
            action="experience.created",
            changes={"partner": ["", str(partner or "")]},
            group=_group(experience),
        )
        consent_record(
            experience=experience, user=user, scope=scope, given_on=given_on, ends_on=ends_on
        )
    return experience


def experience_update(*, form: ExperienceForm, user) -> Experience:
    """Save staff's edit of a story. When what it says changes, an approved or returned
    story goes back to waiting: the experience experts approved other words."""
    with transaction.atomic():
        old = Experience.objects.select_for_update().get(pk=form.instance.pk)
        experience = form.save(commit=False)
        changes = diff(old, AUDITED_FIELDS, {f: getattr(experience, f) for f in AUDITED_FIELDS})
        if (
            any(field in changes for field in REVIEWED_FIELDS)
            and old.review != Experience.Review.WAITING
        ):
            experience.review = Experience.Review.WAITING
            experience.reviewed_by = None
            experience.reviewed_at = None
            changes["review"] = [old.review, experience.review]
        experience.full_clean()
        experience.save()
        if changes:
            audit_record(
                actor=user,
                instance=experience,
                action="experience.updated",
                changes=changes,
                group=_group(experience),
            )
    return experience


def consent_record(
    *, experience: Experience, user, scope: str, given_on: datetime.date, ends_on=None
) -> Consent:
    """Record the teller's consent. A new consent is a new row, so the history stays; the
    newest one given on or before a day is the one that counts that day."""
    consent = Consent(
        experience=experience,
        scope=scope,
        given_on=given_on,
        ends_on=ends_on,
        recorded_by=user,
    )
    try:
        consent.full_clean()
    except ValidationError as error:
        if "__all__" in getattr(error, "error_dict", {}):
            # The database's check (ends before given) in plain words, on the end date.
            raise ValidationError(
                {"ends_on": _("The consent cannot end before the day it was given.")}
            ) from None
        raise
    with transaction.atomic():
        consent.save()
        audit_record(
            actor=user,
            instance=consent,
            action="consent.recorded",
            changes={
                "scope": ["", scope],
                "given_on": ["", str(given_on)],
                "ends_on": ["", str(ends_on or "")],
            },
            group=_group(experience),
        )
    return consent


def consent_withdraw(*, consent: Consent, user) -> Consent:
    """Withdraw a consent: from this moment the story is hidden wherever it counted.
    Withdrawing twice changes nothing."""
    with transaction.atomic():
        consent = Consent.objects.select_for_update().get(pk=consent.pk)
        if consent.withdrawn_at is None:
            consent.withdrawn_at = timezone.now()
            consent.withdrawn_by = user
            consent.save(update_fields=["withdrawn_at", "withdrawn_by", "updated_at"])
            audit_record(
                actor=user,
                instance=consent,
                action="consent.withdrawn",
                changes={"withdrawn_at": ["", consent.withdrawn_at.isoformat()]},
                group=audit_group("experience", consent.experience_id),
            )
    return consent


def experience_review(
    *, experience: Experience, reviewer: Person, user, approve: bool, note: str = ""
) -> Experience:
    """An experience expert approves the story, or sends it back with a note. The caller
    has checked that `reviewer` is one (monitoring.access.get_experience_for_review)."""
    note = note.strip()
    if not approve and not note:
        raise ValidationError(
            {"note": _("Write what has to change before you send the story back.")}
        )
    with transaction.atomic():
        experience = Experience.objects.select_for_update().get(pk=experience.pk)
        before = experience.review
        experience.review = Experience.Review.APPROVED if approve else Experience.Review.RETURNED
        experience.review_note = note
        experience.reviewed_by = reviewer
        experience.reviewed_at = timezone.now()
        experience.full_clean()
        experience.save()
        audit_record(
            actor=user,
            instance=experience,
            action="experience.approved" if approve else "experience.returned",
            changes={"review": [before, experience.review], "review_note": ["", note]},
            group=_group(experience),
        )
    return experience
