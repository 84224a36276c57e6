"""A real Celery worker sends a mailing: each subscribed reader once, none to a reader who
unsubscribed, also when the task runs twice. Needs PostgreSQL and Redis like
tests/worker/test_real_worker.py (skipped elsewhere); the bench (bench/mailing.py) does the
same with 4,000 readers against the clock."""

import time

import pytest
from django.db.models import Q
from django.utils import timezone

from avk.models import OutgoingMail
from movement.models import Mailing
from movement.services import mailings
from tests.factories import UserFactory
from tests.movement.factories_network import MailingFactory, ReaderFactory
from tests.movement.factories_pilots import PilotFactory
from tests.worker.test_mail_batch_worker import quiet_worker  # noqa: F401  (the fixture)
from tests.worker.test_real_worker import worker_queue  # noqa: F401  (the fixture)

# One real worker at a time: the tests time it, and the other test process keeps the cores busy.
pytestmark = [
    pytest.mark.worker,
    pytest.mark.xdist_group("real-worker"),
    pytest.mark.django_db(transaction=True),
]

READERS = 120


def test_a_real_worker_sends_a_mailing_to_each_reader_once(quiet_worker):  # noqa: F811
    staff = UserFactory(is_staff=True)
    readers = ReaderFactory.create_batch(READERS)
    gone = ReaderFactory(unsubscribed_at=timezone.now(), name="")
    mailing = MailingFactory(pilot=PilotFactory())
    mailings.mailing_send(mailing=mailing, actor=staff)  # the commit queues the task

    rows = OutgoingMail.objects.filter(key__startswith=mailing.key_prefix)
    deadline = time.monotonic() + 90
    while rows.filter(status=OutgoingMail.Status.SENT).count() < READERS:
        if quiet_worker.poll() is not None or time.monotonic() > deadline:
            quiet_worker.terminate()
            output = quiet_worker.communicate(timeout=15)[0]
            pytest.fail(f"not every mail was sent; worker said:\n{output[-4000:]}")
        time.sleep(0.2)

    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT and mailing.recipients == READERS
    # The task again: nothing new, nothing sent twice, nothing to the reader who left.
    assert mailings.mailing_queue(mailing_id=mailing.pk) == 0
    assert rows.count() == READERS
    assert not rows.filter(~Q(attempts=1)).exists()
    assert set(rows.values_list("to", flat=True)) == {r.email for r in readers}
    assert not rows.filter(to=gone.email).exists()
