"""The phase plans (faseplannen): their goals and efforts, traced to attention points.

Everyone logged in reads them; staff write. Only a draft plan is changed: for an adopted
plan the write pages answer 403 with the plan and the reason, and the services refuse it
too (a forged POST changes nothing). A change to an adopted plan is a new version.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk import documents
from avk.access import is_staff, staff_required
from avk.cache import cached_html
from avk.forms import add_errors
from governance.models import Decision
from reflection.documents import timeline
from reflection.forms.plans import AdoptForm, CarryForm, EffortForm, PlanForm
from reflection.models import AttentionPoint, Effort, PhasePlan
from reflection.selectors.plans import (
    PLAN_READ,
    efforts_with_relations,
    plan_groups,
    recent_decisions,
)
from reflection.selectors.progress import plan_rollup, with_latest_update
from reflection.services.plans import (
    attention_point_carry,
    effort_save,
    plan_adopt,
    plan_create,
    plan_new_version,
    plan_update,
)


def _plan_efforts(plan: PhasePlan) -> list[Effort]:
    """The plan's efforts with owner, partners, attention points and their newest progress
    update: four queries."""
    return list(with_latest_update(efforts_with_relations(plan.efforts.all())))


def _detail_context(request, plan: PhasePlan) -> dict:
    staff = is_staff(request.user)
    can_edit = staff and plan.is_editable

    def efforts() -> dict:
        shown = _plan_efforts(plan)
        return {
            "plan": plan,
            "efforts": shown,
            "rollup": plan_rollup(plan, shown),
            "chart": timeline(plan, shown),
            "can_edit": can_edit,
        }

    return {
        "plan": plan,
        # The efforts are the page's bulk: kept rendered until a row in them changes.
        "efforts_html": cached_html(
            "plan_efforts",
            PLAN_READ,
            "reflection/includes/plan_efforts.html",
            efforts,
            parts=[str(plan.pk), "edit" if can_edit else "read"],
        ),
        "versions": PhasePlan.objects.filter(number=plan.number).order_by("-version"),
        "is_staff": staff,
        "can_edit": can_edit,
        "can_make_version": staff
        and plan.status == PhasePlan.Status.ADOPTED
        and not hasattr(plan, "successor"),
        # The empty adopt form lists the newest decisions: kept rendered until one changes
        # (the CSRF token stays outside, in the page's own form tag).
        "adopt_fields": cached_html(
            "plan_adopt_fields",
            [Decision],
            "reflection/includes/adopt_fields.html",
            lambda: {"form": AdoptForm(recent=recent_decisions())},
        )
        if can_edit
        else "",
        # The PDF link only once the document kind exists (reflection.documents).
        "can_request_pdf": documents.get_kind("phase_plan") is not None,
    }


def _plan_query():
    return PhasePlan.objects.select_related("predecessor", "successor", "adopted_decision")


def _locked(request, plan: PhasePlan):
    """The answer to a write page of a plan that is no longer a draft."""
    messages.error(
        request,
        _(
            "Phase plan “%(plan)s” has been adopted and can no longer be changed. "
            "To change it, make a new version."
        )
        % {"plan": plan},
    )
    return render(
        request, "reflection/plan_detail.html", _detail_context(request, plan), status=403
    )


@require_GET
def plan_list(request):
    """Every phase plan with its versions, the newest plan first."""
    return render(
        request,
        "reflection/plan_list.html",
        {"groups": plan_groups(), "is_staff": is_staff(request.user)},
    )


@require_GET
def plan_detail(request, pk):
    plan = get_object_or_404(_plan_query(), pk=pk)
    return render(request, "reflection/plan_detail.html", _detail_context(request, plan))


@staff_required
@require_http_methods(["GET", "POST"])
def start_plan(request):
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Phase plan “%(plan)s” added.") % {"plan": plan})
            return redirect("reflection:plan_detail", pk=plan.pk)
    return render(request, "reflection/plan_form.html", {"form": form, "plan": None})


@staff_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan = get_object_or_404(_plan_query(), pk=pk)
    if not plan.is_editable:
        return _locked(request, plan)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "number"}
        try:
            plan = plan_update(plan=plan, user=request.user, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Phase plan “%(plan)s” saved.") % {"plan": plan})
            return redirect("reflection:plan_detail", pk=plan.pk)
    return render(request, "reflection/plan_form.html", {"form": form, "plan": plan})


@staff_required
@require_POST
def adopt_plan(request, pk):
    plan = get_object_or_404(_plan_query(), pk=pk)
    if not plan.is_editable:
        return _locked(request, plan)
    form = AdoptForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("reflection:plan_detail", pk=plan.pk)
    try:
        plan = plan_adopt(
            plan=plan,
            user=request.user,
            adopted_on=form.cleaned_data["adopted_on"],
            adopted_by=form.cleaned_data["adopted_by"],
            adopted_decision=form.cleaned_data["adopted_decision"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Phase plan “%(plan)s” adopted.") % {"plan": plan})
    return redirect("reflection:plan_detail", pk=plan.pk)


@staff_required
@require_POST
def start_new_version(request, pk):
    plan = get_object_or_404(PhasePlan, pk=pk)
    try:
        new = plan_new_version(plan=plan, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reflection:plan_detail", pk=plan.pk)
    messages.success(
        request,
        _(
            "Version %(version)s made: a draft. The adopted version stays in force "
            "until this one is adopted."
        )
        % {"version": new.version},
    )
    return redirect("reflection:plan_detail", pk=new.pk)


def _effort_page(request, plan: PhasePlan, effort: Effort | None):
    if not plan.is_editable:
        return _locked(request, plan)
    initial = {}
    if effort is None:
        initial = {"start": plan.period_start, "end": plan.period_end}
    form = EffortForm(request.POST or None, instance=effort, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = effort_save(plan=plan, effort=effort, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Effort “%(effort)s” saved.") % {"effort": saved})
            return redirect("reflection:plan_detail", pk=plan.pk)
    return render(
        request, "reflection/effort_form.html", {"form": form, "plan": plan, "effort": effort}
    )


@staff_required
@require_http_methods(["GET", "POST"])
def effort_create(request, pk):
    return _effort_page(request, get_object_or_404(_plan_query(), pk=pk), None)


@staff_required
@require_http_methods(["GET", "POST"])
def effort_edit(request, pk):
    effort = get_object_or_404(Effort, pk=pk)
    plan = get_object_or_404(_plan_query(), pk=effort.plan_id)
    return _effort_page(request, plan, effort)


@staff_required
@require_http_methods(["GET", "POST"])
def carry_attention_point(request, pk):
    """Carry an attention point into a draft plan: as a new effort, or linked to one."""
    point = get_object_or_404(AttentionPoint.objects.select_related("session"), pk=pk)
    form = CarryForm(request.POST or None, initial={"title": point.title})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        link = data["mode"] == CarryForm.LINK
        try:
            effort = attention_point_carry(
                point=point,
                plan=data["plan"],
                user=request.user,
                effort=data["effort"] if link else None,
                title=data["title"],
                owner=data["owner"],
                start=data["start"],
                end=data["end"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Attention point %(point)s is now answered by the effort “%(effort)s”.")
                % {"point": point, "effort": effort},
            )
            return redirect("reflection:plan_detail", pk=effort.plan_id)
    return render(
        request,
        "reflection/carry_form.html",
        {
            "form": form,
            "point": point,
            "efforts": point.efforts.select_related("plan"),
            "has_drafts": form.fields["plan"].queryset.exists(),
        },
    )
