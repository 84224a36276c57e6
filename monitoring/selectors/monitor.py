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

from monitoring.charts.lines import Series
from monitoring.models import Indicator, Spotlight
from monitoring.models.indicators import Visibility
from monitoring.selectors.areas import default_area
from monitoring.selectors.indicators import indicator_trends, stories_by_indicator
from reflection.models import EffortUpdate, PhasePlan

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


def monitor_progress(year: int) -> list[dict]:
    """The adopted phase plans that ran in `year`, each effort with its latest update
    written up to the end of that year."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    plans = list(
        PhasePlan.objects.filter(
            status=PhasePlan.Status.ADOPTED, period_start__lte=last, period_end__gte=first
        )
        .prefetch_related("efforts", "efforts__owner")
        .order_by("number")
    )
    latest = {}
    for update in EffortUpdate.objects.filter(
        effort__plan__in=plans, period_start__lte=last
    ).order_by("effort", "-period_start"):
        latest.setdefault(update.effort_id, update)
    result = []
    for plan in plans:
        rows = [(effort, latest.get(effort.pk)) for effort in plan.efforts.all()]
        counts = defaultdict(int)
        for _effort, update in rows:
            counts[update.status if update else "none"] += 1
        result.append({"plan": plan, "rows": rows, "counts": dict(counts)})
    return result


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
