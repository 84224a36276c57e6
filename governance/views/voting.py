"""The voting: submitting a memo, the voting page, casting a vote, closing, withdrawing,
archiving, "awaiting my vote", and a body's voting rules.

Every rule is checked again in the services (under a lock): a forged POST
changes nothing. The seat a vote counts for is the user's own, or the one they stand in
for as a substitute (governance.access.voting_right).
"""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import staff_required
from avk.forms import add_errors
from governance.access import get_memo_for_user, voting_right
from governance.forms.voting import ConfirmStepForm, MemoSubmitForm, VoteForm, default_deadline
from governance.models import Memo, ProposedDecision, Vote
from governance.selectors.decisions import close_preview
from governance.selectors.voting import (
    decision_row,
    decisions_awaiting,
    vote_page,
    withdraw_preview,
)
from governance.services.decisions import voting_close
from governance.services.voting import (
    MfaRequired,
    memo_archive,
    memo_submit,
    memo_withdraw,
    vote_cast,
)


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _to_vote_page(pk):
    return redirect("governance:memo_vote", pk=pk)


@staff_required
@require_http_methods(["GET", "POST"])
def submit_memo(request, pk):
    """Submit a draft memo to its body, with a voting deadline and an optional opening."""
    memo = get_memo_for_user(request.user, pk, write=True)
    if memo.status != Memo.Status.DRAFT:
        messages.error(request, _("Only a draft memo can be submitted."))
        return _to_vote_page(memo.pk)
    decisions = list(memo.decisions.order_by("order", "pk"))
    form = MemoSubmitForm(request.POST or None, initial={"voting_deadline": default_deadline()})
    if request.method == "POST" and form.is_valid():
        try:
            memo = memo_submit(memo=memo, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if memo.status == Memo.Status.VOTING:
                messages.success(request, _("The memo has been submitted; the voting is open."))
            else:
                messages.success(
                    request, _("The memo has been submitted; the voting opens at the set time.")
                )
            return _to_vote_page(memo.pk)
    return render(
        request,
        "governance/memo_submit.html",
        {"memo": memo, "form": form, "decisions": decisions},
    )


@require_GET
def memo_vote(request, pk):
    """The voting page of a memo: the decisions, the user's vote, tallies, what is missing."""
    memo = get_memo_for_user(request.user, pk)
    return render(request, "governance/vote.html", vote_page(memo, request.user))


@require_POST
def vote(request, pk):
    """Cast or change a vote. With htmx the decision's block answers; without, a redirect."""
    decision = get_object_or_404(ProposedDecision.objects.only("pk", "memo_id", "kind"), pk=pk)
    memo = get_memo_for_user(request.user, decision.memo_id)
    form = VoteForm(request.POST, decision=decision)
    confirmation = ""
    if form.is_valid():
        try:
            vote = vote_cast(
                user=request.user,
                decision=decision,
                choice=form.cleaned_data["choice"],
                comment=form.cleaned_data["comment"],
            )
        except MfaRequired:
            page = vote_page(memo, request.user)
            page["needs_mfa"] = True
            return render(request, "governance/vote.html", page, status=403)
        except ValidationError as error:
            add_errors(form, error)
        else:
            confirmation = _("Your vote has been saved: %(choice)s.") % {
                "choice": Vote.Choice(vote.choice).label
            }
    elif voting_right(request.user, memo.body).seat is None:
        raise PermissionDenied
    if not request.htmx:
        if form.errors:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        else:
            messages.success(request, confirmation)
        return _to_vote_page(memo.pk)
    page, row = decision_row(memo, request.user, decision.pk)
    return render(
        request,
        "governance/includes/vote_decision.html",
        page | {"row": row, "form": form, "confirmation": confirmation, "oob": True},
    )


def _staff_step(request, pk, step, done: str):
    """One staff step in a memo's voting (archive): the service refuses what the memo's
    state does not allow, and the page says so."""
    memo = get_memo_for_user(request.user, pk, write=True)
    try:
        step(memo=memo, user=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, done)
    return _to_vote_page(memo.pk)


def _confirmed_step(request, pk, *, preview, step, done: str):
    """A staff step that cannot be undone (close, withdraw): a GET or a first POST shows
    what will happen (templates/includes/confirm_step.html); only the POST with
    confirm=yes takes it. Works without JavaScript."""
    memo = get_memo_for_user(request.user, pk, write=True)
    form = ConfirmStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _staff_step(request, memo.pk, step, done)
    context = preview(memo, request.user) | {"action": request.path}
    return render(request, "governance/memo_confirm.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def memo_close(request, pk):
    return _confirmed_step(
        request,
        pk,
        preview=close_preview,
        step=voting_close,
        done=_("The voting is closed. The results will not change any more."),
    )


@staff_required
@require_http_methods(["GET", "POST"])
def withdraw_memo(request, pk):
    return _confirmed_step(
        request,
        pk,
        preview=withdraw_preview,
        step=memo_withdraw,
        done=_("The memo has been withdrawn."),
    )


@staff_required
@require_POST
def archive_memo(request, pk):
    return _staff_step(request, pk, memo_archive, _("The memo has been archived."))


@require_GET
def my_votes(request):
    """Every open decision awaiting the user's vote, grouped by memo."""
    decisions = decisions_awaiting(request.user)
    groups = [
        {"memo": memo, "decisions": list(items)}
        for memo, items in groupby(decisions, key=lambda d: d.memo)
    ]
    return render(request, "governance/my_votes.html", {"groups": groups})
