"""The eilanden van reflectie: a year's islands side by side, and staff pages to record them.

Everyone logged in reads the year pages; staff create and edit sessions, their three
sides and their attention points (reflection.access).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import is_staff, staff_required
from avk.forms import add_errors
from reflection.forms.sessions import (
    AttentionPointCreateForm,
    AttentionPointForm,
    AttentionPointMoveForm,
    SessionForm,
    side_forms,
)
from reflection.models import AttentionPoint, ReflectionSession, Side
from reflection.selectors.sessions import related_candidates, session_years
from reflection.services.sessions import (
    attention_point_create,
    attention_point_move,
    attention_point_update,
    session_save,
)
from reflection.views.year_page import year_page


def _year_url(session_or_point) -> str:
    session = getattr(session_or_point, "session", session_or_point)
    return reverse("reflection:year_detail", args=[session.year]) + f"#session-{session.pk}"


@require_GET
def newest_year(request):
    """The newest year with sessions; an empty page when there are none yet."""
    years = session_years()
    if years:
        return redirect("reflection:year_detail", year=years[0])
    return render(
        request,
        "reflection/year.html",
        {
            "year": None,
            "years": [],
            "sessions": [],
            "unanswered": [],
            "is_staff": is_staff(request.user),
        },
    )


YEARS_AROUND = 5


def _near(years: list[int], year: int) -> list[int]:
    """The years (newest first) within YEARS_AROUND of `year`, plus the newest and the
    oldest: the year list stays short however many years there are."""
    ends = {years[0], years[-1]} if years else set()
    return [y for y in years if abs(y - year) <= YEARS_AROUND or y in ends]


@require_GET
def year_detail(request, year):
    """The islands of one year side by side, per side of the lemniscate."""
    if not 2000 <= year <= 2100:  # also keeps absurd numbers away from the database
        raise Http404
    staff = is_staff(request.user)
    page = year_page(year, staff=staff)
    today = timezone.localdate()
    sessions = page["islands"]
    for session in sessions:
        # Islands start folded, so a year reads as a list; unfolded is the only one, or one
        # that still asks this person for their input.
        session.unfolded = len(sessions) == 1 or (
            session.date > today and request.user.pk in session.participant_users
        )
    context = {
        "year": year,
        "years": _near(page["years"], year),
        "sessions": sessions,
        "unanswered_html": page["unanswered_html"],
        "is_staff": staff,
        "today": today,
    }
    return render(request, "reflection/year.html", context)


def _session_page(request, session: ReflectionSession | None):
    data = request.POST if request.method == "POST" else None
    form = SessionForm(data, instance=session or ReflectionSession())
    sides = side_forms(data, session)
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for _s, _l, f in sides):
        try:
            saved = session_save(form=form, side_forms=sides, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if session is None:
                messages.success(request, _("Session “%(session)s” added.") % {"session": saved})
            else:
                messages.success(request, _("Session “%(session)s” saved.") % {"session": saved})
            return redirect("reflection:session_edit", pk=saved.pk)
    points = session.attention_points.order_by("number") if session else []
    return render(
        request,
        "reflection/session_form.html",
        {
            "form": form,
            "side_forms": sides,
            "session": session,
            "points": points,
            "sides": Side.choices,
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def session_create(request):
    return _session_page(request, None)


@staff_required
@require_http_methods(["GET", "POST"])
def session_edit(request, pk):
    session = get_object_or_404(ReflectionSession.objects.prefetch_related("sides"), pk=pk)
    return _session_page(request, session)


@staff_required
@require_http_methods(["GET", "POST"])
def add_attention_point(request, pk):
    session = get_object_or_404(ReflectionSession, pk=pk)
    initial = {"side": request.GET.get("side")} if request.GET.get("side") in Side.values else {}
    form = AttentionPointCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            point = attention_point_create(session=session, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Attention point %(point)s added.") % {"point": point})
            # Next: its ingredients and the links to other islands.
            return redirect("reflection:attention_point_edit", pk=point.pk)
    return render(
        request,
        "reflection/attention_point_form.html",
        {"form": form, "session": session, "point": None},
    )


@staff_required
@require_POST
def move_attention_point(request, pk):
    """Move a point one place up or down in its session's numbering (gapless)."""
    point = get_object_or_404(AttentionPoint.objects.select_related("session"), pk=pk)
    form = AttentionPointMoveForm(request.POST)
    if form.is_valid():
        point = attention_point_move(
            point=point, direction=form.cleaned_data["direction"], user=request.user
        )
        messages.success(
            request,
            _("“%(point)s” is now attention point %(number)s.")
            % {"point": point.title, "number": point.number},
        )
    else:
        messages.error(request, _("Choose to move the attention point up or down."))
    return redirect(reverse("reflection:session_edit", args=[point.session_id]) + "#session-points")


@staff_required
@require_http_methods(["GET", "POST"])
def attention_point_edit(request, pk):
    point = get_object_or_404(
        AttentionPoint.objects.select_related("session").prefetch_related("ingredients", "related"),
        pk=pk,
    )
    initial = {
        "title": point.title,
        "description": point.description,
        "ingredients": "\n".join(i.text for i in point.ingredients.all()),
        "related": [p.pk for p in point.related.all()],
    }
    form = AttentionPointForm(
        request.POST or None, initial=initial, candidates=related_candidates(point)
    )
    if request.method == "POST" and form.is_valid():
        try:
            point = attention_point_update(point=point, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Attention point %(point)s saved.") % {"point": point})
            return redirect(_year_url(point))
    return render(
        request,
        "reflection/attention_point_form.html",
        {"form": form, "session": point.session, "point": point},
    )
