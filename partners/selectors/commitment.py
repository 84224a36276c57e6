"""Which commitment is current at a date: the one rule every page, export and reminder reads.

An entry in effect counts from its start date. On any date, the current entry is the one in
effect that started last (on the same start date, the one recorded last); an entry dated
ahead is *planned* until its date, and an older one is *replaced*.
"""

import datetime
from collections import Counter
from itertools import groupby
from operator import itemgetter

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from partners.models import Commitment, Partner

# The order that decides which entry in effect wins; the newest first.
_NEWEST_FIRST = ["-period_start", "-created_at", "-id"]


def _in_effect_on(on: datetime.date) -> QuerySet:
    return Commitment.objects.filter(status=Commitment.Status.IN_EFFECT, period_start__lte=on)


def current_commitment(partner: Partner, *, on: datetime.date | None = None) -> Commitment | None:
    """The partner's commitment current on `on` (today if not given), or None."""
    on = on or timezone.localdate()
    return (
        _in_effect_on(on)
        .filter(partner=partner)
        .select_related("package")
        .order_by(*_NEWEST_FIRST)
        .first()
    )


def planned_commitments(partner: Partner, *, on: datetime.date | None = None) -> QuerySet:
    """The partner's entries in effect that start after `on` (today if not given)."""
    on = on or timezone.localdate()
    return (
        partner.commitments.filter(status=Commitment.Status.IN_EFFECT, period_start__gt=on)
        .select_related("package")
        .order_by("period_start", "created_at", "id")
    )


def with_current_package(partners: QuerySet, *, on: datetime.date | None = None) -> QuerySet:
    """Partners with `current_package_id` and `current_package_code` at `on` (today if not
    given): one subquery each, so a list of partners stays one query and can filter on it.
    A queryset that has them already is returned as it is."""
    if "current_package_code" in partners.query.annotations:
        return partners
    on = on or timezone.localdate()
    current = _in_effect_on(on).filter(partner=OuterRef("pk")).order_by(*_NEWEST_FIRST)
    return partners.annotate(
        current_package_id=Subquery(current.values("package_id")[:1]),
        current_package_code=Subquery(current.values("package__code")[:1]),
    )


def package_counts_on(dates: list[datetime.date]) -> dict[datetime.date, Counter]:
    """Per date: how many partners had each package (by id) current on it. One query for
    any number of dates; per partner the entries come newest first, so the first one that
    started by a date is the one current on it, as in current_commitment()."""
    counts = {on: Counter() for on in dates}
    if not dates:
        return counts
    entries = (
        _in_effect_on(max(dates))
        .order_by("partner_id", *_NEWEST_FIRST)
        .values_list("partner_id", "package_id", "period_start")
    )
    for _partner, rows in groupby(entries, key=itemgetter(0)):
        rows = list(rows)
        for on in dates:
            current = next((package for _p, package, start in rows if start <= on), None)
            if current is not None:
                counts[on][current] += 1
    return counts


def timeline(partner: Partner, *, on: datetime.date | None = None) -> list[Commitment]:
    """The partner's history, newest start first; each entry in effect gets a `state`:
    "current", "planned" (starts after `on`) or "replaced". Proposals and declined entries
    get their status as state."""
    on = on or timezone.localdate()
    entries = list(
        partner.commitments.select_related(
            "package", "previous_package", "created_by", "decided_by"
        ).order_by(*_NEWEST_FIRST)
    )
    current = None
    for entry in entries:
        if entry.status != Commitment.Status.IN_EFFECT:
            entry.state = entry.status
        elif entry.period_start > on:
            entry.state = "planned"
        elif current is None:
            entry.state = "current"
            current = entry
        else:
            entry.state = "replaced"
    return entries


def with_package_filter(partners: QuerySet, code: str, *, on: datetime.date | None = None):
    """`with_current_package`, limited to the partners whose current package is `code`
    ("-": those without one; empty: all)."""
    partners = with_current_package(partners, on=on)
    if code == "-":
        return partners.filter(current_package_code__isnull=True)
    if code:
        return partners.filter(current_package_code=code)
    return partners
