"""What an indicator page, the indicator list, the dashboard and the PDF show, in a fixed
number of queries whatever the number of years, areas and indicators.

A place is compared with its own past and its references only (the alliance asked for no
naming and shaming): a municipality with its former municipalities (its own past, when it came
from a merger), its province and the Netherlands; the region with the provinces of its
municipalities and the Netherlands. No selector here puts two current municipalities side by
side.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from avk.charts.lines import Point, Series, TrendChart, format_value, trend_chart
from monitoring.models import Area, Indicator, IndicatorStory, Measurement, Target
from monitoring.selectors.areas import references_of
from partners.models import Municipality, Partner

# The rows a trend is drawn from: pages that keep a rendered trend (avk.cache) name these.
# A municipality holds its merger, which decides the lines of its successor's chart.
INDICATOR_READ = [Area, Area.members.through, Municipality, Indicator, Measurement, Target]
# ... and the stories behind the curve with their partners. A story keeps its writer's name,
# so the users (whose rows every login saves) are not among them.
STORY_READ = [IndicatorStory, IndicatorStory.partners.through, Partner]


@dataclass
class Trend:
    """The inputs of one indicator's trend chart for one place."""

    indicator: Indicator
    area: Area
    series: list[Series]
    targets: list[Point] = field(default_factory=list)

    @property
    def own(self) -> list[Point]:
        return self.series[0].points

    @property
    def latest(self) -> Point | None:
        """The place's latest value (None when it has none)."""
        return max(self.own, key=lambda p: p.year) if self.own else None

    @property
    def latest_label(self) -> str:
        latest = self.latest
        return format_value(latest.value, self.indicator.unit) if latest else ""

    def chart(
        self,
        *,
        compact: bool = False,
        uid: str = "trend",
        references: set[str] | None = None,
        years: int | None = None,
    ) -> TrendChart:
        """The chart; `references` keeps only those reference lines (by area code), `years`
        only the last so many years with a value (a small chart on a dashboard)."""
        series = [self.series[0]] + [
            s for s in self.series[1:] if references is None or s.key in references
        ]
        first = None
        if years:
            last = max((p.year for s in series for p in s.points), default=None)
            first = last - years + 1 if last is not None else None
        return trend_chart(
            series=[
                Series(
                    s.label,
                    [p for p in s.points if first is None or p.year >= first],
                    s.reference,
                    s.key,
                )
                for s in series
            ],
            unit=self.indicator.unit,
            polarity=self.indicator.polarity,
            title=_("%(indicator)s in %(place)s")
            % {"indicator": self.indicator.name, "place": self.area.name},
            targets=[t for t in self.targets if first is None or t.year >= first],
            compact=compact,
            uid=uid,
        )


def _label(area: Area, place: Area) -> str:
    """A reference's name; a former municipality of `place` (annotated by `with_mergers`)
    says until when."""
    if getattr(area, "successor_area_id", None) == place.pk:
        return _("%(name)s (until %(year)s)") % {"name": area.name, "year": area.merged_in}
    return area.name


def indicator_trends(indicators: list[Indicator], area: Area) -> list[Trend]:
    """Per indicator, the chart inputs for `area`: three queries for any number of
    indicators, years and areas. A reference without values is left out."""
    references = references_of(area)
    shown = [area, *references]
    values = defaultdict(list)
    # Tuples, not model instances: a list page reads thousands of values.
    for indicator_id, area_id, year, value, is_break, note in Measurement.objects.filter(
        indicator__in=[i.pk for i in indicators], area__in=[a.pk for a in shown]
    ).values_list("indicator_id", "area_id", "year", "value", "is_break", "note"):
        values[indicator_id, area_id].append(Point(year, value, is_break, note))
    targets = defaultdict(list)
    for t in Target.objects.filter(indicator__in=[i.pk for i in indicators], area=area).only(
        "indicator_id", "year", "value", "note"
    ):
        targets[t.indicator_id].append(Point(t.year, t.value, False, t.note))
    trends = []
    for indicator in indicators:
        series = [Series(area.name, values[indicator.pk, area.pk], key=area.code)]
        series += [
            Series(
                _label(other, area), values[indicator.pk, other.pk], reference=True, key=other.code
            )
            for other in references
            if values[indicator.pk, other.pk]
        ]
        trends.append(Trend(indicator, area, series, targets[indicator.pk]))
    return trends


def indicator_trend(indicator: Indicator, area: Area) -> Trend:
    """The chart inputs of one indicator for one place (a municipality or the region) against
    its references, with the place's targets. Three queries."""
    return indicator_trends([indicator], area)[0]


def stories_of(indicator: Indicator) -> list[IndicatorStory]:
    """The stories behind the curve, newest first, with their partners. Two queries."""
    return list(indicator.stories.order_by("-year").prefetch_related("partners"))


def effort_links_of(indicator: Indicator):
    """The efforts that aim to move the indicator, with their phase plan. One query."""
    return indicator.effort_links.select_related("effort__plan").order_by(
        "effort__plan__number", "effort__order", "effort__pk"
    )


def stories_by_indicator(indicators: list[Indicator]) -> dict[int, list[IndicatorStory]]:
    """For a dashboard or the monitor PDF: per indicator (by pk) its stories, newest first,
    with their partners. Two queries for any number of indicators."""
    stories = defaultdict(list)
    for story in (
        IndicatorStory.objects.filter(indicator__in=[i.pk for i in indicators])
        .order_by("-year")
        .prefetch_related("partners")
    ):
        stories[story.indicator_id].append(story)
    return stories
