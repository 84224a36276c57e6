"""The bodies of the alliance: the governance overview (the picture of the organisation,
every body with its seats) and,
for staff, a body's voting rules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from avk.access import is_staff, staff_required
from avk.cache import cached_html
from avk.forms import add_errors, parse_id
from governance.forms.bodies import BodyRulesForm
from governance.models import Body
from governance.selectors.overview import OVERVIEW_READ
from governance.selectors.overview import overview as overview_of
from governance.selectors.substitutes import voting_seats_with_substitutes
from governance.services.bodies import body_rules_update


def overview(request):
    """The picture of the organisation and every body with its seats: rendered once per
    language, day and kind of reader, and kept until a row it shows changes (avk.cache)."""
    staff = is_staff(request.user)
    bodies_html = cached_html(
        "governance_overview",
        OVERVIEW_READ,
        "governance/includes/overview_bodies.html",
        lambda: overview_of(staff=staff),
        parts=["staff" if staff else "reader"],
    )
    return render(
        request, "governance/overview.html", {"bodies_html": bodies_html, "is_staff": staff}
    )


@staff_required
@require_http_methods(["GET", "POST"])
def body_rules(request, pk):
    """A body's voting rules: who votes, the quorum, the majority, when tallies show,
    whether a seat may be represented; and the voting seats with their substitutes."""
    body = get_object_or_404(Body, pk=parse_id(pk) or 0)
    form = BodyRulesForm(request.POST or None, instance=body)
    if request.method == "POST" and form.is_valid():
        try:
            body_rules_update(body=body, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The voting rules of %(body)s are saved.") % {"body": body})
            return redirect("governance:body_rules", pk=body.pk)
    return render(
        request,
        "governance/body_rules.html",
        {"body": body, "form": form, "seats": voting_seats_with_substitutes(body)},
    )
