"""Who may see and change the resources (middelen).

- Programme staff (the programme leader and programme staff) read and write everything.
- The members of the executive board (Dagelijks Bestuur: a current seat in a body of the
  kind DB) read everything and change nothing: the board decides about the money.
- Everyone else logged in gets 403: the money of the programme is not the partners' page.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from avk.access import is_staff
from governance.models import Body, Seat
from reflection.models import Effort


def is_db_member(user) -> bool:
    """Whether the user holds a current seat in the executive board (any role)."""
    if not (user.is_authenticated and user.is_active):
        return False
    return Seat.objects.current().filter(person__user=user, body__kind=Body.Kind.DB).exists()


def may_read(user) -> bool:
    return is_staff(user) or is_db_member(user)


def may_write(user) -> bool:
    return is_staff(user)


def require_read(user) -> None:
    if not may_read(user):
        raise PermissionDenied


def require_write(user) -> None:
    if not may_write(user):
        raise PermissionDenied


def readers_only(view):
    """A page of the resources: staff and the executive board read it; a POST (a change) is
    for staff only, so a board member who forges one gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            require_read(request.user)
        else:
            require_write(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def writers_only(view):
    """A form or a change of the resources: staff only, also for a GET (a form the board
    cannot submit is no use to them)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        require_write(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def get_effort_for_user(user, pk, *, write: bool = False) -> Effort:
    """An effort whose money the user may see (403 otherwise); with write=True, change."""
    (require_write if write else require_read)(user)
    return get_object_or_404(Effort.objects.select_related("plan"), pk=pk)
