""" "Wat bereiken we": the programme dashboard for everyone logged in, and its public version."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.access import public_experiences
from monitoring.models.indicators import Visibility
from monitoring.selectors.results import (
    MAX_YEARS,
    commitments_per_package,
    plan_progress,
    quickscan_scores,
    recent_since,
    reflection_followup,
    team_completeness,
)
from partners.models import Commitment, Package, Partner, TeamMember
from reflection.models import EffortUpdate, PhasePlan
from tests.factories import PartnerFactory, PersonFactory, UserFactory
from tests.monitoring.factories_results import (
    ConsentFactory,
    EffortUpdateFactory,
    ExperienceFactory,
    IndicatorFactory,
    MeasurementFactory,
    netherlands,
    region,
)
from tests.partners.factories_quickscan import QuickScanFactory
from tests.reflection.factories import AttentionPointFactory
from tests.reflection.factories_plans import EffortFactory, PhasePlanFactory

D = Decimal
TODAY = datetime.date(2026, 12, 1)


def rows(chart):
    return {row.label: [str(cell) for cell in row.cells] for row in chart.table_rows}


# --- who sees which indicator -----------------------------------------------------------


@pytest.fixture
def three_indicators(db):
    made = {}
    for visibility in Visibility.values:
        indicator = IndicatorFactory(name=f"Cijfer {visibility}", visibility=visibility)
        MeasurementFactory(indicator=indicator, area=region(), year=2020, value=D("9.6"))
        MeasurementFactory(indicator=indicator, area=netherlands(), year=2020, value=D("6.9"))
        made[visibility] = indicator
    return made


def _shown(response):
    html = response.content.decode()
    return {v for v in Visibility.values if f"Cijfer {v}" in html}


def test_internal_indicators_are_for_staff_only(three_indicators, staff, editor_a, client_for):
    url = reverse("programme_results")
    assert _shown(client_for(staff).get(url)) == {"internal", "partners", "public"}
    assert _shown(client_for(editor_a).get(url)) == {"partners", "public"}


def test_the_public_page_shows_public_indicators_only(three_indicators, staff, client_for):
    url = reverse("public_results")
    assert _shown(client_for(None).get(url)) == {"public"}
    # staff get the public version too: it is what the public sees
    assert _shown(client_for(staff).get(url)) == {"public"}


def test_the_dashboard_asks_for_a_login(db, client_for):
    response = client_for(None).get(reverse("programme_results"))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_trends_are_the_region_against_the_netherlands(three_indicators, staff, client_for):
    html = client_for(staff).get(reverse("programme_results")).content.decode()
    assert "Veenkoloniën" in html and "Nederland" in html
    assert 'class="trend-chart trend-chart-compact"' in html
    # a distinct id per chart on the page
    for indicator in three_indicators.values():
        assert html.count(f'id="trend-{indicator.pk}-title"') == 1


# --- stories on the public page ---------------------------------------------------------


def _story(title, **consent):
    experience = ExperienceFactory(title=title)
    if consent is not None:
        ConsentFactory(experience=experience, **consent)
    return experience


def test_only_approved_stories_with_a_current_public_consent_are_public(db):
    today = TODAY
    _story("Openbaar")
    _story("Open einde vandaag", ends_on=today)
    _story("Ingetrokken", withdrawn_at=timezone.now())
    _story("Afgelopen", ends_on=today - datetime.timedelta(days=1))
    _story("Nog niet", given_on=today + datetime.timedelta(days=1))
    _story("Alleen partners", scope=Visibility.PARTNERS)
    _story("Intern", scope=Visibility.INTERNAL)
    ExperienceFactory(title="Zonder toestemming")
    waiting = _story("Wacht op review")
    waiting.review = waiting.Review.WAITING
    waiting.save()
    narrowed = _story("Later beperkt")
    ConsentFactory(
        experience=narrowed, scope=Visibility.PARTNERS, given_on=datetime.date(2026, 6, 1)
    )
    renewed = _story("Opnieuw gegeven", withdrawn_at=timezone.now())
    ConsentFactory(experience=renewed, given_on=datetime.date(2026, 6, 1))
    titles = set(public_experiences(today).values_list("title", flat=True))
    assert titles == {"Openbaar", "Open einde vandaag", "Opnieuw gegeven"}


def test_a_withdrawn_story_disappears_from_the_public_page_at_once(db, client_for):
    consent = ConsentFactory(experience=ExperienceFactory(title="Mijn verhaal"), given_on=TODAY)
    url = reverse("public_results")
    assert "Mijn verhaal" in client_for(None).get(url).content.decode()
    consent.withdrawn_at = timezone.now()
    consent.save()
    assert "Mijn verhaal" not in client_for(None).get(url).content.decode()


def test_an_anonymous_story_does_not_show_a_name(db, client_for):
    ConsentFactory(experience=ExperienceFactory(title="Anoniem verhaal"), given_on=TODAY)
    ConsentFactory(
        experience=ExperienceFactory(title="Met naam", teller_name="Anna"), given_on=TODAY
    )
    html = client_for(None).get(reverse("public_results")).content.decode()
    assert "Anna" in html and "Anoniem" in html


# --- effort progress --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "interval", "since"),
    [
        (datetime.date(2026, 12, 1), 3, datetime.date(2026, 7, 1)),
        (datetime.date(2026, 1, 15), 3, datetime.date(2025, 10, 1)),
        (datetime.date(2026, 12, 1), 1, datetime.date(2026, 11, 1)),
        (datetime.date(2026, 1, 1), 1, datetime.date(2025, 12, 1)),
        (datetime.date(2026, 5, 31), 6, datetime.date(2025, 7, 1)),
        (datetime.date(2026, 12, 1), 12, datetime.date(2025, 1, 1)),
    ],
)
def test_a_recent_update_is_for_the_current_or_the_previous_period(today, interval, since):
    assert recent_since(interval, today) == since


def test_effort_progress_per_plan_counts_the_latest_recent_status(db):
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED, title="Faseplan 3")
    on_track, at_risk, old, _never = (EffortFactory(plan=plan) for _ in range(4))
    EffortUpdateFactory(effort=on_track, period_start=datetime.date(2026, 7, 1), status="behind")
    EffortUpdateFactory(effort=on_track, period_start=datetime.date(2026, 10, 1))
    EffortUpdateFactory(effort=at_risk, period_start=datetime.date(2026, 7, 1), status="at_risk")
    EffortUpdateFactory(effort=old, period_start=datetime.date(2026, 4, 1), status="done")
    # a draft plan's efforts are not counted
    EffortFactory(plan=PhasePlanFactory(status=PhasePlan.Status.DRAFT))
    plans, chart = plan_progress(TODAY)
    assert len(plans) == 1 and plans[0].efforts == 4
    # counted as the plan's own page counts: "done" stays done, however old the update
    counted = {key: n for key, n in plans[0].counts.items() if n}
    assert counted == {"on_track": 1, "at_risk": 1, "done": 1, "stale": 1}
    assert rows(chart)["Faseplan 3"] == ["1", "1", "0", "1", "1"]


def test_a_yearly_plan_counts_last_years_update_as_recent(db):
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED, progress_interval=12)
    EffortUpdateFactory(effort=EffortFactory(plan=plan), period_start=datetime.date(2025, 1, 1))
    plans, _chart = plan_progress(TODAY)
    assert {key: n for key, n in plans[0].counts.items() if n} == {"on_track": 1}


# --- partners ---------------------------------------------------------------------------


@pytest.fixture
def packages(db):
    return {
        code: Package.objects.get_or_create(code=code, defaults={"name": code, "order": i})[0]
        for i, code in enumerate("ABC")
    }


def _commit(partner, package, start):
    Commitment.objects.create(
        partner=partner, package=package, period_start=start, status=Commitment.Status.IN_EFFECT
    )


def test_commitments_per_package_are_counted_on_31_december(packages):
    switcher, steady = PartnerFactory(), PartnerFactory()
    _commit(switcher, packages["C"], datetime.date(2024, 1, 1))
    _commit(switcher, packages["A"], datetime.date(2025, 12, 31))
    _commit(steady, packages["B"], datetime.date(2025, 1, 1))
    Commitment.objects.create(
        partner=steady,
        package=packages["A"],
        period_start=datetime.date(2025, 6, 1),
        status=Commitment.Status.PROPOSED,
    )
    chart = commitments_per_package(TODAY)
    table = rows(chart)
    # the years start at the first with a commitment
    assert list(table) == ["2024", "2025", "2026"]
    assert table["2024"] == ["0", "0", "1"]
    assert table["2025"] == ["1", "1", "0"]


def test_this_years_commitments_are_counted_today(packages):
    partner = PartnerFactory()
    _commit(partner, packages["B"], datetime.date(2026, 1, 1))
    _commit(partner, packages["A"], datetime.date(2026, 12, 15))  # planned
    assert rows(commitments_per_package(TODAY))["2026"] == ["0", "1", "0"]


def test_commitments_show_at_most_the_last_years(packages):
    _commit(PartnerFactory(), packages["A"], datetime.date(2001, 1, 1))
    chart = commitments_per_package(TODAY)
    assert len(chart.table_rows) == MAX_YEARS
    assert chart.table_rows[-1].label == "2026"


def test_team_completeness_uses_the_incomplete_team_rule(db, settings):
    settings.AVK_TEAM_TARGET = {"bestuurder": 1, "manager": 1, "uitvoering": 0}
    complete, incomplete = PartnerFactory(), PartnerFactory()
    PartnerFactory(is_active=False)
    for role in ("bestuurder", "manager"):
        TeamMember.objects.create(partner=complete, person=PersonFactory(), role=role)
    TeamMember.objects.create(partner=incomplete, person=PersonFactory(), role="bestuurder")
    result = team_completeness()
    assert (result["complete"], result["total"]) == (1, 2)
    assert rows(result["chart"]) == {"Compleet": ["1"], "Niet compleet": ["1"]} or rows(
        result["chart"]
    ) == {"Complete": ["1"], "Not complete": ["1"]}


def test_quick_scan_scores_are_the_share_of_criteria_met_per_year(db):
    a, b = PartnerFactory(), PartnerFactory()
    QuickScanFactory(partner=a, year=2025, score=3, total=4)
    QuickScanFactory(partner=b, year=2025, score=1, total=4)
    QuickScanFactory(partner=a, year=2026, score=4, total=4)
    table = rows(quickscan_scores(TODAY))
    assert table == {"2025": ["50%", "2"], "2026": ["100%", "1"]}


# --- reflection follow-up ---------------------------------------------------------------


def test_followup_shares_answered_points_and_those_with_a_recent_update(db):
    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED)
    session = AttentionPointFactory(session__year=2025).session
    followed, answered, _alone = (AttentionPointFactory(session=session) for _ in range(3))
    recent = EffortFactory(plan=plan, attention_points=[followed])
    EffortUpdateFactory(effort=recent, period_start=datetime.date(2026, 10, 1))
    stale = EffortFactory(plan=plan, attention_points=[answered])
    EffortUpdateFactory(effort=stale, period_start=datetime.date(2025, 10, 1))
    table = rows(reflection_followup(TODAY))
    assert table["2025"] == ["50%", "25%"]
    assert table["2026"] == ["\u2013", "\u2013"]


# --- no ranking, and the page stays the same size ----------------------------------------


def test_no_partner_or_municipality_is_named_on_the_dashboard(packages, staff, client_for):
    partner = PartnerFactory(name="Stichting Voorbeeld")
    _commit(partner, packages["A"], datetime.date(2024, 1, 1))
    QuickScanFactory(partner=partner, year=2026, score=1, total=4)
    html = client_for(staff).get(reverse("programme_results")).content.decode()
    assert "Stichting Voorbeeld" not in html


def test_every_picture_has_a_table(packages, staff, client_for):
    html = client_for(staff).get(reverse("programme_results")).content.decode()
    for uid in ("progress", "packages", "teams", "quickscans", "decisions", "followup"):
        assert f'id="{uid}"' in html
    assert Partner.objects.count() >= 0
    assert EffortUpdate.objects.count() == 0


# --- a fixed number of queries, and a page that does not grow with the years -------------


def _dashboard(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("programme_results"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _public(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("public_results"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_dashboard_runs_a_fixed_number_of_queries(staff, client_for):
    from tests.monitoring.history import build_history

    client = client_for(staff)
    build_history(years=1, areas=3, indicators=3, efforts=2, updates=1)
    small, _html = _dashboard(client)
    public_small, _html = _public(client_for(None))
    build_history(years=20, first_year=2006)  # 20 years x 15 areas x 10 indicators, 40 x 20
    client = client_for(staff)
    large, html = _dashboard(client)
    assert large == small, (small, large)
    assert _public(client_for(None))[0] == public_small
    assert "Indicator 9" in html


def test_the_page_does_not_grow_with_the_years(staff, client_for):
    from tests.monitoring.history import build_history

    build_history(years=MAX_YEARS, indicators=3, efforts=4, updates=4)
    _queries, ten_years = _dashboard(client_for(staff))
    build_history(years=MAX_YEARS, indicators=3, efforts=0, updates=0, first_year=2007)
    _queries, twenty_years = _dashboard(client_for(staff))
    # Older years are left out: the page stays the same size (give or take a digit).
    assert abs(len(twenty_years) - len(ten_years)) < len(ten_years) * 0.01, (
        len(ten_years),
        len(twenty_years),
    )
    assert ">2016<" not in twenty_years and ">2017<" in twenty_years


def test_the_pages_are_plain_dutch(three_indicators, editor_a, client_for):
    from tests.plain_language import assert_plain_page

    ConsentFactory(experience=ExperienceFactory(title="Een verhaal"), given_on=TODAY)
    assert_plain_page(client_for(None).get(reverse("public_results")).content.decode())
    assert_plain_page(client_for(editor_a).get(reverse("programme_results")).content.decode())


def test_commitments_per_year_follow_the_current_commitment_rule(packages):
    from partners.selectors.commitment import current_commitment

    partner = PartnerFactory()
    _commit(partner, packages["C"], datetime.date(2025, 3, 1))
    _commit(partner, packages["B"], datetime.date(2025, 3, 1))  # same day, recorded later
    assert current_commitment(partner, on=datetime.date(2025, 12, 31)).package.code == "B"
    assert rows(commitments_per_package(TODAY))["2025"] == ["0", "1", "0"]


def test_an_indicator_without_figures_says_so(db, client_for):
    region(), netherlands()
    empty = IndicatorFactory(name="Nog zonder cijfers")
    html = client_for(None).get(reverse("public_results")).content.decode()
    assert "Nog zonder cijfers" in html and "Er zijn nog geen cijfers voor de regio." in html
    assert f'id="public-trend-{empty.pk}-title"' not in html


def test_effort_progress_shows_the_newest_adopted_plans_only(db):
    from monitoring.selectors.results import MAX_PLANS

    for number in range(1, MAX_PLANS + 3):
        EffortFactory(plan=PhasePlanFactory(number=number, status=PhasePlan.Status.ADOPTED))
    plans, chart = plan_progress(TODAY)
    assert [row.plan.number for row in plans] == list(range(MAX_PLANS + 2, 2, -1))
    assert len(chart.table_rows) == MAX_PLANS


def test_the_dashboard_offers_this_years_avk_monitor_as_pdf(db, client_for):
    html = client_for(UserFactory()).get(reverse("programme_results")).content.decode()
    assert reverse("document_request", args=["avk_monitor"]) in html
    assert f'name="subject" value="{timezone.localdate().year}"' in html


def test_the_showcase_links_to_the_public_results(db, client_for):
    html = client_for(None).get(reverse("showcase:index")).content.decode()
    assert reverse("public_results") in html


def on_track_cells(html: str) -> list[str]:
    """The "on track" column of the progress table: its first cell per phase plan."""
    return re.findall(r'<th scope="row">Faseplan 3</th><td class="text-end">(\d+)</td>', html)


def test_the_pictures_are_kept_until_something_they_show_changes(staff, client_for):
    """The second request reads the rendered pictures from the cache; a progress update
    written through the service shows on the very next request."""
    from reflection.selectors.progress import period_start
    from reflection.services.progress import effort_update_post

    plan = PhasePlanFactory(status=PhasePlan.Status.ADOPTED, title="Faseplan 3")
    effort = EffortFactory(plan=plan, owner=None)
    client = client_for(staff)
    built, first = _dashboard(client)
    kept, second = _dashboard(client)
    assert kept < built and on_track_cells(first) == on_track_cells(second)
    assert on_track_cells(second) == ["0"]  # nobody on track yet
    effort_update_post(
        effort=effort,
        user=staff,
        period_start=period_start(timezone.localdate(), plan.progress_interval),
        status=EffortUpdate.Status.ON_TRACK,
        percent_done=None,
        narrative="Alle scholen doen mee.",
    )
    _queries, third = _dashboard(client)
    assert on_track_cells(third) == ["1"]


def test_a_closed_voting_shows_in_the_decisions_picture_on_the_next_request(
    staff, db_body, client_for
):
    """Closing numbers the decisions with a bulk write (no signal): the service says so."""
    from governance.services import decisions as closing
    from tests.governance.factories_voting import voting_memo

    memo = voting_memo(db_body, decisions=("note",))
    client = client_for(staff)
    before = _dashboard(client)[1]
    closing.voting_close(memo=memo, user=staff)
    after = _dashboard(client)[1]
    assert before != after
    year = timezone.localdate().year
    assert re.search(rf'<th scope="row">{year}</th><td class="text-end">1</td>', after)
