"""The personal calendar feed: a person's meetings, vote deadlines and action due dates.

Read by calendar programs at a secret address (a bearer URL), so it holds no memo text
beyond titles. Built in a fixed number of queries whatever the number of entries.
"""

import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from avk.ical import PRODID, ical_date, ical_document, ical_escape, ical_stamp, ical_uid
from governance.models import ActionItem, AgendaItem, CalendarFeed, Meeting, Memo, Seat

PAST_MEETINGS = datetime.timedelta(days=90)
# A meeting without an end time shows in calendars as two hours long.
DEFAULT_MEETING_LENGTH = datetime.timedelta(hours=2)

# Europe/Amsterdam (the alliance's time), so the calendar always holds a component and
# programs know the portal's zone; the events themselves are given in UTC.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def _url(name: str, *args) -> str:
    try:
        return settings.SITE_URL + reverse(name, args=args)
    except NoReverseMatch:  # a page of another part that is not there (yet)
        return ""


def feed_entries(feed: CalendarFeed, *, now: datetime.datetime | None = None) -> dict:
    """What goes into the feed: four queries (five with meetings, for their agendas)."""
    now = now or timezone.now()
    user = feed.user
    seats = list(Seat.objects.current().filter(person__user=user).select_related("body"))
    body_ids = {seat.body_id for seat in seats}
    voting_body_ids = {seat.body_id for seat in seats if seat.is_voting}
    meetings = list(
        Meeting.objects.filter(body_id__in=body_ids, starts_at__gte=now - PAST_MEETINGS)
        .select_related("body", "location_partner")
        .prefetch_related(Prefetch("agenda", queryset=AgendaItem.objects.order_by("order", "id")))
        .order_by("starts_at", "id")
    )
    deadlines = list(
        Memo.objects.filter(
            body_id__in=voting_body_ids,
            status__in=[Memo.Status.SUBMITTED, Memo.Status.VOTING],
            voting_deadline__isnull=False,
        )
        .select_related("body")
        .order_by("voting_deadline", "id")
    )
    actions = list(
        ActionItem.objects.filter(owner__user=user, status=ActionItem.Status.OPEN).order_by(
            "due_date", "id"
        )
    )
    return {"meetings": meetings, "deadlines": deadlines, "actions": actions}


def _meeting_event(meeting: Meeting, stamp: str) -> list[str]:
    ends_at = meeting.ends_at or meeting.starts_at + DEFAULT_MEETING_LENGTH
    where = ", ".join(
        part
        for part in [
            meeting.location_partner.name if meeting.location_partner else "",
            meeting.location,
        ]
        if part
    )
    agenda = [f"{number}. {item.title}" for number, item in enumerate(meeting.agenda.all(), 1)]
    url = _url("governance:meeting_detail", meeting.pk)
    summary = _("Meeting of %(body)s") % {"body": meeting.body.name}
    description = "\n".join(([_("Agenda:"), *agenda] if agenda else []) + ([url] if url else []))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ical_uid(f'governance-meeting-{meeting.pk}')}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{ical_stamp(meeting.starts_at)}",
        f"DTEND:{ical_stamp(ends_at)}",
        f"SUMMARY:{ical_escape(summary)}",
    ]
    if where:
        lines.append(f"LOCATION:{ical_escape(where)}")
    if description:
        lines.append(f"DESCRIPTION:{ical_escape(description)}")
    if url:
        lines.append(f"URL:{url}")
    lines += [f"LAST-MODIFIED:{ical_stamp(meeting.updated_at)}", "END:VEVENT"]
    return lines


def _deadline_event(memo: Memo, stamp: str) -> list[str]:
    url = _url("governance:memo_vote", memo.pk) or _url("governance:memo_detail", memo.pk)
    summary = _("Voting closes: %(title)s (%(body)s)") % {
        "title": memo.title,
        "body": memo.body.short_name,
    }
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ical_uid(f'governance-memo-deadline-{memo.pk}')}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{ical_stamp(memo.voting_deadline)}",
        f"SUMMARY:{ical_escape(summary)}",
    ]
    if url:
        lines += [f"DESCRIPTION:{ical_escape(url)}", f"URL:{url}"]
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def _action_event(action: ActionItem, stamp: str) -> list[str]:
    url = _url("governance:my_actions")
    summary = _("Action due: %(title)s") % {"title": action.title}
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ical_uid(f'governance-action-{action.pk}')}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{ical_date(action.due_date)}",
        f"DTEND;VALUE=DATE:{ical_date(action.due_date + datetime.timedelta(days=1))}",
        f"SUMMARY:{ical_escape(summary)}",
    ]
    if url:
        lines.append(f"URL:{url}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def personal_calendar(*, feed: CalendarFeed, now: datetime.datetime | None = None) -> str:
    """The feed as a VCALENDAR (RFC 5545): CRLF line endings, folded, escaped, stable UIDs."""
    now = now or timezone.now()
    entries = feed_entries(feed, now=now)
    stamp = ical_stamp(now)
    with translation.override(feed.user.language or settings.LANGUAGE_CODE):
        name = _("AVK: my meetings and deadlines")
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"NAME:{ical_escape(name)}",
            f"X-WR-CALNAME:{ical_escape(name)}",
            "X-WR-TIMEZONE:Europe/Amsterdam",
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
            *VTIMEZONE,
        ]
        for meeting in entries["meetings"]:
            lines += _meeting_event(meeting, stamp)
        for memo in entries["deadlines"]:
            lines += _deadline_event(memo, stamp)
        for action in entries["actions"]:
            lines += _action_event(action, stamp)
        lines.append("END:VCALENDAR")
    return ical_document(lines)
