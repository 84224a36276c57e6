import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.utils import timezone

from governance.models import Body, Seat, Substitution
from partners.models import Person

# Chair first, secretary and adviser last: the order people read a body's table in.
_ROLES_IN_ORDER = [
    Seat.Role.CHAIR,
    Seat.Role.MEMBER,
    Seat.Role.EXPERIENCE_EXPERT,
    Seat.Role.SECRETARY,
    Seat.Role.ADVISER,
]
ROLE_ORDER = Case(
    *[When(role=role, then=Value(rank)) for rank, role in enumerate(_ROLES_IN_ORDER)],
    output_field=IntegerField(),
)


def bodies_with_current_seats():
    """Bodies with their current seats (person and partner loaded): three queries in all."""
    seats = (
        Seat.objects.current()
        .select_related("person", "partner")
        .order_by(ROLE_ORDER, "person__name")
    )
    bodies = list(
        Body.objects.prefetch_related(Prefetch("seats", queryset=seats, to_attr="current_seats"))
    )
    for body in bodies:
        body.has_experience_expert = any(s.is_experience_expert for s in body.current_seats)
    return bodies


def seats_of_user(user):
    if not user.is_authenticated:
        return Seat.objects.none()
    return Seat.objects.current().filter(person__user=user).select_related("body", "partner")


def bodies_without_experience_expert():
    """Bodies in which no current seat is held by an experience expert (one query)."""
    today = timezone.localdate()
    current = Q(seats__term_start__lte=today) & (
        Q(seats__term_end__isnull=True) | Q(seats__term_end__gte=today)
    )
    experience_expert = Q(seats__role=Seat.Role.EXPERIENCE_EXPERT) | Q(
        seats__person__is_experience_expert=True
    )
    return list(
        Body.objects.annotate(
            experience_experts=Count("seats", filter=current & experience_expert, distinct=True)
        ).filter(experience_experts=0)
    )


@dataclass(frozen=True)
class SeatUser:
    """Someone with a login who acts for a current seat of a body."""

    user: object
    person: Person  # the seat-holder, or the substitute standing in for the seat
    seat: Seat  # the seat they act for; voting: the one their vote counts for


def seat_users(
    body_ids: Iterable[int], *, on: datetime.date | None = None, voting: bool = False
) -> dict[int, list[SeatUser]]:
    """Per body (by id): the users of its current seats on `on` (default today) who can be
    mailed (active, with an e-mail address), each once, in the order of their user id.

    Without `voting`: every seat-holder, whatever their role (one query). With `voting`:
    the users who vote there, by the rule of governance.access.voting_right: a seat-holder
    for their first voting seat unless a substitute holds it now; a substitute, where the
    body's rules allow one, for the first seat they stand in for when they hold no voting
    seat of their own in the body (two queries)."""
    on = on or timezone.localdate()
    body_ids = list(body_ids)
    seats = [
        seat
        for seat in Seat.objects.current(on)
        .filter(body_id__in=body_ids)
        .select_related("person__user", "body")
        .order_by("id")
        if not voting or seat.is_voting
    ]
    held: dict[int, Substitution] = {}
    if voting:
        seat_ids = {seat.pk for seat in seats}
        for substitution in (
            Substitution.objects.on(on)
            .filter(seat__body_id__in=body_ids)
            .select_related("substitute__user")
            .order_by("seat_id", "pk")
        ):
            if substitution.seat_id in seat_ids:
                held.setdefault(substitution.seat_id, substitution)
    own: dict[tuple[int, int], Seat] = {}  # (body, user): their first seat there
    for seat in seats:
        if seat.person.user_id is not None:
            own.setdefault((seat.body_id, seat.person.user_id), seat)
    found: dict[int, dict[int, SeatUser]] = defaultdict(dict)
    for (body_id, user_pk), seat in own.items():
        if seat.pk not in held:
            found[body_id][user_pk] = SeatUser(seat.person.user, seat.person, seat)
    for seat in seats:
        substitute = held[seat.pk].substitute if seat.pk in held else None
        if substitute is None or substitute.user_id is None:
            continue
        if (seat.body_id, substitute.user_id) not in own:
            found[seat.body_id].setdefault(
                substitute.user_id, SeatUser(substitute.user, substitute, seat)
            )
    return {
        body_id: [
            found[body_id][pk]
            for pk in sorted(found[body_id])
            if found[body_id][pk].user.is_active and found[body_id][pk].user.email
        ]
        for body_id in body_ids
    }
