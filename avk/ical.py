"""Hand-written iCalendar (RFC 5545): the few helpers every calendar feed of the portal needs.

Small enough not to need a library: escaping of TEXT values, folding of long lines at 75
octets, UTC time stamps, stable UIDs and the CRLF line endings the RFC asks for.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings

CRLF = "\r\n"
MAX_OCTETS = 75
PRODID = "-//Alliantie van Kracht//AVK portal//NL"


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


def ical_stamp(moment: datetime.datetime) -> str:
    """A DATE-TIME in UTC: 20261124T173000Z."""
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def ical_date(day: datetime.date) -> str:
    """A DATE value: 20261124."""
    return f"{day:%Y%m%d}"


def ical_uid(name: str) -> str:
    """A UID that stays the same for the same thing, so calendars update instead of adding."""
    host = urlsplit(settings.SITE_URL).hostname or "avk-portal"
    return f"{name}@{host}"


def ical_document(lines: list[str]) -> str:
    """The content lines, folded, each ended by CRLF."""
    return "".join(ical_fold(line) + CRLF for line in lines)
