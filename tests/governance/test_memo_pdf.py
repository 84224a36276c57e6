"""The memo PDF through the real pipeline: laid out like the page, with the results once
decided, the annex images from the portal's own media, and memo text made harmless."""

import io
import logging

import pypdf
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from avk import documents
from avk.models import Document
from avk.pdf import render_pdf
from governance.documents import memo_can_request, memo_pdf_context
from governance.models import Memo
from tests.governance.factories import (
    DecisionFactory,
    MemoFactory,
    MemoSectionFactory,
    ProposedDecisionFactory,
)
from tests.governance.factories_memos import MemoAnnexFactory

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def pdf_images(data: bytes) -> int:
    return sum(len(page.images) for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def request_document(django_capture_on_commit_callbacks):
    def make(user, subject, language="nl"):
        with django_capture_on_commit_callbacks(execute=True):
            document = documents.document_request(
                user=user, kind="memo", subject=subject, language=language
            )
        document.refresh_from_db()
        return document

    return make


@pytest.fixture
def decided_memo(db_body):
    memo = MemoFactory(
        body=db_body,
        title="Randvoorwaarden programma",
        status=Memo.Status.DECIDED,
        introduction="De stuurgroep heeft op 23 februari 2023 besloten.",
    )
    MemoSectionFactory(
        memo=memo,
        order=0,
        title="Sturingsvormen",
        text="In het programma brengen we **veel mensen** bij elkaar.",
        inputs="Laten we flexibel blijven",
        summary="We willen flexibiliteit\nVoorbij het organisatiebelang",
    )
    MemoSectionFactory(
        memo=memo,
        order=1,
        title="Programma organisatie",
        text="Drie niveaus van sturing.",
        inputs="Medezeggenschap met ED-ers",
        summary="Lichte ondersteuningsstructuur",
    )
    noted = ProposedDecisionFactory(
        memo=memo,
        order=0,
        kind="note",
        text="dit inhoudelijke voorstel",
        result="noted",
        acknowledgements=5,
    )
    adopted = ProposedDecisionFactory(
        memo=memo,
        order=1,
        text="het inzetten van een regievorm",
        result="adopted",
        votes_for=4,
        votes_against=1,
        votes_abstain=0,
    )
    ProposedDecisionFactory(
        memo=memo,
        order=2,
        text="de middelen",
        result="rejected",
        votes_for=1,
        votes_against=4,
        votes_abstain=0,
    )
    DecisionFactory(proposed_decision=noted, body=db_body, number="DB-2026-013", sequence=13)
    DecisionFactory(proposed_decision=adopted, body=db_body, number="DB-2026-014", sequence=14)
    MemoAnnexFactory(memo=memo, caption="diverse sturingsvormen")
    return memo


def test_memo_pdf_holds_the_memo_with_its_results(request_document, db_member, decided_memo):
    document = request_document(db_member, str(decided_memo.pk))
    assert document.status == Document.Status.READY, document.error
    data = document.file.read()
    text = flat(pdf_text(data))
    assert "Randvoorwaarden programma" in text
    assert "Aan: Dagelijks Bestuur" in text or ("Aan" in text and "Dagelijks Bestuur" in text)
    assert "Opsteller" in text and "Saskia Duursma (projectleider)" in text
    assert "Inleiding" in text and "23 februari 2023" in text
    assert "Sturingsvormen" in text and "Programma organisatie" in text
    assert "Samengevat" in text and "Laten we flexibel blijven" in text
    # Summary points numbered across the memo: the second section's point is number 3.
    assert "3. Lichte ondersteuningsstructuur" in text
    assert "Voorgestelde besluiten" in text
    assert "Het Dagelijks Bestuur wordt gevraagd kennis te nemen van dit inhoudelijke voorstel" in (
        text
    )
    assert "in te stemmen met het inzetten van een regievorm" in text
    assert "Aangenomen" in text and "4 voor, 1 tegen, 0 onthouden" in text
    assert "Verworpen" in text and "Kennisgenomen" in text
    assert "DB-2026-013" in text and "DB-2026-014" in text
    assert "Bijlage" in text and "Figuur 1: diverse sturingsvormen" in text
    assert pdf_images(data) >= 1  # the annex figure, from the portal's own media
    assert document.file.name.endswith(".pdf") and "avk-memo-db" in document.file.name


def test_memo_pdf_makes_memo_text_harmless(db_body, caplog):
    memo = MemoFactory(
        body=db_body,
        title="<script>document.write('titel')</script>",
        introduction="<script>alert('intro')</script> ![x](https://evil.example/x.png)",
    )
    MemoSectionFactory(
        memo=memo,
        title="Sectie",
        text=(
            "<img src='https://evil.example/a.png' onerror=alert(1)> "
            "[klik](javascript:alert(2)) <iframe src='https://evil.example'></iframe>"
        ),
        summary="<b>punt</b>",
    )
    ProposedDecisionFactory(memo=memo, text="<script>besluit()</script>")
    with caplog.at_level(logging.WARNING, logger="avk.pdf"):
        data = render_pdf("governance/memo_pdf.html", memo_pdf_context(str(memo.pk)))
    text = flat(pdf_text(data))
    # The script text is shown as text, escaped, never run or dropped silently.
    assert "<script>alert('intro')</script>" in text
    assert "<script>besluit()</script>" in text
    assert "<b>punt</b>" in text
    assert pdf_images(data) == 0
    # The sanitiser leaves no external URL for the renderer to try.
    assert not [r for r in caplog.records if "refused to fetch" in r.getMessage()]
    assert "javascript" not in str(pypdf.PdfReader(io.BytesIO(data)).pages[0].get("/Annots"))


def test_memo_pdf_of_a_draft_is_only_for_those_who_see_it(
    request_document, staff, db_member, sg_member, outsider, db_body
):
    memo = MemoFactory(body=db_body)
    assert memo_can_request(staff, str(memo.pk)) and memo_can_request(db_member, str(memo.pk))
    assert not memo_can_request(sg_member, str(memo.pk))
    assert not memo_can_request(outsider, "nonsense") and not memo_can_request(outsider, "-1")
    with pytest.raises(PermissionDenied):
        request_document(outsider, str(memo.pk))
    assert request_document(db_member, str(memo.pk)).status == Document.Status.READY


def test_detail_page_offers_the_pdf(client_for, db_member, db_body):
    memo = MemoFactory(body=db_body)
    html = client_for(db_member).get(reverse("governance:memo_detail", args=[memo.pk])).content
    html = html.decode()
    assert reverse("document_request", args=["memo"]) in html
    assert f'name="subject" value="{memo.pk}"' in html
