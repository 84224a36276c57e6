"""The stakeholder picture: where the partners stand in the movement (staff only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk.access import staff_required
from avk.forms import add_errors
from movement.access import get_partner_for_stakeholders
from movement.forms.stakeholders import StakeholderEntryForm
from movement.models import Stage
from movement.selectors.stakeholders import (
    NOT_RECORDED,
    current_entry,
    movement_per_year,
    stakeholder_history,
    stakeholder_overview,
)
from movement.services.stakeholders import stakeholder_record

PER_PAGE = 25
HISTORY_PER_PAGE = 10


@staff_required
@require_GET
def stakeholder_overview_view(request):
    """Every partner with its current stage, and the movement per year."""
    stage = request.GET.get("stage", "")
    if stage not in (*Stage.values, NOT_RECORDED):
        stage = ""
    page = Paginator(stakeholder_overview(stage=stage), PER_PAGE).get_page(request.GET.get("page"))
    labels = dict(Stage.choices)
    page.object_list = list(page.object_list)
    for partner in page.object_list:
        partner.stage_label = labels.get(partner.current_stage, "")
    return render(
        request,
        "movement/stakeholders/overview.html",
        {
            "page": page,
            "stage": stage,
            "stages": [*Stage.choices, (NOT_RECORDED, _("Not yet recorded"))],
            "movement": movement_per_year(timezone.localdate()),
        },
    )


@require_http_methods(["GET", "POST"])
def record_stakeholder_stage(request, pk):
    """A partner's history in the movement, and the form to record where it stands now."""
    partner = get_partner_for_stakeholders(request.user, pk)
    current = current_entry(partner)
    form = StakeholderEntryForm(
        request.POST or None,
        initial={
            "recorded_on": timezone.localdate(),
            "stage": current.stage if current else None,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            stakeholder_record(partner=partner, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Saved. The history of %(partner)s is kept.") % {"partner": partner}
            )
            return redirect("movement:partner_stakeholders", pk=partner.pk)
    page = Paginator(stakeholder_history(partner), HISTORY_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "movement/stakeholders/partner.html",
        {"partner": partner, "current": current, "form": form, "page": page},
    )
