"""Reads of "Wat bereiken we": what the programme as a whole achieves, as pictures with their
tables. Every picture is a fixed number of queries, whatever the number of years, areas,
indicators, efforts or updates, and shows at most the last MAX_YEARS years, so the page
does not grow with the history. Nothing here ranks partners or municipalities: the
alliance asked for no naming and shaming, so every figure is a total or a share.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.charts.bars import BarChart, bar_chart
from avk.charts.lines import TrendChart
from governance.models import Body, Decision
from monitoring.access import indicators_visible_to, public_experiences
from monitoring.models import Consent, Experience, Indicator
from monitoring.selectors.areas import NETHERLANDS, default_area
from monitoring.selectors.indicators import INDICATOR_READ, indicator_trends
from partners.models import (
    Commitment,
    Municipality,
    Package,
    Partner,
    QuickScan,
    QuickScanAnswer,
    QuickScanCriterion,
    TeamMember,
)
from partners.selectors.commitment import package_counts_on
from partners.selectors.team import complete_team_count
from reflection.models import AttentionPoint, Effort, EffortUpdate, PhasePlan
from reflection.selectors.progress import (
    ROLLUP_ORDER,
    bucket_label,
    period_shift,
    period_start,
    plan_rollup,
    with_latest_update,
)

MAX_YEARS = 10

# The rows the pictures are drawn from: a change of any of them shows on the next request
# (the views cache the rendered pictures; avk.cache).
TREND_READ = INDICATOR_READ
PROGRAMME_RESULTS_READ = [
    *TREND_READ,
    PhasePlan,
    Effort,
    EffortUpdate,
    Effort.attention_points.through,
    AttentionPoint,
    Partner,
    Package,
    Commitment,
    TeamMember,
    QuickScan,
    QuickScanAnswer,
    QuickScanCriterion,
    Body,
    Decision,
]
PUBLIC_RESULTS_READ = [*TREND_READ, Experience, Consent, Municipality]
MAX_PLANS = 3  # the adopted phase plans whose progress is shown, newest first
PUBLIC_STORIES = 6
INTERVALS = [value for value, _label in PhasePlan._meta.get_field("progress_interval").choices]


def last_years(today: datetime.date, first: int | None = None) -> list[int]:
    """The years a picture shows: the last MAX_YEARS up to this year, from `first` on."""
    start = today.year - MAX_YEARS + 1
    return list(range(max(start, first or start), today.year + 1))


# --- indicators -------------------------------------------------------------------------


@dataclass
class IndicatorTrend:
    indicator: Indicator
    chart: TrendChart


def small_trends(indicators: list[Indicator], *, uid: str) -> list[IndicatorTrend]:
    """Each indicator as a small chart of the region against the Netherlands, over the last
    MAX_YEARS years with a value (the indicator selector's reads: a fixed number of queries)."""
    region = default_area()
    if region is None:
        return []
    return [
        IndicatorTrend(
            trend.indicator,
            trend.chart(
                compact=True,
                uid=f"{uid}-{trend.indicator.pk}",
                references={NETHERLANDS[0]},
                years=MAX_YEARS,
            ),
        )
        for trend in indicator_trends(indicators, region)
    ]


def visible_trends(user, *, uid: str = "trend") -> list[IndicatorTrend]:
    """The indicators `user` may see, each as a small chart."""
    return small_trends(list(indicators_visible_to(user)), uid=uid)


# --- effort progress --------------------------------------------------------------------


def recent_since(interval: int, today: datetime.date) -> datetime.date:
    """The start of the previous period: an update is recent when it is for the current or
    the previous period (reflection's period maths: periods start in January)."""
    return period_shift(period_start(today, interval), interval, -1)


def recent_updates(today: datetime.date) -> Q:
    """A filter on EffortUpdate: the recent ones, by the interval of their phase plan."""
    return reduce(
        or_,
        (
            Q(
                effort__plan__progress_interval=interval,
                period_start__gte=recent_since(interval, today),
                period_start__lte=today,
            )
            for interval in INTERVALS
        ),
    )


@dataclass
class PlanProgress:
    plan: PhasePlan
    counts: dict[str, int]  # per roll-up bucket (reflection.selectors.progress.ROLLUP_ORDER)
    efforts: int


def plan_progress(today: datetime.date) -> tuple[list[PlanProgress], BarChart]:
    """Per adopted phase plan (the newest MAX_PLANS): its efforts counted as the plan's own
    page counts them (reflection's roll-up), in two queries."""
    plans = list(PhasePlan.objects.filter(status=PhasePlan.Status.ADOPTED)[:MAX_PLANS])
    efforts = defaultdict(list)
    for effort in with_latest_update(Effort.objects.filter(plan__in=plans)):
        efforts[effort.plan_id].append(effort)
    rows = []
    for plan in plans:
        if efforts[plan.pk]:
            rollup = plan_rollup(plan, efforts[plan.pk], today)
            rows.append(PlanProgress(plan, rollup.counts, rollup.total))
    return rows, progress_chart(rows)


def progress_chart(rows: list[PlanProgress]) -> BarChart:
    """The efforts of each plan in `rows` as a bar, stacked by roll-up bucket. No query."""
    return bar_chart(
        categories=[row.plan.title for row in rows],
        series=[(bucket_label(key), [row.counts[key] for row in rows]) for key in ROLLUP_ORDER],
        title=_("Efforts per phase plan, by how they are going"),
        uid="progress",
    )


# --- partners ---------------------------------------------------------------------------


def commitment_date(year: int, today: datetime.date) -> datetime.date:
    """The day a year's commitments are counted on: 31 December; this year: today."""
    return min(datetime.date(year, 12, 31), today)


def commitments_per_package(today: datetime.date) -> BarChart:
    """How many partners had a commitment of each package, per year (two queries)."""
    years = last_years(today)
    packages = list(Package.objects.order_by("order", "code"))
    on = {year: commitment_date(year, today) for year in years}
    counts = package_counts_on(list(on.values()))
    shown = [y for y in years if counts[on[y]]] or years[-1:]
    years = years[years.index(shown[0]) :]
    return bar_chart(
        categories=[str(year) for year in years],
        series=[(str(p), [counts[on[year]][p.pk] for year in years]) for p in packages],
        title=_("Partners per package"),
        uid="packages",
    )


def team_completeness() -> dict:
    """How many active partners have a complete AVK team (one query)."""
    complete, total = complete_team_count(Partner.objects.filter(is_active=True))
    chart = bar_chart(
        categories=[_("Complete"), _("Not complete")],
        series=[(_("Active partners"), [complete, total - complete])],
        title=_("AVK teams of the active partners"),
        uid="teams",
    )
    return {"complete": complete, "total": total, "chart": chart}


def quickscan_scores(today: datetime.date) -> BarChart:
    """Per year: the share of the quick scan's criteria met, over all partners' scans
    together (one query)."""
    rows = {
        row["year"]: row
        for row in QuickScan.objects.filter(year__gte=today.year - MAX_YEARS + 1)
        .values("year")
        .annotate(score=Sum("score"), total=Sum("total"), scans=Count("pk"))
    }
    years = last_years(today, min(rows, default=today.year))
    chart = bar_chart(
        categories=[str(year) for year in years],
        series=[
            (
                _("Criteria met"),
                [
                    round(100 * rows[y]["score"] / rows[y]["total"])
                    if y in rows and rows[y]["total"]
                    else None
                    for y in years
                ],
            )
        ],
        title=_("Quick scan: share of the criteria met"),
        unit="percentage",
        top_value=100,
        uid="quickscans",
    )
    for row, year in zip(chart.table_rows, years, strict=True):
        row.cells.append(str(rows[year]["scans"]) if year in rows else "0")
    chart.table_header.append(_("Scans"))
    return chart


# --- governance and reflection ----------------------------------------------------------


def decisions_per_body(today: datetime.date) -> BarChart:
    """How many decisions each body took per year (two queries)."""
    counts = {
        (row["body_id"], row["year"]): row["n"]
        for row in Decision.objects.filter(
            year__gte=today.year - MAX_YEARS + 1, year__lte=today.year
        )
        .values("body_id", "year")
        .annotate(n=Count("pk"))
    }
    bodies = list(Body.objects.order_by("order", "name"))
    years = last_years(today, min((year for _b, year in counts), default=today.year))
    return bar_chart(
        categories=[str(year) for year in years],
        series=[
            (b.short_name or b.name, [counts.get((b.pk, year), 0) for year in years])
            for b in bodies
        ],
        title=_("Decisions per body per year"),
        uid="decisions",
    )


def reflection_followup(today: datetime.date) -> BarChart:
    """Per reflection year: the share of its attention points an effort answers, and the
    share an effort with a recent update answers (one query)."""
    rows = (
        AttentionPoint.objects.filter(session__year__gte=today.year - MAX_YEARS + 1)
        .annotate(
            answered=Exists(Effort.objects.filter(attention_points=OuterRef("pk"))),
            followed=Exists(
                EffortUpdate.objects.filter(
                    recent_updates(today), effort__attention_points=OuterRef("pk")
                )
            ),
        )
        .values_list("session__year", "answered", "followed")
    )
    totals = defaultdict(Counter)
    for year, answered, followed in rows:
        totals[year].update(points=1, answered=int(answered), followed=int(followed))
    years = last_years(today, min(totals, default=today.year))

    def share(year, key):
        points = totals[year]["points"]
        return round(100 * totals[year][key] / points) if points else None

    return bar_chart(
        categories=[str(year) for year in years],
        series=[
            (_("Answered by an effort"), [share(y, "answered") for y in years]),
            (_("…by an effort with a recent update"), [share(y, "followed") for y in years]),
        ],
        title=_("Follow-up of the attention points per reflection year"),
        unit="percentage",
        stacked=False,
        top_value=100,
        uid="followup",
    )


# --- the pages --------------------------------------------------------------------------


def programme_results(user, *, today: datetime.date | None = None) -> dict:
    """Everything "Wat bereiken we" shows to a logged-in reader (a fixed number of queries)."""
    today = today or timezone.localdate()
    plans, progress_chart = plan_progress(today)
    return {
        "today": today,
        "max_years": MAX_YEARS,
        "trends": visible_trends(user),
        "plans": plans,
        "progress_chart": progress_chart,
        "packages_chart": commitments_per_package(today),
        "teams": team_completeness(),
        "quickscan_chart": quickscan_scores(today),
        "decisions_chart": decisions_per_body(today),
        "followup_chart": reflection_followup(today),
    }


def public_results(*, today: datetime.date | None = None) -> dict:
    """The public version: public indicators and approved stories with a public consent."""
    today = today or timezone.localdate()
    stories = (
        public_experiences(today)
        .select_related("municipality")
        .order_by("-reviewed_at", "-pk")[:PUBLIC_STORIES]
    )
    return {
        "today": today,
        "max_years": MAX_YEARS,
        "trends": visible_trends(AnonymousUser(), uid="public-trend"),
        "stories": list(stories),
    }
