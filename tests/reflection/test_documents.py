"""The reflection PDFs: the year report and the phase plan, through the real pipeline."""

import datetime
import io

import pypdf
import pytest
from django.core.exceptions import PermissionDenied

from avk import documents
from avk.models import Document
from reflection.documents import timeline
from reflection.models import (
    AttentionPoint,
    Effort,
    Ingredient,
    PhasePlan,
    ReflectionSession,
    SessionSide,
)
from tests.factories import PartnerFactory, PersonFactory, UserFactory
from tests.pdfs import pdf_fonts


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def request_document(django_capture_on_commit_callbacks):
    def make(user, kind, subject, language="nl"):
        with django_capture_on_commit_callbacks(execute=True):
            document = documents.document_request(
                user=user, kind=kind, subject=subject, language=language
            )
        document.refresh_from_db()
        return document

    return make


@pytest.fixture
def member(db):
    return UserFactory(email="lid@example.org", full_name="Lid", is_staff=False)


@pytest.fixture
def year_2024(db):
    team = ReflectionSession.objects.create(
        year=2024,
        level=ReflectionSession.Level.PROGRAMMATEAM,
        date=datetime.date(2024, 6, 2),
        facilitator="Lauren Algra (Algra Consulting)",
    )
    team.participants.add(PersonFactory(name="Femke Dijkstra"))
    SessionSide.objects.create(
        session=team,
        side="wij",
        observations="Er is een goede samenwerking in het programmateam.",
        other_points="Vriendelijk duwen en helpen\nBruikbare elementen voor lokale vertaling",
        summary="Twee aandachtspunten voor faseplan 3.",
    )
    vision = AttentionPoint.objects.create(
        session=team, side="wij", number=1, title="Samen handen en voeten geven aan een visie"
    )
    Ingredient.objects.create(
        attention_point=vision, order=1, text="Onboarding met standaard middelen"
    )
    Ingredient.objects.create(attention_point=vision, order=2, text="Pilots visievorming draaien")
    managers = ReflectionSession.objects.create(
        year=2024,
        level=ReflectionSession.Level.MANAGERS,
        date=datetime.date(2024, 6, 5),
    )
    own = AttentionPoint.objects.create(
        session=managers, side="wij", number=1, title="Visie onderdeel van eigen organisatievisie"
    )
    own.related.add(vision)
    ReflectionSession.objects.create(
        year=2024,
        level=ReflectionSession.Level.OTHER,
        group_name="Ervaringsdeskundigen <script>",
        date=datetime.date(2024, 6, 20),
    )
    return {"vision": vision, "own": own}


def test_reflection_report_pdf_holds_islands_sides_points_and_ingredients(
    member, year_2024, request_document
):
    document = request_document(member, "reflection_report", "2024")
    assert document.status == Document.Status.READY, document.error
    data = document.file.read()
    assert data.startswith(b"%PDF")
    assert document.file.name.endswith(".pdf") and "2024" in document.file.name
    text = flat(pdf_text(data))
    assert "PROGRAMMATEAM" in text.upper() and "MANAGERS" in text.upper()
    assert "Ervaringsdeskundigen <script>" in text  # user input: escaped, shown as text
    assert "Lauren Algra (Algra Consulting)" in text and "2 juni 2024" in text
    assert "WIJ" in text and "Er is een goede samenwerking in het programmateam." in text
    assert "1. Samen handen en voeten geven aan een visie" in text
    assert "Onboarding met standaard middelen" in text
    assert "Pilots visievorming draaien" in text
    assert "Vriendelijk duwen en helpen" in text and "Twee aandachtspunten" in text
    assert "Femke Dijkstra" in text
    # the recognition across levels is noted
    assert "Visie onderdeel van eigen organisatievisie" in text
    assert text.count("Samen handen en voeten geven aan een visie") >= 2


def test_phase_plan_pdf_holds_efforts_their_sources_and_a_timeline(
    member, year_2024, request_document
):
    plan = PhasePlan.objects.create(
        number=3,
        title="Faseplan 3",
        period_start=datetime.date(2025, 9, 1),
        period_end=datetime.date(2026, 8, 31),
        goals="Visie eigen maken.\nMeer zichtbaar maken.",
    )
    effort = Effort.objects.create(
        plan=plan,
        title="Onboarding en pilots visievorming",
        owner=PersonFactory(name="Femke Dijkstra"),
        start=datetime.date(2025, 11, 1),
        end=datetime.date(2026, 8, 31),
    )
    effort.partners.add(PartnerFactory(name="CMO STAMM"))
    effort.attention_points.add(year_2024["vision"])
    Effort.objects.create(
        plan=plan,
        title="Nog niet herleid",
        start=datetime.date(2025, 9, 1),
        end=datetime.date(2025, 12, 31),
        status=Effort.Status.RUNNING,
    )
    document = request_document(member, "phase_plan", str(plan.pk))
    assert document.status == Document.Status.READY, document.error
    assert "faseplan-3-v1" in document.file.name
    data = document.file.read()
    text = flat(pdf_text(data))
    assert "Faseplan 3" in text and "Visie eigen maken." in text
    assert "Onboarding en pilots visievorming" in text
    assert "Femke Dijkstra" in text and "CMO STAMM" in text
    assert "1-11-2025 – 31-8-2026" in text  # noqa: RUF001
    assert "Programmateam 2024 · 1 (WIJ): Samen handen en voeten geven aan een visie" in text
    assert "Nog niet herleid" in text
    # the timeline: the SVG's month labels and quarter labels are in the PDF
    assert "Q1 2026" in text and "sep" in text
    # ... in the house font, like the rest (SVG text does not inherit the page's CSS)
    fonts = pdf_fonts(data)
    assert fonts and all("Source-Sans-3" in name for name in fonts), fonts


def test_timeline_geometry_spans_the_plan_period():
    plan = PhasePlan(
        number=3,
        title="x",
        period_start=datetime.date(2025, 9, 1),
        period_end=datetime.date(2026, 8, 31),
    )
    whole = Effort(title="Heel jaar", start=plan.period_start, end=plan.period_end)
    before = Effort(title="Ervoor", start=datetime.date(2024, 1, 1), end=datetime.date(2025, 9, 30))
    chart = timeline(plan, [whole, before], today=datetime.date(2030, 1, 1))
    assert len(chart["ticks"]) == 12
    assert [t["quarter_label"] for t in chart["ticks"] if t["quarter"]] == [
        "Q4 2025",
        "Q1 2026",
        "Q2 2026",
        "Q3 2026",
    ]
    first, second = chart["rows"]
    assert float(first["bar_x"]) == float(chart["left"])
    assert float(first["bar_x"]) + float(first["bar_width"]) == pytest.approx(float(chart["right"]))
    assert float(second["bar_x"]) == float(chart["left"])  # clamped to the period
    assert "," not in second["bar_width"]  # never localised: SVG needs dots
    assert chart["today_x"] is None


def test_can_request_rules(member, year_2024, request_document, client):
    from django.contrib.auth.models import AnonymousUser

    plan = PhasePlan.objects.create(
        number=3,
        title="Faseplan 3",
        period_start=datetime.date(2025, 9, 1),
        period_end=datetime.date(2026, 8, 31),
    )
    for kind, subject in [
        ("reflection_report", "2023"),  # no sessions that year
        ("reflection_report", "abc"),
        ("reflection_report", ""),
        ("reflection_report", "\uff12\uff10\uff12\uff14"),  # fullwidth digits, not ASCII
        ("phase_plan", str(plan.pk + 1000)),
        ("phase_plan", "x1"),
        ("phase_plan", ""),
    ]:
        with pytest.raises(PermissionDenied):
            documents.document_request(user=member, kind=kind, subject=subject, language="nl")
    for kind, subject in [("reflection_report", "2024"), ("phase_plan", str(plan.pk))]:
        with pytest.raises(PermissionDenied):
            documents.document_request(
                user=AnonymousUser(), kind=kind, subject=subject, language="nl"
            )
    assert not Document.objects.exists()
