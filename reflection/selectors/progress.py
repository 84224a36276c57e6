"""Reads of effort progress: the periods, an effort's timeline and a plan's roll-up.

A plan's periods are aligned on 1 January and last `plan.progress_interval` months (a
quarter by default: January, April, July and October). An owner writes for the current
period or, once it has passed, for the one before; an update for either of those two is
"recent".
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from reflection.models import Effort, EffortUpdate, PhasePlan
from reflection.selectors.plans import efforts_with_relations

EN_DASH = "\u2013"


def period_start(day: datetime.date, months: int) -> datetime.date:
    """The first day of the period of `months` months (aligned on 1 January) holding `day`."""
    return datetime.date(day.year, (day.month - 1) // months * months + 1, 1)


def period_shift(start: datetime.date, months: int, periods: int) -> datetime.date:
    """The start of the period `periods` periods after (or, negative, before) `start`."""
    index = start.year * 12 + start.month - 1 + periods * months
    return datetime.date(index // 12, index % 12 + 1, 1)


def period_end(start: datetime.date, months: int) -> datetime.date:
    """The last day of the period that starts on `start`."""
    return period_shift(start, months, 1) - datetime.timedelta(days=1)


def open_periods(plan: PhasePlan, today: datetime.date | None = None) -> list[datetime.date]:
    """The periods an update may be written for: the current one, then the one before."""
    current = period_start(today or timezone.localdate(), plan.progress_interval)
    return [current, period_shift(current, plan.progress_interval, -1)]


def takes_updates(plan: PhasePlan) -> bool:
    """Updates are written on the plan being worked on: an adopted plan, or a draft (work
    often starts before the plan is adopted). A superseded version is history: its
    successor takes the updates."""
    return plan.status in (PhasePlan.Status.ADOPTED, PhasePlan.Status.DRAFT)


def with_latest_update(efforts, as_of: datetime.date | None = None):
    """`efforts` annotated with their newest update's `latest_update_id`, `latest_status`
    and `latest_period` (None without updates), in the same query. With `as_of`, only the
    updates for periods that started by then count (the efforts as they stood that day)."""
    newest = EffortUpdate.objects.filter(effort=OuterRef("pk")).order_by("-period_start")
    if as_of is not None:
        newest = newest.filter(period_start__lte=as_of)
    return efforts.annotate(
        latest_update_id=Subquery(newest.values("pk")[:1]),
        latest_status=Subquery(newest.values("status")[:1]),
        latest_period=Subquery(newest.values("period_start")[:1]),
    )


# The roll-up's buckets in the order a reader scans them; "stale" is "no recent update".
ROLLUP_ORDER = [*EffortUpdate.Status.values, "stale"]


def bucket_label(bucket: str) -> str:
    if bucket == "stale":
        return _("No recent update")
    return EffortUpdate.Status(bucket).label


@dataclass
class Rollup:
    counts: dict[str, int]
    stale: list[Effort] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def rows(self) -> list[dict]:
        """Per bucket, in ROLLUP_ORDER: its key, its label and its count."""
        return [{"key": k, "label": bucket_label(k), "count": n} for k, n in self.counts.items()]


def rollup_bucket(effort: Effort, recent_since: datetime.date) -> str:
    """Where an effort annotated by `with_latest_update` counts: the status of its update
    for the current or previous period; "done" once its newest update says so, however
    long ago; otherwise "stale"."""
    if effort.latest_status == EffortUpdate.Status.DONE:
        return EffortUpdate.Status.DONE
    if effort.latest_period is not None and effort.latest_period >= recent_since:
        return effort.latest_status
    return "stale"


def plan_rollup(plan: PhasePlan, efforts, today: datetime.date | None = None) -> Rollup:
    """How many of `efforts` (annotated by `with_latest_update`) are on track, at risk,
    behind, done or without a recent update, and which are without. No query. Each effort
    gets `latest_status_label`, its newest update's status in words."""
    recent_since = open_periods(plan, today)[1]
    counts = dict.fromkeys(ROLLUP_ORDER, 0)
    rollup = Rollup(counts=counts)
    for effort in efforts:
        effort.latest_status_label = (
            bucket_label(effort.latest_status) if effort.latest_status else ""
        )
        bucket = rollup_bucket(effort, recent_since)
        counts[bucket] += 1
        if bucket == "stale":
            rollup.stale.append(effort)
    return rollup


def effort_for_page(pk) -> Effort:
    """The effort with its plan, owner, partners and attention points (three queries);
    Effort.DoesNotExist for an unknown pk."""
    return efforts_with_relations().select_related("plan", "owner__user").get(pk=pk)


def effort_head(pk) -> Effort:
    """The effort with its plan and owner: what the page decides who may write by (one
    query); Effort.DoesNotExist for an unknown pk."""
    return Effort.objects.select_related("plan", "owner").get(pk=pk)


# An effort's page shows this many updates, the newest first; older ones are a page on.
UPDATES_PER_PAGE = 8


def effort_timeline(effort: Effort, page: int = 1) -> tuple[list[EffortUpdate], bool]:
    """Page `page` of the effort's updates, the newest period first, with who wrote them
    and their `period_label`, and whether older ones follow (one query)."""
    offset = (page - 1) * UPDATES_PER_PAGE
    updates = list(
        effort.updates.select_related("author").order_by("-period_start")[
            offset : offset + UPDATES_PER_PAGE + 1
        ]
    )
    for update in updates:
        update.period_label = period_label(update.period_start, effort.plan.progress_interval)
    return updates[:UPDATES_PER_PAGE], len(updates) > UPDATES_PER_PAGE


def period_label(start: datetime.date, months: int) -> str:
    """A period in words, in the active language: "juli 2026", "2026", or two months with
    an en dash between them ("juli - september 2026")."""
    if months == 12:
        return str(start.year)
    first = dateformat.format(start, "F")
    if months == 1:
        return f"{first} {start.year}"
    last = dateformat.format(period_end(start, months), "F")
    return f"{first} {EN_DASH} {last} {start.year}"
