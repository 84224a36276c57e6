"""Reads of the funding sources and applications: the overview and a source's page."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from resources.models import FundingApplication, FundingSource

ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=16, decimal_places=2))


@dataclass(frozen=True)
class StatusTotal:
    status: str
    label: str
    count: int
    asked: Decimal
    granted: Decimal


def status_totals() -> list[StatusTotal]:
    """Per status, in the order of the lobby: how many applications, asked, granted. One
    query, whatever the number of applications."""
    rows = {
        row["status"]: row
        for row in FundingApplication.objects.order_by()
        .values("status")
        .annotate(
            count=Count("id"),
            asked=Coalesce(Sum("amount_asked"), ZERO),
            granted=Coalesce(Sum("amount_granted"), ZERO),
        )
    }
    return [
        StatusTotal(
            status=status,
            label=label,
            count=rows.get(status, {}).get("count", 0),
            asked=rows.get(status, {}).get("asked", Decimal("0")),
            granted=rows.get(status, {}).get("granted", Decimal("0")),
        )
        for status, label in FundingApplication.Status.choices
    ]


def sources_with_totals() -> QuerySet[FundingSource]:
    """The sources, each with its number of applications and what was asked and granted."""
    return FundingSource.objects.annotate(
        application_count=Count("applications"),
        asked=Coalesce(Sum("applications__amount_asked"), ZERO),
        granted=Coalesce(
            Sum(
                "applications__amount_granted",
                filter=Q(applications__status=FundingApplication.Status.GRANTED),
            ),
            ZERO,
        ),
    ).order_by("name")


def applications_of(source: FundingSource) -> QuerySet[FundingApplication]:
    """A source's applications, the newest first (the page paginates them)."""
    return FundingApplication.objects.filter(source=source).order_by(
        "-submitted_on", "-created_at", "-id"
    )
