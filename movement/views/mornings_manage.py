"""Staff's pages of the open mornings: the list, planning several at once with the
proposed hosts, changing or cancelling one, and who comes (with staff's decisions)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import staff_required
from avk.forms import add_errors
from movement.access import get_morning_for_staff, get_morning_signup_for_staff
from movement.forms.mornings import MorningForm, PlanFormSet, PlanSettingsForm
from movement.selectors.mornings import (
    hosts_in_turn,
    morning_counts,
    plan_proposals,
    staff_mornings,
)
from movement.selectors.signups import confirmed_signups, places_left
from movement.services import mornings as services
from movement.views.signups import decide_page

PER_PAGE = 20


@staff_required
@require_GET
def morning_manage(request):
    """Every morning from today on (or the past ones) with its counts, paginated."""
    past = request.GET.get("when") == "past"
    page = Paginator(staff_mornings(timezone.localdate(), past=past), PER_PAGE).get_page(
        request.GET.get("page")
    )
    for morning in page:
        morning.places_left = places_left(morning)
    return render(request, "movement/mornings/manage_list.html", {"page": page, "past": past})


def _plan_initial(proposals) -> list[dict]:
    return [
        {
            "plan": True,
            "date": proposal.date,
            "host": proposal.host.pk if proposal.host else None,
            "place": proposal.place,
        }
        for proposal in proposals
    ]


@staff_required
@require_http_methods(["GET", "POST"])
def morning_plan(request):
    """The next free dates on a weekday, each with the partner whose turn it is to host;
    staff change what they want and plan the ticked ones in one go."""
    settings_form = PlanSettingsForm(request.GET or None)
    weekday, weeks = settings_form.values()
    partners = list(hosts_in_turn())
    if request.method == "POST":
        formset = PlanFormSet(request.POST, form_kwargs={"partners": partners})
        if formset.is_valid():
            chosen = [form for form in formset if form.cleaned_data.get("plan")]
            try:
                made = services.mornings_plan(
                    actor=request.user, rows=[form.morning_values() for form in chosen]
                )
            except services.MorningPlanError as refused:
                for index, error in refused.errors.items():
                    add_errors(chosen[index], error)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s morning is planned.",
                        "%(count)s mornings are planned.",
                        len(made),
                    )
                    % {"count": len(made)},
                )
                return redirect("movement:morning_manage")
    else:
        proposals = plan_proposals(today=timezone.localdate(), weekday=weekday, count=weeks)
        formset = PlanFormSet(initial=_plan_initial(proposals), form_kwargs={"partners": partners})
    settings_form.summary_formsets = [formset]  # one error summary for the page
    return render(
        request,
        "movement/mornings/plan.html",
        {"settings_form": settings_form, "formset": formset},
    )


@require_http_methods(["GET", "POST"])
def morning_edit(request, pk):
    morning = get_morning_for_staff(request.user, pk)
    if morning.is_cancelled:
        messages.error(request, _("This morning is cancelled. Plan a new one instead."))
        return redirect("movement:morning_participants", pk=morning.pk)
    form = MorningForm(request.POST or None, instance=morning)
    if request.method == "POST" and form.is_valid():
        try:
            morning = services.morning_update(
                morning=morning, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The morning is saved."))
            return redirect("movement:morning_participants", pk=morning.pk)
    return render(request, "movement/mornings/form.html", {"form": form, "morning": morning})


@require_http_methods(["GET", "POST"])
def morning_cancel(request, pk):
    """A step that cannot be undone (templates/includes/confirm_step.html): everyone who
    comes gets a mail."""
    morning = get_morning_for_staff(request.user, pk)
    if morning.is_cancelled:
        return redirect("movement:morning_participants", pk=morning.pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        services.morning_cancel(morning=morning, actor=request.user)
        messages.success(
            request, _("The morning is cancelled. Everyone who comes gets a mail about it.")
        )
        return redirect("movement:morning_participants", pk=morning.pk)
    counts = morning_counts(morning)
    told = counts.taken + counts.waiting
    return render(
        request,
        "movement/mornings/cancel.html",
        {
            "morning": morning,
            "question": _("Do you want to cancel the morning of %(date)s?")
            % {"date": formats.date_format(morning.date, "l j F Y")},
            "consequences": [
                _("The morning is shown as cancelled. Nobody can sign up for it any more."),
                ngettext(
                    "%(count)s person who signed up gets a mail about it.",
                    "%(count)s people who signed up get a mail about it.",
                    told,
                )
                % {"count": told},
            ],
            "confirm_label": _("Yes, cancel the morning"),
        },
    )


@require_GET
def morning_participants(request, pk):
    """Who comes to a morning (confirmed), with staff's decisions, a page at a time."""
    morning = get_morning_for_staff(request.user, pk)
    page = Paginator(confirmed_signups(morning), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "movement/mornings/participants.html",
        {"morning": morning, "counts": morning_counts(morning), "page": page},
    )


@require_POST
def decide_morning_signup(request, pk):
    """Staff accept, wait-list or decline someone; the person gets a mail."""
    signup = get_morning_signup_for_staff(request.user, pk)
    return decide_page(
        request,
        signup=signup,
        decide=services.morning_signup_decide,
        back=reverse("movement:morning_participants", args=[signup.morning_id]),
    )
