"""Faults on the real stack: a worker killed mid-PDF, Redis gone during a fan-out.

Both end within minutes with every document ready (or failed with a reason) and every
mail sent exactly once. Needs PostgreSQL and Redis like test_real_worker.py.
"""

import datetime
import time
import uuid

import pytest
from django.db import transaction
from django.utils import timezone

from avk import documents, queue
from avk.emails import mail_queue_many, mail_sweep
from avk.models import Document, OutgoingMail
from partners.services.reminders import commitment_renewal_remind
from tests.conftest import celery_reconnect
from tests.factories import PartnerFactory, PersonFactory, UserFactory
from tests.worker.slow_kind.apps import KIND
from tests.worker.slow_kind.apps import register as register_slow_kind
from tests.worker.test_real_worker import (
    BROKER,
    require_worker_services,
    spawn_worker,
    stop_worker,
    worker_queue,  # noqa: F401  (the fixture)
)

# One real worker at a time: the tests time it, and the other test process keeps the cores busy.
pytestmark = [
    pytest.mark.worker,
    pytest.mark.xdist_group("real-worker"),
    pytest.mark.django_db(transaction=True),
]

DEAD_BROKER = "redis://127.0.0.1:1/0"


def _wait(condition, timeout, *workers):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if any(w.poll() is not None for w in workers):
            break
        time.sleep(0.2)
    return condition()


def _output(worker) -> str:
    stop_worker(worker)
    return worker.communicate(timeout=15)[0][-4000:]


@pytest.fixture
def slow_kind():
    register_slow_kind()
    yield KIND
    documents._KINDS.pop(KIND, None)


def test_a_pdf_whose_worker_is_killed_is_made_after_all(tmp_path, slow_kind, settings):
    require_worker_services()
    name = f"avk-test-{uuid.uuid4().hex[:8]}"
    hold, started = tmp_path / "hold", tmp_path / "started"
    hold.touch()
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.worker.settings_slow",
        "AVK_TEST_HOLD": str(hold),
        "AVK_TEST_STARTED": str(started),
    }
    first = spawn_worker(name, **env)
    second = None
    previous = celery_reconnect(task_always_eager=False, broker_url=BROKER, task_default_queue=name)
    try:
        document = documents.document_request(
            user=UserFactory(), kind=slow_kind, language="nl", back_url="/bestuur/"
        )
        assert _wait(started.exists, 60, first), _output(first)
        first.kill()  # mid-PDF, as the OOM killer or a redeploy would
        first.wait(timeout=15)
        hold.unlink()
        document.refresh_from_db()
        assert document.status == Document.Status.PENDING

        # Beat's sweep, once the document has been pending too long: queued once more.
        stale = datetime.timedelta(seconds=settings.AVK_DOCUMENT_STALE_SECONDS + 1)
        assert documents.documents_sweep(now=timezone.now() + stale)["requeued"] == 1
        second = spawn_worker(name, **env)

        def finished():
            document.refresh_from_db()
            return document.is_finished

        assert _wait(finished, 90, second), _output(second)
        assert document.status == Document.Status.READY, document.error
        assert document.file.read().startswith(b"%PDF")
    finally:
        celery_reconnect(**previous)
        stop_worker(first)
        if second is not None:
            stop_worker(second)


@pytest.fixture
def sweeping_worker(monkeypatch, request):
    """The real worker, with the locmem mail backend (the console one fills its pipe)."""
    monkeypatch.setenv("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    return request.getfixturevalue("worker_queue")


def test_mail_queued_while_redis_is_down_is_sent_exactly_once(sweeping_worker, settings):
    messages = [
        {
            "key": f"fault-fanout:{i}",
            "to": f"lid{i}@example.org",
            "name": "team_incomplete",
            "context": {"name": f"Lid {i}", "partner": "Cosis", "missing": [], "link": "x"},
        }
        for i in range(200)
    ]
    for n in range(3):
        PartnerFactory(contact_person=PersonFactory(email=f"contact{n}@example.org"))
    with transaction.atomic():
        assert mail_queue_many(messages[:100]) == 100  # Redis up: on their way

    up = celery_reconnect(broker_url=DEAD_BROKER)  # Redis goes away mid-fan-out
    queue.reset()
    try:
        with transaction.atomic():
            assert mail_queue_many(messages[100:]) == 100  # kept, nothing raised
        today = datetime.date(timezone.localdate().year, 12, 1)
        assert commitment_renewal_remind(today=today) == 3  # one mail at a time: all kept
    finally:
        celery_reconnect(**up)  # Redis is back
        queue.reset()
    stranded = OutgoingMail.objects.filter(queued_at__isnull=True)
    assert stranded.count() == 103

    sent = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT)
    assert _wait(lambda: sent.count() >= 100, 90, sweeping_worker), _output(sweeping_worker)
    # Beat's sweep (here in this process, so it queues on the test worker's queue).
    grace = datetime.timedelta(seconds=settings.AVK_MAIL_SWEEP_GRACE_SECONDS + 1)
    assert mail_sweep(now=timezone.now()) == 0  # within the grace period: left alone
    assert mail_sweep(now=timezone.now() + grace) == 103
    assert _wait(lambda: sent.count() == 203, 120, sweeping_worker), _output(sweeping_worker)

    lost = datetime.timedelta(seconds=settings.AVK_MAIL_LOST_AFTER_SECONDS + 1)
    assert mail_sweep(now=timezone.now() + lost) == 0  # a later sweep finds nothing to do
    assert OutgoingMail.objects.count() == 203
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {("sent", 1)}
