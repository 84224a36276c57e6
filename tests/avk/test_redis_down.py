"""Redis down while browsing: pages that don't need it work; a PDF request says why it failed."""

import time

import pytest
from django.urls import reverse

from avk.celery import app as celery_app
from avk.models import Document


@pytest.fixture
def broker_down():
    """A real broker URL on which nothing listens, with tasks really sent (not eager)."""
    saved = {key: celery_app.conf[key] for key in ("task_always_eager", "broker_url")}
    celery_app.conf.update(task_always_eager=False, broker_url="redis://127.0.0.1:1/0")
    celery_app.pool.force_close_all()
    celery_app._pool = None
    yield
    celery_app.conf.update(saved)
    celery_app._pool = None


@pytest.mark.django_db(transaction=True)
def test_pages_work_and_pdf_request_fails_gracefully(client, broker_down):
    from tests.factories import UserFactory

    user = UserFactory(email="browser@example.org")
    client.force_login(user)
    for name in ["home", "governance:overview", "partners:partner_list", "healthz"]:
        assert client.get(reverse(name)).status_code == 200, name

    started = time.monotonic()
    response = client.post(reverse("document_request", args=["governance_overview"]))
    assert time.monotonic() - started < 15, "a dead broker must not hang the request"
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.status == Document.Status.FAILED
    assert document.error
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert document.error.encode() in page.content
