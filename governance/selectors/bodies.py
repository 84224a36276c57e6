from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.utils import timezone

from governance.models import Body, Seat

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
