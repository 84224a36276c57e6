"""Writes of the spotlights (partner en acties uitgelicht)."""

import datetime

from django.db import transaction
from django.utils import timezone

from avk.audit import audit_record, diff
from monitoring.forms.spotlights import SpotlightForm
from monitoring.models import Spotlight

# Everything the form sets but the free text.
AUDITED_FIELDS = [field for field in SpotlightForm.Meta.fields if field != "text"]


def spotlight_save(*, form: SpotlightForm, user) -> Spotlight:
    """Create or change a spotlight (staff; the form checks it features exactly one thing)."""
    creating = form.instance.pk is None
    with transaction.atomic():
        old = None if creating else Spotlight.objects.select_for_update().get(pk=form.instance.pk)
        spotlight = form.save(commit=False)
        if creating:
            spotlight.created_by = user
        # created_by may be empty (a deleted user, raw data): it is no input of this form.
        spotlight.full_clean(exclude=["created_by"])
        spotlight.save()
        values = {field: getattr(spotlight, field) for field in AUDITED_FIELDS}
        changes = (
            {f: ["", str(v)] for f, v in values.items() if v not in (None, "", False)}
            if creating
            else diff(old, AUDITED_FIELDS, values)
        )
        if changes:
            audit_record(
                actor=user,
                instance=spotlight,
                action="spotlight.created" if creating else "spotlight.updated",
                changes=changes,
            )
    return spotlight


def spotlight_end(*, spotlight: Spotlight, user, today: datetime.date | None = None) -> Spotlight:
    """End a spotlight: from today it is no longer shown. Its last day becomes yesterday
    (and a spotlight that had not started before today gets that day as its one day, so the
    end never falls before the start). Ending an ended spotlight changes nothing."""
    today = today or timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    with transaction.atomic():
        spotlight = Spotlight.objects.select_for_update().get(pk=spotlight.pk)
        if spotlight.ends_on is not None and spotlight.ends_on < today:
            return spotlight
        before = {"starts_on": str(spotlight.starts_on), "ends_on": str(spotlight.ends_on or "")}
        spotlight.ends_on = yesterday
        spotlight.starts_on = min(spotlight.starts_on, yesterday)
        spotlight.save(update_fields=["starts_on", "ends_on", "updated_at"])
        audit_record(
            actor=user,
            instance=spotlight,
            action="spotlight.ended",
            changes={
                "starts_on": [before["starts_on"], str(spotlight.starts_on)],
                "ends_on": [before["ends_on"], str(spotlight.ends_on)],
            },
        )
    return spotlight
