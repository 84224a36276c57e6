"""The loop back: per attention point of a reflection session, what was done with it — the
efforts that answer it, their latest update, and how the indicators those efforts aim to
move have moved in the region. The next year's island starts from here."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext as _

from avk.charts.lines import Point, TrendChart, format_value
from monitoring.access import visibilities_for
from monitoring.models import EffortIndicator, Indicator
from monitoring.selectors.areas import NETHERLANDS, default_area
from monitoring.selectors.indicators import INDICATOR_READ, indicator_trends
from monitoring.selectors.results import MAX_YEARS
from partners.models import Person
from reflection.models import AttentionPoint, Effort, EffortUpdate, PhasePlan, ReflectionSession

# The rows a dossier is drawn from (a view keeps it rendered until one changes: avk.cache).
DOSSIER_READ = [
    *INDICATOR_READ,
    ReflectionSession,
    AttentionPoint,
    PhasePlan,
    Effort,
    Effort.attention_points.through,
    EffortUpdate,
    EffortIndicator,
    Person,
]


@dataclass
class IndicatorMove:
    """How one indicator moved in the region: drawn once per dossier, named per effort."""

    indicator: Indicator
    first: Point | None
    latest: Point | None
    chart: TrendChart | None

    @property
    def words(self) -> str:
        """How the region's value moved, in a sentence."""
        indicator = self.indicator
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
class EffortLink:
    link: EffortIndicator
    move: IndicatorMove


@dataclass
class EffortDossier:
    effort: Effort
    update: EffortUpdate | None
    indicators: list[EffortLink] = field(default_factory=list)


@dataclass
class PointDossier:
    point: AttentionPoint
    efforts: list[EffortDossier]


@dataclass
class SessionDossier:
    points: list[PointDossier]
    # Every linked indicator once, with its chart: the page grows with the indicators, not
    # with how many efforts name them.
    indicators: list[IndicatorMove]


def session_dossier(session: ReflectionSession, user) -> SessionDossier:
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
            effort__in=effort_ids, indicator__visibility__in=visibilities_for(user)
        )
        .select_related("indicator")
        .order_by("indicator__order", "indicator__name")
    )
    region = default_area() if links else None
    indicators = list({link.indicator_id: link.indicator for link in links}.values())
    trends = {t.indicator.pk: t for t in indicator_trends(indicators, region)} if region else {}
    moves = {}
    for indicator in indicators:
        trend = trends.get(indicator.pk)
        found = sorted(trend.own, key=lambda p: p.year)[-MAX_YEARS:] if trend else []
        chart = None
        if trend is not None:
            chart = trend.chart(
                compact=True,
                uid=f"dossier-{indicator.pk}",
                references={NETHERLANDS[0]},
                years=MAX_YEARS,
            )
        moves[indicator.pk] = IndicatorMove(
            indicator, found[0] if found else None, found[-1] if found else None, chart
        )
    links_by_effort = {}
    for link in links:
        links_by_effort.setdefault(link.effort_id, []).append(
            EffortLink(link, moves[link.indicator_id])
        )
    return SessionDossier(
        points=[
            PointDossier(
                point,
                [
                    EffortDossier(
                        effort, updates.get(effort.pk), links_by_effort.get(effort.pk, [])
                    )
                    for effort in point.efforts.all()
                ],
            )
            for point in points
        ],
        indicators=list(moves.values()),
    )
