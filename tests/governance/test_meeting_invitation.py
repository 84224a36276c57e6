"""A new meeting → each member of the body is invited once, with a link to the meeting and
its meeting book; the members' "meetings and minutes" mail setting decides."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from avk.models import NotificationPreference, OutgoingMail
from avk.notifications import preferences_set
from governance.models import Seat
from governance.services.meetings import meeting_save
from tests.governance.factories_voting import voter

pytestmark = pytest.mark.django_db


def _plan(staff, body, **kwargs):
    starts = timezone.now() + datetime.timedelta(days=10)
    return meeting_save(meeting=None, user=staff, body=body, starts_at=starts, **kwargs)


def test_every_member_is_invited_once_with_the_meeting_book(
    staff, db_body, django_capture_on_commit_callbacks
):
    anna = voter(db_body, email="anna@example.org", name="Anna de Vries")
    guest = voter(db_body, email="adviseur@example.org", role=Seat.Role.ADVISER)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = _plan(staff, db_body, location="Gemeentehuis Veendam")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([anna.email, guest.email])
    message = next(m for m in mail.outbox if m.to == [anna.email])
    assert "Dagelijks Bestuur" in message.subject
    for text in (message.body, message.alternatives[0][0]):
        assert f"/bestuur/vergaderingen/{meeting.pk}/" in text
        assert "#meeting-book" in text and "vergaderboek" in text.lower()
        assert "Gemeentehuis Veendam" in text
    assert "List-Unsubscribe" in message.extra_headers
    # Changing the meeting does not invite again.
    with django_capture_on_commit_callbacks(execute=True):
        meeting_save(
            meeting=meeting,
            user=staff,
            body=db_body,
            starts_at=meeting.starts_at,
            location="Elders",
        )
    assert OutgoingMail.objects.filter(key__startswith="meeting-invitation:").count() == 2


def test_the_invitation_follows_the_meetings_mail_setting(
    staff, db_body, django_capture_on_commit_callbacks
):
    anna = voter(db_body, email="anna@example.org")
    bob = voter(db_body, email="bob@example.org")
    preferences_set(user=bob, modes={"meetings": NotificationPreference.Mode.OFF})
    with django_capture_on_commit_callbacks(execute=True):
        _plan(staff, db_body)
    assert [m.to[0] for m in mail.outbox] == [anna.email]


def test_a_meeting_recorded_afterwards_invites_nobody(staff, db_body):
    voter(db_body, email="anna@example.org")
    meeting_save(
        meeting=None,
        user=staff,
        body=db_body,
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    assert not OutgoingMail.objects.filter(key__startswith="meeting-invitation:").exists()
