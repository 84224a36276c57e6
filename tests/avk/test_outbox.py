"""The outgoing-mail table is the outbox: a mail committed is a mail sent, exactly once,
even when the task queue could not be reached at the moment it was queued."""

import contextlib
import datetime

import pytest
from django.core import mail
from django.utils import timezone

from avk import emails, queue
from avk.models import OutgoingMail
from partners.services.reminders import commitment_renewal_remind
from reflection.services.contributions import session_invite
from tests.conftest import celery_reconnect
from tests.factories import PartnerFactory, PersonFactory
from tests.reflection.factories import ReflectionSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

LATER = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def _fresh_queue():
    queue.reset()
    yield
    queue.reset()


@pytest.fixture
def broker_down():
    """A broker URL on which nothing listens, with tasks really sent (not eager)."""
    previous = celery_reconnect(task_always_eager=False, broker_url="redis://127.0.0.1:1/0")
    yield
    celery_reconnect(**previous)
    queue.reset()


def _pending():
    return OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING)


def test_a_fanout_while_the_broker_is_down_keeps_every_mail_and_the_sweep_sends_each_once(
    broker_down,
):
    for n in range(3):
        PartnerFactory(contact_person=PersonFactory(email=f"contact{n}@example.org"))
    today = datetime.date(timezone.localdate().year, 12, 1)
    assert commitment_renewal_remind(today=today) == 3  # nothing raised, nothing dropped
    session = ReflectionSessionFactory(
        participants=[PersonFactory(email=f"deelnemer{n}@example.org") for n in range(4)]
    )
    assert session_invite(session=session) == 4
    assert _pending().count() == 7
    assert not _pending().exclude(queued_at=None).exists()
    assert mail.outbox == []

    # Redis is back (here: eager tasks). The sweep waits for the grace period, then sends.
    celery_reconnect(task_always_eager=True)
    assert emails.mail_sweep() == 0
    assert emails.mail_sweep(now=timezone.now() + LATER) == 7
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [f"contact{n}@example.org" for n in range(3)]
        + [f"deelnemer{n}@example.org" for n in range(4)]
    )
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {("sent", 1)}
    assert emails.mail_sweep(now=timezone.now() + 2 * LATER) == 0  # sent is done
    assert len(mail.outbox) == 7


def test_the_sweep_leaves_mail_that_is_on_its_way(settings, monkeypatch):
    settings.AVK_MAIL_SWEEP_GRACE_SECONDS = 120
    settings.AVK_MAIL_LOST_AFTER_SECONDS = 900
    now = timezone.now()
    new = OutgoingMail.objects.create(key="new", to="a@example.org", template="x")
    minutes = datetime.timedelta(minutes=1)
    handed = OutgoingMail.objects.create(
        key="handed", to="b@example.org", template="x", queued_at=now - 5 * minutes
    )
    lost = OutgoingMail.objects.create(
        key="lost", to="c@example.org", template="x", queued_at=now - 20 * minutes
    )
    stranded = OutgoingMail.objects.create(
        key="stranded",
        to="d@example.org",
        template="x",
        created_at=now - datetime.timedelta(minutes=3),
    )
    due = set(
        OutgoingMail.objects.filter(pk__in=[new.pk, handed.pk, lost.pk, stranded.pk])
        .filter(pk__in=_swept_ids(now, monkeypatch))
        .values_list("key", flat=True)
    )
    assert due == {"lost", "stranded"}


def _swept_ids(now, monkeypatch):
    """The rows the sweep hands over at `now`, seen through a queue that takes nothing."""
    taken = []
    monkeypatch.setattr(emails, "_hand_over", lambda ids, batch_size: taken.extend(ids) or len(ids))
    emails.mail_sweep(now=now)
    return taken


def test_a_failed_attempt_stays_recorded_while_the_task_retries(settings):
    settings.EMAIL_BACKEND = "tests.avk.test_outbox.RefusingBackend"
    row = OutgoingMail.objects.create(
        key="k",
        to="a@example.org",
        template="team_incomplete",
        context={"name": "A", "partner": "Cosis", "missing": [], "link": "x"},
    )
    with pytest.raises(ConnectionRefusedError):
        emails.mail_deliver(mail_id=row.pk)
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.PENDING
    assert row.attempts == 1
    assert "refused" in row.error
    assert row.queued_at is not None  # the retry is on its way: not the sweep's yet

    for _ in range(4):
        with contextlib.suppress(ConnectionRefusedError):
            emails.mail_deliver(mail_id=row.pk)
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingMail.Status.FAILED, 5)


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise ConnectionRefusedError("refused by the test")

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("refused by the test")
