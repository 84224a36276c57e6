"""Writes of effort progress: the owner's update per period, and the reminder when one is due.

One update per effort per period (a unique constraint); posting again for the same period
changes that update: its author becomes whoever wrote last, `updated_at` says when, and
the audit trail keeps every earlier version's who, when and what.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from avk.emails import mail_queue
from avk.links import absolute_reverse
from reflection.access import can_write_progress
from reflection.models import Effort, EffortUpdate, PhasePlan
from reflection.selectors.progress import (
    EN_DASH,
    open_periods,
    period_end,
    period_start,
    takes_updates,
)
from reflection.services.contributions import person_language

NARRATIVE_MAX = 2000
UPDATE_FIELDS = ["status", "percent_done", "narrative"]
# An update is due in the last days of its period (see effort_update_remind).
REMIND_DAYS_BEFORE_END = 14


def _check(plan: PhasePlan, period: datetime.date, narrative: str, today) -> None:
    if not takes_updates(plan):
        raise ValidationError(
            _(
                "This version of the phase plan has been succeeded by a newer one. "
                "Write the update on the newest version."
            )
        )
    if period not in open_periods(plan, today):
        raise ValidationError(
            {"period_start": _("You can write an update for this period or the one before.")}
        )
    if not narrative:
        raise ValidationError({"narrative": _("Write what happened.")})
    if len(narrative) > NARRATIVE_MAX:
        raise ValidationError(
            {"narrative": _("Write at most %(max)s characters.") % {"max": NARRATIVE_MAX}}
        )


def effort_update_post(
    *,
    effort: Effort,
    user,
    period_start: datetime.date,
    status: str,
    narrative: str,
    percent_done: int | None = None,
    today: datetime.date | None = None,
) -> EffortUpdate:
    """Write (or change) the update of `effort` for the period starting `period_start`.

    Only the effort's owner and staff (PermissionDenied otherwise); only on a plan that
    takes updates (adopted or draft, not superseded); only for the current period or the
    one before; status required; percentage 0 to 100 or none; narrative required, at most
    2,000 characters. Anything refused raises ValidationError and saves nothing.
    """
    if not can_write_progress(user, effort):
        raise PermissionDenied
    narrative = (narrative or "").strip()
    with transaction.atomic():
        # The effort's row lock makes two posts for one period queue up, never collide.
        effort = Effort.objects.select_for_update().select_related("plan").get(pk=effort.pk)
        _check(effort.plan, period_start, narrative, today)
        update = EffortUpdate.objects.filter(effort=effort, period_start=period_start).first()
        values = {"status": status, "percent_done": percent_done, "narrative": narrative}
        if update is None:
            update = EffortUpdate(effort=effort, period_start=period_start)
            changes = {n: ["", "" if v is None else str(v)] for n, v in values.items()}
            action = "effort_update.posted"
        else:
            changes = diff(update, UPDATE_FIELDS, values)
            if not changes:
                return update  # the same words again: nothing changes, nothing to record
            if update.author_id != user.pk:
                changes["author"] = [str(update.author or ""), str(user)]
            action = "effort_update.changed"
        for name, value in values.items():
            setattr(update, name, value)
        update.author = user
        update.full_clean()
        update.save()
        audit_record(
            actor=user,
            instance=update,
            action=action,
            changes=changes,
            group=audit_group("phaseplan", effort.plan.number),
        )
    return update


def _due_efforts(today: datetime.date):
    """Efforts whose owner is reminded today, with the period the update is due for.

    Due: in the last REMIND_DAYS_BEFORE_END days of a period (up to and including its last
    day), for an effort of an adopted plan that is planned or running in that period,
    whose owner has an e-mail address, and that has no update for the period yet. A
    draft plan may still change, so its owners are not reminded.
    """
    efforts = (
        Effort.objects.filter(
            plan__status=PhasePlan.Status.ADOPTED,
            status__in=[Effort.Status.PLANNED, Effort.Status.RUNNING],
            owner__isnull=False,
        )
        .exclude(owner__email="")
        .select_related("plan", "owner__user")
        .order_by("pk")
    )
    for effort in efforts:
        months = effort.plan.progress_interval
        start = period_start(today, months)
        end = period_end(start, months)
        if (end - today).days >= REMIND_DAYS_BEFORE_END:
            continue
        if effort.start > end or effort.end < start:
            continue
        yield effort, start, end


def effort_update_remind(*, today: datetime.date | None = None) -> int:
    """Queue a reminder to each owner whose update is due (see _due_efforts), once per
    effort per period: the mail's unique key makes a second run or a retry a no-op.
    Returns how many were queued."""
    today = today or timezone.localdate()
    due = list(_due_efforts(today))
    written = set(
        EffortUpdate.objects.filter(
            effort__in=[effort for effort, _start, _end in due],
            period_start__in={start for _effort, start, _end in due},
        ).values_list("effort_id", "period_start")
    )
    queued = 0
    for effort, start, end in due:
        if (effort.pk, start) in written:
            continue
        owner = effort.owner
        language = person_language(owner)
        # Rendered now, in the reader's language: the stored context must be plain JSON.
        with translation.override(language):
            period = f" {EN_DASH} ".join(
                formats.date_format(day, "DATE_FORMAT") for day in (start, end)
            )
            deadline = formats.date_format(end, "DATE_FORMAT")
        mail = mail_queue(
            key=f"effort-update-due:{effort.pk}:{start:%Y-%m}",
            to=owner.email,
            name="effort_update_due",
            language=language,
            user_id=owner.user_id,
            kind="monitoring",
            context={
                "name": owner.name,
                "effort": effort.title,
                "plan": str(effort.plan),
                "period": period,
                "deadline": deadline,
                "link": absolute_reverse("reflection:effort_detail", effort.pk),
            },
        )
        queued += mail is not None
    return queued
