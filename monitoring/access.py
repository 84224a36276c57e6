"""Who may see or change what in monitoring."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from avk.access import is_staff
from monitoring.models import Indicator
from monitoring.models.indicators import Visibility

# --- indicators ----------------------------------------------------------------------------
# Staff write indicators, measurements, targets, stories and effort links. Who may read an
# indicator (with everything on its page) follows its visibility: internal → staff only,
# partners → everyone logged in, public → also people who are not logged in.


def visibilities_for(user) -> list[str]:
    if is_staff(user):
        return list(Visibility.values)
    if user.is_authenticated:
        return [Visibility.PARTNERS, Visibility.PUBLIC]
    return [Visibility.PUBLIC]


def indicators_visible_to(user) -> QuerySet[Indicator]:
    """The indicators the user may read, in their order."""
    return Indicator.objects.filter(visibility__in=visibilities_for(user))


def get_indicator_for_user(user, pk, *, write: bool = False) -> Indicator:
    """An indicator the user may read (404 otherwise); with write=True, one they may change
    (staff; 403 for others who may read it)."""
    indicator = get_object_or_404(indicators_visible_to(user), pk=pk)
    if write and not is_staff(user):
        raise PermissionDenied
    return indicator


# --- end of indicators ---------------------------------------------------------------------
