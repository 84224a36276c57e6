"""Action items, coming from a meeting or a closed decision, and "my actions".

Staff keep actions. An action's status is changed by its owner or by staff
(governance.access).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import is_staff, staff_required
from avk.forms import add_errors, parse_id
from governance.access import can_change_status
from governance.forms.actions import ActionEditForm, ActionForm
from governance.models import ActionItem, Body, Meeting, ProposedDecision
from governance.services import actions as services
from partners.models import Person

ACTIONS_PER_PAGE = 50


def _action_query():
    return ActionItem.objects.select_related(
        "owner", "meeting__body", "decision__memo__body", "decision__listed"
    )


@staff_required
@require_GET
def action_list(request):
    """Every open action (or the chosen status), overdue first: sorted by due date."""
    actions = _action_query()
    status = request.GET.get("status", ActionItem.Status.OPEN)
    if status in ActionItem.Status.values:
        actions = actions.filter(status=status)
    else:
        status = "all"
    owner = parse_id(request.GET.get("owner"))
    if owner:
        actions = actions.filter(owner_id=owner)
    body = parse_id(request.GET.get("body"))
    if body:
        actions = actions.filter(Q(meeting__body_id=body) | Q(decision__memo__body_id=body))
    page = Paginator(actions.order_by("due_date", "id"), ACTIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "governance/action_list.html",
        {
            "page": page,
            "filters": {"status": status, "owner": owner, "body": body},
            "statuses": ActionItem.Status.choices,
            "owners": Person.objects.filter(actions__isnull=False)
            .distinct()
            .order_by("name")
            .values_list("pk", "name"),
            "bodies": Body.objects.values_list("pk", "name"),
            "today": timezone.localdate(),
        },
    )


def _source_from_query(request):
    """The meeting or closed decision named in ?meeting= / ?decision= (404 if not there)."""
    decision_id = parse_id(request.GET.get("decision"))
    if request.GET.get("decision") is not None:
        if decision_id is None:
            raise Http404
        return get_object_or_404(
            ProposedDecision.objects.exclude(result="").select_related("memo__body", "listed"),
            pk=decision_id,
        )
    meeting_id = parse_id(request.GET.get("meeting"))
    if request.GET.get("meeting") is not None:
        if meeting_id is None:
            raise Http404
        return get_object_or_404(Meeting.objects.select_related("body"), pk=meeting_id)
    return None


def _back_to_source(action: ActionItem):
    if action.meeting_id:
        return redirect("governance:meeting_detail", pk=action.meeting_id)
    return redirect(
        reverse("governance:decision_list", args=[action.decision.memo.body_id])
        + f"#decision-{getattr(getattr(action.decision, 'listed', None), 'pk', '')}"
    )


@staff_required
@require_http_methods(["GET", "POST"])
def add_action(request):
    source = _source_from_query(request)
    initial = {"due_date": timezone.localdate() + timezone.timedelta(days=14)}
    if isinstance(source, Meeting):
        initial["meeting"] = source.pk
    elif source is not None:
        initial["decision"] = source.pk
    form = ActionForm(request.POST or None, initial=initial, source=source)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = services.action_create(
                user=request.user,
                title=data["title"],
                details=data.get("details", ""),
                owner=data["owner"],
                due_date=data["due_date"],
                meeting=data.get("meeting"),
                decision=data.get("decision"),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Action “%(action)s” added.") % {"action": action})
            return _back_to_source(action)
    return render(
        request,
        "governance/action_form.html",
        {"form": form, "source": source, "is_meeting": isinstance(source, Meeting)},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk):
    action = get_object_or_404(_action_query(), pk=pk)
    form = ActionEditForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        try:
            action = services.action_update(action=action, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Action “%(action)s” saved.") % {"action": action})
            return redirect("governance:action_list")
    return render(request, "governance/action_edit.html", {"form": form, "action": action})


@require_POST
def action_status(request, pk):
    """Mark done / reopen (the owner or staff), cancel (staff). Others: 403."""
    action = get_object_or_404(ActionItem.objects.select_related("owner"), pk=pk)
    if not can_change_status(request.user, action):
        raise PermissionDenied
    try:
        action = services.action_status_change(
            action=action, user=request.user, status=request.POST.get("status", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(action)s” is now: %(status)s.")
            % {"action": action, "status": action.get_status_display().lower()},
        )
    next_url = request.POST.get("next", "")
    # Only a path on this site (never a view name, never another host).
    if next_url.startswith("/") and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(next_url)
    return redirect("governance:my_actions")


@require_GET
def my_actions(request):
    """The logged-in person's own actions: open ones (overdue first), then recently done."""
    actions = _action_query().filter(owner__user=request.user)
    today = timezone.localdate()
    open_actions = list(actions.filter(status=ActionItem.Status.OPEN).order_by("due_date", "id"))
    finished = list(
        actions.exclude(status=ActionItem.Status.OPEN)
        .filter(updated_at__gte=timezone.now() - timezone.timedelta(days=30))
        .order_by("-updated_at", "-id")[:20]
    )
    return render(
        request,
        "governance/my_actions.html",
        {
            "open_actions": open_actions,
            "overdue_count": sum(1 for a in open_actions if a.due_date < today),
            "finished": finished,
            "today": today,
            "has_person": Person.objects.filter(user=request.user).exists(),
            "is_staff": is_staff(request.user),
        },
    )
