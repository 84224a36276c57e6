"""Reads of substitutes: a seat's page of substitutes, and who voted on behalf of whom on
the decision list. Each runs a fixed number of queries."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from governance.access import voting_seats_of
from governance.models import Seat, Substitution, Vote

# A seat has few periods ahead; the page shows at most this many (no growth with history).
SHOWN = 20


def seat_substitutions(seat: Seat, today: datetime.date | None = None) -> list[Substitution]:
    """The seat's substitutions that are running or still to come, soonest first, with the
    substitute loaded (one query)."""
    today = today or timezone.localdate()
    return list(
        Substitution.objects.filter(seat=seat, ends_on__gte=today)
        .select_related("substitute")
        .order_by("starts_on", "pk")[:SHOWN]
    )


def voting_seats_with_substitutes(body, today: datetime.date | None = None) -> list[Seat]:
    """The body's current voting seats (person loaded), each with its substitutions
    running or to come in `.coming_substitutions` (substitute loaded): two queries."""
    today = today or timezone.localdate()
    coming = (
        Substitution.objects.filter(ends_on__gte=today)
        .select_related("substitute")
        .order_by("starts_on", "pk")
    )
    return list(
        voting_seats_of(body, today)
        .select_related("person")
        .prefetch_related(
            Prefetch("substitutions", queryset=coming, to_attr="coming_substitutions")
        )
        .order_by("person__name", "pk")
    )


def substitute_votes_prefetch(lookup: str) -> Prefetch:
    """Prefetch of the votes under `lookup` (a decision's `votes`) that a substitute cast,
    with the substitute and the seat-holder, into `.substitute_votes`: one query for a
    whole list."""
    return Prefetch(
        lookup,
        queryset=Vote.objects.filter(substitution__isnull=False)
        .select_related("substitution__substitute", "substitution__seat__person")
        .order_by("pk"),
        to_attr="substitute_votes",
    )


def on_behalf_text(decision) -> str:
    """ "Sanne (plaatsvervanger) namens Joost; …" for a decision prefetched with
    substitute_votes_prefetch (empty when nobody voted on behalf of a seat)."""
    return "; ".join(vote.on_behalf for vote in getattr(decision, "substitute_votes", []))
