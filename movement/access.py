"""Who may see and do what in the movement app."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from avk.access import is_staff
from partners.models import Partner

# --- stakeholders
# The stakeholder picture is the programme team's own judgement of the partners: staff read
# and record it; everyone else gets 403, for every partner alike (so an id reveals nothing).


def get_partner_for_stakeholders(user, pk) -> Partner:
    """A partner whose place in the movement `user` may read and record: staff only (403),
    an unknown partner 404."""
    if not is_staff(user):
        raise PermissionDenied
    return get_object_or_404(Partner, pk=pk)


# --- end of stakeholders
