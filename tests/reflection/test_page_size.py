"""No reflection page grows with the history (shared/quality.md, Performance).

The same pages are measured on a small history (2 years) and a large one (20 years: three
levels of islands a year with their attention points, ten decisions per body a year, a
phase plan of 40 efforts with 20 updates each). Each page's HTML may grow a little (a
link to older updates, which points are still unanswered), never with the number of
years: at most 15% and 2 KB, where one more year of islands or decisions in a list would
add more than that.
"""

import datetime

import pytest
from django.urls import reverse

from governance.models import Decision, Memo, ProposedDecision
from reflection.models import AttentionPoint, Effort, EffortUpdate, PhasePlan, ReflectionSession
from tests.factories import BodyFactory
from tests.reflection.factories import ReflectionSessionFactory
from tests.reflection.factories_plans import PhasePlanFactory

pytestmark = pytest.mark.django_db

NEWEST = 2026
LEVELS = ("programmateam", "managers", "stuurgroep")
POINTS_PER_ISLAND = 6
DECISIONS_PER_BODY_YEAR = 10
EFFORTS, UPDATES = 40, 20
# A count with more digits, a link to older updates: small changes, never one per year.
SLACK_BYTES = 2000


def _history(years: int) -> dict:
    """`years` years of islands and decisions, a draft and an adopted plan; the URLs."""
    span = range(NEWEST - years + 1, NEWEST + 1)
    sessions = ReflectionSession.objects.bulk_create(
        ReflectionSessionFactory.build(
            year=year, level=level, group_name="", date=datetime.date(year, 6, 2)
        )
        for year in span
        for level in LEVELS
    )
    points = AttentionPoint.objects.bulk_create(
        AttentionPoint(session=session, side=("het", "wij", "ik")[n % 3], number=n + 1,
                       title=f"Aandachtspunt {n + 1}", description="Toelichting.")
        for session in sessions
        for n in range(POINTS_PER_ISLAND)
    )  # fmt: skip
    bodies = [BodyFactory(kind="stuurgroep"), BodyFactory(kind="db")]
    memos = Memo.objects.bulk_create(
        Memo(body=body, title=f"Memo {year}", author="Test", memo_date=datetime.date(year, 3, 1),
             status=Memo.Status.DECIDED)
        for body in bodies
        for year in span
    )  # fmt: skip
    proposed = ProposedDecision.objects.bulk_create(
        ProposedDecision(memo=memo, order=n, kind="approve", text=f"Voorstel {n}",
                         result=ProposedDecision.Result.ADOPTED)
        for memo in memos
        for n in range(DECISIONS_PER_BODY_YEAR)
    )  # fmt: skip
    Decision.objects.bulk_create(
        Decision(body_id=p.memo.body_id, year=p.memo.memo_date.year, sequence=p.order + 1,
                 number=f"B{p.memo.body_id}-{p.memo.memo_date.year}-{p.order + 1:03d}",
                 proposed_decision=p, decided_on=p.memo.memo_date,
                 result=ProposedDecision.Result.ADOPTED, text=p.text)
        for p in proposed
    )  # fmt: skip
    plan = PhasePlanFactory(
        number=1,
        status=PhasePlan.Status.ADOPTED,
        period_start=datetime.date(NEWEST - 5, 1, 1),
        period_end=datetime.date(NEWEST + 1, 12, 31),
    )
    draft = PhasePlanFactory(number=2)
    efforts = Effort.objects.bulk_create(
        Effort(plan=plan, title=f"Inspanning {n}", start=plan.period_start, end=plan.period_end,
               status="running", order=n)
        for n in range(EFFORTS)
    )  # fmt: skip
    newest = [p for p in points if p.session_id == sessions[-1].pk]
    Effort.attention_points.through.objects.bulk_create(
        Effort.attention_points.through(effort_id=e.pk, attentionpoint_id=p.pk)
        for n, e in enumerate(efforts)
        for p in {newest[n % len(newest)], points[(n * 7) % len(points)]}
    )
    # Quarterly updates back from the newest year, as many as the history holds.
    quarters = [
        datetime.date(NEWEST - q // 4, 10 - 3 * (q % 4), 1) for q in range(min(UPDATES, 4 * years))
    ]
    EffortUpdate.objects.bulk_create(
        EffortUpdate(effort=e, period_start=start, status="on_track", percent_done=k,
                     narrative="Het loopt. " * 10)
        for e in efforts
        for k, start in enumerate(quarters)
    )  # fmt: skip
    return {
        "year page": reverse("reflection:year_detail", args=[NEWEST]),
        "session page": reverse("reflection:session_edit", args=[sessions[-1].pk]),
        "plan page": reverse("reflection:plan_detail", args=[plan.pk]),
        "draft plan page": reverse("reflection:plan_detail", args=[draft.pk]),
        "effort page": reverse("reflection:effort_detail", args=[efforts[0].pk]),
        "plan list": reverse("reflection:plan_list"),
    }


def _sizes(client, urls: dict) -> dict:
    sizes = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        sizes[name] = len(response.content)
    return sizes


@pytest.fixture
def measure(client, staff):
    """The size of every main reflection page, as staff see them (the most they show)."""
    client.force_login(staff)

    def measure(years: int) -> dict:
        urls = _history(years)
        sizes = _sizes(client, urls)
        # Measured again, now from what is kept (avk.cache): the same page.
        assert _sizes(client, urls) == sizes
        return sizes

    return measure


def test_pages_stay_the_same_size_over_twenty_years(measure):
    small = measure(2)
    for model in (EffortUpdate, Effort, PhasePlan, Decision, ProposedDecision, Memo):
        model.objects.all().delete()
    AttentionPoint.objects.all().delete()
    ReflectionSession.objects.all().delete()
    large = measure(20)
    assert Decision.objects.count() == 2 * 20 * DECISIONS_PER_BODY_YEAR
    assert AttentionPoint.objects.count() == len(LEVELS) * 20 * POINTS_PER_ISLAND
    for name in small:
        assert large[name] <= small[name] * 1.15 + SLACK_BYTES, (name, small, large)
