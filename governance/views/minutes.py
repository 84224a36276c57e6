"""The minutes of a meeting: reading them, drafting (the body's secretary or staff),
circulating to the members and recording their adoption at the next meeting.

Who may see the meeting may read its minutes once circulated (governance.access); others
get 404. Adopted minutes have no forms any more: the services refuse every change.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.forms import add_errors
from governance.access import get_meeting_for_minutes, may_read_minutes
from governance.forms.minutes import MinutesForm
from governance.forms.voting import ConfirmStepForm
from governance.selectors.minutes import (
    agenda_for_drafting,
    attendance_rows,
    minutes_content,
    minutes_of,
    next_meeting,
)
from governance.services import minutes as services


def _to_minutes(meeting):
    return redirect("governance:minutes_detail", pk=meeting.pk)


@require_GET
def minutes_detail(request, pk):
    meeting, drafter = get_meeting_for_minutes(request.user, pk)
    minutes = minutes_of(meeting)
    readable = may_read_minutes(minutes, drafter=drafter)
    context = {"meeting": meeting, "drafter": drafter, "readable": readable}
    if readable:
        context |= minutes_content(meeting, minutes)
        context["next_meeting"] = None if minutes.is_adopted else next_meeting(meeting)
    return render(request, "governance/minutes_detail.html", context)


@require_http_methods(["GET", "POST"])
def minutes_edit(request, pk):
    meeting, _drafter = get_meeting_for_minutes(request.user, pk, write=True)
    minutes = minutes_of(meeting)
    if minutes is not None and minutes.is_adopted:
        messages.info(request, _("These minutes have been adopted: they cannot change any more."))
        return _to_minutes(meeting)
    rows = attendance_rows(meeting, minutes)
    agenda = agenda_for_drafting(meeting, minutes)
    # New minutes start from the meeting's notes, so nothing written there is lost.
    notes = minutes.notes if minutes else meeting.notes
    form = MinutesForm(
        request.POST or None, attendance_rows=rows, items=agenda, initial={"notes": notes}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_save(
                meeting=meeting,
                user=request.user,
                notes=form.cleaned_data["notes"],
                attendance=form.attendance(),
                items=form.items(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The minutes have been saved."))
            return _to_minutes(meeting)
    return render(
        request,
        "governance/minutes_form.html",
        {"meeting": meeting, "minutes": minutes, "form": form},
    )


def _step(request, meeting, step, done: str):
    """Take one step (circulate, adopt); the service refuses what the minutes' state does
    not allow, and the minutes page says so."""
    try:
        step(meeting=meeting, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return _to_minutes(meeting)


@require_POST
def minutes_circulate(request, pk):
    meeting, _drafter = get_meeting_for_minutes(request.user, pk, write=True)
    done = _("The minutes have been sent to the members.")
    return _step(request, meeting, services.minutes_circulate, done)


@require_http_methods(["GET", "POST"])
def minutes_adopt(request, pk):
    """Record the adoption at the next meeting: a step that cannot be undone, confirmed
    first (templates/includes/confirm_step.html)."""
    meeting, _drafter = get_meeting_for_minutes(request.user, pk, write=True)
    form = ConfirmStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _("The minutes have been adopted. They cannot change now.")
        return _step(request, meeting, services.minutes_adopt, done)
    minutes = minutes_of(meeting)
    upcoming = next_meeting(meeting)
    refusal = ""
    if minutes is None or minutes.circulated_at is None:
        refusal = _("Minutes are adopted after they were sent to the members.")
    elif minutes.is_adopted:
        refusal = _("These minutes have been adopted: they cannot change any more.")
    elif upcoming is None:
        refusal = _("Minutes are adopted at the next meeting of the body: plan that meeting first.")
    return render(
        request,
        "governance/minutes_confirm.html",
        {
            "meeting": meeting,
            "next_meeting": upcoming,
            "refusal": refusal,
            "action": request.path,
            "question": _("Adopt the minutes?"),
            "confirm_label": _("Yes, adopt the minutes"),
            "consequences": [
                _("The minutes are recorded as adopted at the meeting of %(date)s, by you, now.")
                % {
                    "date": upcoming
                    and formats.date_format(timezone.localdate(upcoming.starts_at), "j F Y")
                },
                _("After that nobody can change the minutes, programme staff neither."),
            ],
        },
    )
