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

from monitoring.charts.lines import Point, Series, trend_chart
from monitoring.models import Area, Indicator, IndicatorStory, Measurement, Spotlight, Target
from monitoring.models.indicators import Visibility
from reflection.models import EffortUpdate, PhasePlan


def monitor_indicators(year: int) -> list[dict]:
    """Each indicator the alliance shares, with its chart for the region against the
    provinces and the Netherlands up to `year`, its targets and its latest story."""
    indicators = list(
        Indicator.objects.filter(visibility__in=[Visibility.PARTNERS, Visibility.PUBLIC])
    )
    region = Area.objects.filter(kind=Area.Kind.REGION).order_by("name").first()
    references = list(
        Area.objects.filter(kind__in=[Area.Kind.PROVINCE, Area.Kind.COUNTRY]).order_by(
            "-kind", "name"
        )
    )
    places = ([region] if region else []) + references
    values = defaultdict(list)
    for measurement in Measurement.objects.filter(
        indicator__in=indicators, area__in=places, year__lte=year
    ).order_by("year"):
        values[measurement.indicator_id, measurement.area_id].append(
            Point(measurement.year, measurement.value, measurement.is_break, measurement.note)
        )
    targets = defaultdict(list)
    if region:
        for target in Target.objects.filter(indicator__in=indicators, area=region):
            targets[target.indicator_id].append(Point(target.year, target.value))
    stories = {}
    for story in (
        IndicatorStory.objects.filter(indicator__in=indicators, year__lte=year)
        .prefetch_related("partners")
        .order_by("indicator", "-year")
    ):
        stories.setdefault(story.indicator_id, story)
    result = []
    for indicator in indicators:
        series = [
            Series(place.name, values[indicator.pk, place.pk], reference=place is not region)
            for place in places
        ]
        result.append(
            {
                "indicator": indicator,
                "chart": trend_chart(
                    series=series,
                    unit=indicator.unit,
                    polarity=indicator.polarity,
                    title=indicator.name,
                    targets=targets[indicator.pk],
                    uid=f"indicator-{indicator.pk}",
                ),
                "story": stories.get(indicator.pk),
            }
        )
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
