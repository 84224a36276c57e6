"""The learning offer: public pages (no login) where anyone signs up for a course or a
learning meeting, and staff's pages to publish them, decide who takes part and record
who attended.

Nothing public says who signed up: a course's page shows only how many places are left
(and a logged-in person their own sign-up).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import staff_required
from avk.csv import csv_response, to_csv
from avk.forms import add_errors, parse_id
from avk.links import absolute_reverse
from movement.access import get_course_for_staff, get_course_signup_for_staff, get_public_course
from movement.forms.learning import CourseForm, CourseSignupForm
from movement.models import CourseSignup
from movement.selectors import learning as selectors
from movement.selectors.signups import confirmed_signups, places_left
from movement.services import learning as services
from movement.views.signups import confirm_page, decide_page, rate_limited, withdraw_page

PER_PAGE = 20


# --- public ---------------------------------------------------------------------------


@login_not_required
@require_GET
def course_list(request):
    """The courses and meetings open for sign-ups, a page at a time, the soonest first."""
    page = Paginator(selectors.upcoming_courses(), PER_PAGE).get_page(request.GET.get("page"))
    for course in page:
        course.places_left = places_left(course)
    return render(request, "movement/learning/public_list.html", {"page": page})


def _initial(user, person) -> dict:
    """A logged-in person's own details, filled in for them."""
    if person is None:
        return {}
    return {
        "name": person.name,
        "email": user.email,
        "organisation": person.partner.name if person.partner_id else "",
    }


_SIGNED_UP = {
    "registered": gettext_lazy(
        "You are signed up for “%(title)s”. We have sent you a mail about it."
    ),
    "waitlisted": gettext_lazy(
        "“%(title)s” is full, so you are on the waiting list. We tell you by mail when a "
        "place comes free."
    ),
    "duplicate": gettext_lazy("You were already signed up for “%(title)s”. Nothing has changed."),
}


def _sign_up(request, course, form):
    """Handle a valid form: a redirect when done, None when the form shows an error."""
    if rate_limited(request):
        form.add_error(
            None,
            _(
                "You have sent this form many times in a short while. "
                "Wait ten minutes and try again."
            ),
        )
        return None
    if form.is_bot:
        # A bot filled the hidden field: it sees the usual answer, nothing is stored.
        return redirect("movement:course_signup_sent", pk=course.pk)
    values = form.signup_values()
    try:
        if selectors.is_verified_address(request.user, values["email"]):
            outcome, _signup = services.course_signup_create_verified(
                course=course, user=request.user, **values
            )
        else:
            services.course_signup_create(course=course, **values)
            return redirect("movement:course_signup_sent", pk=course.pk)
    except ValidationError as error:
        add_errors(form, error)
        return None
    if outcome in _SIGNED_UP:
        messages.success(request, _SIGNED_UP[outcome] % {"title": course.title})
    else:  # closed between the page and the click
        messages.error(request, _("Sign-ups for this are closed."))
    return redirect("movement:course_detail", pk=course.pk)


# The page shows places left right now: no browser or proxy may keep it.
@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def course_detail(request, pk):
    """A course's public page with the sign-up form; a logged-in person sees their own
    details filled in, and their sign-up if they have one."""
    course = get_public_course(request.user, pk)
    person = selectors.person_of(request.user)
    form = CourseSignupForm(request.POST or None, initial=_initial(request.user, person))
    if request.method == "POST" and course.takes_signups and form.is_valid():
        done = _sign_up(request, course, form)
        if done is not None:
            return done
    return render(
        request,
        "movement/learning/public_detail.html",
        {"course": course, "form": form, "own": selectors.own_signup(course, person)},
    )


@login_not_required
@require_GET
def course_signup_sent(request, pk):
    """After the form: check your mail (the same page whatever happened to the form)."""
    course = get_public_course(request.user, pk)
    return render(request, "movement/learning/signup_sent.html", {"course": course})


@login_not_required
@require_GET
def course_ical(request, pk):
    """The course as an entry for the visitor's calendar (no personal data in it)."""
    course = get_public_course(request.user, pk)
    body = selectors.course_calendar(
        course=course, url=absolute_reverse("movement:course_detail", course.pk)
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="leeraanbod-{course.pk}.ics"'
    return response


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def course_signup_confirm(request, token):
    return confirm_page(request, model=CourseSignup, token=token)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def course_signup_withdraw(request, token):
    return withdraw_page(request, model=CourseSignup, token=token)


# --- staff ----------------------------------------------------------------------------


@staff_required
@require_GET
def course_manage(request):
    """Staff's list of every course and meeting with its counts (paginated)."""
    page = Paginator(selectors.staff_courses(), PER_PAGE).get_page(request.GET.get("page"))
    for course in page:
        course.places_left = places_left(course)
    return render(request, "movement/learning/manage_list.html", {"page": page})


def _saved(request, course):
    messages.success(request, _("“%(title)s” is saved.") % {"title": course})
    return redirect("movement:course_participants", pk=course.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def course_create(request):
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.course_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _saved(request, course)
    return render(request, "movement/learning/form.html", {"form": form, "course": None})


@require_http_methods(["GET", "POST"])
def course_edit(request, pk):
    course = get_course_for_staff(request.user, pk)
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.course_update(course=course, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return _saved(request, course)
    return render(request, "movement/learning/form.html", {"form": form, "course": course})


@require_GET
def course_participants(request, pk):
    """Who signed up (confirmed), with staff's decisions, a page at a time."""
    course = get_course_for_staff(request.user, pk)
    counts = selectors.staff_courses().filter(pk=course.pk).first()
    page = Paginator(confirmed_signups(course), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "movement/learning/participants.html",
        {"course": course, "counts": counts, "page": page},
    )


@require_GET
def course_participants_csv(request, pk):
    course = get_course_for_staff(request.user, pk)
    header, rows = selectors.participants_csv(course)
    return csv_response(to_csv(header, rows), f"leeraanbod-{course.pk}-deelnemers")


def _ids(values) -> set[int] | None:
    """The ids a form sent, or None when one of them cannot be an id."""
    ids = {parse_id(value) for value in values}
    return None if None in ids else ids


@require_http_methods(["GET", "POST"])
def course_attendance(request, pk):
    """Staff record who attended, once it has started: a box per person with a place, all
    saved in one go."""
    course = get_course_for_staff(request.user, pk)
    errors = []
    if request.method == "POST":
        shown, present = _ids(request.POST.getlist("shown")), _ids(request.POST.getlist("present"))
        if shown is None or present is None:
            errors = [_("Tick only people on the list.")]
        else:
            try:
                services.course_attendance_record(
                    course=course, actor=request.user, shown=shown, present=present
                )
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, _("Who attended is saved."))
                return redirect("movement:course_attendance", pk=course.pk)
    return render(
        request,
        "movement/learning/attendance.html",
        {
            "course": course,
            "started": course.has_started(),
            "people": selectors.attendance_list(course),
            "errors": errors,
        },
        status=400 if errors else 200,
    )


@require_POST
def course_signup_decide(request, pk):
    """Staff accept, wait-list or decline someone; the person gets a mail."""
    signup = get_course_signup_for_staff(request.user, pk)
    return decide_page(
        request,
        signup=signup,
        decide=services.course_signup_decide,
        back=reverse("movement:course_participants", args=[signup.course_id]),
    )
