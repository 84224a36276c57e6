"""What the sign-up pages of every kind (pilots, mornings, courses) share: the rate limit
per client address, the public list, the pages of the confirmation and withdraw links,
and staff's decision on a sign-up. Each kind's views call these with their model and
templates."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from avk.cache import cached
from movement.selectors.signups import places_left
from movement.services import signups as services
from movement.services.signup_links import signup_for_token, signup_for_withdraw_token

# What staff see after a decision (services.Decision) on a sign-up.
DECIDED = {
    services.Decision.ACCEPT: gettext_lazy("%(name)s is accepted and gets a mail about it."),
    services.Decision.WAITLIST: gettext_lazy(
        "%(name)s is on the waiting list and gets a mail about it."
    ),
    services.Decision.DECLINE: gettext_lazy("%(name)s is declined and gets a mail about it."),
}

# At most this many sign-ups per client address per window (in seconds).
RATE_LIMIT = 5
RATE_WINDOW = 10 * 60


def client_address(request) -> str:
    """The client's address as the login throttle sees it: behind a trusted proxy (the
    ALLAUTH_TRUSTED_PROXY_COUNT / _CLIENT_IP_HEADER settings) the forwarded one."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def rate_limited(request, scope: str = "signup") -> bool:
    """Count one sign-up from this client; True once it is over RATE_LIMIT in the window.

    The count lives in the shared cache (every worker sees it); the window starts at the
    first sign-up and the count is dropped when it ends.
    """
    key = f"movement:{scope}:rate:{client_address(request)}"
    if cache.add(key, 1, RATE_WINDOW):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.add(key, 1, RATE_WINDOW)
        return False
    return count > RATE_LIMIT


def kept_listing(name: str, models, offers, number, *, template: str, per_page: int):
    """A page of a public list of offers with the places left of each: its cards rendered
    and kept (avk.cache) per language, day and page number until one of `models` changes
    (any sign-up changes the places). Returns the page, over a range of the same length,
    for the pagination (which needs the request, so it is not kept), and the cards."""

    def build() -> dict:
        page = Paginator(offers, per_page).get_page(number)
        for offer in page:
            offer.places_left = places_left(offer)
        html = render_to_string(template, {"page": page})
        return {"count": page.paginator.count, "number": page.number, "html": str(html)}

    kept = cached(
        name,
        models,
        build,
        parts=[get_language(), timezone.localdate().isoformat(), str(number)],
    )
    page = Paginator(range(kept["count"]), per_page).get_page(kept["number"])
    return page, mark_safe(kept["html"])  # noqa: S308 - rendered (and escaped) by our template


def _back(model) -> dict:
    """The link back to the public list of the sign-up's offers."""
    return {"back_url": reverse(model.list_url_name), "back_label": model.list_link_text}


def confirm_page(request, *, model, token, template="movement/signups/confirm.html"):
    """GET: the question with a button (a mail scanner that opens links confirms nothing);
    POST: confirm. A used, forged or expired link changes nothing and says so."""
    signup = signup_for_token(model, token)
    if signup is None:
        return render(
            request, template, {"outcome": services.CONFIRM_UNKNOWN, **_back(model)}, status=404
        )
    if request.method == "POST":
        outcome, signup = services.signup_confirm(model=model, token=token)
    elif signup.status != signup.Status.UNCONFIRMED:
        outcome = services.CONFIRM_ALREADY
    elif services.is_expired(signup):
        outcome = services.CONFIRM_EXPIRED
    else:
        outcome = "ask"
    status = 410 if outcome == services.CONFIRM_EXPIRED else 200
    return render(
        request,
        template,
        {
            "outcome": outcome,
            "signup": signup,
            "offer": signup.offer if signup else None,
            **_back(model),
        },
        status=status,
    )


def withdraw_page(request, *, model, token, template="movement/signups/withdraw.html"):
    """A step that cannot be undone (templates/includes/confirm_step.html): a GET or a
    POST without confirm=yes asks; the POST with it withdraws and deletes the person's
    data. A used or forged link changes nothing and says so."""
    signup = signup_for_withdraw_token(model, token)
    if signup is None:
        return render(request, template, {"outcome": "unknown", **_back(model)}, status=404)
    offer = signup.offer
    newsletter = (
        [_("You asked for the newsletter too: that stays. Every newsletter has a link to stop it.")]
        if signup.joins_network
        else []
    )
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        done = services.signup_withdraw(model=model, token=token)
        return render(request, template, {"outcome": "done" if done else "unknown", **_back(model)})
    return render(
        request,
        template,
        {
            "outcome": "ask",
            "question": _("Do you want to withdraw your sign-up?"),
            "consequences": [
                _(
                    "You no longer take part in “%(title)s”: you lose your place or your "
                    "turn on the waiting list."
                )
                % {"title": offer.title},
                _("We delete your name, e-mail address and the other details you gave us."),
                *newsletter,
            ],
            "confirm_label": _("Yes, withdraw and delete my details"),
            **_back(model),
        },
    )


def decide_page(request, *, signup, decide, back: str):
    """Staff's decision on `signup` (the POST's `decision`) through the kind's service
    `decide`; the person gets a mail. A refused decision says why. Back to `back`."""
    decision = request.POST.get("decision", "")
    try:
        decide(signup=signup, decision=decision, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, DECIDED[decision] % {"name": signup.name})
    return redirect(back)
