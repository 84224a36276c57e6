""" "Wat bereiken we": what the programme as a whole achieves, in pictures with their tables.
Everyone logged in sees the dashboard; the public version shows only public indicators and
stories with a current public consent."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from monitoring.selectors.results import programme_results, public_results


@require_GET
def programme_dashboard(request):
    return render(request, "monitoring/results/dashboard.html", programme_results(request.user))


@login_not_required
@require_GET
def public_dashboard(request):
    return render(request, "monitoring/results/public.html", public_results())
