"""The budget of the programme organisation, one year at a time."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk.forms import add_errors
from resources.access import may_write, readers_only, writers_only
from resources.forms.budget import BudgetLineForm
from resources.models import BudgetLine
from resources.models.budget import FIRST_YEAR, LAST_YEAR
from resources.selectors.budget import budget_lines, budget_years
from resources.services.budget import budget_line_save


def _year(value) -> int:
    """The year asked for in the query string, or this year (no 500 for any value)."""
    try:
        year = int(value)
    except (TypeError, ValueError, OverflowError):
        return timezone.localdate().year
    return min(max(year, FIRST_YEAR), LAST_YEAR)


@readers_only
@require_GET
def budget(request):
    year = _year(request.GET.get("jaar"))
    lines = list(budget_lines(year))
    first, last = budget_years()
    return render(
        request,
        "resources/budget.html",
        {
            "year": year,
            "lines": lines,
            "total": sum((line.amount for line in lines), Decimal("0")),
            "previous_year": year - 1 if year > FIRST_YEAR else None,
            "next_year": year + 1 if year < LAST_YEAR else None,
            "first_year": first,
            "last_year": last,
            "min_year": FIRST_YEAR,
            "max_year": LAST_YEAR,
            "may_write": may_write(request.user),
        },
    )


def _edit_line(request, line: BudgetLine | None):
    initial = {} if line else {"year": _year(request.GET.get("jaar"))}
    form = BudgetLineForm(request.POST or None, instance=line or BudgetLine(), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            line = budget_line_save(form=form, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The budget line is saved."))
            return redirect(f"{reverse('resources:budget')}?jaar={line.year}")
    return render(request, "resources/budget_line_form.html", {"form": form, "line": line})


@writers_only
@require_http_methods(["GET", "POST"])
def create_budget_line(request):
    return _edit_line(request, None)


@writers_only
@require_http_methods(["GET", "POST"])
def edit_budget_line(request, pk):
    return _edit_line(request, get_object_or_404(BudgetLine, pk=pk))
