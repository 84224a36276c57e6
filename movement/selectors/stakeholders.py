"""Reads of the stakeholder picture, each in a fixed number of queries: where every partner
stands now, one partner's history, and the movement per year."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from avk.charts.bars import BarChart, bar_chart
from movement.models import Stage, StakeholderEntry
from partners.models import Partner

MAX_YEARS = 10  # the chart shows at most this many years, so it does not grow with history
NOT_RECORDED = "none"  # the filter value for partners without an entry yet


def _newest(**on_or_before) -> QuerySet:
    """The entries of the outer partner, newest first (ties: the one recorded last)."""
    return StakeholderEntry.objects.filter(partner=OuterRef("pk"), **on_or_before).order_by(
        "-recorded_on", "-id"
    )


def counted_partners() -> QuerySet:
    """The partners the picture is about: the active ones, and an inactive one that was
    ever recorded (its history still counts in the years it was there)."""
    return Partner.objects.filter(
        Q(is_active=True) | Exists(StakeholderEntry.objects.filter(partner=OuterRef("pk")))
    )


def with_current_stage(partners: QuerySet) -> QuerySet:
    """Annotate `current_stage` and `current_since` (None: not recorded yet)."""
    newest = _newest()
    return partners.annotate(
        current_stage=Subquery(newest.values("stage")[:1]),
        current_since=Subquery(newest.values("recorded_on")[:1]),
    )


def stakeholder_overview(*, stage: str = "") -> QuerySet:
    """The partners counted (counted_partners) with their current stage, by name. `stage`
    filters on the current stage (NOT_RECORDED: none yet); an unknown value filters nothing.
    One query per page (and the paginator's count)."""
    partners = with_current_stage(counted_partners().only("pk", "name", "is_active"))
    if stage in Stage.values:
        partners = partners.filter(current_stage=stage)
    elif stage == NOT_RECORDED:
        partners = partners.filter(current_stage__isnull=True)
    return partners.order_by("name", "pk")


def stakeholder_history(partner: Partner) -> QuerySet:
    """A partner's entries, newest first, with who recorded them (one query per page)."""
    return (
        StakeholderEntry.objects.filter(partner=partner)
        .select_related("created_by")
        .order_by("-recorded_on", "-id")
    )


def current_entry(partner: Partner) -> StakeholderEntry | None:
    """The partner's newest entry: its current stage (one query)."""
    return stakeholder_history(partner).first()


@dataclass
class Movement:
    years: list[int]
    counts: dict[int, dict[str, int]]  # year -> stage (or NOT_RECORDED) -> partners
    chart: BarChart


def movement_per_year(today: datetime.date) -> Movement:
    """Per year: how many partners stood at each stage on 31 December (this year: today),
    each at its newest entry on or before that day; a partner without one by then is "not
    yet recorded". The last MAX_YEARS years at most, from the first year with an entry.
    The partners are those of counted_partners(). Two queries, whatever the history."""
    first_shown = today.year - MAX_YEARS + 1
    window_start = datetime.date(first_shown, 1, 1)
    # 1. Every partner counted, with where it stood before the window opened.
    before = _newest(recorded_on__lt=window_start)
    partners = list(
        counted_partners()
        .annotate(stage_before=Subquery(before.values("stage")[:1]))
        .values_list("pk", "stage_before")
    )
    # 2. The entries inside the window, oldest first: bounded by the window, not the history.
    entries = defaultdict(list)
    for partner_id, stage, recorded_on in (
        StakeholderEntry.objects.filter(recorded_on__gte=window_start, recorded_on__lte=today)
        .order_by("recorded_on", "id")
        .values_list("partner_id", "stage", "recorded_on")
    ):
        entries[partner_id].append((recorded_on, stage))

    first_year = min((e[0].year for es in entries.values() for e in es), default=today.year)
    if any(stage for _pk, stage in partners):
        first_year = first_shown
    years = list(range(max(first_year, first_shown), today.year + 1))
    counts = {year: dict.fromkeys([*Stage.values, NOT_RECORDED], 0) for year in years}
    for partner_id, stage in partners:
        own = entries.get(partner_id, [])
        index = 0
        for year in years:
            while index < len(own) and own[index][0].year <= year:
                stage = own[index][1]
                index += 1
            counts[year][stage or NOT_RECORDED] += 1

    chart = bar_chart(
        categories=[str(year) for year in years],
        series=[
            *((label, [counts[y][value] for y in years]) for value, label in Stage.choices),
            (_("Not yet recorded"), [counts[y][NOT_RECORDED] for y in years]),
        ],
        title=_("Partners per stage of the movement, at the end of each year"),
        uid="movement",
    )
    return Movement(years, counts, chart)
