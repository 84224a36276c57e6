"""Reads of an effort's money and of its SROI worksheet (an estimate)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from django.db.models import QuerySet, Sum

from reflection.models import Effort
from resources.models import Allocation, SroiInput, SroiOutcome

ZERO = Decimal("0")


def efforts_with_money() -> QuerySet[Effort]:
    """Every effort with the total of the money linked to it, the newest plans first (the
    list page paginates it)."""
    return (
        Effort.objects.select_related("plan")
        .annotate(money=Sum("allocations__amount"))
        .order_by("-plan__number", "-plan__version", "order", "id")
    )


@dataclass(frozen=True)
class Worksheet:
    """The SROI worksheet of an effort: inputs (the linked money and other inputs), the
    outcomes with their values, and the ratio, which is an estimate. No ratio without
    inputs: a ratio over nothing means nothing."""

    allocations: list[Allocation]
    inputs: list[SroiInput]
    outcomes: list[SroiOutcome]
    money_total: Decimal
    other_inputs_total: Decimal
    input_total: Decimal
    outcome_total: Decimal
    ratio: Decimal | None


def effort_worksheet(effort: Effort) -> Worksheet:
    """Three queries, whatever the effort holds (its lines are bounded by the services)."""
    allocations = list(
        Allocation.objects.filter(effort=effort).select_related(
            "application__source", "budget_line"
        )
    )
    inputs = list(SroiInput.objects.filter(effort=effort))
    outcomes = list(SroiOutcome.objects.filter(effort=effort))
    money = sum((a.amount for a in allocations), ZERO)
    other = sum((i.amount for i in inputs), ZERO)
    outcome_total = sum((o.value for o in outcomes), ZERO)
    input_total = money + other
    ratio = None
    if input_total > 0:
        # Wide enough for the largest values the fields hold: never an overflow.
        with localcontext(prec=80):
            ratio = (outcome_total / input_total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Worksheet(
        allocations=allocations,
        inputs=inputs,
        outcomes=outcomes,
        money_total=money,
        other_inputs_total=other,
        input_total=input_total,
        outcome_total=outcome_total,
        ratio=ratio,
    )
