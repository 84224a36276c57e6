"""An effort's page: what it is, the attention points it answers and its progress updates.

Everyone logged in reads it (as they read the plan). The effort's owner and staff post
the update for the current period (or the one before) on the same page; for anyone else a
POST answers 403, and the service refuses it too.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from avk.access import is_staff
from avk.cache import cached
from avk.forms import add_errors, parse_id
from avk.models import User
from reflection.access import can_write_progress, check_progress_writer
from reflection.forms.progress import EffortUpdateForm
from reflection.models import Effort
from reflection.selectors.plans import PLAN_READ
from reflection.selectors.progress import (
    effort_for_page,
    effort_head,
    effort_timeline,
    open_periods,
    period_end,
    takes_updates,
)
from reflection.services.progress import effort_update_post

# What an effort's page shows besides the form (watched in ReflectionConfig.ready): the
# plan's rows, and the logins that wrote the updates.
EFFORT_READ = [*PLAN_READ, User]


def _form(request, effort: Effort, periods, current):
    months = effort.plan.progress_interval
    if request.method == "POST":
        return EffortUpdateForm(request.POST, periods=periods, months=months)
    initial = {"period": periods[0].isoformat()}
    if current is not None:
        initial |= {n: getattr(current, n) for n in ("status", "percent_done", "narrative")}
    return EffortUpdateForm(initial=initial, periods=periods, months=months)


def _page_number(request) -> int:
    number = parse_id(request.GET.get("pagina")) or 1
    return min(max(number, 1), MAX_PAGE)


MAX_PAGE = 1000  # twenty years of monthly updates fit in 30 pages


def _shown(pk: int, page: int) -> dict:
    """The effort's facts, a page of its updates and its attention points, rendered; the
    same for every reader, so kept until a row they are drawn from changes (avk.cache)."""

    def build() -> dict:
        effort = effort_for_page(pk)
        updates, has_older = effort_timeline(effort, page)
        context = {
            "effort": effort,
            "updates": updates,
            "page": page,
            "newer_url": f"?pagina={page - 1}" if page > 1 else "",
            "older_url": f"?pagina={page + 1}" if has_older else "",
        }
        return {
            "meta": render_to_string("reflection/includes/effort_meta.html", context),
            "history": render_to_string("reflection/includes/effort_history.html", context),
        }

    shown = cached("effort_page", EFFORT_READ, build, parts=[get_language(), pk, page])
    return {name: mark_safe(html) for name, html in shown.items()}  # noqa: S308 - ours


@require_http_methods(["GET", "POST"])
def effort_detail(request, pk):
    try:
        effort = effort_head(parse_id(pk))
    except Effort.DoesNotExist:
        raise Http404 from None
    if request.method == "POST":
        check_progress_writer(request.user, effort)
    plan = effort.plan
    periods = open_periods(plan)
    may_write = can_write_progress(request.user, effort) and takes_updates(plan)
    form = current = None
    if may_write:
        # The update for the current period, if written: the form starts from it.
        current = effort.updates.filter(period_start=periods[0]).first()
        form = _form(request, effort, periods, current)
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
    shown = _shown(effort.pk, _page_number(request))
    return render(
        request,
        "reflection/effort_detail.html",
        {
            "effort": effort,
            "plan": plan,
            "meta_html": shown["meta"],
            "history_html": shown["history"],
            "form": form,
            "current_period_end": period_end(periods[0], plan.progress_interval),
            "has_current": current is not None,
            "can_edit": is_staff(request.user) and plan.is_editable,
        },
        status=status,
    )
