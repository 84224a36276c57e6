"""Which commitment is current at a date: the one rule every page, export and reminder reads.

An entry in effect counts from its start date. On any date, the current entry is the one in
effect that started last (on the same start date, the one recorded last); an entry dated
ahead is *planned* until its date, and an older one is *replaced*.
"""

import datetime
from collections import Counter
from itertools import groupby
from operator import itemgetter

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from partners.models import Commitment, Package, Partner

# What the commitment pages show (avk.cache): the entries, their packages and partners, and
# the people who recorded or decided them.
COMMITMENT_PAGES_READ = (Commitment, Package, Partner, get_user_model())

# A partner's history shows this many entries a page; the changes page this many changes.
TIMELINE_PER_PAGE = 10
CHANGES_PER_PAGE = 25

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


# The columns the history and the changes pages show.
_SHOWN = (
    "pk",
    "partner_id",
    "partner__name",
    "package__code",
    "previous_package__code",
    "period_start",
    "period_end",
    "signed_on",
    "signed_by",
    "note",
    "status",
    "created_at",
    "created_by__full_name",
    "created_by__email",
    "decided_at",
    "decided_by__full_name",
    "decided_by__email",
)


def _entries(entries: QuerySet) -> QuerySet:
    """Entries with only the columns the history and the changes pages show."""
    return entries.select_related(
        "partner", "package", "previous_package", "created_by", "decided_by"
    ).only(*_SHOWN)


def with_links(entries) -> list[Commitment]:
    """The entries (a page of `changes()`, say), each with the links its row shows: its
    partner's commitment page and, for a proposal, where staff answer it."""
    entries = list(entries)
    for entry in entries:
        entry.partner_url = reverse("partners:commitment", args=[entry.partner_id])
        entry.decide_url = (
            reverse("partners:commitment_decide", args=[entry.pk])
            if entry.status == Commitment.Status.PROPOSED
            else ""
        )
    return entries


def proposals(partner: Partner | None = None) -> list[Commitment]:
    """The proposals waiting for staff (of `partner`, or of everyone), oldest first: always
    all of them, as few as staff have left unanswered."""
    entries = Commitment.objects.filter(status=Commitment.Status.PROPOSED)
    if partner is not None:
        entries = entries.filter(partner=partner)
    return with_links(_entries(entries).order_by("created_at", "id"))


def timeline(
    partner: Partner,
    *,
    on: datetime.date | None = None,
    number: int | str | None = 1,
    per_page: int = TIMELINE_PER_PAGE,
) -> Page:
    """Page `number` of the partner's history (the proposals waiting are in `proposals()`),
    newest start first. Each entry in effect gets a `state`: "current", "planned" (starts
    after `on`, today if not given) or "replaced"; a declined one gets "declined"."""
    on = on or timezone.localdate()
    current_pk = (
        _in_effect_on(on)
        .filter(partner=partner)
        .order_by(*_NEWEST_FIRST)
        .values_list("pk", flat=True)
        .first()
    )
    entries = _entries(partner.commitments.exclude(status=Commitment.Status.PROPOSED))
    page = Paginator(entries.order_by(*_NEWEST_FIRST), per_page).get_page(number)
    page.object_list = with_links(page.object_list)
    for entry in page.object_list:
        if entry.status != Commitment.Status.IN_EFFECT:
            entry.state = entry.status
        elif entry.period_start > on:
            entry.state = "planned"
        else:
            entry.state = "current" if entry.pk == current_pk else "replaced"
    return page


def changes(*, year: int | None = None, package: str = "") -> QuerySet:
    """Every partner's answered changes (recorded or declined), the last recorded first;
    of those that start in `year` and go to the package with code `package`, if given."""
    entries = Commitment.objects.exclude(status=Commitment.Status.PROPOSED)
    if year:
        entries = entries.filter(period_start__year=year)
    if package:
        entries = entries.filter(package__code=package)
    return _entries(entries).order_by("-created_at", "-id")


def with_package_filter(partners: QuerySet, code: str, *, on: datetime.date | None = None):
    """`with_current_package`, limited to the partners whose current package is `code`
    ("-": those without one; empty: all)."""
    partners = with_current_package(partners, on=on)
    if code == "-":
        return partners.filter(current_package_code__isnull=True)
    if code:
        return partners.filter(current_package_code=code)
    return partners
