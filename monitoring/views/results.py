""" "Wat bereiken we": what the programme as a whole achieves, in pictures with their tables.
Everyone logged in sees the dashboard; the public version shows only public indicators and
stories with a current public consent.

The pictures cost the most of any page (they read the whole history), and they are the same
for everyone who may see the same indicators: they are rendered once per audience, language
and day, and kept until a row they show changes (avk.cache; the models are listed in
monitoring.selectors.results)."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from avk.cache import cached_html
from monitoring.access import visibilities_for
from monitoring.selectors.results import (
    PROGRAMME_RESULTS_READ,
    PUBLIC_RESULTS_READ,
    programme_results,
    public_results,
)


@require_GET
def programme_dashboard(request):
    audience = visibilities_for(request.user)
    pictures = cached_html(
        "programme_results",
        PROGRAMME_RESULTS_READ,
        "monitoring/results/pictures.html",
        lambda: programme_results(request.user),
        parts=audience,
    )
    context = {"pictures": pictures, "today": timezone.localdate()}
    return render(request, "monitoring/results/dashboard.html", context)


@login_not_required
@require_GET
def public_dashboard(request):
    pictures = cached_html(
        "public_results",
        PUBLIC_RESULTS_READ,
        "monitoring/results/public_pictures.html",
        public_results,
        parts=visibilities_for(AnonymousUser()),
    )
    return render(request, "monitoring/results/public.html", {"pictures": pictures})
