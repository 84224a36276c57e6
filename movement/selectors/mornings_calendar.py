"""The public calendar feed (iCal, RFC 5545) of the open mornings.

Anyone may subscribe: it holds what the public list shows (date, times, host, address,
the note for visitors) and never who comes. A cancelled morning stays in the feed as
STATUS:CANCELLED under the same UID, so subscribed calendars strike it out. Bounded: the
last few weeks and at most FEED_LIMIT mornings ahead, in one query.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Event, vDuration, vText

from avk.cache import cached
from avk.ical import ical_uid, new_calendar
from avk.links import absolute_reverse
from movement.models import TeamMorning
from partners.models import Partner

# What the feed shows: it is kept (avk.cache) per day until one of these changes.
FEED_READ = (TeamMorning, Partner)
FEED_PAST = datetime.timedelta(weeks=4)
FEED_LIMIT = 60  # about a year of weekly mornings
REFRESH = datetime.timedelta(hours=6)
PORTAL_TIMEZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def feed_mornings(today: datetime.date) -> list[TeamMorning]:
    """The mornings of the feed: from four weeks ago on, the earliest first, at most
    FEED_LIMIT (one query)."""
    return list(
        TeamMorning.objects.filter(date__gte=today - FEED_PAST)
        .select_related("host")
        .order_by("date", "pk")[:FEED_LIMIT]
    )


def _utc(day: datetime.date, time: datetime.time) -> datetime.datetime:
    local = datetime.datetime.combine(day, time, tzinfo=PORTAL_TIMEZONE)
    return local.astimezone(datetime.UTC)


def _event(morning: TeamMorning, stamp: datetime.datetime, url: str) -> Event:
    host = morning.host.name if morning.host else ""
    summary = (
        _("Open morning of the programme team at %(host)s") % {"host": host}
        if host
        else _("Open morning of the programme team")
    )
    if morning.is_cancelled:
        summary = _("Cancelled: %(summary)s") % {"summary": summary}
    lines = [
        _("The programme team works here this morning. You are welcome to join."),
        morning.note,
        _("Say you are coming: %(url)s") % {"url": url},
    ]
    event = Event.new(
        uid=ical_uid(f"movement-morning-{morning.pk}"),
        stamp=stamp,
        start=_utc(morning.date, morning.starts_at),
        end=_utc(morning.date, morning.ends_at),
        summary=summary,
        location=morning.location or None,
        description="\n".join(line for line in lines if line),
        url=url,
        last_modified=morning.updated_at.astimezone(datetime.UTC),
    )
    event.add("STATUS", "CANCELLED" if morning.is_cancelled else "CONFIRMED")
    return event


def kept_mornings_calendar() -> bytes:
    """The feed as `mornings_calendar` makes it, kept for the day until a morning or a
    partner changes (calendar programs ask for it often; building it is costly)."""
    return cached(
        "movement:morning-feed",
        FEED_READ,
        mornings_calendar,
        parts=[timezone.localdate().isoformat(), settings.SITE_URL],
    )


def mornings_calendar(*, now: datetime.datetime | None = None) -> bytes:
    """The feed as a VCALENDAR with stable UIDs, in the portal's language, encoded."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    stamp = now.astimezone(datetime.UTC)
    with translation.override(settings.LANGUAGE_CODE):
        calendar = new_calendar()
        calendar.calendar_name = vText(_("AVK: open mornings of the programme team"))
        calendar.add("X-WR-TIMEZONE", vText(settings.TIME_ZONE))
        calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
        for morning in feed_mornings(today):
            url = absolute_reverse("movement:morning_detail", morning.pk)
            calendar.add_component(_event(morning, stamp, url))
    return calendar.to_ical()
