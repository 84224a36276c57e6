"""The bodies of the alliance: the governance overview (the picture of the organisation,
every body with its seats) and,
for staff, a body's voting rules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from avk.access import staff_required
from avk.forms import add_errors, parse_id
from governance.forms.bodies import BodyRulesForm
from governance.models import Body
from governance.selectors.bodies import bodies_with_current_seats
from governance.selectors.programme import programme_organisation
from governance.selectors.substitutes import voting_seats_with_substitutes
from governance.services.bodies import body_rules_update


def overview(request):
    bodies = bodies_with_current_seats()
    return render(
        request,
        "governance/overview.html",
        {
            "bodies": bodies,
            "bodies_without_experience_expert": [b for b in bodies if not b.has_experience_expert],
            "organisation": programme_organisation(),
        },
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
