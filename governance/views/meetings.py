"""Meetings of the bodies, with their agenda.

Staff keep meetings. A body's meetings are read by the holders of a current seat in it and
by staff; anyone else gets 404 (governance.access).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk.access import is_staff, staff_required
from avk.forms import add_errors, parse_id
from governance.access import (
    body_ids_of,
    get_meeting_for_user,
    may_draft_minutes,
    may_read_minutes,
)
from governance.forms.meetings import AgendaFormSet, MeetingForm, memo_choices
from governance.models import Body, Meeting
from governance.selectors.minutes import minutes_of
from governance.services import meetings as services

PAST_PER_PAGE = 20
RECENT_HOSTS = 8


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
    minutes = minutes_of(meeting)
    drafter = may_draft_minutes(request.user, meeting)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": agenda,
            "actions": actions,
            "minutes": minutes,
            "drafter": drafter,
            "minutes_readable": may_read_minutes(minutes, drafter=drafter),
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
    # One error summary at the top of the page lists the agenda rows' errors too.
    form.summary_formsets = [formset]
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
