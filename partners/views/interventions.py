"""The interventions inventory: "weten wie waar wat doet en met wie".

Everyone logged in reads and searches it; a partner's editors (and staff) record what the
partner runs; staff put good examples in the public showcase (/etalage/,
shown by the monitoring app).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import is_staff, staff_required
from avk.forms import parse_id
from partners.access import (
    editable_partner_ids,
    interventions_visible_to,
    partner_for_intervention_write,
    partners_visible_to,
)
from partners.forms.interventions import InterventionForm
from partners.models import Intervention, Municipality
from partners.services.interventions import intervention_publish, intervention_save

PER_PAGE = 25
SEARCH_MAX_LENGTH = 200

NOWHERE = "geen"  # ?gemeente=geen: interventions without a municipality


@require_GET
def intervention_list(request):
    """Search and filter what every partner runs, where, for whom and with whom."""
    interventions = interventions_visible_to(request.user)
    filters = {
        # NUL cannot go into a PostgreSQL query: drop it rather than fail.
        "q": request.GET.get("q", "").replace("\x00", "").strip()[:SEARCH_MAX_LENGTH],
        "municipality": parse_id(request.GET.get("municipality")),
        "target_group": request.GET.get("target_group", ""),
        "partner": parse_id(request.GET.get("partner")),
        "status": request.GET.get("status", ""),
    }
    if filters["q"]:
        q = filters["q"]
        interventions = interventions.filter(
            Q(title__icontains=q) | Q(description__icontains=q) | Q(partner__name__icontains=q)
        )
    if filters["municipality"]:
        interventions = interventions.filter(municipalities__id=filters["municipality"])
    if filters["target_group"] in Intervention.TargetGroup.values:
        interventions = interventions.filter(target_group=filters["target_group"])
    if filters["partner"]:
        interventions = interventions.filter(partner_id=filters["partner"])
    if filters["status"] in Intervention.Status.values:
        interventions = interventions.filter(status=filters["status"])
    interventions = interventions.order_by("title", "pk")
    page = Paginator(interventions, PER_PAGE).get_page(request.GET.get("page"))
    staff = is_staff(request.user)
    return render(
        request,
        "partners/intervention_list.html",
        {
            "page": page,
            "filters": filters,
            "municipality_choices": Municipality.objects.order_by("name").values_list("pk", "name"),
            "partner_choices": partners_visible_to(request.user)
            .order_by("name")
            .values_list("pk", "name"),
            "target_groups": Intervention.TargetGroup.choices,
            "statuses": Intervention.Status.choices,
            "is_staff": staff,
            "editable_ids": set() if staff else editable_partner_ids(request.user),
            "search_max_length": SEARCH_MAX_LENGTH,
        },
    )


@require_GET
def intervention_by_municipality(request):
    """Per municipality: who does what there, and with whom. One municipality at a time,
    with an index of all municipalities and how many interventions each has."""
    interventions = interventions_visible_to(request.user).order_by("title", "pk")
    visible = Q() if is_staff(request.user) else Q(interventions__partner__is_active=True)
    municipalities = Municipality.objects.order_by("name").annotate(
        intervention_count=Count("interventions", filter=visible, distinct=True)
    )
    choice = request.GET.get("gemeente", "")
    chosen = None
    if choice == NOWHERE:
        shown = interventions.filter(municipalities__isnull=True)
    else:
        chosen = get_object_or_404(Municipality, pk=parse_id(choice)) if choice else None
        shown = interventions.filter(municipalities=chosen) if chosen else None
    return render(
        request,
        "partners/intervention_by_municipality.html",
        {
            "municipalities": municipalities,
            "chosen": chosen,
            "nowhere_chosen": choice == NOWHERE,
            "nowhere_key": NOWHERE,
            "interventions": shown,
        },
    )


@require_http_methods(["GET", "POST"])
def intervention_create(request, pk):
    partner = partner_for_intervention_write(request.user, pk)
    form = InterventionForm(
        request.POST or None,
        instance=Intervention(partner=partner),
        partner=partner,
        can_publish=is_staff(request.user),
    )
    if request.method == "POST" and form.is_valid():
        intervention = intervention_save(form=form, user=request.user, partner=partner)
        messages.success(
            request, _("Intervention “%(title)s” added.") % {"title": intervention.title}
        )
        return redirect("partners:partner_detail", pk=partner.pk)
    return render(
        request,
        "partners/intervention_form.html",
        {"form": form, "partner": partner, "intervention": None},
    )


@require_http_methods(["GET", "POST"])
def intervention_edit(request, pk, intervention_pk):
    partner = partner_for_intervention_write(request.user, pk)
    # Only an intervention of this partner: pairing another partner's id gives 404.
    intervention = get_object_or_404(Intervention, pk=intervention_pk, partner=partner)
    form = InterventionForm(
        request.POST or None,
        instance=intervention,
        partner=partner,
        can_publish=is_staff(request.user),
    )
    if request.method == "POST" and form.is_valid():
        intervention = intervention_save(form=form, user=request.user, partner=partner)
        messages.success(
            request, _("Intervention “%(title)s” saved.") % {"title": intervention.title}
        )
        return redirect("partners:partner_detail", pk=partner.pk)
    return render(
        request,
        "partners/intervention_form.html",
        {"form": form, "partner": partner, "intervention": intervention},
    )


@staff_required
@require_POST
def publish_intervention(request, intervention_pk):
    """Put a good example in the public showcase, or take it out.

    `publish` = "1"/"0" says which (so a double submit changes nothing); without it, toggle.
    """
    wanted = {"1": True, "0": False}.get(request.POST.get("publish"))
    intervention = get_object_or_404(Intervention, pk=intervention_pk)
    intervention = intervention_publish(
        intervention=intervention, user=request.user, publish=wanted
    )
    now = intervention.is_published
    if now:
        messages.success(request, _("“%(title)s” is in the showcase.") % {"title": intervention})
    else:
        messages.success(
            request, _("“%(title)s” is no longer in the showcase.") % {"title": intervention}
        )
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(reverse("partners:intervention_list"))
