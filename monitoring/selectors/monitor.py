"""What the yearly AVK-monitor (PDF) shows: per indicator the chart and its story behind the
curve, the progress of the adopted phase plans' efforts, the public spotlights of the year and
the stories that may be public. Read in a fixed number of queries, whatever the number of
years, places and updates.

The monitor goes round the alliance and beyond, so it holds only what everyone logged in may
read (indicators visible to partners or the public) and, of the people's own stories, only
those that may be public today: a consent withdrawn before the monitor is made keeps the story
out.
"""

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from avk.charts.bars import BarChart
from avk.charts.lines import Series
from monitoring.models import Indicator, Spotlight
from monitoring.models.indicators import Visibility
from monitoring.selectors.areas import default_area
from monitoring.selectors.indicators import indicator_trends, stories_by_indicator
from monitoring.selectors.results import PlanProgress, progress_chart
from reflection.models import Effort, EffortUpdate, PhasePlan
from reflection.selectors.progress import plan_rollup, with_latest_update

# The years a chart in the monitor shows: like the dashboard, the last ten with a value.
MONITOR_YEARS = 10


def monitor_indicators(year: int) -> list[dict]:
    """Each indicator the alliance shares, with its chart for the region against its
    provinces and the Netherlands over the last MONITOR_YEARS years up to `year`, its
    targets and its latest story by then."""
    indicators = list(
        Indicator.objects.filter(visibility__in=[Visibility.PARTNERS, Visibility.PUBLIC])
    )
    region = default_area()
    trends = {t.indicator.pk: t for t in indicator_trends(indicators, region)} if region else {}
    stories = stories_by_indicator(indicators)
    result = []
    for indicator in indicators:
        trend = trends.get(indicator.pk)
        chart = None
        if trend is not None:
            trend.series = [
                Series(s.label, [p for p in s.points if p.year <= year], s.reference, s.key)
                for s in trend.series
            ]
            chart = trend.chart(uid=f"indicator-{indicator.pk}", years=MONITOR_YEARS)
        story = next((s for s in stories[indicator.pk] if s.year <= year), None)
        result.append({"indicator": indicator, "chart": chart, "story": story})
    return result


def monitor_progress(year: int, today: datetime.date | None = None) -> list[dict]:
    """The adopted phase plans that ran in `year`, each with its efforts counted by
    reflection's roll-up as they stood at the end of that year (or today, for this year):
    `rollup` and its `counts` per bucket in ROLLUP_ORDER, and `rows` of (effort, its newest
    update by then). Three queries."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    as_of = min(last, today or timezone.localdate())
    plans = list(
        PhasePlan.objects.filter(
            status=PhasePlan.Status.ADOPTED, period_start__lte=last, period_end__gte=first
        ).order_by("number")
    )
    efforts = defaultdict(list)
    for effort in with_latest_update(Effort.objects.filter(plan__in=plans), as_of):
        efforts[effort.plan_id].append(effort)
    updates = EffortUpdate.objects.in_bulk(
        [e.latest_update_id for plan_efforts in efforts.values() for e in plan_efforts]
    )
    result = []
    for plan in plans:
        rollup = plan_rollup(plan, efforts[plan.pk], as_of)
        rows = [(effort, updates.get(effort.latest_update_id)) for effort in efforts[plan.pk]]
        result.append({"plan": plan, "rows": rows, "rollup": rollup, "counts": rollup.counts})
    return result


def monitor_progress_chart(plans: list[dict]) -> BarChart:
    """The plans of `monitor_progress` that have efforts as a bar chart: the same counts as
    the monitor's text. No query."""
    return progress_chart(
        [
            PlanProgress(item["plan"], item["counts"], item["rollup"].total)
            for item in plans
            if item["rollup"].total
        ]
    )


def monitor_spotlights(year: int, public_stories) -> list[Spotlight]:
    """The public spotlights of the year; a story's only while the story may be public."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return list(
        Spotlight.objects.filter(is_public=True, starts_on__lte=last)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        .filter(Q(experience__isnull=True) | Q(experience__in=public_stories))
        .select_related("partner", "intervention", "experience")
        .order_by("starts_on", "pk")
    )
