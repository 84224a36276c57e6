"""Writes of the budget of the programme organisation."""

from avk.audit import audit_group
from resources.access import require_write
from resources.forms.budget import BudgetLineForm
from resources.models import BudgetLine
from resources.services.common import allocation_refusal, form_save, row_delete

BUDGET_LINE_FIELDS = ["year", "role", "description", "amount"]


def budget_line_save(*, form: BudgetLineForm, user) -> BudgetLine:
    """Create or change a line of a year's budget (staff); one line per role per year."""
    require_write(user)
    return form_save(
        form=form,
        user=user,
        kind="budget_line",
        fields=BUDGET_LINE_FIELDS,
        group=audit_group("budget", form.instance.year),
    )


def budget_line_delete(*, line: BudgetLine, user) -> None:
    """Delete a budget line entered by mistake (staff); refused while money of it is
    linked to an effort (ValidationError)."""
    require_write(user)
    row_delete(
        instance=line,
        user=user,
        kind="budget_line",
        fields=BUDGET_LINE_FIELDS,
        group=audit_group("budget", line.year),
        refusal=allocation_refusal,
    )
