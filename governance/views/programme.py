"""The programme roles (opdrachtgever through the penvoerder, programme manager, secretary,
controller, communication lead, effort leads): everyone logged in reads who fills them and
who did before; staff add and change terms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from avk.access import is_staff, staff_required
from avk.forms import add_errors, parse_id
from governance.forms.programme import RoleTermForm
from governance.models import RoleTerm
from governance.selectors.programme import penvoerder_history, programme_organisation, role_terms
from governance.services.programme import role_term_save

PER_PAGE = 50


@require_GET
def role_list(request):
    page = Paginator(role_terms(), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "governance/role_list.html",
        {
            "organisation": programme_organisation(),
            "penvoerders": penvoerder_history(),
            "page": page,
            "is_staff": is_staff(request.user),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def role_edit(request, pk=None):
    """Add a term of a programme role (no pk) or change one."""
    term = get_object_or_404(RoleTerm, pk=parse_id(pk) or 0) if pk is not None else None
    initial = {}
    if term is not None:
        initial = {
            "role": term.role,
            "person": term.person_id,
            "partner": term.partner_id,
            "effort": term.effort,
            "term_start": term.term_start,
            "term_end": term.term_end,
        }
    else:
        initial = {"role": request.GET.get("role", "")[:24]}
    form = RoleTermForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            term = role_term_save(user=request.user, term=term, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The term of %(term)s is saved.") % {"term": term})
            return redirect("governance:role_list")
    return render(request, "governance/role_form.html", {"form": form, "term": term})
