"""Reads of the quick scan that take more than one line: the overview for staff, a
partner's scan of one year and its history."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.urls import reverse

from partners.models import Partner, QuickScan, QuickScanAnswer, QuickScanCriterion

OVERVIEW_YEARS = 5
# A scan's pages list this many earlier scans, newest first; the rest are on a page of
# their own, this many a page.
HISTORY_SHOWN = 5
HISTORY_PER_PAGE = 10

# What the overview shows (avk.cache).
QUICKSCAN_OVERVIEW_READ = (Partner, QuickScan)
# What a scan's page shows (avk.cache): the scan, its answers and their criteria, the
# partner's name, who filled it in, and the partner's other scans.
QUICKSCAN_DETAIL_READ = (
    Partner,
    QuickScan,
    QuickScanAnswer,
    QuickScanCriterion,
    get_user_model(),
)


@dataclass
class ScanCell:
    year: int
    score: int
    total: int
    url: str = ""  # the scan's page

    @property
    def percentage(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0


@dataclass
class OverviewRow:
    partner: Partner
    url: str = ""  # the partner's page
    cells: list[ScanCell | None] = field(default_factory=list)  # one per year, None: not done


def overview_years(current: int) -> list[int]:
    """The years the overview shows, newest first."""
    return list(range(current, current - OVERVIEW_YEARS, -1))


def quickscan_overview(*, years: list[int]) -> list[OverviewRow]:
    """Every active partner with its scan per year in `years` (None where it has none).

    Two queries, whatever the number of partners, years or criteria.
    """
    partners = list(Partner.objects.filter(is_active=True).only("pk", "name").order_by("name"))
    scans = {
        (row["partner_id"], row["year"]): ScanCell(
            row["year"],
            row["score"],
            row["total"],
            reverse("partners:quickscan_detail", args=[row["partner_id"], row["year"]]),
        )
        for row in QuickScan.objects.filter(year__in=years, partner__is_active=True).values(
            "partner_id", "year", "score", "total"
        )
    }
    return [
        OverviewRow(
            partner=p,
            url=reverse("partners:partner_detail", args=[p.pk]),
            cells=[scans.get((p.pk, year)) for year in years],
        )
        for p in partners
    ]


def _history(partner: Partner):
    return partner.quick_scans.order_by("-year").values("year", "score", "total")


def _with_url(partner: Partner, rows) -> list[dict]:
    return [
        row | {"url": reverse("partners:quickscan_detail", args=[partner.pk, row["year"]])}
        for row in rows
    ]


def scan_history(partner: Partner) -> dict:
    """The partner's latest HISTORY_SHOWN scans (year, score, total and link), newest
    first, and whether there are more (then `all_url` lists them all): one query."""
    rows = list(_history(partner)[: HISTORY_SHOWN + 1])
    return {
        "scans": _with_url(partner, rows[:HISTORY_SHOWN]),
        "more": len(rows) > HISTORY_SHOWN,
        "all_url": reverse("partners:quickscan_history", args=[partner.pk]),
    }


def scan_history_page(partner: Partner, number) -> Page:
    """Page `number` of all the partner's scans, newest first, each with its link."""
    page = Paginator(_history(partner), HISTORY_PER_PAGE).get_page(number)
    page.object_list = _with_url(partner, page.object_list)
    return page
