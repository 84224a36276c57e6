"""An effort's money and its SROI worksheet, on the resources' side (reflection's pages
know nothing of money)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.forms import add_errors
from resources.access import get_effort_for_user, may_write, readers_only, writers_only
from resources.forms.efforts import AllocationForm, SroiInputForm, SroiOutcomeForm
from resources.models import Allocation, SroiInput, SroiOutcome
from resources.selectors.efforts import effort_worksheet, efforts_with_money
from resources.services.efforts import (
    allocation_add,
    effort_line_delete,
    effort_line_update,
    sroi_input_add,
    sroi_outcome_add,
)

PER_PAGE = 25

# What can be added to an effort: its form and its service.
ADDERS = {
    "allocation": (AllocationForm, allocation_add),
    "input": (SroiInputForm, sroi_input_add),
    "outcome": (SroiOutcomeForm, sroi_outcome_add),
}
LINES = {"allocation": Allocation, "input": SroiInput, "outcome": SroiOutcome}


@readers_only
@require_GET
def effort_list(request):
    page = Paginator(efforts_with_money(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "resources/effort_list.html", {"page": page})


@readers_only
@require_GET
def effort_money(request, pk):
    effort = get_effort_for_user(request.user, pk)
    return render(
        request,
        "resources/effort_money.html",
        {
            "effort": effort,
            "sheet": effort_worksheet(effort),
            "may_write": may_write(request.user),
        },
    )


def _add(request, pk, what):
    effort = get_effort_for_user(request.user, pk, write=True)
    form_class, service = ADDERS[what]
    form = form_class(request.POST or None, effort=effort)
    if request.method == "POST" and form.is_valid():
        try:
            service(form=form, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The line is added."))
            return redirect("resources:effort_money", effort.pk)
    return render(
        request, "resources/effort_line_form.html", {"form": form, "effort": effort, "what": what}
    )


@writers_only
@require_http_methods(["GET", "POST"])
def add_allocation(request, pk):
    return _add(request, pk, "allocation")


@writers_only
@require_http_methods(["GET", "POST"])
def add_sroi_input(request, pk):
    return _add(request, pk, "input")


@writers_only
@require_http_methods(["GET", "POST"])
def add_sroi_outcome(request, pk):
    return _add(request, pk, "outcome")


def _edit(request, pk, what):
    line = get_object_or_404(LINES[what], pk=pk)
    effort = get_effort_for_user(request.user, line.effort_id, write=True)
    form_class = ADDERS[what][0]
    form = form_class(request.POST or None, effort=effort, instance=line)
    if request.method == "POST" and form.is_valid():
        try:
            effort_line_update(form=form, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The line is saved."))
            return redirect("resources:effort_money", effort.pk)
    return render(
        request,
        "resources/effort_line_form.html",
        {"form": form, "effort": effort, "what": what, "line": line},
    )


@writers_only
@require_http_methods(["GET", "POST"])
def edit_allocation(request, pk):
    return _edit(request, pk, "allocation")


@writers_only
@require_http_methods(["GET", "POST"])
def edit_sroi_input(request, pk):
    return _edit(request, pk, "input")


@writers_only
@require_http_methods(["GET", "POST"])
def edit_sroi_outcome(request, pk):
    return _edit(request, pk, "outcome")


def _remove(request, pk, what):
    line = get_object_or_404(LINES[what], pk=pk)
    effort_id = line.effort_id
    effort_line_delete(line=line, user=request.user)
    messages.success(request, _("The line is removed."))
    return redirect("resources:effort_money", effort_id)


@writers_only
@require_POST
def remove_allocation(request, pk):
    return _remove(request, pk, "allocation")


@writers_only
@require_POST
def remove_sroi_input(request, pk):
    return _remove(request, pk, "input")


@writers_only
@require_POST
def remove_sroi_outcome(request, pk):
    return _remove(request, pk, "outcome")
