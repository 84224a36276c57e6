"""Reading a meeting's minutes for their page, their PDF and the meeting book, in a fixed
number of queries."""

from dataclasses import dataclass

from django.utils import timezone

from governance.models import (
    ActionItem,
    Attendance,
    Meeting,
    Minutes,
    MinutesItem,
    ProposedDecision,
    Seat,
)
from partners.models import Person


@dataclass
class AttendanceRow:
    person: Person
    status: str
    label: str


def members_at(meeting: Meeting) -> list[Person]:
    """The people holding a seat of the meeting's body on the day of the meeting, by name
    (one query; someone with two seats once)."""
    seats = (
        Seat.objects.current(timezone.localdate(meeting.starts_at))
        .filter(body_id=meeting.body_id)
        .select_related("person")
        .order_by("person__name", "person_id")
    )
    people = {seat.person_id: seat.person for seat in seats}
    return list(people.values())


def next_meeting(meeting: Meeting) -> Meeting | None:
    """The body's first meeting after this one: where its minutes are adopted."""
    return (
        Meeting.objects.filter(body_id=meeting.body_id, starts_at__gt=meeting.starts_at)
        .order_by("starts_at", "id")
        .first()
    )


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(body_id=meeting.body_id, starts_at__lt=meeting.starts_at)
        .select_related("body")
        .order_by("-starts_at", "-id")
        .first()
    )


def minutes_of(meeting: Meeting) -> Minutes | None:
    return (
        Minutes.objects.filter(meeting=meeting)
        .select_related("adopted_in", "adopted_by", "drafted_by")
        .first()
    )


def attendance_rows(meeting: Meeting, minutes: Minutes | None) -> list[AttendanceRow]:
    """Every member of the body on the meeting's day, with their recorded attendance (blank
    when not recorded yet), plus anyone recorded who has left the body since."""
    recorded = {}
    if minutes is not None:
        recorded = {row.person_id: row for row in minutes.attendance.select_related("person").all()}
    people = members_at(meeting)
    known = {person.pk for person in people}
    people += [row.person for pk, row in recorded.items() if pk not in known]
    labels = dict(Attendance.Status.choices)
    rows = []
    for person in people:
        status = recorded[person.pk].status if person.pk in recorded else ""
        rows.append(AttendanceRow(person=person, status=status, label=labels.get(status, "")))
    return rows


def minutes_items(meeting: Meeting, minutes: Minutes | None) -> list:
    """What the minutes say per agenda item: the stored items once drafted, else the
    meeting's agenda (with empty text)."""
    if minutes is not None:
        items = list(minutes.items.select_related("memo").order_by("order", "id"))
        if items:
            return items
    return [
        MinutesItem(order=item.order, title=item.title, memo=item.memo, text="")
        for item in meeting.agenda.select_related("memo").order_by("order", "id")
    ]


def minutes_content(meeting: Meeting, minutes: Minutes | None = None) -> dict:
    """Everything the minutes show: attendance, items, the decisions on the memos on the
    agenda, and the meeting's actions. Seven queries, whatever their number."""
    items = minutes_items(meeting, minutes)
    memo_ids = [item.memo_id for item in items if item.memo_id]
    decisions = list(
        ProposedDecision.objects.filter(memo_id__in=memo_ids)
        .select_related("memo", "listed")
        .order_by("memo__memo_date", "memo_id", "order", "id")
    )
    for decision in decisions:
        listed = decision.listed if hasattr(decision, "listed") else None
        decision.list_number = listed.number if listed else ""
    actions = list(
        ActionItem.objects.filter(meeting=meeting)
        .select_related("owner")
        .order_by("due_date", "id")
    )
    return {
        "minutes": minutes,
        "attendance": attendance_rows(meeting, minutes),
        "items": items,
        "decisions": decisions,
        "actions": actions,
    }


def agenda_for_drafting(meeting: Meeting, minutes: Minutes | None) -> list:
    """The meeting's agenda items, each with `.text`: what the draft says about it so far
    (matched on order and title, as the minutes keep a copy of the agenda)."""
    written = {}
    if minutes is not None:
        written = {(item.order, item.title): item.text for item in minutes.items.all()}
    agenda = list(meeting.agenda.order_by("order", "id"))
    for item in agenda:
        item.text = written.get((item.order, item.title), "")
    return agenda
