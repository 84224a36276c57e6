"""The onboarding kit: a PDF through the document pipeline in the partner's house style."""

import io

import pypdf
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from avk import documents
from avk.models import Document
from library.documents import onboarding_kit_context
from library.services.house_style import house_style_save
from library.uploads import logo_check
from tests.factories import PersonFactory
from tests.library.files import SVG_OK, png, upload
from tests.pdfs import drawn_objects


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _figures(data: bytes) -> int:
    return sum(page.count("/Figure") for page in drawn_objects(data))


@pytest.fixture
def request_kit(django_capture_on_commit_callbacks):
    def make(user, partner, language="nl"):
        with django_capture_on_commit_callbacks(execute=True):
            document = documents.document_request(
                user=user, kind="onboarding_kit", subject=str(partner.pk), language=language
            )
        document.refresh_from_db()
        return document

    return make


def test_the_kit_holds_the_partners_name_colour_and_logo(editor_a, partner_a, request_kit, caplog):
    partner_a.contact_person = PersonFactory(name="Sanne Visser", email="sanne@example.org")
    partner_a.save()
    bare = request_kit(editor_a, partner_a)
    assert bare.status == Document.Status.READY, bare.error
    house_style_save(
        user=editor_a,
        partner=partner_a,
        colour="#12AB34",
        logo=logo_check(upload("logo.png", png(300, 100))),
    )
    with caplog.at_level("WARNING", logger="avk.pdf"):
        document = request_kit(editor_a, partner_a)
    assert document.status == Document.Status.READY, document.error
    assert not [r for r in caplog.records if "refused" in r.getMessage()]
    data = document.file.read()
    text = pdf_text(data)
    assert "Partner A" in text and "#12AB34" in text
    assert "Alliantie van Kracht tegen Armoede" in text  # in Dutch
    assert "Eiland van reflectie" in text
    assert "Sanne Visser" in text
    # The partner's logo is drawn next to the AVK's: one picture more than without it.
    assert _figures(data) == _figures(bare.file.read()) + 1
    assert document.file.name.endswith(".pdf")
    kind = documents.get_kind("onboarding_kit")
    assert kind.filename(str(partner_a.pk)) == "avk-onboarding-partner-a"


def test_the_kit_with_an_svg_logo_renders(staff, partner_a, request_kit):
    house_style_save(
        user=staff, partner=partner_a, colour="#8A1C4B", logo=logo_check(upload("l.svg", SVG_OK))
    )
    document = request_kit(staff, partner_a)
    assert document.status == Document.Status.READY, document.error
    assert "#8A1C4B" in pdf_text(document.file.read())


def test_the_kit_context_carries_the_house_style(editor_a, partner_a):
    house_style_save(user=editor_a, partner=partner_a, colour="#ABCDEF")
    context = onboarding_kit_context(str(partner_a.pk))
    assert context["colour"] == "#ABCDEF"
    assert context["logo_url"] == ""
    assert context["partner"] == partner_a


@pytest.mark.parametrize("persona", ["editor_b", "db_member", "sg_member", "outsider"])
def test_only_the_partners_editors_and_staff_ask_for_it(persona, personas, partner_a):
    with pytest.raises(PermissionDenied):
        documents.document_request(
            user=personas[persona], kind="onboarding_kit", subject=str(partner_a.pk), language="nl"
        )
    assert not Document.objects.exists()


@pytest.mark.parametrize("subject", ["", "0", "abc", "99999999", "1 ", "-1", "٣", "9" * 40])
def test_a_made_up_subject_asks_for_nothing(staff, subject, db):
    with pytest.raises(PermissionDenied):
        documents.document_request(
            user=staff, kind="onboarding_kit", subject=subject, language="nl"
        )


def test_the_house_style_page_asks_for_the_kit(client, editor_a, partner_a):
    client.force_login(editor_a)
    page = client.get(reverse("library:house_style", args=[partner_a.pk])).content.decode()
    assert reverse("document_request", args=["onboarding_kit"]) in page
    assert f'name="subject" value="{partner_a.pk}"' in page
    response = client.post(
        reverse("document_request", args=["onboarding_kit"]), {"subject": str(partner_a.pk)}
    )
    assert response.status_code == 302
    assert Document.objects.get().requested_by == editor_a


def test_an_editor_of_another_partner_gets_403_from_the_request_url(client, editor_b, partner_a):
    client.force_login(editor_b)
    response = client.post(
        reverse("document_request", args=["onboarding_kit"]), {"subject": str(partner_a.pk)}
    )
    assert response.status_code == 403
