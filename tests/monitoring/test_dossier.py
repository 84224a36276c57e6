"""The loop back: a session's dossier (what was done with its attention points), and the link
to it from the next year's session page and invitation, through reflection's extension point."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models.indicators import Visibility
from reflection import followup
from reflection.models import PhasePlan, ReflectionSession
from reflection.services.contributions import session_invite
from tests.factories import PersonFactory
from tests.monitoring.factories_results import (
    EffortIndicatorFactory,
    EffortUpdateFactory,
    IndicatorFactory,
    MeasurementFactory,
    netherlands,
    region,
)
from tests.reflection.factories import AttentionPointFactory, ReflectionSessionFactory
from tests.reflection.factories_plans import EffortFactory, PhasePlanFactory

D = Decimal
LEVEL = ReflectionSession.Level.PROGRAMMATEAM


def island(year, level=LEVEL, **kwargs):
    return ReflectionSessionFactory(year=year, level=level, group_name="", **kwargs)


@pytest.fixture
def dossier(db):
    """A 2024 island whose first point an adopted effort answers, with updates and a linked
    indicator that went down (better) in the region."""
    session = island(2024)
    answered = AttentionPointFactory(session=session, number=1, title="Meer zichtbaar maken")
    AttentionPointFactory(session=session, number=2, title="Nog open punt")
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED, title="Faseplan 3")
    effort = EffortFactory(plan=plan, title="Monitor opzetten", attention_points=[answered])
    EffortFactory(
        plan=PhasePlanFactory(status=PhasePlan.Status.DRAFT),
        title="Nog een concept",
        attention_points=[answered],
    )
    EffortUpdateFactory(effort=effort, period_start=datetime.date(2026, 7, 1), status="at_risk")
    EffortUpdateFactory(
        effort=effort, period_start=datetime.date(2026, 10, 1), narrative="Eerste cijfers binnen."
    )
    shown = IndicatorFactory(name="Kinderen in armoede", visibility=Visibility.PARTNERS)
    hidden = IndicatorFactory(name="Interne teller", visibility=Visibility.INTERNAL)
    for indicator in (shown, hidden):
        EffortIndicatorFactory(effort=effort, indicator=indicator)
    MeasurementFactory(indicator=shown, area=region(), year=2018, value=D("9.6"))
    MeasurementFactory(indicator=shown, area=region(), year=2022, value=D("8.4"))
    MeasurementFactory(indicator=shown, area=netherlands(), year=2022, value=D("5.2"))
    return session


def test_the_dossier_shows_the_efforts_their_latest_update_and_the_indicators(
    dossier, editor_a, client_for
):
    response = client_for(editor_a).get(reverse("reflection_dossier", args=[dossier.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Meer zichtbaar maken" in html and "Nog open punt" in html
    assert "Monitor opzetten" in html and "Eerste cijfers binnen." in html
    assert "Nog een concept" not in html  # a draft plan's effort does not count yet
    assert "Op koers" in html  # the newest update's status
    assert "Kinderen in armoede" in html
    assert "Van 9,6% in 2018 naar 8,4% in 2022. Dat is beter." in html
    assert "Interne teller" not in html
    assert 'class="trend-chart trend-chart-compact"' in html
    assert html.count("Nog geen inspanning uit een vastgesteld faseplan") == 1


def test_staff_also_see_internal_indicators_in_the_dossier(dossier, staff, client_for):
    html = client_for(staff).get(reverse("reflection_dossier", args=[dossier.pk])).content
    assert "Interne teller" in html.decode()


def test_the_dossier_is_for_those_who_may_read_the_session(dossier, client_for, outsider):
    url = reverse("reflection_dossier", args=[dossier.pk])
    assert client_for(outsider).get(url).status_code == 200
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302 and "/account/login/" in anonymous["Location"]
    missing = reverse("reflection_dossier", args=[dossier.pk + 999])
    assert client_for(outsider).get(missing).status_code == 404


def test_the_dossier_runs_a_fixed_number_of_queries(staff, client_for):
    from tests.monitoring.history import build_history

    small = build_history(years=1, areas=3, indicators=3, efforts=2, updates=1)["sessions"][0]
    client = client_for(staff)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("reflection_dossier", args=[small.pk])).status_code == 200
    large = build_history(years=20, first_year=2000)["sessions"][-1]
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("reflection_dossier", args=[large.pk]))
    assert response.status_code == 200
    assert len(many) == len(few), (len(few), len(many))


# --- the link from the next year's island ------------------------------------------------


def test_the_year_page_links_to_the_previous_island_of_the_same_level(db, outsider, client_for):
    previous = island(2024)
    island(2024, level=ReflectionSession.Level.MANAGERS)
    island(2023)  # an older one of the same level: the newest previous wins
    current = island(2025)
    first_managers = island(2025, level=ReflectionSession.Level.STUURGROEP)
    html = client_for(outsider).get(reverse("reflection:year_detail", args=[2025])).content
    html = html.decode()
    link = reverse("reflection_dossier", args=[previous.pk])
    assert html.count(f'href="{link}"') == 1
    assert "attention points of 2024" in html or "aandachtspunten van 2024" in html
    assert current.pk != first_managers.pk
    # the steering group had no island before 2025: one link on the page only
    assert html.count("followup-link") == 1


def test_no_link_without_a_previous_island(db, outsider, client_for):
    island(2025)
    html = client_for(outsider).get(reverse("reflection:year_detail", args=[2025])).content
    assert b"followup-link" not in html


def _participant_session(year, user):
    person = PersonFactory(user=user, email=user.email)
    soon = datetime.date.today() + datetime.timedelta(days=14)
    return island(year, date=soon, participants=[person])


def test_the_contribute_page_links_to_the_previous_dossier(db, outsider, client_for):
    previous = island(2025)
    session = _participant_session(2026, outsider)
    html = client_for(outsider).get(reverse("reflection:contribute", args=[session.pk])).content
    assert reverse("reflection_dossier", args=[previous.pk]).encode() in html


def test_the_invitation_links_to_the_previous_dossier(
    db, outsider, django_capture_on_commit_callbacks
):
    previous = island(2025)
    session = _participant_session(2026, outsider)
    with django_capture_on_commit_callbacks(execute=True):
        assert session_invite(session=session) == 1
    link = settings.SITE_URL + reverse("reflection_dossier", args=[previous.pk])
    message = mail.outbox[0]
    for body in (message.body, message.alternatives[0][0]):
        assert link in body


def test_the_invitation_has_no_link_without_a_previous_island(
    db, outsider, django_capture_on_commit_callbacks
):
    session = _participant_session(2026, outsider)
    with django_capture_on_commit_callbacks(execute=True):
        session_invite(session=session)
    message = mail.outbox[0]
    assert "dossier" not in message.body and "dossier" not in message.alternatives[0][0]


def test_reflection_works_without_the_registration(
    db, outsider, client_for, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(followup, "_dossier_path", None)
    island(2025)
    session = _participant_session(2026, outsider)
    client = client_for(outsider)
    year = client.get(reverse("reflection:year_detail", args=[2026]))
    contribute = client.get(reverse("reflection:contribute", args=[session.pk]))
    assert year.status_code == contribute.status_code == 200
    assert b"dossier" not in year.content and b"dossier" not in contribute.content
    with CaptureQueriesContext(connection) as queries:
        assert followup.previous_followups([session]) == {}
    assert len(queries) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert session_invite(session=session) == 1
    assert "dossier" not in mail.outbox[0].body


def test_monitoring_registers_its_dossier(db):
    previous, current = island(2024), island(2025)
    found = followup.previous_followup(current)
    assert found == followup.FollowUp(reverse("reflection_dossier", args=[previous.pk]), 2024)


def test_the_dossier_is_plain_dutch(dossier, editor_a, client_for):
    from tests.plain_language import assert_plain_page

    url = reverse("reflection_dossier", args=[dossier.pk])
    assert_plain_page(client_for(editor_a).get(url).content.decode())


def test_an_indicator_is_drawn_once_however_many_efforts_name_it(dossier, staff, client_for):
    shown = IndicatorFactory(name="Gedeelde indicator")
    MeasurementFactory(indicator=shown, area=region(), year=2020)
    plan = PhasePlan.objects.get(status=PhasePlan.Status.ADOPTED)
    for point in dossier.attention_points.all():
        for _ in range(3):
            effort = EffortFactory(plan=plan, attention_points=[point])
            EffortIndicatorFactory(effort=effort, indicator=shown)
    html = client_for(staff).get(reverse("reflection_dossier", args=[dossier.pk])).content
    html = html.decode()
    assert html.count(f'id="dossier-{shown.pk}-title"') == 1
    assert html.count(f'href="#figure-{shown.pk}"') == 6


def test_a_new_update_and_a_new_figure_show_on_the_next_request(dossier, editor_a, client_for):
    """The dossier is kept rendered (avk.cache) until a row it shows changes."""
    url = reverse("reflection_dossier", args=[dossier.pk])
    client = client_for(editor_a)
    assert "Eerste cijfers binnen." in client.get(url).content.decode()
    effort = dossier.attention_points.get(number=1).efforts.get(title="Monitor opzetten")
    EffortUpdateFactory(
        effort=effort, period_start=datetime.date(2027, 1, 1), narrative="Alle cijfers binnen."
    )
    indicator = effort.indicator_links.get(indicator__name="Kinderen in armoede").indicator
    MeasurementFactory(indicator=indicator, area=region(), year=2024, value=D("7.9"))
    html = client.get(url).content.decode()
    assert "Alle cijfers binnen." in html
    assert "naar 7,9% in 2024" in html
