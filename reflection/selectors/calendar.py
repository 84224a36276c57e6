"""A reflection session as an iCalendar (RFC 5545) entry: one VEVENT, all day on its date."""

import datetime

from django.utils import timezone
from icalendar import TRANSP, Event

from avk.ical import ical_uid, new_calendar
from reflection.models import ReflectionSession


def session_uid(session: ReflectionSession) -> str:
    """Stable per session, so a calendar updates the entry instead of adding a second one."""
    return ical_uid(f"reflection-session-{session.pk}")


def session_calendar(
    *,
    session: ReflectionSession,
    url: str = "",
    description: str = "",
    now: datetime.datetime | None = None,
) -> bytes:
    """The session as a VCALENDAR with one all-day VEVENT, encoded for the response."""
    event = Event.new(
        uid=session_uid(session),
        stamp=(now or timezone.now()).astimezone(datetime.UTC),
        start=session.date,  # a date, so an all-day entry
        end=session.date + datetime.timedelta(days=1),
        summary=f"Eiland van reflectie {session.label} {session.year}",
        last_modified=session.updated_at.astimezone(datetime.UTC) if session.updated_at else None,
        description=description or None,
        url=url or None,
        transparency=TRANSP.TRANSPARENT,
    )
    calendar = new_calendar()
    calendar.add_component(event)
    return calendar.to_ical()
