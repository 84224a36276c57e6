"""Writes of the stakeholder picture: staff record where a partner stands in the movement."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from movement.models import StakeholderEntry
from partners.models import Partner


def stakeholder_record(
    *,
    partner: Partner,
    stage: str,
    recorded_on: datetime.date,
    working_on: str = "",
    note: str = "",
    user,
    today: datetime.date | None = None,
) -> StakeholderEntry:
    """Record a new judgement of where `partner` stands. It is added to the partner's
    history and never replaces an older entry; the newest by date becomes the current
    stage. Refused (ValidationError): a date after today or before 2000, an unknown stage."""
    today = today or timezone.localdate()
    if recorded_on is not None and recorded_on > today:
        raise ValidationError(
            {
                "recorded_on": ValidationError(
                    _("The date cannot be in the future. Choose today or earlier."),
                    code="future",
                )
            }
        )
    entry = StakeholderEntry(
        partner=partner,
        stage=stage,
        recorded_on=recorded_on,
        working_on=working_on,
        note=note,
        created_by=user,
    )
    entry.full_clean()
    with transaction.atomic():
        entry.save()
        audit_record(
            actor=user,
            instance=entry,
            action="stakeholder.recorded",
            changes={
                "stage": ["", stage],
                "recorded_on": ["", recorded_on.isoformat()],
                "working_on": ["", working_on],
            },
            group=audit_group("partner", partner.pk),
        )
    return entry
