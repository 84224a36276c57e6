"""A document whose worker died does not stay "being made": it is queued once more, then
failed with a reason; a failed document can be asked for again and leads back."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from avk import documents
from avk.celery import app
from avk.models import Document
from tests.conftest import celery_reconnect

pytestmark = pytest.mark.django_db

STALE = datetime.timedelta(seconds=181)


def _stuck(user, **fields):
    """A pending document as a killed worker leaves it: its task is gone."""
    return Document.objects.create(kind="governance_overview", requested_by=user, **fields)


def test_a_stale_document_is_queued_once_more_and_then_made(staff):
    document = _stuck(staff)
    assert documents.documents_sweep() == {"requeued": 0, "failed": 0}  # not stale yet
    result = documents.documents_sweep(now=timezone.now() + STALE)
    assert result == {"requeued": 1, "failed": 0}
    document.refresh_from_db()
    assert document.status == Document.Status.READY  # eager tasks: made at once
    assert document.requeued_at is not None


def test_a_document_still_stuck_after_the_second_try_fails_with_a_reason(staff, client):
    previous = celery_reconnect(task_always_eager=False, broker_url="memory://")
    try:  # the queue takes the task, but no worker ever runs it
        document = _stuck(staff, language="nl")
        now = timezone.now()
        assert documents.documents_sweep(now=now + STALE) == {"requeued": 1, "failed": 0}
        assert documents.documents_sweep(now=now + STALE) == {"requeued": 0, "failed": 0}
        assert documents.documents_sweep(now=now + 3 * STALE) == {"requeued": 0, "failed": 1}
    finally:
        celery_reconnect(**previous)
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert "te lang" in document.error  # in the requester's language
    client.force_login(staff)
    page = client.get(reverse("document_detail", args=[document.pk]))
    assert document.error in page.content.decode()
    assert reverse("document_retry", args=[document.pk]) in page.content.decode()


def test_retry_makes_a_new_document_and_leads_back(
    staff, client, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    origin = reverse("governance:overview")
    failed = _stuck(staff, status=Document.Status.FAILED, error="x", back_url=origin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("document_retry", args=[failed.pk]))
    again = Document.objects.exclude(pk=failed.pk).get()
    assert response["Location"] == reverse("document_detail", args=[again.pk])
    assert (again.kind, again.status, again.back_url) == (
        "governance_overview",
        Document.Status.READY,
        origin,
    )
    page = client.get(response["Location"]).content.decode()
    assert f'href="{origin}"' in page


def test_only_the_requester_or_staff_may_retry(editor_a, editor_b, client):
    failed = _stuck(editor_a, status=Document.Status.FAILED, error="x")
    client.force_login(editor_b)
    assert client.post(reverse("document_retry", args=[failed.pk])).status_code == 404
    assert Document.objects.count() == 1
    ready = _stuck(editor_a, status=Document.Status.READY, sha256="0" * 64, size=1)
    client.force_login(editor_a)
    response = client.post(reverse("document_retry", args=[ready.pk]))
    assert response["Location"] == reverse("document_detail", args=[ready.pk])
    assert Document.objects.count() == 2  # a ready document is not made again


def test_the_request_form_remembers_the_page_only_on_this_site(staff, client):
    client.force_login(staff)
    for given, kept in [
        ("/bestuur/?tab=1", "/bestuur/?tab=1"),
        ("https://evil.example/", ""),
        ("//evil.example/", ""),
    ]:
        client.post(reverse("document_request", args=["governance_overview"]), {"next": given})
        assert Document.objects.order_by("-requested_at").first().back_url == kept
    page = client.get(reverse("governance:overview")).content.decode()
    assert 'name="next" value="/bestuur/' in page or 'name="next"' in page


def test_the_visibility_timeout_is_above_every_task_time_limit_and_retry_countdown():
    app.loader.import_default_modules()
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert visibility < 3600  # not the default hour
    ours = [task for name, task in app.tasks.items() if not name.startswith("celery.")]
    assert ours
    for task in ours:
        limit = task.time_limit or app.conf.task_time_limit
        assert limit < visibility, f"{task.name} may run {limit}s, longer than {visibility}s"
    assert visibility > 60 * 4  # the longest mail retry countdown
