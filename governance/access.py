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
- A substitute (plaatsvervanger) votes for a seat during their period, when the body's
  rules let a seat be represented; the seat-holder does not vote then. The seat-holder
  names their substitute; staff may do it for them (`get_seat_for_substituting`). The
  seat's declarations of a conflict of interest bind whoever votes for it; the one who
  votes for the seat now declares and withdraws for it.
- A body's meetings are read by the holders of a current seat in it and by staff.
- A meeting's minutes are drafted and circulated by the body's secretary (a current seat
  with the secretary role) or staff; the body's other seat-holders read them once
  circulated. Nobody changes them once adopted (governance.services.minutes).
- An action's status is changed by its owner or by staff.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.access import is_staff
from avk.cache import cached
from governance.models import (
    ActionItem,
    Body,
    ConflictOfInterest,
    Meeting,
    Memo,
    Minutes,
    ProposedDecision,
    Seat,
    Substitution,
)
from partners.models import Person


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


def memos_visible_to(user, *, body_ids: set[int] | None = None) -> QuerySet[Memo]:
    """Staff see every memo; others every memo beyond draft, and the drafts of the bodies
    they hold a seat in (`body_ids` when the caller read them already: body_ids_of)."""
    if is_staff(user):
        return Memo.objects.all()
    if not user.is_authenticated:
        return Memo.objects.none()
    if body_ids is None:
        body_ids = body_ids_of(user)
    return Memo.objects.filter(~Q(status=Memo.Status.DRAFT) | Q(body_id__in=body_ids))


def may_see_memo(user, memo: Memo) -> bool:
    """The rule of memos_visible_to() for one memo at hand: the seats are read only for a
    draft, seen by someone who is not staff."""
    if is_staff(user):
        return True
    if not user.is_authenticated:
        return False
    return memo.status != Memo.Status.DRAFT or memo.body_id in body_ids_of(user)


def get_memo_for_user(user, pk, *, write: bool = False) -> Memo:
    """A memo the user may see (404 otherwise); with write=True, may change (403 otherwise)."""
    if not user.is_authenticated:
        raise Http404
    memo = get_object_or_404(Memo.objects.select_related("body"), pk=pk)
    if not may_see_memo(user, memo):
        raise Http404
    if write and not is_staff(user):
        raise PermissionDenied
    return memo


# --- votes ------------------------------------------------------------------------------


def voting_seats_of(body: Body, on: datetime.date | None = None) -> QuerySet[Seat]:
    """The current seats of `body` whose role votes there (Seat.is_voting, as a query)."""
    return Seat.objects.current(on).filter(body=body, role__in=body.voting_roles or [])


# What a person's voting seats are drawn from: a change renders them afresh (avk.cache).
VOTING_SEATS_READ = [Seat, Substitution, Body, Person]


def voting_seats_of_user(user) -> list[Seat]:
    """The seats, in every body, the user votes for today (body loaded), in one query:
    their own voting seats that no substitute holds now, and the seats they stand in for
    as a substitute in a body where they hold no voting seat of their own. Kept per person
    and day until a seat, substitution, body or person changes (avk.cache); for lists and
    counts only: a vote itself is checked against the database (voting_seat)."""
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    return cached(
        "voting_seats",
        VOTING_SEATS_READ,
        lambda: _voting_seats(user, today),
        parts=[str(user.pk), today.isoformat()],
    )


def _voting_seats(user, today: datetime.date) -> list[Seat]:
    current = Substitution.objects.on(today).filter(seat=OuterRef("pk"))
    seats = (
        Seat.objects.current(today)
        .filter(Q(person__user=user) | Exists(current.filter(substitute__user=user)))
        .annotate(represented=Exists(current))
        .select_related("body", "person")
        .order_by("pk")
    )
    seats = [seat for seat in seats if seat.is_voting]
    own = [s for s in seats if s.person.user_id == user.pk]
    own_bodies = {s.body_id for s in own}
    standing_in = {}
    for seat in seats:
        if seat.person.user_id != user.pk and seat.body_id not in own_bodies:
            standing_in.setdefault(seat.body_id, seat)
    return [s for s in own if not s.represented] + list(standing_in.values())


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


@dataclass(frozen=True)
class VotingRight:
    """For which seat a user votes in a body today.

    `seat`: the seat their vote counts for (None: they do not vote). `substitution`: set
    when they vote for it as a substitute. `own_seat` and `represented_by`: their own
    voting seat, and the substitution that holds its vote today (then `seat` is None)."""

    seat: Seat | None = None
    substitution: Substitution | None = None
    own_seat: Seat | None = None
    represented_by: Substitution | None = None


def substitutions_of(body: Body, on: datetime.date | None = None) -> list[Substitution]:
    """The substitutions of `body` that hold today (substitute with their user, seat and
    seat-holder loaded): one query, none when the body's rules let no seat be represented."""
    if not body.substitutes_allowed:
        return []
    return list(
        Substitution.objects.on(on or timezone.localdate())
        .filter(seat__body=body)
        .select_related("substitute__user", "seat__person")
        .order_by("seat__person__name", "pk")
    )


def voting_right(
    user,
    body: Body,
    *,
    seats: Iterable[Seat] | None = None,
    substitutions: Iterable[Substitution] | None = None,
    on: datetime.date | None = None,
) -> VotingRight:
    """The seat `user` votes for in `body` on `on` (default today): their own current
    voting seat unless a substitute holds it now; else a current voting seat they stand in
    for as a substitute. `seats` (the body's current voting seats, person loaded) and
    `substitutions` (substitutions_of) when the caller has them: then no query."""
    if not user.is_authenticated:
        return VotingRight()
    on = on or timezone.localdate()
    if seats is None:
        seats = list(voting_seats_of(body, on).select_related("person", "body"))
    own = voting_seat(user, body, seats=seats)
    if not body.substitutes_allowed:
        return VotingRight(seat=own, own_seat=own)
    if substitutions is None:
        mine = Q(seat=own) if own is not None else Q(substitute__user=user)
        substitutions = (
            Substitution.objects.on(on)
            .filter(mine, seat__body=body)
            .select_related("substitute", "seat__person")
        )
    if own is not None:
        held = next((s for s in substitutions if s.seat_id == own.pk), None)
        return VotingRight(seat=None if held else own, own_seat=own, represented_by=held)
    seat_ids = {s.pk for s in seats}
    standing_in = min(
        (s for s in substitutions if s.substitute.user_id == user.pk and s.seat_id in seat_ids),
        key=attrgetter("seat_id"),
        default=None,
    )
    if standing_in is None:
        return VotingRight()
    return VotingRight(seat=standing_in.seat, substitution=standing_in)


def get_seat_for_substituting(user, pk) -> Seat:
    """A seat whose substitutes the user may see and name: 404 for no such seat, 403
    unless it is the user's own current seat or they are staff."""
    seat = get_object_or_404(Seat.objects.select_related("body", "person"), pk=pk)
    if is_staff(user):
        return seat
    if seat.person.user_id != user.pk or not Seat.objects.current().filter(pk=seat.pk).exists():
        raise PermissionDenied
    return seat


def get_substitution_for_user(user, pk) -> Substitution:
    """A substitution the user may stop: 404 for none, 403 unless they hold its seat or
    are staff."""
    substitution = get_object_or_404(
        Substitution.objects.select_related("seat__person", "seat__body"), pk=pk
    )
    if not is_staff(user) and substitution.seat.person.user_id != user.pk:
        raise PermissionDenied
    return substitution


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
    if not is_staff(user) and voting_right(user, memo.body).seat is None:
        raise PermissionDenied
    return decision, memo


def get_conflict_for_user(user, pk) -> ConflictOfInterest:
    """A declaration the user may withdraw: 404 when its memo is hidden from them, 403
    unless they vote for its seat now (acts_for_seat) or are staff."""
    conflict = get_object_or_404(
        ConflictOfInterest.objects.select_related("seat__person", "seat__body", "decision"),
        pk=pk,
    )
    get_memo_for_user(user, conflict.decision.memo_id)
    if not is_staff(user) and not acts_for_seat(user, conflict.seat):
        raise PermissionDenied
    return conflict


def acts_for_seat(user, seat: Seat) -> bool:
    """Whether the user votes for `seat` today: its holder, or the substitute holding its
    vote now."""
    right = voting_right(user, seat.body)
    return right.seat is not None and right.seat.pk == seat.pk


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
