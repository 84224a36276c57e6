"""Every PDF the portal makes is tagged (PDF/UA-1): a structure tree with real headings, the
document language and title set, alt text on every figure, and the header logo an artifact.

One test renders every registered document kind from the demo alliance, so a new kind that
is not covered here fails (add it to SUBJECTS).
"""

import io
import itertools
import logging

import pypdf
from django.core.management import call_command
from django.utils import timezone, translation

from avk import documents
from avk.models import Document, User
from governance.models import Body, Meeting, Memo
from partners.models import Partner
from reflection.models import PhasePlan, ReflectionSession
from tests.governance.factories_memos import MemoAnnexFactory
from tests.pdfs import drawn_objects


def _memo_with_a_figure() -> str:
    memo = Memo.objects.filter(status=Memo.Status.DECIDED).order_by("pk").first()
    MemoAnnexFactory(memo=memo, caption="Diverse sturingsvormen")
    return str(memo.pk)


# kind -> the demo subject to render it for (a callable: the demo exists only inside the test)
SUBJECTS = {
    "governance_overview": lambda: "",
    "memo": _memo_with_a_figure,
    "decision_list": lambda: str(Body.objects.get(short_name="DB").pk),
    "reflection_report": lambda: str(ReflectionSession.objects.order_by("-year").first().year),
    "phase_plan": lambda: str(PhasePlan.objects.order_by("-number", "-version").first().pk),
    "avk_monitor": lambda: str(timezone.localdate().year),
    # the DB's first meeting (adopted minutes); the book of the one after (its memo, those
    # minutes)
    "minutes": lambda: str(Meeting.objects.order_by("starts_at")[0].pk),
    "meeting_book": lambda: str(Meeting.objects.order_by("starts_at")[1].pk),
    # the demo partner with a house style (an SVG logo and a colour)
    "onboarding_kit": lambda: str(Partner.objects.get(name="Cosis").pk),
}


def structure(reader: pypdf.PdfReader) -> list[dict]:
    """Every structure element under the root, in reading order (depth first)."""
    elements = []

    def walk(node):
        kids = node.get("/K")
        kids = kids.get_object() if kids is not None else []
        for kid in kids if isinstance(kids, pypdf.generic.ArrayObject) else [kids]:
            kid = kid.get_object()
            if isinstance(kid, pypdf.generic.DictionaryObject) and "/S" in kid:
                elements.append(kid)
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"].get_object())
    return elements


def assert_tagged(data: bytes, *, language: str, title: str) -> list[dict]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog, "the PDF has no structure tree"
    elements = structure(reader)
    tags = [str(element["/S"]) for element in elements]
    assert tags[0] == "/Document" and tags.count("/H1") == 1 and len(tags) > 5, tags[:20]
    levels = [int(tag[2]) for tag in tags if len(tag) == 3 and tag.startswith("/H")]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    assert catalog["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
    assert str(catalog["/Lang"]) == language
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == pypdf.generic.BooleanObject(True)
    assert reader.metadata.title == title
    xmp = reader.xmp_metadata
    assert xmp is not None
    xml = xmp.stream.get_data().decode()
    assert "pdfuaid:part" in xml and title.split(":")[0] in xml
    # Every picture drawn is either a tagged figure or decoration (the header's logo mark).
    drawn = drawn_objects(data)
    assert all(tag in ("/Figure", "/Artifact") for page in drawn for tag in page), drawn
    assert all("/Artifact" in page for page in drawn), drawn
    for element in elements:  # every figure says what it shows
        if str(element["/S"]) == "/Figure":
            assert str(element.get("/Alt", "")).strip(), element
    return tags


def test_every_document_kind_is_a_tagged_pdf_with_its_language(
    db, django_capture_on_commit_callbacks, caplog
):
    call_command("demo", stdout=io.StringIO())
    assert set(SUBJECTS) == {kind.key for kind in documents.registered_kinds()}
    staff = User.objects.get(email="programmaleider@avk.example")
    figures = {}
    for key, subject in [(key, make()) for key, make in SUBJECTS.items()]:
        for language in ["nl", "en"] if key == "governance_overview" else ["nl"]:
            caplog.clear()
            with (
                caplog.at_level(logging.WARNING, logger="weasyprint"),
                django_capture_on_commit_callbacks(execute=True),
            ):
                document = documents.document_request(
                    user=staff, kind=key, subject=subject, language=language
                )
            document.refresh_from_db()
            assert document.status == Document.Status.READY, (key, document.error)
            # WeasyPrint logs what PDF/UA lacks (a language, an image's alt text) as errors.
            problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
            assert not problems, (key, problems)
            kind = documents.get_kind(key)
            with translation.override(language):
                title = kind.context(subject)["title"]
            tags = assert_tagged(document.file.read(), language=language, title=str(title))
            figures[key] = tags.count("/Figure")
    assert figures["memo"] >= 1  # the annex image
    assert figures["phase_plan"] >= 1  # the timeline chart
