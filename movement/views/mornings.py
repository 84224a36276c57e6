"""The open mornings' public pages (no login): the list, a morning's page with the "I'll
join" form, the pages of the links in the mails, and the calendar feed.

Nothing public says who comes: a morning's page shows only how many places are left.
Staff's pages are in movement.views.mornings_manage.
"""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from avk.forms import add_errors
from avk.links import absolute_reverse
from movement.access import get_public_morning
from movement.forms.mornings import MorningSignupForm
from movement.models import MorningSignup, TeamMorning
from movement.selectors.mornings import upcoming_mornings
from movement.selectors.mornings_calendar import kept_mornings_calendar
from movement.services import mornings as services
from movement.views.signups import confirm_page, kept_listing, rate_limited, withdraw_page
from partners.models import Partner

PER_PAGE = 12
# What the public list shows (kept until one of these changes: a sign-up changes the places).
PUBLIC_LIST_READ = (TeamMorning, MorningSignup, Partner)


def _feed_links() -> dict:
    feed_url = absolute_reverse("movement:morning_feed")
    return {"feed_url": feed_url, "webcal_url": "webcal://" + feed_url.split("://", 1)[1]}


# The list shows places left right now: no browser or proxy may keep it.
@login_not_required
@never_cache
@require_GET
def morning_list(request):
    """The mornings from today on, a page at a time, with the places left of each."""
    page, cards = kept_listing(
        "movement:morning-list",
        PUBLIC_LIST_READ,
        upcoming_mornings(timezone.localdate()),
        request.GET.get("page"),
        template="movement/mornings/includes/cards.html",
        per_page=PER_PAGE,
    )
    return render(
        request,
        "movement/mornings/public_list.html",
        {"page": page, "cards": cards, **_feed_links()},
    )


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def morning_detail(request, pk):
    """A morning's public page with the "I'll join" form while it takes sign-ups."""
    morning = get_public_morning(pk)
    form = MorningSignupForm(request.POST or None)
    if request.method == "POST" and morning.takes_signups and form.is_valid():
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
            return redirect("movement:morning_signup_sent", pk=morning.pk)
        else:
            try:
                services.morning_signup_create(morning=morning, **form.signup_values())
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("movement:morning_signup_sent", pk=morning.pk)
    return render(
        request, "movement/mornings/public_detail.html", {"morning": morning, "form": form}
    )


@login_not_required
@require_GET
def morning_signup_sent(request, pk):
    """After the form: check your mail (the same page whatever happened to the form)."""
    morning = get_public_morning(pk)
    return render(request, "movement/mornings/signup_sent.html", {"morning": morning})


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def morning_signup_confirm(request, token):
    return confirm_page(
        request,
        model=MorningSignup,
        token=token,
        template="movement/mornings/signup_confirm.html",
    )


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def morning_signup_withdraw(request, token):
    return withdraw_page(request, model=MorningSignup, token=token)


@login_not_required
@never_cache
@require_GET
def morning_feed(request):
    """The public calendar feed (iCal) of the mornings, for any calendar program."""
    response = HttpResponse(kept_mornings_calendar(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="avk-open-ochtenden.ics"'
    return response
