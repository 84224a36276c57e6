import datetime
import hashlib
import io
import os
import re

import pypdf
import pytest
from django.urls import reverse

from avk import documents
from avk.documents import DocumentKind
from avk.models import Document
from avk.pdf import html_to_pdf, resolve_portal_file
from tests.factories import BodyFactory, PersonFactory, SeatFactory
from tests.pdfs import drawn_objects, pdf_fonts


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def request_document(django_capture_on_commit_callbacks):
    def make(user, kind="governance_overview", language="nl"):
        with django_capture_on_commit_callbacks(execute=True):
            document = documents.document_request(user=user, kind=kind, language=language)
        document.refresh_from_db()
        return document

    return make


def test_governance_overview_pdf_holds_bodies_and_seats(staff, request_document):
    body = BodyFactory(name="Dagelijks Bestuur", short_name="DB")
    SeatFactory(body=body, person=PersonFactory(name="Lineke", is_experience_expert=True))
    BodyFactory(name="Stuurgroep", short_name="SG")
    document = request_document(staff)
    assert document.status == Document.Status.READY, document.error
    data = document.file.read()
    assert data.startswith(b"%PDF")
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data)
    text = pdf_text(data)
    assert "Dagelijks Bestuur" in text and "Stuurgroep" in text and "Lineke" in text
    assert "ervaringsdeskundige" in text  # rendered in the requester's language (Dutch)
    assert "Alliantie van Kracht tegen Armoede" in text  # the running header
    assert "1 / 1" in text or "1 / 2" in text  # page numbers


def test_pdf_embeds_the_house_font_from_our_static_files(staff, request_document):
    document = request_document(staff)
    data = document.file.read()
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = pdf_fonts(data)
    assert fonts and all("Source-Sans-3" in name for name in fonts), fonts
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4


def test_request_page_polls_until_ready_and_downloads(client, staff):
    client.force_login(staff)
    response = client.post(reverse("document_request", args=["governance_overview"]))
    assert response.status_code == 302
    document = Document.objects.get()
    # The test client runs on_commit callbacks only in transactional tests: render directly.
    assert document.status == Document.Status.PENDING
    page = client.get(response["Location"])
    assert b'hx-trigger="every 1s"' in page.content
    documents.document_render(document_id=document.pk)
    partial = client.get(response["Location"], headers={"HX-Request": "true"})
    assert b"hx-trigger" not in partial.content
    assert b"<html" not in partial.content
    download_url = reverse("document_download", args=[document.pk])
    assert download_url.encode() in partial.content
    download = client.get(download_url)
    assert download["Content-Type"] == "application/pdf"
    assert "avk-bestuursoverzicht.pdf" in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_unknown_kind_is_refused(client, staff):
    client.force_login(staff)
    assert client.post(reverse("document_request", args=["nonsense"])).status_code == 403
    assert not Document.objects.exists()


def test_a_failing_render_is_marked_failed_with_a_reason_and_no_file(
    staff, request_document, monkeypatch
):
    monkeypatch.setitem(
        documents._KINDS,
        "broken",
        DocumentKind(
            key="broken",
            title=lambda s: "Broken",
            template="does/not/exist.html",
            context=lambda s: {},
            can_request=lambda user, s: True,
            filename=lambda s: "broken",
        ),
    )
    document = request_document(staff, kind="broken")
    assert document.status == Document.Status.FAILED
    assert "does/not/exist.html" in document.error
    assert not document.file
    assert document.sha256 == ""


def test_render_is_idempotent(staff, request_document):
    document = request_document(staff)
    first_name = document.file.name
    documents.document_render(document_id=document.pk)  # a retried task
    document.refresh_from_db()
    assert document.file.name == first_name


def test_fetcher_serves_only_the_portals_own_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logo.txt").write_text("ours")
    assert resolve_portal_file("https://portal.avk.invalid/static/css/pdf.css")
    assert resolve_portal_file("https://portal.avk.invalid/media/logo.txt") == tmp_path / "logo.txt"
    for url in [
        "https://portal.avk.invalid/media/../../etc/passwd",
        "https://portal.avk.invalid/static/../../etc/passwd",
        "https://portal.avk.invalid/etc/passwd",
        "https://example.org/static/css/pdf.css",
        "http://127.0.0.1:9/static/css/pdf.css",
        "file:///etc/passwd",
        "data:text/plain,hello",
    ]:
        assert resolve_portal_file(url) is None, url


def test_pdf_leaves_out_foreign_resources_but_keeps_the_text(caplog):
    html = (
        "<html><body><p>Veilig</p>"
        '<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
        '<link rel="stylesheet" href="https://example.org/evil.css">'
        "</body></html>"
    )
    with caplog.at_level("WARNING", logger="avk.pdf"):
        data = html_to_pdf(html)
    assert "Veilig" in pdf_text(data)
    refused = [r.getMessage() for r in caplog.records]
    assert any("file:///etc/passwd" in m for m in refused)
    assert any("127.0.0.1:9" in m for m in refused)


def test_purge_removes_old_documents_and_files(staff, request_document):
    document = request_document(staff)
    path = document.file.path
    Document.objects.filter(pk=document.pk).update(
        requested_at=document.requested_at - datetime.timedelta(days=40)
    )
    assert documents.documents_purge(older_than_days=30) == 1
    assert not Document.objects.exists()
    assert not os.path.exists(path)


def test_pdf_header_carries_the_logo_as_an_artifact(staff, request_document):
    BodyFactory(name="Dagelijks Bestuur", short_name="DB")
    document = request_document(staff)
    assert document.status == Document.Status.READY, document.error
    pages = drawn_objects(document.file.read())
    # The logo mark is drawn on every page, as decoration next to the alliance's name (text),
    # so a screen reader skips it and the tagged PDF needs no alt text for it.
    assert pages and all(drawn == ["/Artifact"] for drawn in pages), pages


def test_the_live_region_stays_while_the_status_inside_it_is_polled(client, staff):
    client.force_login(staff)
    response = client.post(reverse("document_request", args=["governance_overview"]))
    document = Document.objects.get()
    page = client.get(response["Location"]).content.decode()
    # The page holds the live region; the poller is an element inside it.
    region = re.search(r'<div id="document-status"[^>]*>', page).group(0)
    assert 'aria-live="polite"' in region and "hx-get" not in region
    assert page.index('id="document-status"') < page.index('hx-trigger="every 1s"')
    documents.document_render(document_id=document.pk)
    partial = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    # What the poll swaps in never carries the live region itself: a replaced live region
    # is a new one, and screen readers then often say nothing.
    assert 'id="document-status"' not in partial and "aria-live" not in partial
    assert "Het document is klaar." in partial
