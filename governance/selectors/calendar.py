"""The personal calendar feed: a person's meetings, vote deadlines and action due dates.

Read by calendar programs at a secret address (a bearer URL), so it holds no memo text
beyond titles. Built in a fixed number of queries whatever the number of entries.
"""

import datetime
import functools

from django.conf import settings
from django.db.models import Prefetch
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import TRANSP, Calendar, Event, Timezone, vDuration, vText

from avk.ical import ical_uid, new_calendar
from avk.links import absolute_reverse
from governance.access import voting_seats_of_user
from governance.models import ActionItem, AgendaItem, CalendarFeed, Meeting, Memo, Seat

PAST_MEETINGS = datetime.timedelta(days=90)
# A meeting without an end time shows in calendars as two hours long.
DEFAULT_MEETING_LENGTH = datetime.timedelta(hours=2)
# How often calendar programs should fetch the feed again.
REFRESH = datetime.timedelta(hours=1)
# The alliance's time: the calendar always holds its VTIMEZONE so programs know the portal's
# zone; the events themselves are given in UTC.
PORTAL_TIMEZONE = "Europe/Amsterdam"


@functools.cache
def _portal_vtimezone() -> Timezone:
    # Worked out from zoneinfo once per process; shared by every feed and never changed.
    return Timezone.from_tzid(PORTAL_TIMEZONE)


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def _url(name: str, *args) -> str:
    try:
        return absolute_reverse(name, *args)
    except NoReverseMatch:  # a page of another part that is not there (yet)
        return ""


def feed_entries(feed: CalendarFeed, *, now: datetime.datetime | None = None) -> dict:
    """What goes into the feed: five queries (six with meetings, for their agendas). The
    vote deadlines are of the bodies where the user holds a voting seat or stands in for
    one as a substitute today."""
    now = now or timezone.now()
    user = feed.user
    seats = list(Seat.objects.current().filter(person__user=user).select_related("body"))
    body_ids = {seat.body_id for seat in seats}
    voting_body_ids = {seat.body_id for seat in seats if seat.is_voting} | {
        seat.body_id for seat in voting_seats_of_user(user)
    }
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


def _meeting_event(meeting: Meeting, stamp: datetime.datetime) -> Event:
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
    # There is no invitation mail: the calendar entry points at the meeting book too.
    book = [_("Meeting book (PDF): %(url)s") % {"url": f"{url}#meeting-book"}] if url else []
    description = "\n".join(
        ([_("Agenda:"), *agenda] if agenda else []) + ([url] if url else []) + book
    )
    return Event.new(
        uid=ical_uid(f"governance-meeting-{meeting.pk}"),
        stamp=stamp,
        start=_utc(meeting.starts_at),
        end=_utc(ends_at),
        summary=_("Meeting of %(body)s") % {"body": meeting.body.name},
        location=where or None,
        description=description or None,
        url=url or None,
        last_modified=_utc(meeting.updated_at),
    )


def deadline_event(memo: Memo, stamp: datetime.datetime) -> Event:
    """The voting deadline of `memo` (with its body): in the feed and in the opening mail,
    under the same UID, so a calendar holding both updates one entry."""
    url = _url("governance:memo_vote", memo.pk) or _url("governance:memo_detail", memo.pk)
    summary = _("Voting closes: %(title)s (%(body)s)") % {
        "title": memo.title,
        "body": memo.body.short_name,
    }
    return Event.new(
        uid=ical_uid(f"governance-memo-deadline-{memo.pk}"),
        stamp=stamp,
        start=_utc(memo.voting_deadline),
        summary=summary,
        description=url or None,
        url=url or None,
        transparency=TRANSP.TRANSPARENT,
    )


def _action_event(action: ActionItem, stamp: datetime.datetime) -> Event:
    url = _url("governance:my_actions")
    return Event.new(
        uid=ical_uid(f"governance-action-{action.pk}"),
        stamp=stamp,
        start=action.due_date,  # a date, so an all-day entry
        end=action.due_date + datetime.timedelta(days=1),
        summary=_("Action due: %(title)s") % {"title": action.title},
        url=url or None,
        transparency=TRANSP.TRANSPARENT,
    )


def _feed_calendar(name: str) -> Calendar:
    calendar = new_calendar()
    # NAME and X-WR-CALNAME. icalendar writes properties it has no type for as they come, so
    # the TEXT ones are wrapped in vText to be escaped.
    calendar.calendar_name = vText(name)
    calendar.add("X-WR-TIMEZONE", vText(PORTAL_TIMEZONE))
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    calendar.add_component(_portal_vtimezone())
    return calendar


def deadline_calendar(*, memo: Memo, language: str, now: datetime.datetime | None = None) -> str:
    """A calendar with only the voting deadline of `memo`: the opening mail's attachment."""
    with translation.override(language):
        calendar = new_calendar()
        calendar.add_component(deadline_event(memo, _utc(now or timezone.now())))
    return calendar.to_ical().decode()


def personal_calendar(*, feed: CalendarFeed, now: datetime.datetime | None = None) -> bytes:
    """The feed as a VCALENDAR (RFC 5545) with stable UIDs, encoded for the response."""
    now = now or timezone.now()
    entries = feed_entries(feed, now=now)
    stamp = _utc(now)
    with translation.override(feed.user.language or settings.LANGUAGE_CODE):
        calendar = _feed_calendar(_("AVK: my meetings and deadlines"))
        for meeting in entries["meetings"]:
            calendar.add_component(_meeting_event(meeting, stamp))
        for memo in entries["deadlines"]:
            calendar.add_component(deadline_event(memo, stamp))
        for action in entries["actions"]:
            calendar.add_component(_action_event(action, stamp))
    return calendar.to_ical()
