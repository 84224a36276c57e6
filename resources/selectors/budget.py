"""Reads of the budget of the programme organisation: one year at a time."""

from decimal import Decimal

from django.db.models import Max, Min, QuerySet, Sum

from resources.models import BudgetLine


def budget_lines(year: int) -> QuerySet[BudgetLine]:
    """A year's lines, in the order of the roles (at most one per role)."""
    return BudgetLine.objects.filter(year=year).order_by("role", "id")


def budget_total(year: int) -> Decimal:
    return BudgetLine.objects.filter(year=year).aggregate(total=Sum("amount"))["total"] or Decimal(
        "0"
    )


def budget_years() -> tuple[int | None, int | None]:
    """The first and the last year with a budget line, for the year chooser's bounds."""
    span = BudgetLine.objects.aggregate(first=Min("year"), last=Max("year"))
    return span["first"], span["last"]
