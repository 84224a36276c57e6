"""The public showcase (etalage): the alliance's partners and its good examples, no login.

Only active partners, and only interventions that staff published, of active partners.
Contact people are never shown here: this page is public.
"""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from partners.models import Intervention, Partner


@login_not_required
@require_GET
def index(request):
    active = Partner.objects.filter(is_active=True)
    examples = (
        Intervention.objects.filter(is_published=True, partner__is_active=True)
        .select_related("partner")
        .prefetch_related(
            "municipalities",
            Prefetch("collaborators", queryset=active.order_by("name").only("pk", "name")),
        )
        .order_by("title", "pk")
    )
    return render(
        request,
        "partners/showcase.html",
        {
            "partners": active.select_related("municipality").order_by("name"),
            "examples": examples,
        },
    )
