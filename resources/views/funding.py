"""The overview of the resources, the funding sources and the applications (the lobby)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk.forms import add_errors, parse_id
from resources.access import may_write, readers_only, writers_only
from resources.forms.funding import FundingApplicationForm, FundingSourceForm
from resources.models import FundingApplication, FundingSource
from resources.selectors.budget import budget_total
from resources.selectors.funding import applications_of, sources_with_totals, status_totals
from resources.services.funding import funding_application_save, funding_source_save

PER_PAGE = 25


@readers_only
@require_GET
def overview(request):
    year = timezone.localdate().year
    page = Paginator(sources_with_totals(), PER_PAGE).get_page(request.GET.get("page"))
    totals = status_totals()
    return render(
        request,
        "resources/overview.html",
        {
            "page": page,
            "totals": totals,
            "total_count": sum(t.count for t in totals),
            "total_asked": sum(t.asked for t in totals),
            "total_granted": sum(t.granted for t in totals),
            "year": year,
            "budget_total": budget_total(year),
            "may_write": may_write(request.user),
        },
    )


@readers_only
@require_GET
def source_detail(request, pk):
    source = get_object_or_404(FundingSource, pk=pk)
    page = Paginator(applications_of(source), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "resources/source_detail.html",
        {"source": source, "page": page, "may_write": may_write(request.user)},
    )


def _edit_source(request, source: FundingSource | None):
    form = FundingSourceForm(request.POST or None, instance=source or FundingSource())
    if request.method == "POST" and form.is_valid():
        try:
            source = funding_source_save(form=form, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The funding source is saved."))
            return redirect("resources:source_detail", source.pk)
    return render(request, "resources/source_form.html", {"form": form, "source": source})


@writers_only
@require_http_methods(["GET", "POST"])
def create_source(request):
    return _edit_source(request, None)


@writers_only
@require_http_methods(["GET", "POST"])
def edit_source(request, pk):
    return _edit_source(request, get_object_or_404(FundingSource, pk=pk))


def _edit_application(request, application: FundingApplication | None):
    initial = {}
    if application is None:
        source_id = parse_id(request.GET.get("bron"))
        if source_id:
            initial["source"] = source_id
    form = FundingApplicationForm(
        request.POST or None, instance=application or FundingApplication(), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = funding_application_save(form=form, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The application is saved."))
            return redirect("resources:source_detail", application.source_id)
    return render(
        request, "resources/application_form.html", {"form": form, "application": application}
    )


@writers_only
@require_http_methods(["GET", "POST"])
def create_application(request):
    return _edit_application(request, None)


@writers_only
@require_http_methods(["GET", "POST"])
def edit_application(request, pk):
    return _edit_application(
        request, get_object_or_404(FundingApplication.objects.select_related("source"), pk=pk)
    )
