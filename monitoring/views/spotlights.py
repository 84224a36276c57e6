"""Spotlights (partner en acties uitgelicht): staff feature a partner, an intervention or a
story for a while, on the start page and, when public, on the showcase."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import staff_required
from avk.forms import add_errors
from monitoring.forms.spotlights import SpotlightForm
from monitoring.models import Spotlight
from monitoring.selectors.spotlights import spotlight_list
from monitoring.services.spotlights import spotlight_end, spotlight_save

PER_PAGE = 25


@staff_required
@require_GET
def spotlight_list_view(request):
    page = Paginator(spotlight_list(), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "monitoring/spotlights/list.html",
        {"page": page, "today": timezone.localdate()},
    )


def _edit(request, spotlight: Spotlight | None):
    form = SpotlightForm(
        request.POST or None,
        instance=spotlight or Spotlight(),
        initial={} if spotlight else {"starts_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            spotlight_save(form=form, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The spotlight is saved."))
            return redirect("monitoring:spotlight_list")
    return render(
        request, "monitoring/spotlights/form.html", {"form": form, "spotlight": spotlight}
    )


@staff_required
@require_http_methods(["GET", "POST"])
def spotlight_create(request):
    return _edit(request, None)


@staff_required
@require_http_methods(["GET", "POST"])
def spotlight_edit(request, pk):
    return _edit(request, get_object_or_404(Spotlight, pk=pk))


@staff_required
@require_POST
def end_spotlight(request, pk):
    spotlight = spotlight_end(spotlight=get_object_or_404(Spotlight, pk=pk), user=request.user)
    messages.success(request, _("“%(title)s” is no longer shown.") % {"title": spotlight.title})
    return redirect("monitoring:spotlight_list")
