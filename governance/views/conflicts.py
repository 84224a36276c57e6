"""Conflicts of interest: a member reports one on a proposed decision (or staff record one
said at a meeting), and withdraws it while the voting is open. The services check every
rule again, under the memo's lock."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from avk.access import is_staff
from avk.forms import add_errors
from governance.access import get_conflict_for_user, get_decision_for_declaring
from governance.forms.conflicts import ConflictForm
from governance.selectors.conflicts import open_for_conflicts
from governance.services.conflicts import conflict_declare, conflict_withdraw


def _to_decision(memo_pk: int, decision_pk: int):
    url = reverse("governance:memo_vote", args=[memo_pk])
    return redirect(f"{url}#decision-{decision_pk}")


@require_http_methods(["GET", "POST"])
def declare_conflict(request, pk):
    """Report a personal interest in a proposed decision: the member steps aside on it."""
    decision, memo = get_decision_for_declaring(request.user, pk)
    staff = is_staff(request.user)
    form = ConflictForm(request.POST or None, body=memo.body, staff=staff)
    if request.method == "POST" and form.is_valid():
        try:
            conflict_declare(
                user=request.user,
                decision=decision,
                reason=form.cleaned_data["reason"],
                seat=form.cleaned_data.get("seat"),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if staff:
                messages.success(request, _("The report has been saved."))
            else:
                messages.success(
                    request, _("Your report has been saved. You do not vote on this proposal.")
                )
            return _to_decision(memo.pk, decision.pk)
    return render(
        request,
        "governance/conflict_declare.html",
        {
            "memo": memo,
            "decision": decision,
            "form": form,
            "is_staff": staff,
            "is_open": open_for_conflicts(memo) and decision.kind == decision.Kind.APPROVE,
        },
    )


@require_POST
def withdraw_conflict(request, pk):
    """Withdraw a report while the voting is open: the member may vote on it again."""
    conflict = get_conflict_for_user(request.user, pk)
    try:
        conflict_withdraw(user=request.user, conflict=conflict)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if conflict.seat.person.user_id == request.user.pk:
            messages.success(request, _("Your report has been withdrawn. You can vote again."))
        else:
            messages.success(request, _("The report has been withdrawn."))
    return _to_decision(conflict.decision.memo_id, conflict.decision_id)
