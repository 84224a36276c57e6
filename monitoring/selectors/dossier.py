"""The loop back: per attention point of a reflection session, what was done with it — the
efforts that answer it, their latest update, and how the indicators those efforts aim to
move have moved in the region. The next year's island starts from here."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext as _

from monitoring.charts.lines import Point, TrendChart, format_value
from monitoring.models import EffortIndicator
from monitoring.selectors.results import (
    indicator_visibilities,
    reference_areas,
    region_series,
    small_trend,
)
from reflection.models import AttentionPoint, Effort, EffortUpdate, PhasePlan, ReflectionSession


@dataclass
class IndicatorMove:
    link: EffortIndicator
    first: Point | None
    latest: Point | None
    chart: TrendChart | None

    @property
    def words(self) -> str:
        """How the region's value moved, in a sentence."""
        indicator = self.link.indicator
        if self.first is None:
            return _("There are no figures for the region yet.")
        if self.first.year == self.latest.year:
            return _("%(value)s in %(year)s; there is no later figure yet.") % {
                "value": format_value(self.first.value, indicator.unit),
                "year": self.first.year,
            }
        trend = self.chart.series[0].trend if self.chart else "unknown"
        verdict = {
            "better": _("That is better."),
            "worse": _("That is worse."),
            "same": _("That is the same."),
        }.get(trend, "")
        moved = _("From %(first)s in %(first_year)s to %(latest)s in %(latest_year)s.") % {
            "first": format_value(self.first.value, indicator.unit),
            "first_year": self.first.year,
            "latest": format_value(self.latest.value, indicator.unit),
            "latest_year": self.latest.year,
        }
        return f"{moved} {verdict}".strip()


@dataclass
class EffortDossier:
    effort: Effort
    update: EffortUpdate | None
    indicators: list[IndicatorMove] = field(default_factory=list)


@dataclass
class PointDossier:
    point: AttentionPoint
    efforts: list[EffortDossier]


def session_dossier(session: ReflectionSession, user) -> list[PointDossier]:
    """The dossier of every attention point of `session`, with only the indicators `user`
    may see (six queries, whatever the number of points, efforts, updates or years)."""
    # Adopted plans only: a new version copies its efforts, a draft may still change.
    efforts = (
        Effort.objects.filter(plan__status=PhasePlan.Status.ADOPTED)
        .select_related("plan", "owner")
        .order_by("plan__number", "order", "pk")
    )
    points = list(
        session.attention_points.order_by("number").prefetch_related(
            Prefetch("efforts", queryset=efforts)
        )
    )
    effort_ids = {e.pk for p in points for e in p.efforts.all()}
    newest = EffortUpdate.objects.filter(effort=OuterRef("effort")).order_by("-period_start")
    updates = {
        u.effort_id: u
        for u in EffortUpdate.objects.filter(
            effort__in=effort_ids, pk=Subquery(newest.values("pk")[:1])
        ).select_related("author")
    }
    links = list(
        EffortIndicator.objects.filter(
            effort__in=effort_ids, indicator__visibility__in=indicator_visibilities(user)
        )
        .select_related("indicator")
        .order_by("indicator__order", "indicator__name")
    )
    region, country = reference_areas() if links else (None, None)
    indicators = list({link.indicator_id: link.indicator for link in links}.values())
    points_by = region_series(indicators, [region, country]) if region else {}
    links_by_effort = {}
    for link in links:
        links_by_effort.setdefault(link.effort_id, []).append(link)

    def move(point, effort, link) -> IndicatorMove:
        if region is None:
            return IndicatorMove(link, None, None, None)
        series = points_by.get((link.indicator_id, region.pk), [])
        uid = f"dossier-{point.pk}-{effort.pk}-{link.indicator_id}"
        chart = small_trend(link.indicator, region, country, points_by, uid=uid)
        return IndicatorMove(
            link, series[0] if series else None, series[-1] if series else None, chart
        )

    return [
        PointDossier(
            point,
            [
                EffortDossier(
                    effort,
                    updates.get(effort.pk),
                    [move(point, effort, link) for link in links_by_effort.get(effort.pk, [])],
                )
                for effort in point.efforts.all()
            ],
        )
        for point in points
    ]
