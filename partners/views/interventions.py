"""The interventions inventory: "weten wie waar wat doet en met wie".

Everyone logged in reads and searches it; a partner's editors (and staff) record what the
partner runs; staff put good examples in the public showcase (partners.views.showcase).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from avk.audit import audit_record, diff
from avk.permissions import is_staff, staff_required
from partners.access import editable_partner_ids, get_partner_for_user
from partners.forms_interventions import InterventionForm
from partners.models import Intervention, Municipality, Partner

PER_PAGE = 50
SEARCH_MAX_LENGTH = 200
AUDITED_FIELDS = ["title", "description", "target_group", "status", "contact", "is_published"]


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _visible_partners(user):
    """Inactive partners (and what they ran) are shown to staff only, as in the directory."""
    return Partner.objects.all() if is_staff(user) else Partner.objects.filter(is_active=True)


def _visible_interventions(user):
    """Interventions the user may read, with everything the pages show in fixed queries."""
    partners = _visible_partners(user)
    interventions = Intervention.objects.all()
    if not is_staff(user):
        interventions = interventions.filter(partner__is_active=True)
    return interventions.select_related("partner", "contact").prefetch_related(
        "municipalities",
        Prefetch("collaborators", queryset=partners.order_by("name")),
    )


def _group(partner) -> str:
    return f"partner:{partner.pk}"


def _names(objects) -> str:
    return ", ".join(sorted(str(o) for o in objects))


def _save(*, form: InterventionForm, user, partner: Partner) -> Intervention:
    """Create or update the intervention of `form` for `partner` and record it in the audit.

    Collaborators that are no longer active are not offered in the form; they are kept.
    """
    creating = form.instance.pk is None
    with transaction.atomic():
        if creating:
            old, old_municipalities, old_collaborators = None, [], []
            kept = []
        else:
            old = Intervention.objects.select_for_update().get(pk=form.instance.pk)
            old_municipalities = list(old.municipalities.all())
            old_collaborators = list(old.collaborators.all())
            kept = [p for p in old_collaborators if not p.is_active]
        intervention = form.save(commit=False)
        intervention.partner = partner
        if creating:
            intervention.created_by = user
        intervention.save()
        intervention.municipalities.set(form.cleaned_data["municipalities"])
        new_collaborators = [*form.cleaned_data["collaborators"], *kept]
        intervention.collaborators.set(new_collaborators)

        new_values = {field: getattr(intervention, field) for field in AUDITED_FIELDS}
        if creating:
            changes = {
                field: ["", "" if value is None else str(value)]
                for field, value in new_values.items()
                if value not in (None, "", False)
            }
        else:
            changes = diff(old, AUDITED_FIELDS, new_values)
        for field, before, after in (
            ("municipalities", old_municipalities, form.cleaned_data["municipalities"]),
            ("collaborators", old_collaborators, new_collaborators),
        ):
            if _names(before) != _names(after):
                changes[field] = [_names(before), _names(after)]
        if creating or changes:
            audit_record(
                actor=user,
                instance=intervention,
                action="intervention.created" if creating else "intervention.updated",
                changes=changes,
                group=_group(partner),
            )
    return intervention


def _writable_partner(user, pk) -> Partner:
    """404 for an unknown or inactive partner, 403 when the user may not change it."""
    partner = get_partner_for_user(user, pk, write=True)
    if not partner.is_active:
        raise Http404
    return partner


@require_GET
def intervention_list(request):
    """Search and filter what every partner runs, where, for whom and with whom."""
    interventions = _visible_interventions(request.user)
    filters = {
        # NUL cannot go into a PostgreSQL query: drop it rather than fail.
        "q": request.GET.get("q", "").replace("\x00", "").strip()[:SEARCH_MAX_LENGTH],
        "municipality": _int_or_none(request.GET.get("municipality")),
        "target_group": request.GET.get("target_group", ""),
        "partner": _int_or_none(request.GET.get("partner")),
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
            "municipalities": Municipality.objects.order_by("name"),
            "partners": _visible_partners(request.user).order_by("name").only("pk", "name"),
            "target_groups": Intervention.TargetGroup.choices,
            "statuses": Intervention.Status.choices,
            "is_staff": staff,
            "editable_ids": set() if staff else editable_partner_ids(request.user),
            "search_max_length": SEARCH_MAX_LENGTH,
        },
    )


@require_GET
def intervention_by_municipality(request):
    """Per municipality: who does what there, and with whom."""
    interventions = _visible_interventions(request.user).order_by("title", "pk")
    municipalities = Municipality.objects.order_by("name").prefetch_related(
        Prefetch("interventions", queryset=interventions, to_attr="visible_interventions")
    )
    return render(
        request,
        "partners/intervention_by_municipality.html",
        {
            "municipalities": municipalities,
            "nowhere": interventions.filter(municipalities__isnull=True),
        },
    )


@require_http_methods(["GET", "POST"])
def intervention_create(request, pk):
    partner = _writable_partner(request.user, pk)
    form = InterventionForm(
        request.POST or None,
        instance=Intervention(partner=partner),
        partner=partner,
        can_publish=is_staff(request.user),
    )
    if request.method == "POST" and form.is_valid():
        intervention = _save(form=form, user=request.user, partner=partner)
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
    partner = _writable_partner(request.user, pk)
    # Only an intervention of this partner: pairing another partner's id gives 404.
    intervention = get_object_or_404(Intervention, pk=intervention_pk, partner=partner)
    form = InterventionForm(
        request.POST or None,
        instance=intervention,
        partner=partner,
        can_publish=is_staff(request.user),
    )
    if request.method == "POST" and form.is_valid():
        intervention = _save(form=form, user=request.user, partner=partner)
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
def intervention_publish(request, intervention_pk):
    """Put a good example in the public showcase, or take it out.

    `publish` = "1"/"0" says which (so a double submit changes nothing); without it, toggle.
    """
    with transaction.atomic():
        intervention = get_object_or_404(
            Intervention.objects.select_for_update().select_related("partner"),
            pk=intervention_pk,
        )
        wanted = request.POST.get("publish")
        was = intervention.is_published
        now = {"1": True, "0": False}.get(wanted, not was)
        if now != was:
            intervention.is_published = now
            intervention.save(update_fields=["is_published", "updated_at"])
            audit_record(
                actor=request.user,
                instance=intervention,
                action="intervention.published" if now else "intervention.unpublished",
                changes={"is_published": [str(was), str(now)]},
                group=_group(intervention.partner),
            )
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


urlpatterns = [
    path("interventies/", intervention_list, name="intervention_list"),
    path(
        "interventies/per-gemeente/",
        intervention_by_municipality,
        name="intervention_by_municipality",
    ),
    path("<int:pk>/interventies/nieuw/", intervention_create, name="intervention_create"),
    path(
        "<int:pk>/interventies/<int:intervention_pk>/",
        intervention_edit,
        name="intervention_edit",
    ),
    path(
        "interventies/<int:intervention_pk>/etalage/",
        intervention_publish,
        name="intervention_publish",
    ),
]
