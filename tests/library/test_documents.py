"""The library's documents: who sees what, uploads and versions, and the list's cost."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk.models import AuditEntry
from library.models import DocumentVersion, LibraryDocument
from library.services.documents import version_add
from tests.library.factories import DocumentVersionFactory, LibraryDocumentFactory
from tests.library.files import PDF, office, upload

Visibility = LibraryDocument.Visibility


@pytest.fixture
def three(db):
    return {
        visibility: LibraryDocumentFactory(title=f"Stuk {visibility}", visibility=visibility)
        for visibility in Visibility.values
    }


SEES = {
    "anonymous": {"public"},
    "staff": {"public", "partners", "staff"},
    "editor_a": {"public", "partners"},
    "editor_b": {"public", "partners"},
    "db_member": {"public", "partners"},
    "sg_member": {"public", "partners"},
    "outsider": {"public", "partners"},
}


@pytest.mark.parametrize("persona", sorted(SEES))
def test_each_persona_sees_only_its_documents(persona, personas, three, client_for):
    client = client_for(personas[persona])
    listing = client.get(reverse("library:library")).content.decode()
    for visibility, document in three.items():
        visible = visibility in SEES[persona]
        assert (document.title in listing) == visible, (persona, visibility)
        detail = client.get(reverse("library:document_detail", args=[document.pk]))
        version_url = reverse("library:version_download", args=[document.current_version.pk])
        download = client.get(version_url)
        assert detail.status_code == (200 if visible else 404), (persona, visibility)
        assert download.status_code == (200 if visible else 404), (persona, visibility)


def test_an_anonymous_visitor_downloads_a_public_document(client, three):
    version = three["public"].current_version
    response = client.get(reverse("library:version_download", args=[version.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="stuk-v1.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_the_media_url_of_a_file_is_not_served(client, staff, three):
    client.force_login(staff)
    url = three["staff"].current_version.file.url
    assert client.get(url).status_code == 404


def test_the_category_filter_and_a_bad_filter_value(client, staff, db):
    LibraryDocumentFactory(title="Het convenant", category=LibraryDocument.Category.COVENANT)
    LibraryDocumentFactory(title="Het programmaplan", category="programme_plan")
    client.force_login(staff)
    page = client.get(reverse("library:library"), {"category": "covenant"}).content.decode()
    assert "Het convenant" in page and "Het programmaplan" not in page
    for junk in ["nonsense", "'; drop", "\x00", "9" * 500]:
        response = client.get(reverse("library:library"), {"category": junk, "page": junk})
        assert response.status_code == 200


def test_staff_upload_a_document_and_a_new_version(client, staff, db):
    client.force_login(staff)
    response = client.post(
        reverse("library:document_create"),
        {
            "title": "Convenant Alliantie van Kracht tegen Armoede",
            "category": "covenant",
            "description": "A/B/C pakket",
            "visibility": "partners",
            "file": upload("Convenant\u202e.pdf", PDF),
            "note": "Eerste versie",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    document = LibraryDocument.objects.get()
    first = document.current_version
    assert first.number == 1 and first.original_name == "Convenant.pdf"
    assert first.uploaded_by == staff
    assert not first.file.name.endswith("Convenant.pdf")  # stored under our own name
    response = client.post(
        reverse("library:version_create", args=[document.pk]),
        {"file": upload("convenant-2.docx", office("docx")), "note": "Vastgesteld"},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.current_version.number == 2
    assert document.current_version.extension == "docx"
    # The older version stays downloadable.
    old = client.get(reverse("library:version_download", args=[first.pk]))
    assert old.status_code == 200 and b"".join(old.streaming_content) == PDF
    page = client.get(reverse("library:document_detail", args=[document.pk])).content.decode()
    assert "Convenant.pdf" in page and "convenant-2.docx" in page and "Vastgesteld" in page
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"library.document_added", "library.version_added"} <= actions


def test_a_bad_upload_is_a_dutch_message_and_keeps_the_rest(client, staff, db):
    client.force_login(staff)
    response = client.post(
        reverse("library:document_create"),
        {
            "title": "Programmaplan",
            "category": "programme_plan",
            "description": "",
            "visibility": "public",
            "file": upload("programmaplan.pdf", b"MZ\x90\x00 an executable"),
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dit bestand is niet het PDF-bestand" in page
    assert 'value="Programmaplan"' in page
    assert not LibraryDocument.objects.exists()
    assert not DocumentVersion.objects.exists()


def test_bad_choices_are_form_errors_not_500(client, staff, db):
    client.force_login(staff)
    response = client.post(
        reverse("library:document_create"),
        {
            "title": "x",
            "category": "secret",
            "visibility": "everyone",
            "file": upload("a.pdf", PDF),
        },
    )
    assert response.status_code == 200
    assert not LibraryDocument.objects.exists()


@pytest.mark.parametrize("persona", ["editor_a", "editor_b", "db_member", "sg_member", "outsider"])
def test_only_staff_upload_or_edit(persona, personas, client_for, three):
    client = client_for(personas[persona])
    document = three["partners"]
    assert (
        client.post(
            reverse("library:document_create"),
            {
                "title": "x",
                "category": "other",
                "visibility": "public",
                "file": upload("a.pdf", PDF),
            },
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("library:version_create", args=[document.pk]), {"file": upload("a.pdf", PDF)}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("library:document_edit", args=[document.pk]),
            {"title": "x", "category": "other", "visibility": "public"},
        ).status_code
        == 403
    )
    # A staff-only document is not even there for them.
    assert (
        client.post(
            reverse("library:version_create", args=[three["staff"].pk]),
            {"file": upload("a.pdf", PDF)},
        ).status_code
        == 404
    )
    assert LibraryDocument.objects.count() == 3
    assert DocumentVersion.objects.count() == 3


def test_staff_change_the_visibility(client, staff, three):
    client.force_login(staff)
    document = three["staff"]
    response = client.post(
        reverse("library:document_edit", args=[document.pk]),
        {"title": "Nu openbaar", "category": "other", "description": "", "visibility": "public"},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.visibility == "public"
    client.logout()
    assert client.get(reverse("library:document_detail", args=[document.pk])).status_code == 200


def test_versions_are_numbered_one_after_another(staff, db):
    document = LibraryDocumentFactory(versions=0)
    for _ in range(3):
        version_add(user=staff, document=document, upload=upload("a.pdf", PDF), extension="pdf")
    document.refresh_from_db()
    assert list(document.versions.values_list("number", flat=True)) == [3, 2, 1]
    assert document.current_version.number == 3


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("library:library")).status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ["anonymous", "staff", "editor_a"])
def test_the_list_costs_the_same_with_many_documents(persona, personas, client_for):
    client = client_for(personas[persona])
    for visibility in Visibility.values:
        LibraryDocumentFactory(visibility=visibility, versions=2)
    small = _list_queries(client)
    for index in range(60):
        document = LibraryDocumentFactory(visibility=Visibility.values[index % 3], versions=0)
        DocumentVersionFactory(document=document)
    large = _list_queries(client)
    assert large == small
    assert small <= 10
    page = client.get(reverse("library:library")).content.decode()
    assert len(re.findall(r'id="document-\d+"', page)) <= 25  # paginated
