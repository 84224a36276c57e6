from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from avk.permissions import is_staff
from partners.models import Partner


def can_edit_partner(user, partner: Partner) -> bool:
    if is_staff(user):
        return True
    return user.is_authenticated and partner.memberships.filter(user=user, is_editor=True).exists()


def get_partner_for_user(user, pk, *, write: bool = False) -> Partner:
    """A partner the user may see (404 otherwise); with write=True, may change (403 otherwise).

    Every logged-in person may see the directory; inactive partners only staff.
    """
    queryset = Partner.objects.all() if is_staff(user) else Partner.objects.filter(is_active=True)
    partner = get_object_or_404(queryset, pk=pk)
    if write and not can_edit_partner(user, partner):
        raise PermissionDenied
    return partner


def editable_partner_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.partner_memberships.filter(is_editor=True).values_list("partner_id", flat=True))
