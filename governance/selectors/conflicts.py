"""Reads of conflicts of interest: who stepped aside on which proposed decision, and
whether a declaration can be made now. Who may read the reasons is in governance.access.
Each runs a fixed number of queries."""

import datetime
from collections import Counter
from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils import timezone

from governance.models import ConflictOfInterest, Memo, Seat


def stepped_aside_counts(memo: Memo, seat_ids: set[int]) -> Counter:
    """Per proposed decision of the memo, how many of these voting seats stepped aside on
    it (a conflict of interest), in one query."""
    return Counter(
        ConflictOfInterest.objects.filter(decision__memo=memo, seat_id__in=seat_ids)
        .order_by()
        .values_list("decision_id", flat=True)
    )


def conflicts_of(
    decision_ids: Iterable[int], *, seats: Iterable[Seat] = ()
) -> dict[int, list[ConflictOfInterest]]:
    """The declarations on these proposed decisions, per decision, each with its seat and
    person, by the person's name. The seats come from `seats` (person loaded) where the
    caller has read them already; only a declaration whose seat is not among them (a term
    that has ended since) costs a second query. Without joins the query is cheap to build
    and to plan: the voting page reads it on every visit."""
    rows = list(ConflictOfInterest.objects.filter(decision_id__in=list(decision_ids)).order_by())
    known = {seat.pk: seat for seat in seats}
    missing = {conflict.seat_id for conflict in rows} - known.keys()
    if missing:
        known |= {s.pk: s for s in Seat.objects.filter(pk__in=missing).select_related("person")}
    for conflict in rows:
        conflict.seat = known[conflict.seat_id]
    rows.sort(key=lambda conflict: (conflict.seat.person.name.casefold(), conflict.pk))
    by_decision: dict[int, list[ConflictOfInterest]] = {}
    for conflict in rows:
        by_decision.setdefault(conflict.decision_id, []).append(conflict)
    return by_decision


def open_for_conflicts(memo: Memo, now: datetime.datetime | None = None) -> bool:
    """May a conflict of interest be declared or withdrawn on this memo now? From the
    submission until the voting deadline."""
    now = now or timezone.now()
    return (
        memo.status in (Memo.Status.SUBMITTED, Memo.Status.VOTING)
        and memo.voting_deadline is not None
        and now < memo.voting_deadline
    )


def conflicts_prefetch(lookup: str) -> Prefetch:
    """Prefetch of the declarations under `lookup` (a decision's `conflicts`), with seat
    and person, into `.stepped_aside`: one query for a whole list."""
    return Prefetch(
        lookup,
        queryset=ConflictOfInterest.objects.select_related("seat__person").order_by(
            "seat__person__name", "pk"
        ),
        to_attr="stepped_aside",
    )
