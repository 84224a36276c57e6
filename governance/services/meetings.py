"""Writes of meetings, their agenda, action items and the personal calendar feeds.

Staff keep meetings and actions; the owner of an action (or staff) changes its status.
Every write runs in a transaction and leaves an audit record.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from avk.permissions import is_staff
from governance.models import ActionItem, AgendaItem, Body, CalendarFeed, Meeting, Memo
from governance.models.meetings import new_feed_token
from governance.models.memos import ProposedDecision
from partners.models import Partner, Person

MEETING_FIELDS = ["body", "starts_at", "ends_at", "location_partner", "location", "notes"]
ACTION_FIELDS = ["title", "details", "owner", "due_date", "status"]


@dataclass(frozen=True)
class AgendaEntry:
    title: str
    memo: Memo | None = None


def _agenda_text(entries) -> str:
    return "\n".join(
        f"{entry.title}" + (f" [memo {entry.memo.pk}]" if entry.memo else "") for entry in entries
    )


def _check_agenda(body: Body, agenda: list[AgendaEntry]) -> None:
    for entry in agenda:
        if not entry.title.strip():
            raise ValidationError(_("Every agenda item needs a title."))
        if entry.memo is not None and entry.memo.body_id != body.pk:
            raise ValidationError(
                _(
                    "The memo “%(memo)s” is addressed to another body: an agenda item of a "
                    "meeting of %(body)s can only link a memo to %(body)s."
                )
                % {"memo": entry.memo.title, "body": body.name}
            )


def meeting_save(
    *,
    meeting: Meeting | None,
    user,
    body: Body,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    location_partner: Partner | None = None,
    location: str = "",
    notes: str = "",
    agenda: list[AgendaEntry] | None = None,
) -> Meeting:
    """Create a meeting (meeting=None) or change one, with its agenda in the given order.

    The agenda is replaced as a whole: the items come out numbered 1, 2, 3… in the order
    given. A memo on the agenda must be addressed to the meeting's body.
    """
    if not is_staff(user):
        raise PermissionDenied
    agenda = [
        AgendaEntry(title=(e.title or (e.memo.title if e.memo else "")).strip()[:200], memo=e.memo)
        for e in (agenda or [])
    ]
    _check_agenda(body, agenda)
    if ends_at is not None and ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
    values = {
        "body": body,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "location_partner": location_partner,
        "location": location.strip(),
        "notes": notes.strip(),
    }
    with transaction.atomic():
        if meeting is None:
            meeting = Meeting(**values)
            changes = {name: ["", str(value or "")] for name, value in values.items()}
            action, old_agenda = "meeting.created", ""
        else:
            meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
            changes = diff(meeting, MEETING_FIELDS, values)
            old_agenda = _agenda_text(meeting.agenda.select_related("memo").order_by("order", "id"))
            for name, value in values.items():
                setattr(meeting, name, value)
            action = "meeting.updated"
        meeting.full_clean()
        meeting.save()
        new_agenda = _agenda_text(agenda)
        if new_agenda != old_agenda:
            meeting.agenda.all().delete()
            AgendaItem.objects.bulk_create(
                AgendaItem(meeting=meeting, order=number, title=entry.title, memo=entry.memo)
                for number, entry in enumerate(agenda, start=1)
            )
            changes["agenda"] = [old_agenda, new_agenda]
        if changes or action == "meeting.created":
            audit_record(
                actor=user,
                instance=meeting,
                action=action,
                changes=changes,
                group=audit_group("meeting", meeting.pk),
            )
    return meeting


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


def can_change_status(user, action: ActionItem) -> bool:
    """Staff, or the action's owner (through their Person's login)."""
    return is_staff(user) or (
        user.is_authenticated
        and action.owner.user_id is not None
        and action.owner.user_id == user.pk
    )


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


def calendar_feed_get_or_create(*, user) -> CalendarFeed:
    """The user's calendar feed, made on first use (two first visits at once make one)."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def calendar_feed_rotate(*, user) -> CalendarFeed:
    """A new secret address for the user's feed: the old one stops working at once."""
    with transaction.atomic():
        feed = calendar_feed_get_or_create(user=user)
        feed = CalendarFeed.objects.select_for_update().get(pk=feed.pk)
        feed.token = new_feed_token()
        feed.save(update_fields=["token"])
        # The token itself is a secret: the audit trail records only that it changed.
        audit_record(
            actor=user,
            instance=feed,
            action="calendar_feed.rotated",
            group=audit_group("user", user.pk),
        )
    return feed
