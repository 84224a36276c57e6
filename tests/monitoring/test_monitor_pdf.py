"""The yearly AVK-monitor as PDF, through the real document pipeline: per shared indicator
the chart and its story, the efforts' progress, the public spotlights and the stories that may
be public when the monitor is made."""

import datetime
import io
from decimal import Decimal

import pypdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from avk import documents
from avk.models import Document
from monitoring.documents import monitor_context
from monitoring.models import (
    Area,
    Consent,
    Experience,
    Indicator,
    IndicatorStory,
    Measurement,
    Spotlight,
    Target,
)
from reflection.models import EffortUpdate
from tests.factories import PartnerFactory, PersonFactory, UserFactory
from tests.reflection.factories_plans import EffortFactory, PhasePlanFactory

THIS_YEAR = timezone.localdate().year


def pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


@pytest.fixture
def request_monitor(django_capture_on_commit_callbacks):
    def make(user, subject=str(THIS_YEAR)):
        with django_capture_on_commit_callbacks(execute=True):
            document = documents.document_request(
                user=user, kind="avk_monitor", subject=subject, language="nl"
            )
        document.refresh_from_db()
        return document

    return make


def make_indicator(name, visibility, *, region, references, order=0):
    indicator = Indicator.objects.create(
        name=name,
        definition="Kinderen tot 18 jaar in een huishouden met een laag inkomen.",
        unit=Indicator.Unit.PERCENTAGE,
        polarity=Indicator.Polarity.LOWER_IS_BETTER,
        source="Sociaal Planbureau Groningen",
        visibility=visibility,
        order=order,
    )
    for year, value in [(2018, "9.9"), (2020, "8.3")]:
        Measurement.objects.create(
            indicator=indicator, area=region, year=year, value=Decimal(value)
        )
        for area in references:
            Measurement.objects.create(
                indicator=indicator, area=area, year=year, value=Decimal(value) - 1
            )
    Target.objects.create(indicator=indicator, area=region, year=2030, value=Decimal("5"))
    return indicator


def story(title, *, scope, approved=True, withdrawn=False):
    experience = Experience.objects.create(
        title=title,
        story="Ik durfde eerst niet te vragen om hulp. Nu weet ik de weg.",
        review=Experience.Review.APPROVED if approved else Experience.Review.WAITING,
        reviewed_by=PersonFactory(is_experience_expert=True) if approved else None,
    )
    Consent.objects.create(
        experience=experience,
        scope=scope,
        given_on=datetime.date(THIS_YEAR, 1, 2),
        withdrawn_at=timezone.now() if withdrawn else None,
    )
    return experience


@pytest.fixture
def monitor_data(db):
    region = Area.objects.create(code="RGVK", name="Veenkoloniën", kind=Area.Kind.REGION)
    province = Area.objects.create(code="PV20", name="Groningen", kind=Area.Kind.PROVINCE)
    country = Area.objects.create(code="NL01", name="Nederland", kind=Area.Kind.COUNTRY)
    shared = make_indicator(
        "Kinderen in armoede", "public", region=region, references=[province, country]
    )
    make_indicator("Interne werkmaat", "internal", region=region, references=[country], order=1)
    IndicatorStory.objects.create(
        indicator=shared,
        year=THIS_YEAR - 1,
        helps="Scholen en schuldhulp werken samen in de wijk.",
        hinders="Gezinnen vinden de weg naar regelingen niet.",
    )
    plan = PhasePlanFactory(
        status="adopted",
        period_start=datetime.date(THIS_YEAR, 1, 1),
        period_end=datetime.date(THIS_YEAR + 1, 12, 31),
    )
    effort = EffortFactory(plan=plan, title="Samen werken aan een kansrijke start")
    EffortUpdate.objects.create(
        effort=effort,
        period_start=datetime.date(THIS_YEAR, 1, 1),
        status=EffortUpdate.Status.AT_RISK,
        narrative="Twee scholen doen mee, de derde nog niet.",
    )
    public = story("Nu weet ik de weg", scope="public")
    story("Alleen voor de partners", scope="partners")
    story("Nog niet bekeken", scope="public", approved=False)
    withdrawn = story("Ingetrokken verhaal", scope="public", withdrawn=True)
    Spotlight.objects.create(
        title="Cosis in de wijk",
        text="Cosis helpt ouders met een eerste gesprek.",
        partner=PartnerFactory(name="Cosis"),
        is_public=True,
        starts_on=datetime.date(THIS_YEAR, 3, 1),
    )
    Spotlight.objects.create(
        title="Uitgelicht ingetrokken verhaal",
        text="Dit mag niet meer te zien zijn.",
        experience=withdrawn,
        is_public=True,
        starts_on=datetime.date(THIS_YEAR, 3, 1),
    )
    return {"shared": shared, "public": public, "withdrawn": withdrawn}


def test_the_monitor_holds_the_chart_its_story_progress_spotlights_and_public_stories(
    monitor_data, request_monitor
):
    document = request_monitor(UserFactory())
    assert document.status == Document.Status.READY, document.error
    text = pdf_text(document.file.read())
    assert "AVK-monitor" in text
    assert "Kinderen in armoede" in text
    assert "Veenkoloniën" in text and "Nederland" in text
    assert "Scholen en schuldhulp werken samen in de wijk." in text
    assert "Samen werken aan een kansrijke start" in text and "Loopt risico" in text
    assert "Cosis in de wijk" in text
    assert "Nu weet ik de weg" in text
    for absent in [
        "Interne werkmaat",
        "Alleen voor de partners",
        "Nog niet bekeken",
        "Ingetrokken verhaal",
        "Uitgelicht ingetrokken verhaal",
    ]:
        assert absent not in text


def test_the_monitor_draws_the_efforts_progress_as_a_chart(monitor_data):
    context = monitor_context(str(THIS_YEAR))
    chart = context["progress_chart"]
    assert not chart.is_empty
    assert [row.label for row in chart.table_rows] == [context["plans"][0]["plan"].title]


def test_a_consent_withdrawn_keeps_the_story_out_of_every_monitor_made_after(
    monitor_data, request_monitor
):
    user = UserFactory()
    before = pdf_text(request_monitor(user).file.read())
    assert "Nu weet ik de weg" in before
    consent = monitor_data["public"].consents.get()
    consent.withdrawn_at = timezone.now()
    consent.save()
    after = pdf_text(request_monitor(user).file.read())
    assert "Nu weet ik de weg" not in after


def test_only_people_who_are_logged_in_ask_for_a_year_of_the_programme(db):
    from django.contrib.auth.models import AnonymousUser

    kind = documents.get_kind("avk_monitor")
    user = UserFactory()
    assert kind.can_request(user, str(THIS_YEAR))
    assert not kind.can_request(AnonymousUser(), str(THIS_YEAR))
    for subject in ["2022", str(THIS_YEAR + 1), "abcd", "20245", "", "٢٠٢٤"]:
        assert not kind.can_request(user, subject), subject


def test_the_monitor_reads_a_fixed_number_of_queries(monitor_data):
    with CaptureQueriesContext(connection) as few:
        monitor_context(str(THIS_YEAR))
    region = Area.objects.get(code="RGVK")
    country = Area.objects.get(code="NL01")
    for n in range(8):
        make_indicator(f"Extra {n}", "partners", region=region, references=[country], order=5 + n)
        story(f"Extra verhaal {n}", scope="public")
    with CaptureQueriesContext(connection) as many:
        monitor_context(str(THIS_YEAR))
    assert len(many) == len(few)


def test_a_chart_in_the_monitor_shows_the_last_ten_years_up_to_its_year(monitor_data):
    from monitoring.selectors.monitor import monitor_indicators

    region = Area.objects.get(code="RGVK")
    shared = monitor_data["shared"]
    for year in range(2000, THIS_YEAR + 1):
        Measurement.objects.get_or_create(
            indicator=shared, area=region, year=year, defaults={"value": Decimal("7")}
        )
    (item,) = [i for i in monitor_indicators(THIS_YEAR - 1) if i["indicator"] == shared]
    years = [row.year for row in item["chart"].table_rows if row.cells[0] != "\u2013"]
    assert years == list(range(THIS_YEAR - 10, THIS_YEAR))


def test_the_monitor_counts_the_efforts_as_its_chart_does_as_of_the_years_end(db):
    """One rule, reflection's roll-up as of 31 December: an update older than the previous
    period counts as "no recent update", "done" stays done, and an update written for a
    period after the year is not part of that year's monitor."""
    from monitoring.selectors.monitor import monitor_progress

    year = THIS_YEAR - 1
    plan = PhasePlanFactory(
        status="adopted",
        title="Faseplan van het jaar",
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year + 1, 12, 31),
    )
    stale, done, later, never = (EffortFactory(plan=plan) for _ in range(4))
    for effort, month, status in [
        (stale, 1, EffortUpdate.Status.ON_TRACK),
        (done, 4, EffortUpdate.Status.DONE),
        (later, 10, EffortUpdate.Status.AT_RISK),
    ]:
        EffortUpdate.objects.create(
            effort=effort, period_start=datetime.date(year, month, 1), status=status, narrative="."
        )
    EffortUpdate.objects.create(
        effort=later,
        period_start=datetime.date(year + 1, 1, 1),
        status=EffortUpdate.Status.BEHIND,
        narrative="Na het jaar geschreven.",
    )
    context = monitor_context(str(year))
    (item,) = context["plans"]
    counted = {key: n for key, n in item["counts"].items() if n}
    assert counted == {"at_risk": 1, "done": 1, "stale": 2}
    chart_rows = {row.label: row.cells for row in context["progress_chart"].table_rows}
    assert chart_rows == {plan.title: [str(n) for n in item["counts"].values()]}
    assert [(effort.pk, update and update.status) for effort, update in item["rows"]] == [
        (stale.pk, "on_track"),
        (done.pk, "done"),
        (later.pk, "at_risk"),
        (never.pk, None),
    ]
    assert monitor_progress(year)[0]["counts"] == item["counts"]
