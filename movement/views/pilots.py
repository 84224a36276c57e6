"""The pilots: public pages (no login) where anyone signs up, and staff's pages to
publish pilots and decide on who takes part.

Nothing public says who signed up: a pilot's page shows only how many places are left.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import staff_required
from avk.csv import csv_response, to_csv
from avk.forms import add_errors
from movement.access import get_pilot_for_staff, get_pilot_signup_for_staff, get_public_pilot
from movement.forms.pilots import PilotForm, PilotSignupForm
from movement.models import Pilot, PilotSignup
from movement.selectors.mailings import mailing_for_signup
from movement.selectors.pilots import open_pilots, participants_csv, staff_pilots
from movement.selectors.signups import confirmed_signups, places_left
from movement.services import pilots as services
from movement.views.signups import (
    confirm_page,
    decide_page,
    kept_listing,
    rate_limited,
    withdraw_page,
)

PER_PAGE = 20
# What the public list shows (kept until one of these changes: a sign-up changes the places).
PUBLIC_LIST_READ = (Pilot, PilotSignup)


# --- public ---------------------------------------------------------------------------


@login_not_required
@require_GET
def pilot_list(request):
    """The pilots open for sign-ups, a page at a time, with the places left of each."""
    page, cards = kept_listing(
        "movement:pilot-list",
        PUBLIC_LIST_READ,
        open_pilots(),
        request.GET.get("page"),
        template="movement/pilots/includes/cards.html",
        per_page=PER_PAGE,
    )
    return render(request, "movement/pilots/public_list.html", {"page": page, "cards": cards})


# The page shows places left right now: no browser or proxy may keep it.
@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def pilot_detail(request, pk):
    """A pilot's public page with the sign-up form."""
    pilot = get_public_pilot(request.user, pk)
    form = PilotSignupForm(request.POST or None, initial={"via": request.GET.get("via", "")})
    if request.method == "POST" and pilot.takes_signups and form.is_valid():
        if rate_limited(request):
            form.add_error(
                None,
                _(
                    "You have sent this form many times in a short while. "
                    "Wait ten minutes and try again."
                ),
            )
        elif form.is_bot:
            # A bot filled the hidden field: it sees the usual answer, nothing is stored.
            return redirect("movement:pilot_signup_sent", pk=pilot.pk)
        else:
            try:
                services.pilot_signup_create(
                    pilot=pilot,
                    mailing=mailing_for_signup(form.cleaned_data["via"], pilot),
                    **form.signup_values(),
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("movement:pilot_signup_sent", pk=pilot.pk)
    return render(request, "movement/pilots/public_detail.html", {"pilot": pilot, "form": form})


@login_not_required
@require_GET
def pilot_signup_sent(request, pk):
    """After the form: check your mail (the same page whatever happened to the form)."""
    pilot = get_public_pilot(request.user, pk)
    return render(request, "movement/pilots/signup_sent.html", {"pilot": pilot})


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def pilot_signup_confirm(request, token):
    return confirm_page(request, model=PilotSignup, token=token)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def pilot_signup_withdraw(request, token):
    return withdraw_page(request, model=PilotSignup, token=token)


# --- staff ----------------------------------------------------------------------------


@staff_required
@require_GET
def pilot_manage(request):
    """Staff's list of every pilot with its counts (paginated)."""
    page = Paginator(staff_pilots(), PER_PAGE).get_page(request.GET.get("page"))
    for pilot in page:
        pilot.places_left = places_left(pilot)
    return render(request, "movement/pilots/manage_list.html", {"page": page})


@staff_required
@require_http_methods(["GET", "POST"])
def pilot_create(request):
    form = PilotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pilot = services.pilot_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The pilot “%(title)s” is saved.") % {"title": pilot})
            return redirect("movement:pilot_participants", pk=pilot.pk)
    return render(request, "movement/pilots/form.html", {"form": form, "pilot": None})


@require_http_methods(["GET", "POST"])
def pilot_edit(request, pk):
    pilot = get_pilot_for_staff(request.user, pk)
    form = PilotForm(request.POST or None, instance=pilot)
    if request.method == "POST" and form.is_valid():
        try:
            pilot = services.pilot_update(pilot=pilot, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The pilot “%(title)s” is saved.") % {"title": pilot})
            return redirect("movement:pilot_participants", pk=pilot.pk)
    return render(request, "movement/pilots/form.html", {"form": form, "pilot": pilot})


@require_GET
def pilot_participants(request, pk):
    """Who signed up for a pilot (confirmed), with staff's decisions, a page at a time."""
    pilot = get_pilot_for_staff(request.user, pk)
    counts = staff_pilots().filter(pk=pilot.pk).first()
    page = Paginator(confirmed_signups(pilot), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "movement/pilots/participants.html",
        {"pilot": pilot, "counts": counts, "page": page},
    )


@require_GET
def pilot_participants_csv(request, pk):
    pilot = get_pilot_for_staff(request.user, pk)
    header, rows = participants_csv(pilot)
    return csv_response(to_csv(header, rows), f"pilot-{pilot.pk}-deelnemers")


@require_POST
def decide_signup(request, pk):
    """Staff accept, wait-list or decline someone; the person gets a mail."""
    signup = get_pilot_signup_for_staff(request.user, pk)
    return decide_page(
        request,
        signup=signup,
        decide=services.pilot_signup_decide,
        back=reverse("movement:pilot_participants", args=[signup.pilot_id]),
    )
