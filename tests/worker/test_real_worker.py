"""A real Celery worker process, on Redis, makes the governance PDF.

Needs PostgreSQL (the worker must share the test database) and a broker in
CELERY_BROKER_URL; .ci/run provides both. Elsewhere it is skipped, saying why.
"""

import hashlib
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from django.db import connection

from avk import documents
from avk.models import Document
from tests.conftest import celery_reconnect
from tests.factories import BodyFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("CELERY_BROKER_URL", "")

# One real worker at a time: the tests time it, and the other test process keeps the cores busy.
pytestmark = [
    pytest.mark.worker,
    pytest.mark.xdist_group("real-worker"),
    pytest.mark.django_db(transaction=True),
]


def _broker_reachable() -> bool:
    parts = urlsplit(BROKER)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=2):
            return True
    except OSError:
        return False


def _database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def require_worker_services() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the real-worker test needs PostgreSQL (set DATABASE_URL)")
    if not BROKER.startswith("redis://") or not _broker_reachable():
        pytest.skip("the real-worker test needs Redis (set CELERY_BROKER_URL)")


def spawn_worker(queue: str, **extra_env: str) -> subprocess.Popen:
    """A Celery worker process on `queue`, sharing the test database and media folder."""
    env = {k: v for k, v in os.environ.items() if k != "CELERY_TASK_ALWAYS_EAGER"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "avk.settings",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": BROKER,
        "CELERY_TASK_DEFAULT_QUEUE": queue,  # what a task queues stays with this worker
        "AVK_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **extra_env,
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "avk",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop_worker(worker: subprocess.Popen) -> None:
    worker.terminate()
    try:
        worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        worker.kill()


@pytest.fixture
def worker_queue():
    require_worker_services()
    queue = f"avk-test-{uuid.uuid4().hex[:8]}"
    worker = spawn_worker(queue)
    previous = celery_reconnect(
        task_always_eager=False, broker_url=BROKER, task_default_queue=queue
    )
    try:
        yield worker
    finally:
        celery_reconnect(**previous)
        stop_worker(worker)


def test_worker_renders_the_governance_pdf(worker_queue):
    BodyFactory(name="Dagelijks Bestuur", short_name="DB")
    user = UserFactory()
    document = documents.document_request(user=user, kind="governance_overview", language="nl")

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if document.is_finished or worker_queue.poll() is not None:
            break
        time.sleep(0.5)
    if document.status != Document.Status.READY:
        worker_queue.terminate()
        output = worker_queue.communicate(timeout=15)[0]
        pytest.fail(
            f"document {document.status} ({document.error}); worker said:\n{output[-4000:]}"
        )
    data = document.file.read()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == document.sha256
