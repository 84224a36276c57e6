"""A hand-written iCalendar (RFC 5545) entry for a reflection session.

Small enough not to need a library: one VEVENT, all day on the session's date. The generic
helpers (escaping, folding, stamps) live in avk.ical, shared with the governance feed.
"""

import datetime

from django.utils import timezone

from avk.ical import CRLF, ical_escape, ical_fold, ical_uid
from avk.ical import ical_stamp as _stamp
from reflection.models import ReflectionSession

__all__ = ["CRLF", "ical_escape", "ical_fold", "session_calendar", "session_uid"]


def session_uid(session: ReflectionSession) -> str:
    """Stable per session, so a calendar updates the entry instead of adding a second one."""
    return ical_uid(f"reflection-session-{session.pk}")


def session_calendar(
    *,
    session: ReflectionSession,
    url: str = "",
    description: str = "",
    now: datetime.datetime | None = None,
) -> str:
    """The session as a VCALENDAR with one all-day VEVENT; CRLF line endings, folded lines."""
    summary = f"Eiland van reflectie {session.label} {session.year}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Alliantie van Kracht//AVK portal//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{session_uid(session)}",
        f"DTSTAMP:{_stamp(now or timezone.now())}",
        f"DTSTART;VALUE=DATE:{session.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{session.date + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{ical_escape(summary)}",
    ]
    if session.updated_at:
        lines.append(f"LAST-MODIFIED:{_stamp(session.updated_at)}")
    if description:
        lines.append(f"DESCRIPTION:{ical_escape(description)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT", "END:VCALENDAR"]
    return "".join(ical_fold(line) + CRLF for line in lines)
