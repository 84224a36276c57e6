"""The close of a voting: the results, written once, and the numbers of the adopted and
noted decisions in the body's decision list.

- the deadline closes a voting (the beat); staff may close it early once every voting
  seat has voted on every decision;
- at the close the counts and results are written once and never change again, and each
  adopted or noted decision gets its number in the body's decision list;
- a decision's quorum is counted over the voting seats that did not step aside on it (a
  conflict of interest); the majority is over the votes cast, so theirs never count.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.cache import touch
from governance.access import require_staff, voting_seats_of
from governance.models import Body, ConflictOfInterest, Decision, Memo, ProposedDecision, Vote
from governance.selectors.conflicts import stepped_aside_counts
from governance.selectors.voting import COUNT_FIELDS, counts_by_decision
from governance.services.voting import locked_memo


def decision_result(
    *,
    kind: str,
    votes_for: int,
    votes_against: int,
    votes_abstain: int,
    quorum: int,
    majority: str,
) -> str:
    """The result of one proposed decision from its counts and the body's rules.

    Abstentions count for the quorum, not for the majority."""
    if kind == ProposedDecision.Kind.NOTE:
        return ProposedDecision.Result.NOTED
    if votes_for + votes_against + votes_abstain < quorum:
        return ProposedDecision.Result.NO_QUORUM
    if majority == Body.Majority.TWO_THIRDS:
        adopted = votes_for > 0 and 3 * votes_for >= 2 * (votes_for + votes_against)
    else:
        adopted = votes_for > votes_against
    return ProposedDecision.Result.ADOPTED if adopted else ProposedDecision.Result.REJECTED


def everyone_voted(memo: Memo) -> bool:
    """Has every current voting seat voted (or acknowledged) on every proposed decision,
    or stepped aside on it (a conflict of interest)?"""
    seat_ids = set(voting_seats_of(memo.body).values_list("pk", flat=True))
    decision_ids = list(memo.decisions.values_list("pk", flat=True))
    cast = set(
        Vote.objects.filter(decision_id__in=decision_ids, seat_id__in=seat_ids).values_list(
            "decision_id", "seat_id"
        )
    )
    aside = set(
        ConflictOfInterest.objects.filter(
            decision_id__in=decision_ids, seat_id__in=seat_ids
        ).values_list("decision_id", "seat_id")
    )
    return len(cast | aside) == len(seat_ids) * len(decision_ids)


def voting_close(*, memo: Memo, user=None, now: datetime.datetime | None = None) -> Memo:
    """Close the voting of a memo and write its results, once.

    `user` None: the deadline closes it (the beat), refused before the deadline. A user:
    staff closing early, allowed once every voting seat has voted on every decision.
    Closing a decided (or archived) memo again changes nothing.
    """
    now = now or timezone.now()
    if user is not None:
        require_staff(user)
    with transaction.atomic():
        memo = locked_memo(memo.pk)
        if memo.status in (Memo.Status.DECIDED, Memo.Status.ARCHIVED):
            return memo
        if memo.status != Memo.Status.VOTING:
            raise ValidationError(_("Only a memo in voting can be closed."))
        past_deadline = memo.voting_deadline is not None and now >= memo.voting_deadline
        if user is None and not past_deadline:
            raise ValidationError(_("The voting deadline has not passed yet."))
        if user is not None and not past_deadline and not everyone_voted(memo):
            raise ValidationError(
                _("The voting can only be closed early once every member has voted.")
            )

        body = memo.body
        seat_ids = set(
            voting_seats_of(body, on=timezone.localtime(now).date()).values_list("pk", flat=True)
        )
        seats = len(seat_ids)
        quorum = body.quorum_for(seats)
        counts = counts_by_decision(memo)
        aside = stepped_aside_counts(memo, seat_ids)
        decisions = list(memo.decisions.order_by("order", "pk"))
        results = {}
        for decision in decisions:
            if decision.result:
                continue  # written once, never again
            for name, count in counts[decision.pk].items():
                setattr(decision, name, count)
            # Those who stepped aside are not counted: quorum over the seats that remain.
            decision.voting_seats = seats - aside[decision.pk]
            decision.quorum = body.quorum_for(decision.voting_seats)
            decision.result = decision_result(
                kind=decision.kind,
                votes_for=decision.votes_for,
                votes_against=decision.votes_against,
                votes_abstain=decision.votes_abstain,
                quorum=decision.quorum,
                majority=body.majority,
            )
            results[str(decision.pk)] = decision.result
        ProposedDecision.objects.bulk_update(
            decisions,
            [*COUNT_FIELDS.values(), "result", "voting_seats", "quorum"],
        )
        touch(ProposedDecision)  # a bulk write sends no signal: kept memo pages go (avk.cache)

        memo.status = Memo.Status.DECIDED
        memo.closed_at = now
        memo.closed_by = user
        memo.voting_seats = seats
        memo.quorum = quorum
        memo.save(
            update_fields=[
                "status",
                "closed_at",
                "closed_by",
                "voting_seats",
                "quorum",
                "updated_at",
            ]
        )
        numbers = _decisions_list(memo=memo, decisions=decisions, now=now)
        audit_record(
            actor=user,
            instance=memo,
            action="memo.closed",
            changes={
                "status": [Memo.Status.VOTING, Memo.Status.DECIDED],
                "results": ["", results],
                "decision_list": ["", numbers],
                "quorum": ["", f"{quorum}/{seats}"],
                "stepped_aside": ["", {str(pk): n for pk, n in aside.items() if n}],
            },
            group=audit_group("memo", memo.pk),
        )
    return memo


def _decisions_list(
    *, memo: Memo, decisions: list[ProposedDecision], now: datetime.datetime
) -> list[str]:
    """Number the adopted and noted decisions in the body's list, in memo order.

    The Body row is locked so two closes of the same body take consecutive numbers."""
    listed = [
        d
        for d in decisions
        if d.result in (ProposedDecision.Result.ADOPTED, ProposedDecision.Result.NOTED)
    ]
    if not listed:
        return []
    body = Body.objects.select_for_update().get(pk=memo.body_id)
    decided_on = timezone.localtime(now).date()
    year = decided_on.year
    last = Decision.objects.filter(body=body, year=year).aggregate(m=Max("sequence"))["m"] or 0
    already = set(
        Decision.objects.filter(proposed_decision__in=listed).values_list(
            "proposed_decision_id", flat=True
        )
    )
    rows = []
    for decision in listed:
        if decision.pk in already:
            continue
        last += 1
        rows.append(
            Decision(
                body=body,
                year=year,
                sequence=last,
                number=f"{body.short_name.upper()}-{year}-{last:03d}",
                proposed_decision=decision,
                decided_on=decided_on,
                result=decision.result,
                text=decision.text,
            )
        )
    Decision.objects.bulk_create(rows)
    touch(Decision)  # a bulk write sends no signal: cached pictures of decisions go
    return [row.number for row in rows]


def voting_close_due(*, now: datetime.datetime | None = None) -> int:
    """Close every voting whose deadline has passed (the beat). Returns how many closed."""
    now = now or timezone.now()
    closed = 0
    due = Memo.objects.filter(status=Memo.Status.VOTING, voting_deadline__lte=now)
    for memo in due.order_by("voting_deadline", "pk"):
        before = memo.status
        memo = voting_close(memo=memo, user=None, now=now)
        closed += before != memo.status
    return closed
