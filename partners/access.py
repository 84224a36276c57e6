from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from avk.access import is_staff
from partners.models import Intervention, Partner


def can_edit_partner(user, partner: Partner) -> bool:
    if is_staff(user):
        return True
    return user.is_authenticated and partner.memberships.filter(user=user, is_editor=True).exists()


def partners_visible_to(user) -> QuerySet[Partner]:
    """Every logged-in person may see the directory; inactive partners only staff."""
    return Partner.objects.all() if is_staff(user) else Partner.objects.filter(is_active=True)


def get_partner_for_user(user, pk, *, write: bool = False) -> Partner:
    """A partner the user may see (404 otherwise); with write=True, may change (403 otherwise)."""
    partner = get_object_or_404(partners_visible_to(user), pk=pk)
    if write and not can_edit_partner(user, partner):
        raise PermissionDenied
    return partner


def editable_partner_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.partner_memberships.filter(is_editor=True).values_list("partner_id", flat=True))


def interventions_visible_to(user) -> QuerySet[Intervention]:
    """Interventions the user may read (those of inactive partners: staff only), with
    everything the pages show in fixed queries."""
    partners = partners_visible_to(user)
    interventions = Intervention.objects.all()
    if not is_staff(user):
        interventions = interventions.filter(partner__is_active=True)
    return interventions.select_related("partner", "contact").prefetch_related(
        "municipalities",
        Prefetch("collaborators", queryset=partners.order_by("name")),
    )


def partner_for_intervention_write(user, pk) -> Partner:
    """404 for an unknown or inactive partner, 403 when the user may not change it."""
    partner = get_partner_for_user(user, pk, write=True)
    if not partner.is_active:
        raise Http404
    return partner
