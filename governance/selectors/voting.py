"""Reads of the voting: the voting page of a memo (tallies, what is still missing, who has
not voted yet) and what awaits a member's vote. Each runs a fixed number of queries,
whatever the number of decisions, seats and votes."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from avk.access import is_staff
from avk.cache import cached
from governance.access import (
    may_read_conflict_reasons,
    mfa_missing,
    substitutions_of,
    voting_right,
    voting_seats_of,
    voting_seats_of_user,
)
from governance.models import Body, ConflictOfInterest, Memo, ProposedDecision, Seat, Vote
from governance.selectors.conflicts import conflicts_of, open_for_conflicts
from partners.models import Person

OPEN = (Memo.Status.VOTING,)

APPROVE_CHOICES = (Vote.Choice.FOR, Vote.Choice.AGAINST, Vote.Choice.ABSTAIN)
NOTE_CHOICES = (Vote.Choice.ACKNOWLEDGED,)

# Where the votes of each choice are counted, on a ProposedDecision (its result, written at
# the close) and on a DecisionTally alike.
COUNT_FIELDS = {
    Vote.Choice.FOR: "votes_for",
    Vote.Choice.AGAINST: "votes_against",
    Vote.Choice.ABSTAIN: "votes_abstain",
    Vote.Choice.ACKNOWLEDGED: "acknowledgements",
}


# What a body's current voting seats are drawn from (voting_seats_today).
BODY_VOTERS_READ = [Seat, Body, Person]


def _columns(model, names: set[str]) -> tuple[str, ...]:
    # Model.from_db takes the values in the order of the model's fields.
    return tuple(f.attname for f in model._meta.concrete_fields if f.attname in names)


SEAT_COLUMNS = _columns(
    Seat, {"id", "person_id", "body_id", "role", "partner_id", "term_start", "term_end"}
)
PERSON_COLUMNS = _columns(Person, {"id", "name", "user_id", "partner_id", "is_experience_expert"})


def voting_seats_today(body: Body) -> list[Seat]:
    """The body's current voting seats with their persons, by name: what the voting page
    reads on every visit. Kept per body and day until a seat, body or person changes
    (avk.cache), as plain values: building a few instances from them is cheaper than the
    query, and than unpickling instances. Columns not kept are read when asked for."""
    today = timezone.localdate()
    rows = cached(
        "body_voters",
        BODY_VOTERS_READ,
        lambda: list(
            voting_seats_of(body, today)
            .order_by("person__name", "pk")
            .values_list(*SEAT_COLUMNS, *(f"person__{name}" for name in PERSON_COLUMNS))
        ),
        parts=[str(body.pk), today.isoformat()],
    )
    seats = []
    split = len(SEAT_COLUMNS)
    for row in rows:
        seat = Seat.from_db("default", SEAT_COLUMNS, row[:split])
        seat.person = Person.from_db("default", PERSON_COLUMNS, row[split:])
        seat.body = body
        seats.append(seat)
    return seats


def choices_for(decision: ProposedDecision) -> tuple[str, ...]:
    """The choices a vote on this decision may take: a note is only acknowledged."""
    if decision.kind == ProposedDecision.Kind.NOTE:
        return NOTE_CHOICES
    return APPROVE_CHOICES


def tally(votes: Iterable[Mapping]) -> defaultdict[int, dict[str, int]]:
    """The counts of each decision from its vote rows (each with decision_id and choice):
    {decision id: {"votes_for": n, "votes_against": n, "votes_abstain": n,
    "acknowledgements": n}}; a decision without votes has all four at 0."""
    counts = defaultdict(lambda: dict.fromkeys(COUNT_FIELDS.values(), 0))
    for vote in votes:
        counts[vote["decision_id"]][COUNT_FIELDS[vote["choice"]]] += 1
    return counts


def counts_by_decision(memo: Memo) -> defaultdict[int, dict[str, int]]:
    """The tally of the memo's votes, per proposed decision, in one query."""
    return tally(
        Vote.objects.filter(decision__memo=memo).order_by().values("decision_id", "choice")
    )


@dataclass
class DecisionTally:
    """One proposed decision as the voting page shows it to one user."""

    decision: ProposedDecision
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0
    acknowledgements: int = 0
    my_vote: dict | None = None
    my_conflict: ConflictOfInterest | None = None
    stepped_aside: list = field(default_factory=list)
    seat_count: int = 0  # the voting seats left once those who stepped aside are out
    quorum: int = 0
    can_vote: bool = False
    can_declare: bool = False
    can_withdraw_conflict: bool = False
    show_tally: bool = False
    missing: str = ""
    not_voted: list = field(default_factory=list)
    voted_count: int = 0
    responded: bool = False  # every voting seat voted or stepped aside
    choices: tuple = ()

    @property
    def cast(self) -> int:
        return self.votes_for + self.votes_against + self.votes_abstain

    @property
    def is_note(self) -> bool:
        return self.decision.kind == ProposedDecision.Kind.NOTE


def missing_text(*, decision: ProposedDecision, cast: int, quorum: int) -> str:
    """What an open decision still needs before enough people have voted (the quorum),
    e.g. "Nog 2 stemmen nodig, dan hebben genoeg mensen gestemd."
    """
    if decision.kind == ProposedDecision.Kind.NOTE:
        return ""
    needed = quorum - cast
    if needed <= 0:
        return _("Enough people have voted.")
    return ngettext(
        "%(count)s more vote needed, then enough people have voted.",
        "%(count)s more votes needed, then enough people have voted.",
        needed,
    ) % {"count": needed}


def vote_page(memo: Memo, user) -> dict:
    """Everything the voting page of `memo` shows to `user`, in at most eight queries
    (seven where the body lets no seat be represented).

    A substitute sees the page for the seat they stand in for (`acting_for`); a
    seat-holder whose substitute holds the vote now sees who (`represented_by`) and
    cannot vote.

    Tallies: staff always see them; a member sees a decision's tally after voting on it,
    or before when the body says so (tally_before_vote); others once the voting is closed
    or when the body shows tallies before voting."""
    body = memo.body
    staff = is_staff(user)
    closed = memo.status in (Memo.Status.DECIDED, Memo.Status.ARCHIVED)
    decisions = memo.decisions.order_by("order", "pk")
    if closed:  # list entries are made when the voting closes: before, there is none to join
        decisions = decisions.select_related("listed")
    decisions = list(decisions)
    is_open = memo.status in OPEN

    seats = voting_seats_today(body)
    substitutions = substitutions_of(body)
    right = voting_right(user, body, seats=seats, substitutions=substitutions)
    my_seat = right.seat
    # By the decisions' ids, not a join on the memo: the vote index answers at once, where
    # the join reads every vote of the history.
    votes = list(
        Vote.objects.filter(decision_id__in=[d.pk for d in decisions])
        .order_by()
        .values("decision_id", "seat_id", "choice", "comment", "changed_at")
    )
    by_decision: dict[int, list[dict]] = {}
    for vote in votes:
        by_decision.setdefault(vote["decision_id"], []).append(vote)
    counts = tally(votes)
    conflicts = conflicts_of((d.pk for d in decisions), seats=seats)

    quorum = memo.quorum if closed and memo.quorum is not None else body.quorum_for(len(seats))
    seat_ids = {s.pk for s in seats}
    window = _window_open(memo)
    declaring = open_for_conflicts(memo)
    can_vote = my_seat is not None and is_open and window
    rows = []
    for decision in decisions:
        if closed and decision.result:  # the counts written at the close
            shown = {name: getattr(decision, name) or 0 for name in COUNT_FIELDS.values()}
        else:
            shown = counts[decision.pk]
        row = DecisionTally(decision=decision, choices=choices_for(decision), **shown)
        cast = by_decision.get(decision.pk, [])
        row.stepped_aside = conflicts.get(decision.pk, [])
        aside = {c.seat_id for c in row.stepped_aside} & seat_ids
        if closed and decision.voting_seats is not None:  # written at the close
            row.seat_count, row.quorum = decision.voting_seats, decision.quorum
        elif closed:
            row.seat_count, row.quorum = memo.voting_seats or len(seats), quorum
        else:
            row.seat_count = len(seats) - len(aside)
            row.quorum = body.quorum_for(row.seat_count)
        if my_seat is not None:
            row.my_vote = next((v for v in cast if v["seat_id"] == my_seat.pk), None)
            row.my_conflict = next((c for c in row.stepped_aside if c.seat_id == my_seat.pk), None)
        row.can_vote = can_vote and row.my_conflict is None
        row.can_declare = (
            my_seat is not None
            and declaring
            and not row.is_note
            and row.my_vote is None
            and row.my_conflict is None
        )
        row.can_withdraw_conflict = row.my_conflict is not None and declaring
        voted = {v["seat_id"] for v in cast} & seat_ids
        row.voted_count = len(voted)
        row.responded = len(voted | aside) == len(seats)
        row.show_tally = closed or staff or body.tally_before_vote or (row.my_vote is not None)
        if is_open:
            row.missing = missing_text(decision=decision, cast=row.cast, quorum=row.quorum)
            if staff:
                row.not_voted = [s for s in seats if s.pk not in voted and s.pk not in aside]
        rows.append(row)

    everyone = bool(decisions) and all(r.responded for r in rows)
    return {
        "memo": memo,
        "body": body,
        "rows": rows,
        "is_staff": staff,
        "is_open": is_open,
        "is_closed": closed,
        "my_seat": my_seat,
        "acting_for": right.substitution,
        "represented_by": right.represented_by,
        "substitutions": substitutions,
        "can_name_substitute": body.substitutes_allowed and right.own_seat is not None,
        "own_seat": right.own_seat,
        "can_vote": can_vote,
        "needs_mfa": can_vote and mfa_missing(user),
        "show_reasons": bool(conflicts) and may_read_conflict_reasons(user, body, my_seat=my_seat),
        "can_record_conflicts": staff and declaring,
        "seat_count": len(seats),
        "quorum": quorum,
        "everyone_voted": everyone,
        "can_close": staff and is_open and (everyone or not _window_open(memo)),
        "can_withdraw": staff and memo.status in (Memo.Status.SUBMITTED, Memo.Status.VOTING),
        "can_archive": staff and memo.status == Memo.Status.DECIDED,
    }


def decision_row(memo: Memo, user, decision_pk: int) -> tuple[dict, DecisionTally | None]:
    """The voting page and its row of one decision (for the htmx answer to a vote)."""
    page = vote_page(memo, user)
    return page, next((r for r in page["rows"] if r.decision.pk == decision_pk), None)


def _window_open(memo: Memo) -> bool:
    now = timezone.now()
    return (
        memo.status == Memo.Status.VOTING
        and memo.voting_deadline is not None
        and now < memo.voting_deadline
        and (memo.voting_opens_at is None or memo.voting_opens_at <= now)
    )


def _awaiting(seats: list[Seat]) -> QuerySet[ProposedDecision]:
    now = timezone.now()
    seat_ids = [s.pk for s in seats]
    return ProposedDecision.objects.filter(
        memo__status=Memo.Status.VOTING,
        memo__voting_deadline__gt=now,
        memo__voting_opens_at__lte=now,
        memo__body_id__in={s.body_id for s in seats},
    ).exclude(
        Exists(Vote.objects.filter(decision=OuterRef("pk"), seat_id__in=seat_ids))
        | Exists(ConflictOfInterest.objects.filter(decision=OuterRef("pk"), seat_id__in=seat_ids))
    )


AWAITING_COLUMNS = (
    "pk",
    "order",
    "kind",
    "text",
    "memo__title",
    "memo__status",
    "memo__voting_deadline",
    "memo__body__name",
)


def decisions_awaiting(user) -> list[ProposedDecision]:
    """The open proposed decisions still awaiting the user's vote, with their memo and
    body, soonest deadline first (two queries)."""
    seats = voting_seats_of_user(user)
    if not seats:
        return []
    return list(
        _awaiting(seats)
        .select_related("memo", "memo__body")
        # Only what the list shows: not the memo's introduction, nor the body's rules.
        .only(*AWAITING_COLUMNS)
        .order_by("memo__voting_deadline", "memo_id", "order", "pk")
    )


def awaiting_votes(user) -> QuerySet[ProposedDecision]:
    """The open proposed decisions awaiting the user's vote, not run (one query for the
    user's seats): a queryset to count along with others."""
    seats = voting_seats_of_user(user)
    if not seats:
        return ProposedDecision.objects.none()
    return _awaiting(seats)


def awaiting_vote_count(user) -> int:
    """How many open proposed decisions await the user's vote (two queries at most)."""
    seats = voting_seats_of_user(user)
    if not seats:
        return 0
    return _awaiting(seats).count()


def withdraw_preview(memo: Memo, user) -> dict:
    """The confirmation page before withdrawing a memo: whether it can be, and what happens."""
    allowed = memo.status in (Memo.Status.SUBMITTED, Memo.Status.VOTING)
    return {
        "memo": memo,
        "body": memo.body,
        "step": "withdraw",
        "allowed": allowed,
        "refusal": "" if allowed else _("Only a submitted memo or one in voting can be withdrawn."),
        "question": _("Withdraw this memo?"),
        "confirm_label": _("Yes, withdraw the memo"),
        "consequences": [
            _("The memo is withdrawn. The voting stops at once."),
            _("Nobody can vote on its proposals any more."),
            _("The proposals get no result and no number on the decision list."),
            _("The votes cast so far are kept."),
            _("A withdrawn memo cannot be submitted again."),
        ],
    }
