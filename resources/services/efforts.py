"""Writes of an effort's money and its SROI worksheet."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from avk.audit import audit_group
from reflection.models import Effort
from resources.access import require_write
from resources.models import MAX_ROWS_PER_EFFORT, Allocation, SroiInput, SroiOutcome
from resources.services.common import form_save, row_delete

ALLOCATION_FIELDS = ["application_id", "budget_line_id", "amount", "starts_on", "ends_on", "note"]
INPUT_FIELDS = ["description", "amount", "source"]
OUTCOME_FIELDS = ["description", "quantity", "value_per_unit", "source"]


def _room_for_one_more(model, effort: Effort) -> None:
    # The effort's page lists every row: a bounded list keeps the page bounded.
    if model.objects.filter(effort=effort).count() >= MAX_ROWS_PER_EFFORT:
        raise ValidationError(
            _("An effort has at most %(count)s of these lines. Combine some lines first.")
            % {"count": MAX_ROWS_PER_EFFORT}
        )


def _add(model, *, form, user, kind, fields) -> object:
    require_write(user)
    effort = form.instance.effort
    _room_for_one_more(model, effort)
    return form_save(
        form=form, user=user, kind=kind, fields=fields, group=audit_group("effort", effort.pk)
    )


def allocation_add(*, form, user) -> Allocation:
    """Link money (a grant or a budget line) to an effort for a period (staff)."""
    return _add(Allocation, form=form, user=user, kind="allocation", fields=ALLOCATION_FIELDS)


def sroi_input_add(*, form, user) -> SroiInput:
    """Add an input other than the linked money to an effort's SROI worksheet (staff)."""
    return _add(SroiInput, form=form, user=user, kind="sroi_input", fields=INPUT_FIELDS)


def sroi_outcome_add(*, form, user) -> SroiOutcome:
    """Add an outcome, valued with its source, to an effort's SROI worksheet (staff)."""
    return _add(SroiOutcome, form=form, user=user, kind="sroi_outcome", fields=OUTCOME_FIELDS)


# The audit's kind and the audited fields of each kind of line.
LINE_KINDS = {
    Allocation: ("allocation", ALLOCATION_FIELDS),
    SroiInput: ("sroi_input", INPUT_FIELDS),
    SroiOutcome: ("sroi_outcome", OUTCOME_FIELDS),
}


def effort_line_update(*, form, user) -> Allocation | SroiInput | SroiOutcome:
    """Correct a line of an effort's money or SROI worksheet in place (staff); the audit
    keeps the old and the new values. The line stays on its effort."""
    require_write(user)
    kind, fields = LINE_KINDS[type(form.instance)]
    return form_save(
        form=form,
        user=user,
        kind=kind,
        fields=fields,
        group=audit_group("effort", form.instance.effort_id),
    )


def effort_line_delete(*, line: Allocation | SroiInput | SroiOutcome, user) -> None:
    """Remove a line of an effort's money or SROI worksheet (staff); the audit keeps it."""
    require_write(user)
    kind, fields = LINE_KINDS[type(line)]
    row_delete(
        instance=line,
        user=user,
        kind=kind,
        fields=fields,
        group=audit_group("effort", line.effort_id),
    )
