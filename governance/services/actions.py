"""Writes of action items, coming from a meeting or from a closed decision. Staff keep
them; the owner of an action (or staff) changes its status. Every write runs in a
transaction and leaves an audit record.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.access import is_staff
from avk.audit import audit_group, audit_record, diff
from governance.access import can_change_status
from governance.models import ActionItem, Meeting, ProposedDecision
from partners.models import Person

ACTION_FIELDS = ["title", "details", "owner", "due_date", "status"]


def _check_source(meeting: Meeting | None, decision: ProposedDecision | None) -> None:
    if meeting is None and decision is None:
        raise ValidationError(_("An action comes from a meeting or from a decision."))
    if decision is not None and not decision.is_closed:
        raise ValidationError(
            {"decision": _("Actions can only come from a decision whose voting has closed.")}
        )


def action_create(
    *,
    user,
    title: str,
    owner: Person,
    due_date: datetime.date,
    details: str = "",
    meeting: Meeting | None = None,
    decision: ProposedDecision | None = None,
) -> ActionItem:
    """Record an action item, coming from a meeting or from a closed decision."""
    if not is_staff(user):
        raise PermissionDenied
    _check_source(meeting, decision)
    with transaction.atomic():
        action = ActionItem(
            title=title.strip(),
            details=details.strip(),
            owner=owner,
            due_date=due_date,
            meeting=meeting,
            decision=decision,
            created_by=user,
        )
        action.full_clean()
        action.save()
        audit_record(
            actor=user,
            instance=action,
            action="action.created",
            changes={
                "title": ["", action.title],
                "owner": ["", str(owner)],
                "due_date": ["", str(due_date)],
                "source": ["", _source_text(action)],
            },
            group=action_group(action),
        )
    return action


def action_group(action: ActionItem) -> str:
    if action.meeting_id:
        return audit_group("meeting", action.meeting_id)
    return audit_group("decision", action.decision_id)


def _source_text(action: ActionItem) -> str:
    if action.meeting_id:
        return f"meeting {action.meeting_id}"
    return f"decision {action.decision_id}"


def _status_values(action: ActionItem, status: str) -> dict:
    """Status and the moment of completion that goes with it."""
    completed_at = action.completed_at
    if status == ActionItem.Status.DONE and action.status != ActionItem.Status.DONE:
        completed_at = timezone.now()
    elif status != ActionItem.Status.DONE:
        completed_at = None
    return {"status": status, "completed_at": completed_at}


def action_update(
    *,
    action: ActionItem,
    user,
    title: str,
    owner: Person,
    due_date: datetime.date,
    status: str,
    details: str = "",
) -> ActionItem:
    """Change an action item (staff)."""
    if not is_staff(user):
        raise PermissionDenied
    if status not in ActionItem.Status.values:
        raise ValidationError({"status": _("Choose open, done or cancelled.")})
    with transaction.atomic():
        action = ActionItem.objects.select_for_update().get(pk=action.pk)
        values = {
            "title": title.strip(),
            "details": details.strip(),
            "owner": owner,
            "due_date": due_date,
        } | _status_values(action, status)
        changes = diff(action, ACTION_FIELDS, values)
        for name, value in values.items():
            setattr(action, name, value)
        # Older rows (imports, the admin) may have no creator: not this form's business.
        action.full_clean(exclude=["created_by"])
        action.save()
        if changes:
            audit_record(
                actor=user,
                instance=action,
                action="action.updated",
                changes=changes,
                group=action_group(action),
            )
    return action


def action_status_change(*, action: ActionItem, user, status: str) -> ActionItem:
    """Mark an action done, reopen it, or (staff only) cancel it."""
    if status not in ActionItem.Status.values:
        raise ValidationError(_("Choose open, done or cancelled."))
    with transaction.atomic():
        action = ActionItem.objects.select_for_update().select_related("owner").get(pk=action.pk)
        if not can_change_status(user, action):
            raise PermissionDenied
        if not is_staff(user) and ActionItem.Status.CANCELLED in (status, action.status):
            raise PermissionDenied(_("Only programme staff cancel an action or take it up again."))
        if action.status == status:
            return action
        old = action.status
        for name, value in _status_values(action, status).items():
            setattr(action, name, value)
        action.save(update_fields=["status", "completed_at", "updated_at"])
        audit_record(
            actor=user,
            instance=action,
            action="action.status_changed",
            changes={"status": [old, status]},
            group=action_group(action),
        )
    return action
