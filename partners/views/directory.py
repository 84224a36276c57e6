from django.db.models import Count, Q
from django.shortcuts import render

from avk.permissions import is_staff
from partners.access import editable_partner_ids, get_partner_for_user
from partners.models import Partner


def partner_list(request):
    partners = (
        Partner.objects.all() if is_staff(request.user) else Partner.objects.filter(is_active=True)
    )
    partners = partners.annotate(
        people_count=Count("people", distinct=True),
        editor_count=Count("memberships", filter=Q(memberships__is_editor=True), distinct=True),
    )
    kind = request.GET.get("kind", "")
    if kind in Partner.Kind.values:
        partners = partners.filter(kind=kind)
    return render(
        request,
        "partners/partner_list.html",
        {
            "partners": partners,
            "kinds": Partner.Kind.choices,
            "selected_kind": kind,
            "editable_ids": editable_partner_ids(request.user),
        },
    )


def partner_detail(request, pk):
    partner = get_partner_for_user(request.user, pk)
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "people": partner.people.order_by("name"),
            "can_edit": is_staff(request.user) or partner.pk in editable_partner_ids(request.user),
        },
    )
