from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import is_staff, staff_required
from avk.cache import cached
from avk.forms import add_errors, parse_id
from partners.access import get_partner_for_user
from partners.forms.commitment import (
    FIRST_YEAR,
    LAST_YEAR,
    CommitmentForm,
    PackageForm,
    change_filters,
)
from partners.models import Commitment, Package
from partners.selectors.commitment import (
    CHANGES_PER_PAGE,
    COMMITMENT_PAGES_READ,
    TIMELINE_PER_PAGE,
    changes,
    current_commitment,
    proposals,
    timeline,
    with_links,
)
from partners.services.commitment import commitment_change, commitment_decide


@require_http_methods(["GET", "POST"])
def commitment(request, pk):
    """The partner's covenant commitment: a form to change it, the proposals waiting and
    the history, a page at a time (newest first)."""
    partner = get_partner_for_user(request.user, pk, write=True)
    current = current_commitment(partner)
    form = CommitmentForm(
        request.POST or None, initial={"package": current.package if current else None}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        propose = data.pop("action") == CommitmentForm.PROPOSE
        try:
            entry = commitment_change(partner=partner, user=request.user, propose=propose, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if propose:
                message = _("Your proposal has been sent to the programme team.")
            elif entry.period_start > timezone.localdate():
                message = _("The new commitment is recorded. It takes effect on %(date)s.") % {
                    "date": date_format(entry.period_start, "j F Y")
                }
            else:
                message = _("The new commitment is recorded.")
            messages.success(request, message)
            return redirect("partners:commitment", pk=partner.pk)
    staff = is_staff(request.user)
    number = parse_id(request.GET.get("page")) or 1

    def history() -> dict:
        page = timeline(partner, number=number)
        return {
            "proposals": proposals(partner),
            "timeline": page.object_list,
            "can_decide": staff,
            "page": page,
        }

    # The same for every reader of one kind (staff answer proposals) until an entry, package,
    # partner or person changes (avk.cache); the form and its CSRF token stay outside.
    kept = _kept_list(
        "commitment_history",
        "partners/includes/commitment_history.html",
        history,
        parts=[partner.pk, "staff" if staff else "editor", number],
        per_page=TIMELINE_PER_PAGE,
    )
    if form.is_bound:
        form_html = _crispy(form)
    else:  # the empty form is the same for every partner with the same package (avk.cache)
        form_html = cached(
            "commitment_form",
            [Package],
            lambda: _crispy(form),
            parts=[get_language(), current.package_id if current else ""],
        )
    return render(
        request,
        "partners/commitment.html",
        {
            "partner": partner,
            "current": current,
            "form": form,
            "form_html": mark_safe(form_html),  # noqa: S308 - rendered by our template
            "can_decide": staff,
            **kept,
        },
    )


def _crispy(form) -> str:
    return str(render_to_string("partners/includes/crispy_form.html", {"form": form}))


def _kept_list(name: str, template: str, context, *, parts, per_page: int) -> dict:
    """`template` rendered with `context()` (which gives a `page` of a list), kept per
    language, day and `parts` while nothing it shows changes; with the page for the
    previous/next links, which are per request (they keep the query string)."""
    kept = cached(
        name,
        COMMITMENT_PAGES_READ,
        lambda: _rendered(template, context()),
        parts=[get_language(), timezone.localdate().isoformat(), *parts],
    )
    # Previous/next from the kept count, without querying again.
    page = Paginator(range(kept["count"]), per_page).get_page(kept["number"])
    return {"kept_html": mark_safe(kept["html"]), "page": page}  # noqa: S308 - our template


def _rendered(template: str, context: dict) -> dict:
    page = context["page"]
    html = render_to_string(template, context)
    return {"html": str(html), "count": page.paginator.count, "number": page.number}


@staff_required
@require_POST
def answer_proposal(request, commitment_pk):
    commitment = get_object_or_404(Commitment, pk=commitment_pk)
    accept = request.POST.get("decision") == "accept"
    if request.POST.get("decision") not in ("accept", "decline"):
        messages.error(request, _("Choose to accept or decline."))
    else:
        try:
            commitment_decide(commitment=commitment, user=request.user, accept=accept)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Accepted.") if accept else _("Declined."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("partners:commitment", pk=commitment.partner_id)


def package_list(request):
    """What the packages A, B and C mean. Everyone reads; staff change."""
    packages = Package.objects.all()
    return render(
        request,
        "partners/package_list.html",
        {"packages": packages, "can_edit": is_staff(request.user)},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def package_edit(request, package_pk):
    package = get_object_or_404(Package, pk=package_pk)
    form = PackageForm(request.POST or None, instance=package)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Package %(code)s saved.") % {"code": package.code})
        return redirect("partners:package_list")
    return render(request, "partners/package_form.html", {"form": form, "package": package})


@staff_required
@require_GET
def commitment_changes(request):
    """All partners' commitment changes for staff: the proposals waiting for an answer
    first (all of them), then the answered changes, filtered by year and package, a page
    at a time."""
    filters = change_filters(request.GET)
    number = parse_id(request.GET.get("page")) or 1

    def listing() -> dict:
        codes = list(Package.objects.values_list("code", flat=True))
        shown = {**filters, "package": filters["package"] if filters["package"] in codes else ""}
        page = Paginator(changes(**shown), CHANGES_PER_PAGE).get_page(number)
        return {
            "proposals": proposals(),
            "changes": with_links(page.object_list),
            "filters": shown,
            "package_choices": [(code, code) for code in codes],
            "first_year": FIRST_YEAR,
            "last_year": LAST_YEAR,
            "page": page,
        }

    # The same for all staff with the same filters until an entry, package, partner or
    # person changes (avk.cache). The answer buttons post the page's one form, which holds
    # the CSRF token outside what is kept.
    kept = _kept_list(
        "commitment_changes",
        "partners/includes/commitment_changes.html",
        listing,
        parts=[filters["year"] or "", filters["package"], number],
        per_page=CHANGES_PER_PAGE,
    )
    return render(request, "partners/commitment_changes.html", kept)
