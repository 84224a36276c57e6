"""Writes of the budget of the programme organisation."""

from avk.audit import audit_group
from resources.access import require_write
from resources.forms.budget import BudgetLineForm
from resources.models import BudgetLine
from resources.services.common import form_save


def budget_line_save(*, form: BudgetLineForm, user) -> BudgetLine:
    """Create or change a line of a year's budget (staff); one line per role per year."""
    require_write(user)
    return form_save(
        form=form,
        user=user,
        kind="budget_line",
        fields=["year", "role", "description", "amount"],
        group=audit_group("budget", form.instance.year),
    )
