"""Reads of the quick scan that take more than one line: the overview for staff."""

from dataclasses import dataclass, field

from partners.models import Partner, QuickScan

OVERVIEW_YEARS = 5


@dataclass
class ScanCell:
    year: int
    score: int
    total: int

    @property
    def percentage(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0


@dataclass
class OverviewRow:
    partner: Partner
    cells: list[ScanCell | None] = field(default_factory=list)  # one per year, None: not done


def overview_years(current: int) -> list[int]:
    """The years the overview shows, newest first."""
    return list(range(current, current - OVERVIEW_YEARS, -1))


def quickscan_overview(*, years: list[int]) -> list[OverviewRow]:
    """Every active partner with its scan per year in `years` (None where it has none).

    Two queries, whatever the number of partners, years or criteria.
    """
    partners = list(Partner.objects.filter(is_active=True).order_by("name"))
    scans = {
        (row["partner_id"], row["year"]): ScanCell(row["year"], row["score"], row["total"])
        for row in QuickScan.objects.filter(year__in=years, partner__is_active=True).values(
            "partner_id", "year", "score", "total"
        )
    }
    return [
        OverviewRow(partner=p, cells=[scans.get((p.pk, year)) for year in years]) for p in partners
    ]
