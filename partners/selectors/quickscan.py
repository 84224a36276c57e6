"""Reads of the quick scan that take more than one line: the overview for staff."""

from dataclasses import dataclass, field

from django.urls import reverse

from partners.models import Partner, QuickScan

OVERVIEW_YEARS = 5

# What the overview shows (avk.cache).
QUICKSCAN_OVERVIEW_READ = (Partner, QuickScan)


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
