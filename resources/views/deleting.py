"""Deleting a funding source, an application or a budget line entered by mistake: a step
that cannot be undone (templates/includes/confirm_step.html). A GET, or a POST without
confirm=yes, asks; a row something still rests on says why it stays and offers nothing to
confirm."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from resources.access import writers_only
from resources.models import BudgetLine, FundingApplication, FundingSource
from resources.services.budget import budget_line_delete
from resources.services.common import allocation_refusal
from resources.services.funding import (
    funding_application_delete,
    funding_source_delete,
    source_refusal,
)


def _delete_step(request, *, name: str, refusal: str, delete, done: str, back: str, after: str):
    """Ask, or delete through `delete()` and go to `after`; `back` is where "no" leads."""
    if request.method == "POST" and request.POST.get("confirm") == "yes" and not refusal:
        try:
            delete()
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(request, done)
            return redirect(after)
    return render(
        request,
        "resources/delete_confirm.html",
        {
            "refusal": refusal,
            "action": request.path,
            "cancel_url": back,
            "question": _("Delete “%(name)s”?") % {"name": name},
            "consequences": [
                _("It is deleted from the resources. The history keeps what it held."),
            ],
            "confirm_label": _("Yes, delete"),
        },
        status=409 if refusal and request.method == "POST" else 200,
    )


@writers_only
@require_http_methods(["GET", "POST"])
def delete_source(request, pk):
    source = get_object_or_404(FundingSource, pk=pk)
    return _delete_step(
        request,
        name=source.name,
        refusal=source_refusal(source),
        delete=lambda: funding_source_delete(source=source, user=request.user),
        done=_("The funding source is deleted."),
        back=reverse("resources:source_detail", args=[source.pk]),
        after=reverse("resources:overview"),
    )


@writers_only
@require_http_methods(["GET", "POST"])
def delete_application(request, pk):
    application = get_object_or_404(FundingApplication, pk=pk)
    source_url = reverse("resources:source_detail", args=[application.source_id])
    return _delete_step(
        request,
        name=application.title,
        refusal=allocation_refusal(application),
        delete=lambda: funding_application_delete(application=application, user=request.user),
        done=_("The application is deleted."),
        back=source_url,
        after=source_url,
    )


@writers_only
@require_http_methods(["GET", "POST"])
def delete_budget_line(request, pk):
    line = get_object_or_404(BudgetLine, pk=pk)
    budget_url = f"{reverse('resources:budget')}?jaar={line.year}"
    return _delete_step(
        request,
        name=f"{line.get_role_display()} {line.year}",
        refusal=allocation_refusal(line),
        delete=lambda: budget_line_delete(line=line, user=request.user),
        done=_("The budget line is deleted."),
        back=budget_url,
        after=budget_url,
    )
