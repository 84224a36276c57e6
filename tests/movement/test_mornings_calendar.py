"""The public calendar feed of the open mornings: a valid iCal file with stable UIDs, the
times in the right zone, cancelled mornings struck out, bounded, and never who comes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from movement.models import TeamMorning
from movement.selectors.mornings_calendar import FEED_LIMIT, mornings_calendar
from tests.factories import PartnerFactory
from tests.movement.factories_mornings import MorningSignupFactory, TeamMorningFactory

pytestmark = pytest.mark.django_db

FEED = reverse("movement:morning_feed")


def events(body: bytes) -> list:
    return Calendar.from_ical(body).walk("VEVENT")


def test_the_feed_is_a_public_calendar_file(client):
    morning = TeamMorningFactory(
        date=datetime.date(2031, 1, 15),
        host=PartnerFactory(name="Cosis"),
        place="Kerkstraat 1, Veendam",
        note="Koffie staat klaar.",
    )
    MorningSignupFactory(morning=morning, name="Geheime Naam")
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="avk-open-ochtenden.ics"' in response["Content-Disposition"]
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = Calendar.from_ical(body)
    assert str(calendar["X-WR-CALNAME"]) == "AVK: open ochtenden van het programmateam"
    (event,) = events(body)
    assert str(event["SUMMARY"]) == "Open ochtend van het programmateam bij Cosis"
    assert str(event["LOCATION"]) == "Cosis, Kerkstraat 1, Veendam"
    assert str(event["STATUS"]) == "CONFIRMED"
    # 09:00-12:30 in Amsterdam in winter is 08:00-11:30 UTC.
    assert event.decoded("DTSTART") == datetime.datetime(2031, 1, 15, 8, 0, tzinfo=datetime.UTC)
    assert event.decoded("DTEND") == datetime.datetime(2031, 1, 15, 11, 30, tzinfo=datetime.UTC)
    description = str(event["DESCRIPTION"])
    assert "Koffie staat klaar." in description
    assert f"/beweging/ochtenden/{morning.pk}/" in description
    assert str(event["URL"]).endswith(f"/beweging/ochtenden/{morning.pk}/")
    assert b"Geheime" not in body and b"@example.org" not in body
    # The same UID on every download, so calendars update the entry.
    again = events(client.get(FEED).content)[0]
    assert str(again["UID"]) == str(event["UID"])


def test_summer_time_and_a_cancelled_morning():
    summer = TeamMorningFactory(date=datetime.date(2031, 7, 16), host=None, place="Emmen")
    TeamMorningFactory(date=datetime.date(2031, 7, 23), status=TeamMorning.Status.CANCELLED)
    first, cancelled = events(mornings_calendar())
    assert first.decoded("DTSTART") == datetime.datetime(2031, 7, 16, 7, 0, tzinfo=datetime.UTC)
    assert str(first["SUMMARY"]) == "Open ochtend van het programmateam"
    assert f"morning-{summer.pk}@" in str(first["UID"])
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]).startswith("Afgelast: ")


def test_the_feed_is_bounded_in_time_and_size(django_assert_max_num_queries):
    today = timezone.localdate()
    TeamMorningFactory(date=today - datetime.timedelta(weeks=6))  # too long ago
    recent = TeamMorningFactory(date=today - datetime.timedelta(weeks=2))
    TeamMorning.objects.bulk_create(
        [
            TeamMorning(date=today + datetime.timedelta(days=n), place="Veendam")
            for n in range(FEED_LIMIT + 20)
        ]
    )
    with django_assert_max_num_queries(1):
        found = events(mornings_calendar())
    assert len(found) == FEED_LIMIT
    assert f"morning-{recent.pk}@" in str(found[0]["UID"])
