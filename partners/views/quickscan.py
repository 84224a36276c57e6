"""The quick scan "AVK-proof": is this partner carrying out the RUG preconditions?

Staff keep the criteria and see every partner's score per year; a partner's editors fill in
the scan of the current year (earlier years are read-only).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk.access import is_staff, staff_required
from avk.cache import cached_html
from avk.forms import add_errors
from avk.models import AuditEntry
from partners.access import get_partner_for_user
from partners.forms.quickscan import CriterionEditForm, CriterionForm, QuickScanForm
from partners.models import QuickScan, QuickScanCriterion
from partners.selectors.quickscan import (
    QUICKSCAN_DETAIL_READ,
    QUICKSCAN_OVERVIEW_READ,
    overview_years,
    quickscan_overview,
    scan_history,
    scan_history_page,
)
from partners.services.quickscan import (
    CRITERIA_GROUP,
    criterion_create,
    criterion_delete,
    criterion_update,
    current_year,
    quickscan_save,
)

MIN_YEAR, MAX_YEAR = 2000, 9999


def _active_partner_for_writer(user, pk):
    """The partner whose scan the user may fill in or read: editors of it and staff."""
    partner = get_partner_for_user(user, pk, write=True)
    if not partner.is_active:  # staff can see inactive partners, but they have no scan
        raise Http404
    return partner


@staff_required
@require_GET
def quickscan_overview_view(request):
    current = current_year()
    years = overview_years(current)
    try:
        chosen = int(request.GET.get("year", ""))
    except (TypeError, ValueError, OverflowError):
        chosen = None
    if chosen not in years:
        chosen = None
    shown_years = [chosen] if chosen else years

    def overview() -> dict:
        rows = quickscan_overview(years=shown_years)
        focus_year = chosen or current
        focus_index = shown_years.index(focus_year)
        not_done = [row for row in rows if row.cells[focus_index] is None]
        return {
            "rows": rows,
            "years": years,
            "shown_years": shown_years,
            "chosen": chosen,
            "focus_year": focus_year,
            "not_done": not_done,
            "done_count": len(rows) - len(not_done),
        }

    # The same for all staff until a partner or a scan changes (avk.cache).
    overview_html = cached_html(
        "quickscan_overview",
        QUICKSCAN_OVERVIEW_READ,
        "partners/includes/quickscan_overview.html",
        overview,
        parts=[chosen or "all"],
    )
    return render(request, "partners/quickscan_overview.html", {"overview_html": overview_html})


@staff_required
@require_http_methods(["GET", "POST"])
def quickscan_criteria(request):
    form = CriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            criterion = criterion_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("The criterion “%(text)s” has been added.") % {"text": criterion.text}
            )
            return redirect("partners:quickscan_criteria")
    criteria = QuickScanCriterion.objects.all()
    return render(
        request,
        "partners/quickscan_criteria.html",
        {
            "form": form,
            "active": [c for c in criteria if c.is_active],
            "inactive": [c for c in criteria if not c.is_active],
            "entries": AuditEntry.objects.filter(group=CRITERIA_GROUP)
            .select_related("actor")
            .order_by("-created_at", "-id")[:20],
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def quickscan_criterion_edit(request, criterion_pk):
    criterion = get_object_or_404(QuickScanCriterion, pk=criterion_pk)
    answered = criterion.answers.exists()
    if request.method == "POST" and request.POST.get("action") == "delete":
        try:
            criterion_delete(criterion=criterion, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("partners:quickscan_criterion_edit", criterion_pk=criterion.pk)
        messages.success(request, _("The criterion has been deleted."))
        return redirect("partners:quickscan_criteria")
    form = CriterionEditForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        try:
            criterion_update(criterion=criterion, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The criterion has been saved."))
            return redirect("partners:quickscan_criteria")
    return render(
        request,
        "partners/quickscan_criterion_edit.html",
        {"form": form, "criterion": criterion, "answered": answered},
    )


@require_http_methods(["GET", "POST"])
def quickscan_fill(request, pk):
    """The partner's quick scan of this year: a new one, or the one filled in earlier."""
    partner = _active_partner_for_writer(request.user, pk)
    year = current_year()
    criteria = list(QuickScanCriterion.objects.filter(is_active=True))
    scan = QuickScan.objects.filter(partner=partner, year=year).prefetch_related("answers").first()
    initial = QuickScanForm.initial_from(scan) if scan else {}
    data = request.POST if request.method == "POST" else None  # an empty POST is bound too
    form = QuickScanForm(data, criteria=criteria, initial=initial)
    if request.method == "POST" and criteria and form.is_valid():
        try:
            quickscan_save(partner=partner, year=year, answers=form.answers(), user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The quick scan %(year)s of %(partner)s has been saved.")
                % {"year": year, "partner": partner.name},
            )
            return redirect("partners:quickscan_detail", pk=partner.pk, year=year)
    return render(
        request,
        "partners/quickscan_fill.html",
        {
            "partner": partner,
            "year": year,
            "form": form,
            "scan": scan,
            "history": scan_history(partner),
        },
    )


@require_GET
def quickscan_detail(request, pk, year):
    """A partner's scan of one year, read-only; the current year links to the form."""
    partner = _active_partner_for_writer(request.user, pk)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    can_fill = year == current_year()
    staff = is_staff(request.user)

    def detail() -> dict:
        scan = get_object_or_404(
            QuickScan.objects.select_related("filled_by").only(
                "pk",
                "year",
                "score",
                "total",
                "updated_at",
                "filled_by__full_name",
                "filled_by__email",
            ),
            partner=partner,
            year=year,
        )
        return {
            "partner": partner,
            "scan": scan,
            "answers": scan.answers.select_related("criterion")
            .only("scan", "met", "note", "criterion__text", "criterion__is_active")
            .order_by("criterion__order", "criterion__id"),
            "can_fill": can_fill,
            "is_staff": staff,
            "history": scan_history(partner),
        }

    # The same for every reader of one kind (staff get more links) until the scan, an
    # answer, a criterion, the partner or a person changes (avk.cache).
    detail_html = cached_html(
        "quickscan_detail",
        QUICKSCAN_DETAIL_READ,
        "partners/includes/quickscan_detail.html",
        detail,
        parts=[partner.pk, year, "staff" if staff else "editor", "open" if can_fill else "closed"],
    )
    return render(
        request,
        "partners/quickscan_detail.html",
        {"partner": partner, "year": year, "detail_html": detail_html},
    )


@require_GET
def quickscan_history(request, pk):
    """All the partner's scans, newest first, a page at a time."""
    partner = _active_partner_for_writer(request.user, pk)
    return render(
        request,
        "partners/quickscan_history.html",
        {
            "partner": partner,
            "year": current_year(),
            "page": scan_history_page(partner, request.GET.get("page")),
        },
    )
