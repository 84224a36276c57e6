"""A real Celery worker sends a batch fan-out: each mail once, a duplicated batch sends none.

Needs PostgreSQL and Redis like tests/worker/test_real_worker.py (skipped elsewhere).
"""

import time

import pytest
from django.db import transaction
from django.db.models import Q

from avk.emails import mail_queue_many
from avk.models import OutgoingMail
from avk.tasks import mail_deliver_batch
from tests.worker.test_real_worker import worker_queue  # noqa: F401  (the fixture)

# One real worker at a time: the tests time it, and the other test process keeps the cores busy.
pytestmark = [
    pytest.mark.worker,
    pytest.mark.xdist_group("real-worker"),
    pytest.mark.django_db(transaction=True),
]

COUNT = 250


@pytest.fixture
def quiet_worker(monkeypatch, request):
    """The real worker with the locmem mail backend: the console backend would fill the
    worker's stdout pipe with thousands of mails and block it."""
    monkeypatch.setenv("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    return request.getfixturevalue("worker_queue")


def _wait_until_sent(worker, expected, timeout=90):
    deadline = time.monotonic() + timeout
    sent = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT)
    while sent.count() < expected and time.monotonic() < deadline:
        if worker.poll() is not None:
            break
        time.sleep(0.2)
    return sent.count()


def test_a_real_worker_sends_each_mail_of_a_batch_fanout_once(quiet_worker):
    messages = [
        {
            "key": f"worker-batch:{i}",
            "to": f"lid{i}@example.org",
            "name": "team_incomplete",
            "context": {"name": f"Lid {i}", "partner": "Cosis", "missing": [], "link": "x"},
        }
        for i in range(COUNT)
    ]
    with transaction.atomic():
        assert mail_queue_many(messages) == COUNT
    with transaction.atomic():
        assert mail_queue_many(messages) == 0  # queued again: nothing new
    if _wait_until_sent(quiet_worker, COUNT) != COUNT:
        quiet_worker.terminate()
        output = quiet_worker.communicate(timeout=15)[0]
        pytest.fail(f"not every mail was sent; worker said:\n{output[-4000:]}")

    # A duplicated or redelivered batch for the same rows sends nothing again.
    ids = list(OutgoingMail.objects.values_list("pk", flat=True))
    mail_deliver_batch.delay(ids[:100])
    marker = mail_queue_many([{**messages[0], "key": "worker-batch:marker"}])
    assert marker == 1
    assert _wait_until_sent(quiet_worker, COUNT + 1) == COUNT + 1
    assert OutgoingMail.objects.count() == COUNT + 1
    assert not OutgoingMail.objects.filter(~Q(attempts=1)).exists()
