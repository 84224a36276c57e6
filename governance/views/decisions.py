"""The decision list (besluitenlijst) of a body: the page, its CSV and its PDF.

Everyone logged in reads it: the alliance's decisions are open to its members. The list is
immutable: entries are made when a voting closes and nothing here changes them.
"""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from avk import documents
from avk.access import is_staff
from avk.cache import cached_html
from governance.access import may_read_conflict_reasons
from governance.models import Body
from governance.selectors.decisions import (
    DECISION_LIST_READ,
    decision_entries,
    decision_years,
    with_phrases,
)
from governance.selectors.decisions import (
    decision_list_csv as make_csv,
)
from governance.selectors.reviews import reviews_prefetch, with_reviews

PER_PAGE = 50


def _year(request) -> int | None:
    value = request.GET.get("year", "")
    if value.isascii() and value.isdigit() and len(value) == 4:
        return int(value)
    return None


@require_GET
def decision_list(request, pk):
    """A page of the body's decision list. The rows are the same for everyone with the same
    kind of access: they are rendered once per page, language and day and kept until a row
    they show changes (avk.cache); the pagination runs one count query."""
    body = get_object_or_404(Body, pk=pk)
    year = _year(request)
    staff = is_staff(request.user)
    # Who stepped aside is on the list for everyone; why, for staff and members.
    show_reasons = may_read_conflict_reasons(request.user, body)
    # Each entry's reviews in one query: everyone reads what a check found; staff plan them.
    entries = decision_entries(body, year=year).prefetch_related(reviews_prefetch())
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    rows_html = cached_html(
        "decision_list",
        DECISION_LIST_READ,
        "governance/includes/decision_rows.html",
        lambda: {
            "body": body,
            "entries": with_reviews(with_phrases(page.object_list)),
            "years": decision_years(body),
            "year": year,
            # Reversed once, not per row: staff add an action from any decision.
            "action_create_url": reverse("governance:action_create") if staff else "",
            "is_staff": staff,
            "show_reasons": show_reasons,
        },
        parts=[
            body.pk,
            year or "all",
            page.number,
            "staff" if staff else "reader",
            "reasons" if show_reasons else "names",
        ],
    )
    return render(
        request,
        "governance/decision_list.html",
        {
            "body": body,
            "page": page,
            "rows_html": rows_html,
            "year": year,
            "can_request_pdf": documents.get_kind("decision_list") is not None,
        },
    )


@require_GET
def decision_list_csv(request, pk):
    body = get_object_or_404(Body, pk=pk)
    year = _year(request)
    response = HttpResponse(make_csv(body, year=year), content_type="text/csv; charset=utf-8")
    name = f"avk-besluitenlijst-{slugify(body.short_name)}"
    if year:
        name += f"-{year}"
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    return response
