from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from avk.permissions import is_staff
from governance.selectors import bodies_with_current_seats, seats_of_user
from partners.models import Invitation, Partner


@login_not_required
def home(request):
    """The start page: a public welcome, or a dashboard shaped by what the person does."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "monitoring/welcome.html")
    memberships = list(user.partner_memberships.select_related("partner").order_by("partner__name"))
    seats = list(seats_of_user(user).order_by("body__order"))
    context = {
        "memberships": memberships,
        "seats": seats,
        "is_staff": is_staff(user),
    }
    if context["is_staff"]:
        bodies = bodies_with_current_seats()
        context.update(
            partner_count=Partner.objects.filter(is_active=True).count(),
            body_count=len(bodies),
            bodies_without_experience_expert=[b for b in bodies if not b.has_experience_expert],
            pending_invitations=Invitation.objects.pending().count(),
        )
    context["has_role"] = bool(context["is_staff"] or memberships or seats)
    return render(request, "monitoring/home.html", context)
