"""Minutes of a meeting: drafted by the body's secretary or staff, circulated once to the
members, adopted at the next meeting, then never changed (services and admin)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from avk.models import AuditEntry, OutgoingMail
from governance.models import AgendaItem, Attendance, Minutes
from governance.services.meetings import meeting_save
from governance.services.minutes import (
    adoption_title,
    minutes_adopt,
    minutes_circulate,
    minutes_save,
)
from tests.factories import PersonFactory, SeatFactory
from tests.governance.factories_minutes import past_and_next, secretary_of, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(db_body):
    return past_and_next(db_body)


@pytest.fixture
def secretary(db_body):
    return secretary_of(db_body)


def draft(meeting, user):
    return minutes_save(
        meeting=meeting, user=user, notes="Notulist: Sanne.", attendance={}, items=texts(meeting)
    )


def test_the_secretary_drafts_attendance_and_items(meetings, secretary, db_member):
    past, _next = meetings
    seats = {seat.person.pk: seat.person for seat in past.body.seats.select_related("person")}
    attendance = dict.fromkeys(seats, Attendance.Status.PRESENT)
    attendance[next(iter(seats))] = Attendance.Status.EXCUSED
    minutes = minutes_save(
        meeting=past,
        user=secretary,
        notes=" Notulist: Sanne. ",
        attendance=attendance,
        items=texts(past, "Besproken en akkoord."),
    )
    assert minutes.notes == "Notulist: Sanne."
    assert minutes.drafted_by == secretary
    assert {a.person_id: a.status for a in minutes.attendance.all()} == attendance
    assert [i.title for i in minutes.items.order_by("order")] == [
        "Opening",
        "Randvoorwaarden",
        "Rondvraag",
    ]
    assert minutes.items.get(title="Randvoorwaarden").memo is not None
    assert AuditEntry.objects.filter(action="minutes.drafted").count() == 1


def test_staff_draft_too_but_a_member_may_not(meetings, staff, db_member):
    past, _next = meetings
    assert draft(past, staff).pk
    with pytest.raises(PermissionDenied):
        draft(past, db_member)


def test_a_secretary_of_another_body_may_not_draft(meetings, sg_body):
    past, _next = meetings
    with pytest.raises(PermissionDenied):
        draft(past, secretary_of(sg_body, "sg-secretaris@example.org"))


def test_attendance_for_a_person_not_in_the_body_is_refused_nothing_saved(meetings, secretary):
    past, _next = meetings
    stranger = PersonFactory(name="Iemand Anders")
    with pytest.raises(ValidationError) as error:
        minutes_save(
            meeting=past, user=secretary, attendance={stranger.pk: "present"}, items=texts(past)
        )
    assert "alleen vastleggen voor leden van Dagelijks Bestuur" in " ".join(error.value.messages)
    assert not Minutes.objects.exists()


def test_an_unknown_attendance_status_is_refused(meetings, secretary, db_member):
    past, _next = meetings
    person = past.body.seats.get(person__user=db_member).person
    with pytest.raises(ValidationError):
        minutes_save(
            meeting=past, user=secretary, attendance={person.pk: "asleep"}, items=texts(past)
        )
    assert not Minutes.objects.exists()


@pytest.mark.parametrize("text", ["", "   "])
def test_an_agenda_item_without_text_is_refused_nothing_saved(meetings, secretary, text):
    past, _next = meetings
    items = texts(past)
    items[past.agenda.get(order=2).pk] = text
    with pytest.raises(ValidationError) as error:
        minutes_save(meeting=past, user=secretary, attendance={}, items=items)
    assert "bij elk agendapunt" in " ".join(error.value.messages)
    assert not Minutes.objects.exists()


def test_an_item_of_another_meeting_is_refused(meetings, secretary):
    past, upcoming = meetings
    other = AgendaItem.objects.create(meeting=upcoming, order=1, title="Elders")
    with pytest.raises(ValidationError):
        minutes_save(
            meeting=past, user=secretary, attendance={}, items=texts(past) | {other.pk: "x"}
        )


def test_circulating_mails_every_member_once_and_puts_adoption_on_the_next_agenda(
    meetings, secretary, db_member, staff, django_capture_on_commit_callbacks
):
    past, upcoming = meetings
    draft(past, secretary)
    with django_capture_on_commit_callbacks(execute=True):
        minutes_circulate(meeting=past, user=secretary)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([db_member.email, secretary.email])
    link = reverse("governance:minutes_detail", args=[past.pk])
    for message in mail.outbox:  # both bodies, in Dutch
        html = message.alternatives[0][0]
        assert link in message.body and link in html
        assert "conceptverslag" in message.body and "Lees het verslag" in html
        assert message.subject.startswith("Verslag van Dagelijks Bestuur")
    assert OutgoingMail.objects.filter(key__startswith="minutes-circulated:").count() == 2
    assert upcoming.agenda.filter(title=adoption_title(past)).count() == 1
    assert adoption_title(past).startswith("Vaststellen verslag")
    with pytest.raises(ValidationError):  # once
        minutes_circulate(meeting=past, user=secretary)
    assert OutgoingMail.objects.filter(key__startswith="minutes-circulated:").count() == 2


def test_a_meeting_planned_after_circulation_gets_the_adoption_item(db_body, secretary, staff):
    import datetime

    from django.utils import timezone

    past, upcoming = past_and_next(db_body)
    upcoming.delete()
    draft(past, secretary)
    minutes_circulate(meeting=past, user=secretary)
    new = meeting_save(
        meeting=None,
        user=staff,
        body=db_body,
        starts_at=timezone.now() + datetime.timedelta(days=20),
        agenda=[],
    )
    assert list(new.agenda.values_list("title", flat=True)) == [adoption_title(past)]


def test_adoption_records_who_when_and_where_then_nothing_changes(meetings, secretary, staff):
    past, upcoming = meetings
    draft(past, secretary)
    with pytest.raises(ValidationError):  # not circulated yet
        minutes_adopt(meeting=past, user=secretary)
    minutes_circulate(meeting=past, user=secretary)
    minutes = minutes_adopt(meeting=past, user=secretary)
    assert minutes.adopted_in == upcoming
    assert minutes.adopted_by == secretary and minutes.adopted_at is not None
    assert AuditEntry.objects.filter(action="minutes.adopted").count() == 1
    for user in (secretary, staff):
        with pytest.raises(ValidationError, match="is vastgesteld"):
            draft(past, user)
        with pytest.raises(ValidationError, match="is vastgesteld"):
            minutes_adopt(meeting=past, user=user)
        with pytest.raises(ValidationError, match="is vastgesteld"):
            minutes_circulate(meeting=past, user=user)
    assert minutes.items.first().text == "Besproken."


def test_adoption_needs_a_next_meeting(db_body, secretary):
    past, upcoming = past_and_next(db_body)
    upcoming.delete()
    draft(past, secretary)
    minutes_circulate(meeting=past, user=secretary)
    with pytest.raises(ValidationError, match="volgende vergadering"):
        minutes_adopt(meeting=past, user=secretary)


def test_a_member_cannot_circulate_or_adopt(meetings, secretary, db_member):
    past, _next = meetings
    draft(past, secretary)
    with pytest.raises(PermissionDenied):
        minutes_circulate(meeting=past, user=db_member)
    minutes_circulate(meeting=past, user=secretary)
    with pytest.raises(PermissionDenied):
        minutes_adopt(meeting=past, user=db_member)


def test_the_minutes_keep_their_agenda_when_the_agenda_changes(meetings, secretary, staff):
    past, _next = meetings
    draft(past, secretary)
    past.agenda.all().delete()
    assert Minutes.objects.get().items.count() == 3


# --- the admin shows adopted minutes read-only --------------------------------------------


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(email="root@example.org", password="x")


def test_the_admin_edits_a_draft_but_shows_adopted_minutes_read_only(
    client, meetings, secretary, superuser
):
    past, _next = meetings
    minutes = draft(past, secretary)
    client.force_login(superuser)
    url = reverse("admin:governance_minutes_change", args=[minutes.pk])
    assert b'name="notes"' in client.get(url).content
    minutes_circulate(meeting=past, user=secretary)
    minutes_adopt(meeting=past, user=secretary)
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="notes"' not in page.content and b'name="items-0-text"' not in page.content
    response = client.post(url, {"notes": "Veranderd"})
    assert response.status_code == 403
    delete = reverse("admin:governance_minutes_delete", args=[minutes.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    minutes.refresh_from_db()
    assert minutes.notes == "Notulist: Sanne." and minutes.is_adopted


def test_a_person_outside_the_body_stays_unrecorded(meetings, secretary):
    past, _next = meetings
    SeatFactory(body=past.body, person=PersonFactory(name="Nieuw Lid"))
    assert draft(past, secretary).attendance.count() == 0


def test_the_start_page_asks_members_to_read_sent_minutes_until_they_are_adopted(
    meetings, secretary, db_member, sg_member, client
):
    past, _upcoming = meetings
    link = reverse("governance:minutes_detail", args=[past.pk])
    draft(past, secretary)
    client.force_login(db_member)
    assert link not in client.get(reverse("home")).content.decode()  # a draft: not yet
    minutes_circulate(meeting=past, user=secretary)
    assert link in client.get(reverse("home")).content.decode()
    client.force_login(sg_member)  # another body's member
    assert link not in client.get(reverse("home")).content.decode()
    minutes_adopt(meeting=past, user=secretary)
    client.force_login(db_member)
    assert link not in client.get(reverse("home")).content.decode()


def test_circulated_minutes_follow_the_members_meeting_mail_setting(
    meetings, secretary, db_member, django_capture_on_commit_callbacks
):
    from avk.models import NotificationPreference
    from avk.notifications import preferences_set

    past, _upcoming = meetings
    preferences_set(user=db_member, modes={"meetings": NotificationPreference.Mode.OFF})
    draft(past, secretary)
    with django_capture_on_commit_callbacks(execute=True):
        minutes_circulate(meeting=past, user=secretary)
    assert [m.to[0] for m in mail.outbox] == [secretary.email]
    assert "List-Unsubscribe" in mail.outbox[0].extra_headers
