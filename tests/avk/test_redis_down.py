"""Redis down while browsing: pages that don't need it work; a PDF request says why it failed."""

import time

import pytest
from django.urls import reverse

from avk.models import Document
from tests.conftest import celery_reconnect


@pytest.fixture
def broker_down():
    """A real broker URL on which nothing listens, with tasks really sent (not eager)."""
    previous = celery_reconnect(task_always_eager=False, broker_url="redis://127.0.0.1:1/0")
    yield
    celery_reconnect(**previous)


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
