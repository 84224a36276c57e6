"""The personal calendar feed: its secret address, and the feed itself, read at that
address without logging in."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from avk.links import absolute_reverse
from governance.models import CalendarFeed
from governance.selectors.calendar import personal_calendar
from governance.services import calendar as services

FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


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
    feed_url = absolute_reverse("governance:calendar_ics", feed.token)
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
