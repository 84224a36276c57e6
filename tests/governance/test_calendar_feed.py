"""The personal calendar feed: a secret address with meetings, vote deadlines and actions."""

import datetime
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from avk.cache import touch
from avk.models import AuditEntry
from governance.models import CalendarFeed, Memo, Seat
from tests.factories import PartnerFactory, SeatFactory
from tests.governance.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    MeetingFactory,
    VotingMemoFactory,
)

pytestmark = pytest.mark.django_db


def ics_url(feed):
    return reverse("governance:calendar_ics", args=[feed.token])


def unfold(raw: bytes) -> list[str]:
    """The content lines (RFC 5545, 3.1: a CRLF followed by a space continues a line)."""
    return raw.decode().replace("\r\n ", "").split("\r\n")[:-1]


def events(lines: list[str]) -> list[dict]:
    found, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return found


def by_uid(lines):
    return {event["UID"]: event for event in events(lines)}


# --- the page -----------------------------------------------------------------------------


def test_first_visit_makes_the_feed_and_shows_its_address(client, db_member, settings):
    # The address goes into a calendar program: it is the portal's own address (SITE_URL),
    # not whatever host this request came in on.
    settings.SITE_URL = "http://127.0.0.1:8123"
    client.force_login(db_member)
    response = client.get(reverse("governance:calendar_feed"))
    assert response.status_code == 200
    feed = CalendarFeed.objects.get(user=db_member)
    html = response.content.decode()
    assert f"http://127.0.0.1:8123{ics_url(feed)}" in html
    assert f"webcal://127.0.0.1:8123{ics_url(feed)}" in html
    assert "testserver" not in html
    assert "Outlook" in html and "Google Agenda" in html and "Apple Agenda" in html
    assert response["Cache-Control"].startswith("max-age=0")
    client.get(reverse("governance:calendar_feed"))
    assert CalendarFeed.objects.filter(user=db_member).count() == 1
    assert CalendarFeed.objects.get(user=db_member).token == feed.token


def test_a_new_address_retires_the_old_one(client, db_member):
    client.force_login(db_member)
    client.get(reverse("governance:calendar_feed"))
    old = CalendarFeed.objects.get(user=db_member)
    old_url = ics_url(old)
    response = client.post(reverse("governance:calendar_feed"))
    assert response.status_code == 302
    new = CalendarFeed.objects.get(user=db_member)
    assert new.token != old.token
    client.logout()
    assert client.get(old_url).status_code == 404
    assert client.get(ics_url(new)).status_code == 200
    entry = AuditEntry.objects.get(action="calendar_feed.rotated")
    assert entry.actor == db_member
    assert new.token not in str(entry.changes) and old.token not in str(entry.changes)


def test_rotating_needs_a_login(client):
    response = client.post(reverse("governance:calendar_feed"))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not CalendarFeed.objects.exists()


# --- the feed ---------------------------------------------------------------------------


def test_unknown_token_and_other_methods(client, db_member):
    feed = CalendarFeed.objects.create(user=db_member)
    assert client.get(reverse("governance:calendar_ics", args=["nope"])).status_code == 404
    assert client.get(reverse("governance:calendar_ics", args=["x" * 200])).status_code == 404
    for forged in ["ab%00cd", "%C3%A9t%C3%A9", "a%20b", feed.token + "%00"]:
        assert client.get(f"/bestuur/agenda/{forged}.ics").status_code == 404
    assert client.post(ics_url(feed)).status_code == 405
    db_member.is_active = False
    db_member.save()
    assert client.get(ics_url(feed)).status_code == 404


def test_the_feed_is_rfc_5545(client, db_member, db_body):
    host = PartnerFactory(name="Gemeente Veendam; raadzaal, 1e verdieping")
    meeting = MeetingFactory(
        body=db_body,
        location_partner=host,
        location="Markt 5\nVeendam",
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=2),
    )
    AgendaItemFactory(meeting=meeting, title="Opening, mededelingen; en \\ ander " + "é" * 60)
    feed = CalendarFeed.objects.create(user=db_member)
    response = client.get(ics_url(feed))  # no login: the token is the key
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    raw = response.content
    assert raw.endswith(b"\r\n")
    physical = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(physical) and b"\r" not in b"".join(physical)
    assert all(len(line) <= 75 for line in physical)
    assert any(line.startswith(b" ") for line in physical)  # something was folded
    lines = unfold(raw)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
    assert lines[-1] == "END:VCALENDAR"
    assert any(line.startswith("PRODID:") for line in lines)
    assert "BEGIN:VTIMEZONE" in lines
    (event,) = events(lines)
    assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTART"])
    assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTEND"])
    assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"])
    assert event["SUMMARY"] == "Vergadering van Dagelijks Bestuur"
    assert event["LOCATION"] == "Gemeente Veendam\\; raadzaal\\, 1e verdieping\\, Markt 5\\nVeendam"
    assert "Opening\\, mededelingen\\; en \\\\ ander" in event["DESCRIPTION"]
    assert event["URL"].endswith(reverse("governance:meeting_detail", args=[meeting.pk]))


def test_what_the_feed_holds(client, db_member, db_body, sg_body):
    now = timezone.now()
    person = db_member.person
    upcoming = MeetingFactory(body=db_body, starts_at=now + datetime.timedelta(days=40))
    recent = MeetingFactory(body=db_body, starts_at=now - datetime.timedelta(days=80))
    MeetingFactory(body=db_body, starts_at=now - datetime.timedelta(days=100))  # too long ago
    MeetingFactory(body=sg_body)  # not my body
    voting = VotingMemoFactory(body=db_body, title="Memo, met; tekens", introduction="GEHEIM")
    submitted = VotingMemoFactory(
        body=db_body,
        status=Memo.Status.SUBMITTED,
        voting_opens_at=now + datetime.timedelta(days=1),
        voting_deadline=now + datetime.timedelta(days=8),
    )
    VotingMemoFactory(body=db_body, status=Memo.Status.DECIDED)  # closed
    VotingMemoFactory(body=sg_body)  # not my body
    action = ActionItemFactory(
        owner=person, title="Verslag rondsturen", due_date=datetime.date(2026, 12, 20)
    )
    ActionItemFactory(owner=person, status="done")
    ActionItemFactory(owner=SeatFactory(body=db_body).person)  # someone else's
    feed = CalendarFeed.objects.create(user=db_member)
    lines = unfold(client.get(ics_url(feed)).content)
    found = by_uid(lines)
    assert {uid.split("@")[0] for uid in found} == {
        f"governance-meeting-{upcoming.pk}",
        f"governance-meeting-{recent.pk}",
        f"governance-memo-deadline-{voting.pk}",
        f"governance-memo-deadline-{submitted.pk}",
        f"governance-action-{action.pk}",
    }
    deadline = next(e for uid, e in found.items() if f"memo-deadline-{voting.pk}@" in uid)
    assert deadline["SUMMARY"] == "Stemmen sluit: Memo\\, met\\; tekens (DB)"
    assert deadline["DTSTART"] == voting.voting_deadline.astimezone(datetime.UTC).strftime(
        "%Y%m%dT%H%M%SZ"
    )
    assert "GEHEIM" not in "\n".join(lines)  # no memo text beyond titles
    due = next(e for uid, e in found.items() if f"action-{action.pk}@" in uid)
    assert due["DTSTART;VALUE=DATE"] == "20261220"
    assert due["DTEND;VALUE=DATE"] == "20261221"
    assert (
        due["SUMMARY"] == "Actiepunt: Verslag rondsturen" or "Verslag rondsturen" in due["SUMMARY"]
    )

    # The same things keep the same UIDs.
    again = by_uid(unfold(client.get(ics_url(feed)).content))
    assert set(again) == set(found)


def test_deadlines_only_for_a_voting_seat(client, db_body):
    from tests.factories import PersonFactory, UserFactory

    adviser = UserFactory(email="adviseur@example.org")
    SeatFactory(person=PersonFactory(user=adviser), body=db_body, role=Seat.Role.ADVISER)
    meeting = MeetingFactory(body=db_body)
    VotingMemoFactory(body=db_body)
    feed = CalendarFeed.objects.create(user=adviser)
    found = by_uid(unfold(client.get(ics_url(feed)).content))
    # The adviser attends the meetings but does not vote.
    assert [uid.split("@")[0] for uid in found] == [f"governance-meeting-{meeting.pk}"]


def test_feed_in_the_users_language(client, db_member, db_body):
    MeetingFactory(body=db_body)
    db_member.language = "en"
    db_member.save()
    feed = CalendarFeed.objects.create(user=db_member)
    (event,) = events(unfold(client.get(ics_url(feed)).content))
    assert event["SUMMARY"] == "Meeting of Dagelijks Bestuur"


def test_feed_query_count_does_not_grow(client, db_member, db_body):
    person = db_member.person
    MeetingFactory(body=db_body)
    AgendaItemFactory(meeting=MeetingFactory(body=db_body))
    VotingMemoFactory(body=db_body)
    ActionItemFactory(owner=person)
    feed = CalendarFeed.objects.create(user=db_member)

    def count():
        touch(Seat)  # the member's voting seats are read afresh, not from the cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(ics_url(feed)).status_code == 200
        return len(queries)

    client.get(ics_url(feed))  # the cache's generation keys exist from the first request on
    small = count()
    for _ in range(15):
        meeting = MeetingFactory(body=db_body, location_partner=PartnerFactory())
        AgendaItemFactory(meeting=meeting)
        AgendaItemFactory(meeting=meeting)
        VotingMemoFactory(body=db_body)
        ActionItemFactory(owner=person)
    assert count() == small


def test_the_feed_parses_back_to_the_same_text(client, db_member, db_body):
    title = "Verslag, rondsturen; met \\ schuine streep\nen een regel " + "é€" * 40
    action = ActionItemFactory(
        owner=db_member.person, title=title, due_date=datetime.date(2026, 12, 20)
    )
    starts_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    meeting = MeetingFactory(
        body=db_body,
        location_partner=PartnerFactory(name="Gemeente Veendam; raadzaal, 1e verdieping"),
        location="Markt 5\nVeendam",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
    )
    AgendaItemFactory(meeting=meeting, title="Opening, mededelingen; en \\ ander\nstuk")
    feed = CalendarFeed.objects.create(user=db_member)
    raw = client.get(ics_url(feed)).content
    physical = raw.split(b"\r\n")
    assert physical[-1] == b""  # every line ends with CRLF, the last one too
    assert not any(b"\r" in line or b"\n" in line for line in physical)
    assert all(len(line) <= 75 for line in physical)
    calendar = Calendar.from_ical(raw)
    assert calendar.calendar_name == "AVK: mijn vergaderingen en deadlines"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Amsterdam"]
    found = {str(event.uid).split("@")[0]: event for event in calendar.events}
    due = found[f"governance-action-{action.pk}"]
    assert due.summary == f"Deadline actiepunt: {title}"
    assert (due.start, due.end) == (datetime.date(2026, 12, 20), datetime.date(2026, 12, 21))
    event = found[f"governance-meeting-{meeting.pk}"]
    assert event.location == "Gemeente Veendam; raadzaal, 1e verdieping, Markt 5\nVeendam"
    url = settings.SITE_URL + reverse("governance:meeting_detail", args=[meeting.pk])
    assert event.description == (
        f"Agenda:\n1. Opening, mededelingen; en \\ ander\nstuk\n{url}\n"
        f"Vergaderboek (pdf): {url}#meeting-book"
    )
    assert (event.start, event.end) == (starts_at, starts_at + datetime.timedelta(hours=2))
