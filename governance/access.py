"""Who may see and do what with memos, votes, meetings and actions.

- Staff (the programme leader and programme staff) write memos, submit them, close
  votings, and keep meetings and actions.
- A draft memo is seen by staff and the current seat-holders of its body only; once
  submitted, everyone logged in reads it (the alliance's decisions are open to its members).
- Only the holder of a current seat of the body, in a role the body lets vote, votes, and
  only while the voting is open (checked again in the service, under a lock).
- A conflict of interest is declared by the holder of a current voting seat for their own
  seat, or recorded by staff for any voting seat; withdrawn by that seat-holder or staff.
  Who stepped aside is shown to everyone who sees the memo; why, only to staff and the
  body's own seat-holders (the memo PDF, which anyone logged in may ask for, says who,
  never why).
- A body's meetings are read by the holders of a current seat in it and by staff.
- A meeting's minutes are drafted and circulated by the body's secretary (a current seat
  with the secretary role) or staff; the body's other seat-holders read them once
  circulated. Nobody changes them once adopted (governance.services.minutes).
- An action's status is changed by its owner or by staff.
"""

import datetime
from collections.abc import Iterable
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from avk.access import is_staff
from governance.models import (
    ActionItem,
    Body,
    ConflictOfInterest,
    Meeting,
    Memo,
    Minutes,
    ProposedDecision,
    Seat,
)


def require_staff(user) -> None:
    """Refuse (PermissionDenied) anyone but programme staff: for the services' staff steps."""
    if not is_staff(user):
        raise PermissionDenied(_("Only programme staff may do this."))


def body_ids_of(user) -> set[int]:
    """The bodies in which the user holds a current seat (any role)."""
    if not user.is_authenticated:
        return set()
    return set(Seat.objects.current().filter(person__user=user).values_list("body_id", flat=True))


# --- memos ------------------------------------------------------------------------------


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


# --- votes ------------------------------------------------------------------------------


def voting_seats_of(body: Body, on: datetime.date | None = None) -> QuerySet[Seat]:
    """The current seats of `body` whose role votes there (Seat.is_voting, as a query)."""
    return Seat.objects.current(on).filter(body=body, role__in=body.voting_roles or [])


def voting_seats_of_user(user) -> list[Seat]:
    """The user's current seats, in every body, whose role votes there (body loaded)."""
    if not user.is_authenticated:
        return []
    seats = Seat.objects.current().filter(person__user=user).select_related("body")
    return [seat for seat in seats if seat.is_voting]


def first_voting_seat(seats: Iterable[Seat]) -> Seat | None:
    """The seat a person's vote counts for, given their current voting seats in one body:
    the first by id, so someone holding two voting seats in a body still votes once."""
    return min(seats, key=attrgetter("pk"), default=None)


def voting_seat(user, body: Body, *, seats: Iterable[Seat] | None = None) -> Seat | None:
    """The user's current seat in `body` whose role votes there, or None.

    `seats`: the body's current voting seats (person loaded) when the caller has them
    already; without, one query."""
    if not user.is_authenticated:
        return None
    if seats is None:
        seats = voting_seats_of(body).filter(person__user=user).select_related("person", "body")
    return first_voting_seat(seat for seat in seats if seat.person.user_id == user.pk)


def may_read_conflict_reasons(user, body: Body, *, my_seat: Seat | None = None) -> bool:
    """Staff and the holders of a current seat of `body` (any role) read why someone
    stepped aside; `my_seat`: the user's voting seat there, when the caller has it (then
    no query)."""
    if is_staff(user) or my_seat is not None:
        return True
    return body.pk in body_ids_of(user)


def get_decision_for_declaring(user, pk) -> tuple[ProposedDecision, Memo]:
    """A proposed decision and its memo on which the user may report a conflict of
    interest: 404 when the memo is hidden from them, 403 unless they are staff or hold a
    current voting seat of its body."""
    decision = get_object_or_404(
        ProposedDecision.objects.only("pk", "memo_id", "kind", "text"), pk=pk
    )
    memo = get_memo_for_user(user, decision.memo_id)
    if not is_staff(user) and voting_seat(user, memo.body) is None:
        raise PermissionDenied
    return decision, memo


def get_conflict_for_user(user, pk) -> ConflictOfInterest:
    """A declaration the user may withdraw: 404 when its memo is hidden from them, 403
    unless it is their own seat's or they are staff."""
    conflict = get_object_or_404(
        ConflictOfInterest.objects.select_related("seat__person", "decision"), pk=pk
    )
    get_memo_for_user(user, conflict.decision.memo_id)
    if not is_staff(user) and conflict.seat.person.user_id != user.pk:
        raise PermissionDenied
    return conflict


def mfa_missing(user) -> bool:
    """True when votes need MFA (the setting) and the user has no TOTP authenticator."""
    if not settings.AVK_VOTE_REQUIRE_MFA:
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


# --- meetings and actions ---------------------------------------------------------------


def meetings_visible_to(user) -> QuerySet[Meeting]:
    """Meetings of the bodies where the user holds a current seat; every meeting for staff."""
    if is_staff(user):
        return Meeting.objects.all()
    return Meeting.objects.filter(body_id__in=body_ids_of(user))


def get_meeting_for_user(user, pk) -> Meeting:
    """A meeting the user may see (404 otherwise), with its body and host loaded."""
    return get_object_or_404(
        meetings_visible_to(user).select_related("body", "location_partner"), pk=pk
    )


def can_change_status(user, action: ActionItem) -> bool:
    """Staff, or the action's owner (through their Person's login)."""
    return is_staff(user) or (
        user.is_authenticated
        and action.owner.user_id is not None
        and action.owner.user_id == user.pk
    )


# --- minutes ----------------------------------------------------------------------------


def may_draft_minutes(user, meeting: Meeting) -> bool:
    """Staff, or the holder of a current secretary seat of the meeting's body."""
    if is_staff(user):
        return True
    if not user.is_authenticated:
        return False
    return (
        Seat.objects.current()
        .filter(person__user=user, body_id=meeting.body_id, role=Seat.Role.SECRETARY)
        .exists()
    )


def may_read_minutes(minutes: Minutes | None, *, drafter: bool) -> bool:
    """Drafters read a draft; the body's members (who may see the meeting) read the
    minutes once circulated."""
    return minutes is not None and (drafter or minutes.circulated_at is not None)


def get_meeting_for_minutes(user, pk, *, write: bool = False) -> tuple[Meeting, bool]:
    """A meeting whose minutes the user may see (404 otherwise, like the meeting) and
    whether they may draft them; with write=True, 403 unless they may."""
    meeting = get_meeting_for_user(user, pk)
    drafter = may_draft_minutes(user, meeting)
    if write and not drafter:
        raise PermissionDenied
    return meeting, drafter
