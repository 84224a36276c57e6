from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from avk.access import is_staff, staff_required
from avk.forms import add_errors
from partners.access import get_partner_for_user
from partners.forms.commitment import CommitmentForm, PackageForm
from partners.models import Commitment, Package
from partners.selectors.commitment import timeline
from partners.services.commitment import commitment_change, commitment_decide


@require_http_methods(["GET", "POST"])
def commitment(request, pk):
    """The partner's covenant commitment: the timeline, and a form to change it."""
    partner = get_partner_for_user(request.user, pk, write=True)
    entries = timeline(partner)
    current = next((entry for entry in entries if entry.state == "current"), None)
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
    return render(
        request,
        "partners/commitment.html",
        {
            "partner": partner,
            "current": current,
            "form": form,
            "timeline": entries,
            "packages": Package.objects.all(),
            "can_decide": is_staff(request.user),
        },
    )


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
def commitment_changes(request):
    """All partners' commitment changes, open proposals first: what staff decide on."""
    entries = Commitment.objects.select_related(
        "partner", "package", "previous_package", "created_by", "decided_by"
    )
    return render(
        request,
        "partners/commitment_changes.html",
        {
            "proposals": entries.filter(status=Commitment.Status.PROPOSED).order_by("created_at"),
            "recent": entries.exclude(status=Commitment.Status.PROPOSED)[:200],
        },
    )
