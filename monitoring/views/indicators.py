"""Indicators: the list, an indicator's page with its trend chart for a place, and staff's
pages to write indicators, measurements, targets, stories behind the curve and effort links.

No league tables: a page shows one place (the region or one municipality) against its own
past and its references, never municipalities side by side (see selectors/indicators.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import is_staff, staff_required
from avk.cache import cached_html
from avk.forms import add_errors
from monitoring.access import get_indicator_for_user, indicators_visible_to, visibilities_for
from monitoring.forms.indicators import (
    EffortLinkForm,
    IndicatorForm,
    MeasurementForm,
    StoryForm,
    TargetForm,
)
from monitoring.models import EffortIndicator, IndicatorStory, Measurement, Target
from monitoring.selectors import areas as area_selectors
from monitoring.selectors import indicators as selectors
from monitoring.services import indicators as services

PER_PAGE = 50


@require_GET
def indicator_list(request):
    """Every indicator the person may see: its unit, the region's latest value and a small
    chart. Fixed queries whatever the number of indicators, areas and years; the rows are
    rendered once per audience, language and day until a value changes (avk.cache)."""
    indicators = indicators_visible_to(request.user)
    staff = is_staff(request.user)

    def rows() -> dict:
        area = area_selectors.default_area()
        shown = list(indicators)
        trends = selectors.indicator_trends(shown, area) if area else [None] * len(shown)
        return {
            "area": area,
            "is_staff": staff,
            "rows": [
                {
                    "indicator": indicator,
                    "trend": trend,
                    "chart": trend.chart(compact=True, uid=f"trend-{indicator.pk}")
                    if trend
                    else None,
                }
                for indicator, trend in zip(shown, trends, strict=True)
            ],
        }

    rows_html = cached_html(
        "indicator_list",
        selectors.INDICATOR_READ,
        "monitoring/indicators/includes/list_rows.html",
        rows,
        parts=visibilities_for(request.user),
    )
    context = {"rows_html": rows_html, "has_indicators": indicators.exists(), "is_staff": staff}
    return render(request, "monitoring/indicators/list.html", context)


@login_not_required
@require_GET
def indicator_detail(request, pk):
    """One indicator for a chosen place (?plaats=<CBS code>; the region by default) against
    its province(s) and the Netherlands, with the target, breaks, the table, the source, the
    stories behind the curve and the efforts that aim to move it. Public indicators are
    readable without logging in."""
    try:
        indicator = get_indicator_for_user(request.user, pk)
    except Http404:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise
    area = area_selectors.place_for(request.GET.get("plaats"))
    staff = is_staff(request.user)
    context = {
        "indicator": indicator,
        "area": area,
        # The stories are the same for every reader of one kind: kept rendered (avk.cache).
        "stories_html": cached_html(
            "indicator_stories",
            selectors.STORY_READ,
            "monitoring/indicators/includes/stories.html",
            lambda: {"stories": selectors.stories_of(indicator), "is_staff": staff},
            parts=[str(indicator.pk), "staff" if staff else "reader"],
        ),
        # Phase plans are for people who are logged in: the public does not see the efforts.
        "links": list(selectors.effort_links_of(indicator))
        if request.user.is_authenticated
        else None,
        "is_staff": staff,
    }
    if area is not None:

        def trend() -> dict:
            return {
                "chart": selectors.indicator_trend(indicator, area).chart(uid="trend"),
                "places": area_selectors.place_choices(area),
                "area": area,
            }

        # The place chooser, the chart and its table are the same for everyone who may read
        # the indicator.
        context["trend_html"] = cached_html(
            "indicator_trend",
            selectors.INDICATOR_READ,
            "monitoring/indicators/includes/trend.html",
            trend,
            parts=[str(indicator.pk), area.code],
        )
    return render(request, "monitoring/indicators/detail.html", context)


def _form_page(request, form, *, title, back, template="monitoring/indicators/form.html", **extra):
    return render(request, template, {"form": form, "title": title, "back": back, **extra})


def _submitted(request, form, save, message, to):
    """On a POST whose form is valid: call the service (`save`), say `message` and go to
    `to` (a URL, or a function of what was saved). None when the form is to be shown (again):
    a GET, a form error, or a ValidationError of the service, which lands on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save()
    except ValidationError as error:
        add_errors(form, error)
        return None
    messages.success(request, message)
    return redirect(to(saved) if callable(to) else to)


@staff_required
@require_http_methods(["GET", "POST"])
def indicator_create(request):
    form = IndicatorForm(request.POST or None)
    response = _submitted(
        request,
        form,
        lambda: services.indicator_save(indicator=form.instance, user=request.user),
        _("Indicator added."),
        lambda indicator: reverse("indicator_detail", args=[indicator.pk]),
    )
    if response:
        return response
    return _form_page(request, form, title=_("Add an indicator"), back=reverse("indicator_list"))


@staff_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk):
    indicator = get_indicator_for_user(request.user, pk, write=True)
    form = IndicatorForm(request.POST or None, instance=indicator)
    back = reverse("indicator_detail", args=[pk])
    response = _submitted(
        request,
        form,
        lambda: services.indicator_save(indicator=form.instance, user=request.user),
        _("Indicator saved."),
        back,
    )
    if response:
        return response
    return _form_page(request, form, title=_("Edit the indicator"), back=back)


@staff_required
@require_GET
def indicator_measurements(request, pk):
    """Staff's list of an indicator's values (paginated) and targets, to change them."""
    indicator = get_indicator_for_user(request.user, pk, write=True)
    values = indicator.measurements.select_related("area").order_by("area__name", "-year")
    return render(
        request,
        "monitoring/indicators/measurements.html",
        {
            "indicator": indicator,
            "page": Paginator(values, PER_PAGE).get_page(request.GET.get("page")),
            "targets": indicator.targets.select_related("area").order_by("area__name", "year"),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def measurement_create(request, pk):
    indicator = get_indicator_for_user(request.user, pk, write=True)
    return _measurement_form(request, indicator, Measurement(indicator=indicator))


@staff_required
@require_http_methods(["GET", "POST"])
def measurement_edit(request, measurement_pk):
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator", "area"), pk=measurement_pk
    )
    return _measurement_form(request, measurement.indicator, measurement)


def _measurement_form(request, indicator, measurement):
    form = MeasurementForm(request.POST or None, instance=measurement, indicator=indicator)
    back = reverse("indicator_measurements", args=[indicator.pk])
    response = _submitted(
        request,
        form,
        lambda: services.measurement_save(measurement=form.instance, user=request.user),
        _("Value saved."),
        back,
    )
    if response:
        return response
    title = _("Change a value") if measurement.pk else _("Add a value")
    return _form_page(request, form, title=title, back=back, indicator=indicator)


@staff_required
@require_POST
def measurement_delete(request, measurement_pk):
    measurement = get_object_or_404(Measurement, pk=measurement_pk)
    services.measurement_delete(measurement=measurement, user=request.user)
    messages.success(request, _("Value deleted."))
    return redirect("indicator_measurements", pk=measurement.indicator_id)


@staff_required
@require_http_methods(["GET", "POST"])
def target_set(request, pk):
    indicator = get_indicator_for_user(request.user, pk, write=True)
    target = Target(indicator=indicator)
    form = TargetForm(request.POST or None, instance=target, indicator=indicator)
    back = reverse("indicator_measurements", args=[pk])
    response = _submitted(
        request,
        form,
        lambda: services.target_set(target=form.instance, user=request.user),
        _("Target saved."),
        back,
    )
    if response:
        return response
    return _form_page(request, form, title=_("Set a target"), back=back, indicator=indicator)


@staff_required
@require_POST
def target_delete(request, target_pk):
    target = get_object_or_404(Target, pk=target_pk)
    services.target_delete(target=target, user=request.user)
    messages.success(request, _("Target deleted."))
    return redirect("indicator_measurements", pk=target.indicator_id)


@staff_required
@require_http_methods(["GET", "POST"])
def story_create(request, pk):
    indicator = get_indicator_for_user(request.user, pk, write=True)
    return _story_form(request, indicator, IndicatorStory(indicator=indicator))


@staff_required
@require_http_methods(["GET", "POST"])
def story_edit(request, story_pk):
    story = get_object_or_404(IndicatorStory.objects.select_related("indicator"), pk=story_pk)
    return _story_form(request, story.indicator, story)


def _story_form(request, indicator, story):
    form = StoryForm(request.POST or None, instance=story, indicator=indicator)
    back = reverse("indicator_detail", args=[indicator.pk])
    response = _submitted(
        request,
        form,
        lambda: services.story_save(
            story=form.save(commit=False),
            partners=list(form.cleaned_data["partners"]),
            user=request.user,
        ),
        _("Story saved."),
        back,
    )
    if response:
        return response
    if story.pk:
        title = _("Change the story behind the curve")
    else:
        title = _("Write the story behind the curve")
    return _form_page(request, form, title=title, back=back, indicator=indicator)


@staff_required
@require_http_methods(["GET", "POST"])
def effort_link_add(request, pk):
    """Link an effort to the indicator, on a page of its own: the choice of efforts would
    make every indicator page as long as the list of efforts."""
    indicator = get_indicator_for_user(request.user, pk, write=True)
    form = EffortLinkForm(request.POST or None, indicator=indicator)
    back = reverse("indicator_detail", args=[pk]) + "#inspanningen"
    response = _submitted(
        request,
        form,
        lambda: services.effort_link_add(link=form.instance, user=request.user),
        _("Effort linked."),
        back,
    )
    if response:
        return response
    return _form_page(request, form, title=_("Link an effort"), back=back, indicator=indicator)


@staff_required
@require_POST
def effort_link_remove(request, pk, link_pk):
    link = get_object_or_404(EffortIndicator, pk=link_pk, indicator_id=pk)
    services.effort_link_remove(link=link, user=request.user)
    messages.success(request, _("Link removed."))
    return redirect(reverse("indicator_detail", args=[pk]) + "#inspanningen")
