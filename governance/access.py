"""Who may see and do what with memos, votes, meetings and actions.

- Staff (the programme leader and programme staff) write memos, submit them, close
  votings, and keep meetings and actions.
- A draft memo is seen by staff and the current seat-holders of its body only; once
  submitted, everyone logged in reads it (the alliance's decisions are open to its members).
- Only the holder of a current seat of the body, in a role the body lets vote, votes, and
  only while the voting is open (checked again in the service, under a lock).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from avk.permissions import is_staff
from governance.models import Body, Memo, Seat


def body_ids_of(user) -> set[int]:
    """The bodies in which the user holds a current seat (any role)."""
    if not user.is_authenticated:
        return set()
    return set(Seat.objects.current().filter(person__user=user).values_list("body_id", flat=True))


def memos_visible_to(user) -> QuerySet[Memo]:
    if is_staff(user):
        return Memo.objects.all()
    if not user.is_authenticated:
        return Memo.objects.none()
    return Memo.objects.filter(~Q(status=Memo.Status.DRAFT) | Q(body_id__in=body_ids_of(user)))


def get_memo_for_user(user, pk, *, write: bool = False) -> Memo:
    """A memo the user may see (404 otherwise); with write=True, may change (403 otherwise)."""
    memo = get_object_or_404(memos_visible_to(user).select_related("body"), pk=pk)
    if write and not is_staff(user):
        raise PermissionDenied
    return memo


def voting_seat(user, body: Body) -> Seat | None:
    """The user's current seat in `body` whose role votes there, or None."""
    if not user.is_authenticated:
        return None
    roles = body.voting_roles or []
    return (
        Seat.objects.current()
        .filter(person__user=user, body=body, role__in=roles)
        .select_related("person", "body")
        .order_by("id")
        .first()
    )
