"""The interventions inventory: "weten wie waar wat doet en met wie".

Everyone logged in reads and searches it; a partner's editors (and staff) record what the
partner runs; staff put good examples in the public showcase (/etalage/,
shown by the monitoring app).
"""

import hashlib

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.access import is_staff, staff_required
from avk.cache import cached, cached_html
from avk.forms import parse_id
from partners.access import (
    editable_partner_ids,
    interventions_visible_to,
    partner_for_intervention_write,
    partners_visible_to,
)
from partners.forms.interventions import InterventionForm
from partners.models import Intervention, Municipality
from partners.selectors.interventions import INTERVENTIONS_READ, intervention_rows
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
    staff = is_staff(request.user)
    editable = set() if staff else editable_partner_ids(request.user)

    def listing() -> dict:
        page = Paginator(interventions, PER_PAGE).get_page(request.GET.get("page"))
        rows = intervention_rows(page.object_list, editable_ids=None if staff else editable)
        html = render_to_string(
            "partners/includes/intervention_list.html",
            {
                "page": page,
                "rows": rows,
                "filters": filters,
                "municipality_choices": list(
                    Municipality.objects.order_by("name").values_list("pk", "name")
                ),
                "partner_choices": list(
                    partners_visible_to(request.user).order_by("name").values_list("pk", "name")
                ),
                "target_groups": Intervention.TargetGroup.choices,
                "statuses": Intervention.Status.choices,
                "is_staff": staff,
                "editable_ids": editable,
                "search_max_length": SEARCH_MAX_LENGTH,
            },
        )
        return {"html": str(html), "count": page.paginator.count, "number": page.number}

    # The filters, count and rows are the same for every reader of one kind with the same
    # query: kept rendered (avk.cache). The CSRF token of the showcase buttons stays outside.
    kept = cached(
        "intervention_list",
        INTERVENTIONS_READ,
        listing,
        parts=[
            get_language(),
            timezone.localdate().isoformat(),
            "staff" if staff else ",".join(map(str, sorted(editable))),
            _digest(filters, request.GET.get("page", "")),
        ],
    )
    # Previous/next from the kept count, without querying again.
    page = Paginator(range(kept["count"]), PER_PAGE).get_page(kept["number"])
    return render(
        request,
        "partners/intervention_list.html",
        {
            "list_html": mark_safe(kept["html"]),  # noqa: S308 - rendered by our template
            "page": page,
            "is_staff": staff,
        },
    )


def _digest(*values) -> str:
    """A short key part for free text (a search) that may be long or odd."""
    return hashlib.sha256(repr(values).encode()).hexdigest()[:32]


@require_GET
def intervention_by_municipality(request):
    """Per municipality: who does what there, and with whom. One municipality at a time,
    with an index of all municipalities and how many interventions each has."""
    staff = is_staff(request.user)
    choice = request.GET.get("gemeente", "")
    chosen = None
    if choice and choice != NOWHERE:
        chosen = get_object_or_404(Municipality.objects.only("pk", "name"), pk=parse_id(choice))

    def index() -> dict:
        visible = Q() if staff else Q(interventions__partner__is_active=True)
        municipalities = Municipality.objects.order_by("name").annotate(
            intervention_count=Count("interventions", filter=visible, distinct=True)
        )
        return {
            "municipalities": municipalities.only("pk", "name"),
            "chosen": chosen,
            "nowhere_chosen": choice == NOWHERE,
            "nowhere_key": NOWHERE,
        }

    # The index is the same for every reader of one kind: kept rendered (avk.cache).
    reader = "staff" if staff else "reader"
    context = {
        "chosen": chosen,
        "index_html": cached_html(
            "interventions_by_municipality_index",
            INTERVENTIONS_READ,
            "partners/includes/municipality_index.html",
            index,
            parts=[reader, chosen.pk if chosen else choice == NOWHERE],
        ),
    }
    if chosen or choice == NOWHERE:
        interventions = interventions_visible_to(request.user).order_by("title", "pk")
        if chosen:
            shown = interventions.filter(municipalities=chosen)
        else:
            shown = interventions.filter(municipalities__isnull=True)

        def table() -> dict:
            # Paginated: a municipality's list stays the same size as the years add up.
            page = Paginator(shown, PER_PAGE).get_page(request.GET.get("page"))
            heading = chosen.name if chosen else _("No municipality given")
            html = render_to_string(
                "partners/includes/intervention_table.html",
                {
                    "rows": intervention_rows(page.object_list, editable_ids=set()),
                    "caption": heading,
                },
            )
            return {"html": str(html), "count": page.paginator.count, "number": page.number}

        kept = cached(
            "interventions_by_municipality",
            INTERVENTIONS_READ,
            table,
            parts=[
                get_language(),
                reader,
                chosen.pk if chosen else NOWHERE,
                _digest(request.GET.get("page", "")),
            ],
        )
        context["table_html"] = mark_safe(kept["html"])  # noqa: S308 - our template
        context["page"] = Paginator(range(kept["count"]), PER_PAGE).get_page(kept["number"])
    return render(request, "partners/intervention_by_municipality.html", context)


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
