"""An effort's page: what it is, the attention points it answers and its progress updates.

Everyone logged in reads it (as they read the plan). The effort's owner and staff post
the update for the current period (or the one before) on the same page; for anyone else a
POST answers 403, and the service refuses it too.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from avk.access import is_staff
from avk.forms import add_errors, parse_id
from reflection.access import can_write_progress, check_progress_writer
from reflection.forms.progress import EffortUpdateForm
from reflection.models import Effort
from reflection.selectors.progress import (
    effort_for_page,
    effort_timeline,
    open_periods,
    period_end,
    takes_updates,
)
from reflection.services.progress import effort_update_post


def _form(request, effort: Effort, updates, periods):
    months = effort.plan.progress_interval
    if request.method == "POST":
        return EffortUpdateForm(request.POST, periods=periods, months=months)
    current = next((u for u in updates if u.period_start == periods[0]), None)
    initial = {"period": periods[0].isoformat()}
    if current is not None:
        initial |= {n: getattr(current, n) for n in ("status", "percent_done", "narrative")}
    return EffortUpdateForm(initial=initial, periods=periods, months=months)


@require_http_methods(["GET", "POST"])
def effort_detail(request, pk):
    try:
        effort = effort_for_page(parse_id(pk))
    except Effort.DoesNotExist:
        raise Http404 from None
    if request.method == "POST":
        check_progress_writer(request.user, effort)
    plan = effort.plan
    updates = effort_timeline(effort)
    periods = open_periods(plan)
    may_write = can_write_progress(request.user, effort) and takes_updates(plan)
    form = _form(request, effort, updates, periods) if may_write else None
    status = 200
    if request.method == "POST":
        if form is None:
            # A superseded plan: the page says why, the service would refuse it too.
            messages.error(request, _("This phase plan no longer takes progress updates."))
            status = 403
        elif form.is_valid():
            data = form.cleaned_data
            try:
                effort_update_post(
                    effort=effort,
                    user=request.user,
                    period_start=data["period"],
                    status=data["status"],
                    percent_done=data["percent_done"],
                    narrative=data["narrative"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Your update has been saved. Thank you!"))
                return redirect("reflection:effort_detail", pk=effort.pk)
    return render(
        request,
        "reflection/effort_detail.html",
        {
            "effort": effort,
            "plan": plan,
            "updates": updates,
            "form": form,
            "current_period": periods[0],
            "current_period_end": period_end(periods[0], plan.progress_interval),
            "has_current": any(u.period_start == periods[0] for u in updates),
            "can_edit": is_staff(request.user) and plan.is_editable,
        },
        status=status,
    )
