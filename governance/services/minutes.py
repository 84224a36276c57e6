"""Writes of a meeting's minutes: drafting, circulating to the body's members, and
adoption at the body's next meeting. Once adopted the minutes never change: every write
here locks the row and refuses.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.emails import mail_queue_many
from avk.links import absolute_reverse
from governance.access import may_draft_minutes
from governance.models import AgendaItem, Attendance, Meeting, Minutes, MinutesItem
from governance.selectors.bodies import seat_users
from governance.selectors.minutes import members_at, next_meeting, previous_meeting

MAIL_TEMPLATE = "minutes_circulated"
MAX_TEXT = MinutesItem._meta.get_field("text").max_length


def _require_drafter(user, meeting: Meeting) -> None:
    if not may_draft_minutes(user, meeting):
        raise PermissionDenied(_("Only the secretary of the body or programme staff may do this."))


def _locked(meeting: Meeting) -> Minutes | None:
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is not None and minutes.is_adopted:
        raise ValidationError(_("These minutes have been adopted: they cannot change any more."))
    return minutes


def _check(meeting, attendance: dict[int, str], items: dict[int, str]) -> None:
    members = {person.pk for person in members_at(meeting)}
    if set(attendance) - members:
        raise ValidationError(
            _("Attendance can only be recorded for members of %(body)s.")
            % {"body": meeting.body.name}
        )
    if set(attendance.values()) - set(Attendance.Status.values):
        raise ValidationError(_("Choose present, absent with notice or absent."))
    agenda = {item.pk for item in meeting.agenda.all()}
    if set(items) - agenda:
        raise ValidationError(_("Write only about the agenda items of this meeting."))
    for pk in agenda:
        text = items.get(pk, "").strip()
        if not text:
            raise ValidationError(_("Write for every agenda item what was discussed."))
        if len(text) > MAX_TEXT:
            raise ValidationError(
                _("Keep what was discussed under %(n)s characters per item.") % {"n": MAX_TEXT}
            )


def minutes_save(
    *,
    meeting: Meeting,
    user,
    notes: str = "",
    attendance: dict[int, str],
    items: dict[int, str],
) -> Minutes:
    """Draft or change the minutes of `meeting`: its general notes, the attendance per
    member of the body (person pk -> status) and what was discussed per agenda item
    (agenda item pk -> text; every item needs text). Refused once adopted."""
    _require_drafter(user, meeting)
    _check(meeting, attendance, items)
    with transaction.atomic():
        minutes = _locked(meeting)
        created = minutes is None
        if created:
            minutes = Minutes(meeting=meeting, drafted_by=user)
        minutes.notes = notes.strip()
        minutes.full_clean()
        minutes.save()
        minutes.attendance.all().delete()
        Attendance.objects.bulk_create(
            Attendance(minutes=minutes, person_id=pk, status=status)
            for pk, status in attendance.items()
        )
        minutes.items.all().delete()
        MinutesItem.objects.bulk_create(
            MinutesItem(
                minutes=minutes,
                order=item.order,
                title=item.title,
                memo_id=item.memo_id,
                text=items[item.pk].strip(),
            )
            for item in meeting.agenda.order_by("order", "id")
        )
        audit_record(
            actor=user,
            instance=minutes,
            action="minutes.drafted" if created else "minutes.updated",
            changes={"attendance": [None, {str(k): v for k, v in attendance.items()}]},
            group=audit_group("meeting", meeting.pk),
        )
    return minutes


def adoption_title(meeting: Meeting) -> str:
    """The agenda item adopting a meeting's minutes, in the portal's language: agenda
    titles are the alliance's own words."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("Adopt the minutes of %(date)s") % {
            "date": formats.date_format(timezone.localdate(meeting.starts_at), "j F Y")
        }


def adoption_item_add(*, meeting: Meeting, user) -> AgendaItem | None:
    """Put "adopt the minutes of <date>" on `meeting`'s agenda when the body's previous
    meeting has circulated minutes not adopted yet; once (None when there is nothing to
    add or it is there)."""
    previous = previous_meeting(meeting)
    if previous is None:
        return None
    minutes = Minutes.objects.filter(meeting=previous).first()
    if minutes is None or minutes.circulated_at is None or minutes.is_adopted:
        return None
    title = adoption_title(previous)
    if meeting.agenda.filter(title=title).exists():
        return None
    last = meeting.agenda.order_by("-order").first()
    item = AgendaItem.objects.create(
        meeting=meeting, order=(last.order + 1) if last else 1, title=title
    )
    audit_record(
        actor=user,
        instance=meeting,
        action="meeting.agenda_item_added",
        changes={"agenda": ["", title]},
        group=audit_group("meeting", meeting.pk),
    )
    return item


def members_with_login(meeting: Meeting) -> list:
    """The users of the current seats of the meeting's body (any role), each once."""
    return [member.user for member in seat_users([meeting.body_id])[meeting.body_id]]


def minutes_circulate(*, meeting: Meeting, user) -> Minutes:
    """Send the draft minutes to the body's members, once: one mail each through the
    outbox, and "adopt the minutes" on the agenda of the body's next meeting."""
    _require_drafter(user, meeting)
    with transaction.atomic():
        minutes = _locked(meeting)
        if minutes is None:
            raise ValidationError(_("Draft the minutes first."))
        if minutes.circulated_at is not None:
            raise ValidationError(_("These minutes have already been sent to the members."))
        minutes.circulated_at = timezone.now()
        minutes.save(update_fields=["circulated_at", "updated_at"])
        link = absolute_reverse("governance:minutes_detail", meeting.pk)
        messages = []
        for member in members_with_login(meeting):
            language = member.language or settings.LANGUAGE_CODE
            with translation.override(language):
                date = formats.date_format(timezone.localdate(meeting.starts_at), "j F Y")
            messages.append(
                {
                    "key": f"minutes-circulated:{minutes.pk}:{member.pk}",
                    "to": member.email,
                    "name": MAIL_TEMPLATE,
                    "language": language,
                    "user_id": member.pk,
                    "kind": "meetings",  # the member's mail settings decide
                    "context": {
                        "name": member.full_name or member.email,
                        "body": meeting.body.name,
                        "date": date,
                        "link": link,
                    },
                }
            )
        mail_queue_many(messages)
        upcoming = next_meeting(meeting)
        if upcoming is not None:
            adoption_item_add(meeting=upcoming, user=user)
        audit_record(
            actor=user,
            instance=minutes,
            action="minutes.circulated",
            changes={"recipients": [None, len(messages)]},
            group=audit_group("meeting", meeting.pk),
        )
    return minutes


def minutes_adopt(*, meeting: Meeting, user) -> Minutes:
    """Record that the body's next meeting adopted these minutes: who recorded it, when,
    and which meeting. After this nothing changes them."""
    _require_drafter(user, meeting)
    with transaction.atomic():
        minutes = _locked(meeting)
        if minutes is None or minutes.circulated_at is None:
            raise ValidationError(_("Minutes are adopted after they were sent to the members."))
        upcoming = next_meeting(meeting)
        if upcoming is None:
            raise ValidationError(
                _("Minutes are adopted at the next meeting of the body: plan that meeting first.")
            )
        minutes.adopted_at = timezone.now()
        minutes.adopted_by = user
        minutes.adopted_in = upcoming
        minutes.full_clean()
        minutes.save()
        audit_record(
            actor=user,
            instance=minutes,
            action="minutes.adopted",
            changes={"adopted_in": [None, str(upcoming)]},
            group=audit_group("meeting", meeting.pk),
        )
    return minutes
