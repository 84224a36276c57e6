"""Contributions before a session: participants answer the three questions, staff moderate
them and turn them into attention points; participants get the session in their calendar."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from avk.access import staff_required
from avk.forms import add_errors
from avk.links import absolute_reverse
from reflection.access import can_contribute, get_session_for_participant
from reflection.followup import previous_followup
from reflection.forms.contributions import QUESTIONS, ContributionForm, ModerateForm
from reflection.models import Contribution, ReflectionSession, Side
from reflection.selectors import calendar as ical
from reflection.services.contributions import (
    contribution_moderate,
    contribution_promote,
    contributions_save,
)


@require_http_methods(["GET", "POST"])
def contribute(request, pk):
    """The three questions, in a short form that works on a phone, until the session's date."""
    session = get_session_for_participant(request.user, pk)
    is_open = can_contribute(request.user, session)
    if request.method == "POST" and not is_open:
        raise PermissionDenied
    mine = {
        c.side: c.text for c in Contribution.objects.filter(session=session, author=request.user)
    }
    form = ContributionForm(request.POST or None, initial=mine) if is_open else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            contributions_save(session=session, author=request.user, answers=form.answers())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your answers have been saved."))
            return redirect("reflection:contribute", pk=session.pk)
    return render(
        request,
        "reflection/contribute.html",
        {
            "session": session,
            "form": form,
            "is_open": is_open,
            "has_answers": bool(mine),
            "is_today": timezone.localdate() == session.date,
            "followup": previous_followup(session),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def contribution_list(request, pk):
    """All contributions of a session, by side, for staff to moderate."""
    session = get_object_or_404(ReflectionSession, pk=pk)
    if request.method == "POST":
        form = ModerateForm(request.POST)
        if form.is_valid():
            contribution = get_object_or_404(
                Contribution, pk=form.cleaned_data["contribution"], session=session
            )
            contribution_moderate(
                contribution=contribution, status=form.cleaned_data["status"], user=request.user
            )
            messages.success(request, _("The status has been changed."))
        else:
            messages.error(request, _("That did not work. Choose a status and try again."))
        return redirect("reflection:contribution_list", pk=session.pk)

    contributions = session.contributions.select_related("author", "attention_point").order_by(
        "side", "created_at", "pk"
    )
    by_side = {side: [] for side in QUESTIONS}
    for contribution in contributions:
        by_side[contribution.side].append(contribution)
    sides = [
        {"side": side, "label": Side(side).label, "question": question, "items": by_side[side]}
        for side, question in QUESTIONS.items()
    ]
    authors = {c.author_id for items in by_side.values() for c in items}
    return render(
        request,
        "reflection/contribution_list.html",
        {
            "session": session,
            "sides": sides,
            "author_count": len(authors),
            "participant_count": session.participants.count(),
            "statuses": Contribution.Status,
        },
    )


@staff_required
@require_POST
def promote_contribution(request, pk):
    """Turn a contribution into a new, numbered attention point on its session and side."""
    contribution = get_object_or_404(Contribution.objects.select_related("session"), pk=pk)
    try:
        point = contribution_promote(contribution=contribution, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Attention point %(number)s has been made: %(title)s")
            % {"number": point.number, "title": point.title},
        )
    return redirect("reflection:contribution_list", pk=contribution.session_id)


def session_ical(request, pk):
    """The session as an entry for the participant's calendar."""
    session = get_session_for_participant(request.user, pk)
    contribute_url = absolute_reverse("reflection:contribute", session.pk)
    description = _("Give your answers to the three questions beforehand: %(link)s") % {
        "link": contribute_url
    }
    if session.facilitator:
        description += "\n" + _("Facilitator: %(name)s") % {"name": session.facilitator}
    body = ical.session_calendar(session=session, url=contribute_url, description=description)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="eiland-van-reflectie-{session.year}-{session.pk}.ics"'
    )
    return response
