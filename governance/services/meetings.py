"""Writes of meetings and their agenda. Staff keep meetings; every write runs in a
transaction and leaves an audit record.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from avk.access import is_staff
from avk.audit import audit_group, audit_record, diff
from avk.emails import mail_queue_many
from avk.links import absolute_reverse
from avk.text import neutralise_bidi_controls
from governance.models import AgendaItem, Body, Meeting, Memo
from governance.services.minutes import adoption_item_add, members_with_login
from partners.models import Partner

MEETING_FIELDS = ["body", "starts_at", "ends_at", "location_partner", "location", "notes"]


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
    given. A memo on the agenda must be addressed to the meeting's body. A new meeting
    gets "adopt the minutes" when the previous meeting's minutes await adoption.
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
            items = [
                AgendaItem(meeting=meeting, order=number, title=entry.title, memo=entry.memo)
                for number, entry in enumerate(agenda, start=1)
            ]
            for item in items:
                neutralise_bidi_controls(item)  # bulk_create() sends no pre_save
            AgendaItem.objects.bulk_create(items)
            changes["agenda"] = [old_agenda, new_agenda]
        if action == "meeting.created":
            # The body's previous minutes, circulated, are adopted at this meeting.
            adoption_item_add(meeting=meeting, user=user)
            if meeting.starts_at > timezone.now():
                meeting_invite(meeting)
        if changes or action == "meeting.created":
            audit_record(
                actor=user,
                instance=meeting,
                action=action,
                changes=changes,
                group=audit_group("meeting", meeting.pk),
            )
    return meeting


def meeting_invite(meeting: Meeting) -> int:
    """Invite the body's members to a new meeting: one mail each through the outbox (the
    key makes it once), with the meeting page and its meeting book. Their "meetings and
    minutes" mail setting decides. Returns the number of new mails."""
    link = absolute_reverse("governance:meeting_detail", meeting.pk)
    place = ", ".join(
        part
        for part in [
            meeting.location_partner.name if meeting.location_partner else "",
            meeting.location,
        ]
        if part
    )
    messages = []
    for member in members_with_login(meeting):
        language = member.language or settings.LANGUAGE_CODE
        with translation.override(language):
            when = formats.date_format(timezone.localtime(meeting.starts_at), "l j F Y, H:i")
        messages.append(
            {
                "key": f"meeting-invitation:{meeting.pk}:{member.pk}",
                "to": member.email,
                "name": "meeting_invitation",
                "language": language,
                "user_id": member.pk,
                "kind": "meetings",
                "context": {
                    "name": member.full_name or member.email,
                    "body": meeting.body.name,
                    "when": when,
                    "place": place,
                    "link": link,
                    "book_link": f"{link}#meeting-book",
                },
            }
        )
    return mail_queue_many(messages)
