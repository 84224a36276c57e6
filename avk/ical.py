"""What every calendar (RFC 5545) of the portal shares; the icalendar library writes them.

The library escapes TEXT values, folds long lines at 75 octets and ends lines with CRLF.
"""

from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar

PRODID = "-//Alliantie van Kracht//AVK portal//NL"


def new_calendar() -> Calendar:
    """An empty VCALENDAR with the portal's product id, published for subscribers to read."""
    # Not Calendar.new(): it gives the calendar a random UID, different on every download.
    calendar = Calendar()
    calendar.version = "2.0"
    calendar.prodid = PRODID
    calendar.calscale = "GREGORIAN"
    calendar.method = "PUBLISH"
    return calendar


def ical_uid(name: str) -> str:
    """A UID that stays the same for the same thing, so calendars update instead of adding."""
    host = urlsplit(settings.SITE_URL).hostname or "avk-portal"
    return f"{name}@{host}"
