"""A hand-written iCalendar (RFC 5545) entry for a reflection session.

Small enough not to need a library: one VEVENT, all day on the session's date.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from reflection.models import ReflectionSession

CRLF = "\r\n"
MAX_OCTETS = 75


def ical_escape(value: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "\\n")


def ical_fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character.

    Continuation lines start with one space, which counts towards their 75 octets.
    """
    parts = []
    current, size, limit = "", 0, MAX_OCTETS
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += octets
    parts.append(current)
    return (CRLF + " ").join(parts)


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def session_uid(session: ReflectionSession) -> str:
    """Stable per session, so a calendar updates the entry instead of adding a second one."""
    host = urlsplit(settings.SITE_URL).hostname or "avk-portal"
    return f"reflection-session-{session.pk}@{host}"


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
