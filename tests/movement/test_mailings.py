"""Mailings to the readers: a draft, sent once to every subscribed reader through the
outbox, never to someone who unsubscribed, with the figures of what it brought."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from avk.models import OutgoingMail
from movement.models import Mailing, PilotSignup, SignupStatus
from movement.selectors.mailings import mail_counts, mailing_for_staff
from movement.services import mailings as services
from movement.services.readers import reader_unsubscribe
from movement.tasks import resume_mailings
from tests.movement.factories_network import MailingFactory, ReaderFactory
from tests.movement.factories_pilots import PilotFactory, PilotSignupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def send(client, mailing, capture):  # capture: django_capture_on_commit_callbacks
    with capture(execute=True):
        return client.post(reverse("movement:mailing_send", args=[mailing.pk]), {"confirm": "yes"})


def test_staff_write_a_draft_see_it_and_send_it_to_every_reader_once(
    client, staff, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    pilot = PilotFactory(title="Pilot visie in actie")
    readers = [ReaderFactory() for _ in range(5)]
    gone = ReaderFactory(unsubscribed_at=timezone.now(), name="")
    client.force_login(staff)
    response = client.post(
        reverse("movement:mailing_create"),
        {
            "subject": "Oproep pilots",
            "body": "Wij zoeken mensen.\n\nDoe mee!",
            "pilot": pilot.pk,
        },
    )
    mailing = Mailing.objects.get()
    assert response.url == reverse("movement:mailing_detail", args=[mailing.pk])
    detail = client.get(response.url).content.decode()
    assert "Doe mee!" in detail and "Versturen naar 5 lezers" in detail
    assert not OutgoingMail.objects.exists()  # a draft sends nothing

    ask = client.get(reverse("movement:mailing_send", args=[mailing.pk]))
    assert "5 lezers krijgen deze mail, ieder één keer." in ask.content.decode()
    assert not OutgoingMail.objects.exists()

    send(client, mailing, capture)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT and mailing.recipients == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in readers)
    assert gone.email not in {m.to[0] for m in mail.outbox}
    message = mail.outbox[0]
    assert message.subject == "Oproep pilots"
    assert "Doe mee!" in message.body
    assert f"?via={mailing.pk}" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/beweging/lezers/afmelden/" in message.extra_headers["List-Unsubscribe"]

    # Sending again, or the task again: nothing new.
    send(client, mailing, capture)
    assert services.mailing_queue(mailing_id=mailing.pk) == 0
    assert len(mail.outbox) == 5
    figures = client.get(reverse("movement:mailing_detail", args=[mailing.pk])).content.decode()
    assert 'id="mailing-sent">5<' in figures


def test_the_task_run_twice_queues_each_reader_once(db, django_capture_on_commit_callbacks):
    for _ in range(7):
        ReaderFactory()
    mailing = MailingFactory(status=Mailing.Status.SENDING, started_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert services.mailing_queue(mailing_id=mailing.pk, chunk=3) == 7
    mailing.status = Mailing.Status.SENDING
    mailing.save()
    assert services.mailing_queue(mailing_id=mailing.pk, chunk=3) == 0
    assert OutgoingMail.objects.count() == 7
    assert len(mail.outbox) == 7


def test_a_reader_who_unsubscribed_before_the_queue_reached_them_gets_nothing(db):
    keep, leave = ReaderFactory(), ReaderFactory()
    reader_unsubscribe(leave)
    mailing = MailingFactory(status=Mailing.Status.SENDING, started_at=timezone.now())
    services.mailing_queue(mailing_id=mailing.pk)
    assert list(OutgoingMail.objects.values_list("to", flat=True)) == [keep.email]


def test_unsubscribing_while_the_mails_wait_stops_the_mail(db):
    reader = ReaderFactory()
    mailing = MailingFactory(status=Mailing.Status.SENDING, started_at=timezone.now())
    services.mailing_queue(mailing_id=mailing.pk)  # queued; the worker has not sent it yet
    assert OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING).count() == 1
    reader_unsubscribe(reader)
    assert not OutgoingMail.objects.exists()
    assert mail_counts(mailing) == {"sent": 0, "waiting": 0, "failed": 0}


def test_a_sent_mailing_cannot_change_or_be_sent_again(client, staff):
    mailing = MailingFactory(status=Mailing.Status.SENT)
    client.force_login(staff)
    response = client.post(
        reverse("movement:mailing_edit", args=[mailing.pk]),
        {"subject": "Anders", "body": "x"},
    )
    assert response.status_code == 302
    mailing.refresh_from_db()
    assert mailing.subject != "Anders"
    with pytest.raises(Exception, match="al verstuurd"):
        services.mailing_send(mailing=mailing, actor=staff)


def test_a_mailing_for_a_closed_pilot_is_refused(db, staff):
    mailing = MailingFactory(pilot=PilotFactory(status="closed"))
    with pytest.raises(Exception, match="kun je je niet aanmelden"):
        services.mailing_send(mailing=mailing, actor=staff)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT


@pytest.mark.parametrize(
    "data, message",
    [
        ({"subject": "", "body": "x"}, "Dit veld is verplicht."),
        ({"subject": "x" * 151, "body": "x"}, "niet meer dan 150 tekens"),
        ({"subject": "x", "body": ""}, "Dit veld is verplicht."),
        ({"subject": "x", "body": "x", "pilot": "99999999999999"}, "Selecteer een geldige keuze"),
    ],
)
def test_a_bad_mailing_form_says_why_and_saves_nothing(client, staff, data, message):
    client.force_login(staff)
    response = client.post(reverse("movement:mailing_create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Mailing.objects.exists()


def test_the_sign_ups_through_a_mailing_are_counted(
    client, staff, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    pilot = PilotFactory(capacity=10)
    ReaderFactory()
    mailing = MailingFactory(pilot=pilot)
    client.force_login(staff)
    send(client, mailing, capture)
    client.logout()
    link = re.search(r"https?://\S+\?via=\d+", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert f'value="{mailing.pk}"' in page.content.decode()
    with capture(execute=True):
        client.post(
            "/" + path.split("?")[0],
            {"name": "Jet", "email": "jet@example.org", "consent": "on", "via": mailing.pk},
        )
    signup = PilotSignup.objects.get(email="jet@example.org")
    assert signup.mailing == mailing
    assert mailing_for_staff(mailing.pk).signed_up == 0  # not confirmed yet
    signup.status = SignupStatus.REGISTERED
    signup.save()
    PilotSignupFactory(pilot=pilot)  # came another way
    assert mailing_for_staff(mailing.pk).signed_up == 1


def test_a_forged_via_counts_for_no_mailing(client):
    pilot = PilotFactory()
    other = MailingFactory(pilot=PilotFactory(), status=Mailing.Status.SENT)
    for n, via in enumerate((str(other.pk), "abc", "99999999999999999999999", "-1")):
        client.post(
            reverse("movement:pilot_detail", args=[pilot.pk]),
            {"name": "Jet", "email": f"jet{n}@example.org", "consent": "on", "via": via},
        )
    assert PilotSignup.objects.count() == 4
    assert not PilotSignup.objects.filter(mailing__isnull=False).exists()


def test_beat_resumes_a_mailing_whose_task_was_lost(db, django_capture_on_commit_callbacks):
    ReaderFactory()
    long_ago = timezone.now() - datetime.timedelta(minutes=30)
    stuck = MailingFactory(status=Mailing.Status.SENDING, started_at=long_ago)
    fresh = MailingFactory(status=Mailing.Status.SENDING, started_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert resume_mailings() == 1  # eager here: the task runs at once
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert stuck.status == Mailing.Status.SENT and stuck.recipients == 1
    assert fresh.status == Mailing.Status.SENDING


def test_the_mailing_list_reads_the_same_queries_for_more_mailings(
    client, staff, django_assert_max_num_queries
):
    pilot = PilotFactory()
    for _ in range(3):
        PilotSignupFactory(pilot=pilot, mailing=MailingFactory(pilot=pilot))
    client.force_login(staff)
    client.get(reverse("movement:mailing_list"))
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("movement:mailing_list"))
    for _ in range(15):
        PilotSignupFactory(pilot=pilot, mailing=MailingFactory(pilot=pilot))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("movement:mailing_list"))
    assert page.status_code == 200
