"""Meetings of the bodies, their agenda, action items, "my actions" and the calendar feed.

Staff keep meetings and actions. A body's meetings are read by the holders of a current
seat in it and by staff; anyone else gets 404. An action's status is changed by its
owner or by staff. The calendar feed is read at a secret address, without logging in.
"""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.forms import add_errors, parse_id
from avk.permissions import is_staff, staff_required
from governance.access import body_ids_of
from governance.forms.meetings import (
    ActionEditForm,
    ActionForm,
    AgendaFormSet,
    MeetingForm,
    memo_choices,
)
from governance.models import ActionItem, Body, CalendarFeed, Meeting, ProposedDecision
from governance.selectors.calendar import personal_calendar
from governance.services import meetings as services
from partners.models import Person

FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
PAST_PER_PAGE = 20
ACTIONS_PER_PAGE = 50
RECENT_HOSTS = 8


# --- access -----------------------------------------------------------------------------


def meetings_visible_to(user):
    """Meetings of the bodies where the user holds a current seat; every meeting for staff."""
    if is_staff(user):
        return Meeting.objects.all()
    return Meeting.objects.filter(body_id__in=body_ids_of(user))


def get_meeting_for_user(user, pk) -> Meeting:
    return get_object_or_404(
        meetings_visible_to(user).select_related("body", "location_partner"), pk=pk
    )


# --- meetings ---------------------------------------------------------------------------


@require_GET
def meeting_list(request):
    """Upcoming meetings first (soonest on top), then the past ones, newest first."""
    staff = is_staff(request.user)
    meetings = Meeting.objects.select_related("body", "location_partner").annotate(
        agenda_count=Count("agenda")
    )
    if staff:
        bodies = list(Body.objects.all())
    else:  # the bodies where the user holds a current seat (one query for the ids)
        body_ids = body_ids_of(request.user)
        bodies = list(Body.objects.filter(pk__in=body_ids))
        meetings = meetings.filter(body_id__in=body_ids)
    body = parse_id(request.GET.get("body"))
    if body not in {b.pk for b in bodies}:
        body = None
    if body:
        meetings = meetings.filter(body_id=body)
    now = timezone.now()
    upcoming = list(meetings.filter(starts_at__gte=now).order_by("starts_at", "id")[:50])
    past = meetings.filter(starts_at__lt=now).order_by("-starts_at", "-id")
    return render(
        request,
        "governance/meeting_list.html",
        {
            "upcoming": upcoming,
            "past": Paginator(past, PAST_PER_PAGE).get_page(request.GET.get("page")),
            "bodies": bodies,
            "body": body,
            "is_staff": staff,
        },
    )


@require_GET
def meeting_detail(request, pk):
    meeting = get_meeting_for_user(request.user, pk)
    agenda = list(meeting.agenda.select_related("memo").order_by("order", "id"))
    actions = list(meeting.actions.select_related("owner").order_by("due_date", "id"))
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": agenda,
            "actions": actions,
            "today": timezone.localdate(),
            "is_staff": is_staff(request.user),
        },
    )


def _recent_hosts():
    return list(
        Meeting.objects.filter(location_partner__isnull=False, starts_at__lte=timezone.now())
        .select_related("location_partner", "body")
        .order_by("-starts_at")[:RECENT_HOSTS]
    )


def _meeting_page(request, meeting: Meeting | None):
    initial = {}
    if meeting is None:
        body_id = parse_id(request.GET.get("body"))
        if body_id:
            initial["body"] = body_id
    form = MeetingForm(request.POST or None, instance=meeting, initial=initial)
    items = list(meeting.agenda.select_related("memo").order_by("order", "id")) if meeting else []
    agenda_initial = [
        {"title": item.title, "memo": item.memo_id, "ORDER": number}
        for number, item in enumerate(items, start=1)
    ]
    body = meeting.body if meeting else None
    if body is None and initial.get("body"):
        body = Body.objects.filter(pk=initial["body"]).first()
    keep = [item.memo for item in items]
    formset = AgendaFormSet(
        request.POST or None,
        prefix="agenda",
        initial=agenda_initial,
        form_kwargs={"memo_choices": memo_choices(body, keep=keep)},
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        agenda = [
            services.AgendaEntry(title=row["title"], memo=row.get("memo"))
            for row in formset.entries()
        ]
        try:
            saved = services.meeting_save(
                meeting=meeting,
                user=request.user,
                body=data["body"],
                starts_at=data["starts_at"],
                ends_at=data.get("ends_at"),
                location_partner=data.get("location_partner"),
                location=data.get("location", ""),
                notes=data.get("notes", ""),
                agenda=agenda,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Meeting “%(meeting)s” saved.") % {"meeting": saved})
            return redirect("governance:meeting_detail", pk=saved.pk)
    return render(
        request,
        "governance/meeting_form.html",
        {
            "form": form,
            "formset": formset,
            "meeting": meeting,
            "recent_hosts": _recent_hosts(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    return _meeting_page(request, None)


@staff_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    return _meeting_page(request, meeting)


# --- action items -----------------------------------------------------------------------


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
    if not services.can_change_status(request.user, action):
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


# --- the personal calendar feed -------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def calendar_feed(request):
    """The person's secret feed address, with how to add it; POST makes a new address."""
    if request.method == "POST":
        services.calendar_feed_rotate(user=request.user)
        messages.success(
            request,
            _("Your calendar feed has a new address. The old address no longer works."),
        )
        return redirect("governance:calendar_feed")
    feed = services.calendar_feed_get_or_create(user=request.user)
    feed_url = request.build_absolute_uri(reverse("governance:calendar_ics", args=[feed.token]))
    return render(
        request,
        "governance/calendar_feed.html",
        {"feed_url": feed_url, "webcal_url": "webcal://" + feed_url.split("://", 1)[1]},
    )


@login_not_required
@never_cache
@require_GET
def calendar_ics(request, token):
    if not FEED_TOKEN.fullmatch(token):  # not one of ours (and never a NUL into the query)
        raise Http404
    feeds = CalendarFeed.objects.select_related("user")
    feed = feeds.filter(token=token, user__is_active=True).first()
    if feed is None:
        raise Http404
    response = HttpResponse(
        personal_calendar(feed=feed), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="avk-agenda.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
