"""Writes of the voting workflow: submit, open, vote, close, withdraw, archive.

The rules (see the shared brief of issue 4):
- only staff submit, withdraw, close early and archive;
- only the holder of a current voting seat of the memo's body votes, only while the memo
  is VOTING and before its deadline; both are checked under a row lock on the memo, so a
  vote cannot slip in after the close (the close takes the same lock);
- one vote per seat per decision (a database constraint); a change updates the vote and
  adds a VoteRecord, so the history is kept;
- at the close the counts and results are written once and never change again, and each
  adopted or noted decision gets its number in the body's decision list.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record
from avk.permissions import is_staff
from governance.access import voting_seat
from governance.models import Body, Decision, Memo, ProposedDecision, Seat, Vote, VoteRecord

COMMENT_MAX = 2000

APPROVE_CHOICES = (Vote.Choice.FOR, Vote.Choice.AGAINST, Vote.Choice.ABSTAIN)
NOTE_CHOICES = (Vote.Choice.ACKNOWLEDGED,)


class MfaRequired(PermissionDenied):
    """The user holds a voting seat but has not set up two-factor authentication."""


def choices_for(decision: ProposedDecision) -> tuple[str, ...]:
    """The choices a vote on this decision may take: a note is only acknowledged."""
    if decision.kind == ProposedDecision.Kind.NOTE:
        return NOTE_CHOICES
    return APPROVE_CHOICES


def voting_seats_of(body: Body, on: datetime.date | None = None) -> QuerySet[Seat]:
    """The current seats of `body` whose role votes there."""
    return Seat.objects.current(on).filter(body=body, role__in=body.voting_roles or [])


def mfa_missing(user) -> bool:
    """True when votes need MFA (the setting) and the user has no TOTP authenticator."""
    if not settings.AVK_VOTE_REQUIRE_MFA:
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def _require_staff(user) -> None:
    if not is_staff(user):
        raise PermissionDenied(_("Only programme staff may do this."))


def _lock(memo: Memo) -> Memo:
    return Memo.objects.select_for_update().select_related("body").get(pk=memo.pk)


def _stamp(value: datetime.datetime | None) -> str:
    return "" if value is None else value.isoformat()


# --- submit, open, withdraw, archive ---------------------------------------------------


def memo_submit(
    *,
    memo: Memo,
    user,
    voting_deadline: datetime.datetime,
    voting_opens_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> Memo:
    """Submit a draft memo to its body. The voting opens at `voting_opens_at` (default:
    now) and closes at `voting_deadline`. Staff only; the memo needs at least one proposed
    decision. The memo becomes VOTING, or SUBMITTED when the opening is still to come."""
    _require_staff(user)
    now = now or timezone.now()
    with transaction.atomic():
        memo = _lock(memo)
        if memo.status != Memo.Status.DRAFT:
            raise ValidationError(_("Only a draft memo can be submitted."))
        if not memo.decisions.exists():
            raise ValidationError(
                _("Add at least one proposed decision before submitting the memo.")
            )
        opens = voting_opens_at or now
        errors = {}
        if voting_deadline <= now:
            errors["voting_deadline"] = _("The voting deadline must be in the future.")
        elif voting_deadline <= opens:
            errors["voting_deadline"] = _("The voting deadline must be after the opening.")
        if errors:
            raise ValidationError(errors)
        old = memo.status
        memo.status = Memo.Status.VOTING if opens <= now else Memo.Status.SUBMITTED
        memo.submitted_at = now
        memo.submitted_by = user
        memo.voting_opens_at = opens
        memo.voting_deadline = voting_deadline
        memo.save(
            update_fields=[
                "status",
                "submitted_at",
                "submitted_by",
                "voting_opens_at",
                "voting_deadline",
                "updated_at",
            ]
        )
        audit_record(
            actor=user,
            instance=memo,
            action="memo.submitted",
            changes={
                "status": [old, memo.status],
                "voting_opens_at": ["", _stamp(opens)],
                "voting_deadline": ["", _stamp(voting_deadline)],
            },
            group=audit_group("memo", memo.pk),
        )
    return memo


def memo_withdraw(*, memo: Memo, user, now: datetime.datetime | None = None) -> Memo:
    """Withdraw a submitted memo or one in voting. Its votes are kept, it gets no result."""
    _require_staff(user)
    with transaction.atomic():
        memo = _lock(memo)
        if memo.status not in (Memo.Status.SUBMITTED, Memo.Status.VOTING):
            raise ValidationError(_("Only a submitted memo or one in voting can be withdrawn."))
        old = memo.status
        memo.status = Memo.Status.WITHDRAWN
        memo.withdrawn_at = now or timezone.now()
        memo.save(update_fields=["status", "withdrawn_at", "updated_at"])
        audit_record(
            actor=user,
            instance=memo,
            action="memo.withdrawn",
            changes={"status": [old, memo.status]},
            group=audit_group("memo", memo.pk),
        )
    return memo


def memo_archive(*, memo: Memo, user) -> Memo:
    """Archive a decided memo (its results and decision-list entries stay as they are)."""
    _require_staff(user)
    with transaction.atomic():
        memo = _lock(memo)
        if memo.status != Memo.Status.DECIDED:
            raise ValidationError(_("Only a decided memo can be archived."))
        memo.status = Memo.Status.ARCHIVED
        memo.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=user,
            instance=memo,
            action="memo.archived",
            changes={"status": [Memo.Status.DECIDED, Memo.Status.ARCHIVED]},
            group=audit_group("memo", memo.pk),
        )
    return memo


def voting_open_due(*, now: datetime.datetime | None = None) -> int:
    """Open the voting of every submitted memo whose opening moment has come. Idempotent:
    each memo is locked and checked again. Returns how many were opened."""
    now = now or timezone.now()
    opened = 0
    due = Memo.objects.filter(status=Memo.Status.SUBMITTED, voting_opens_at__lte=now)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            memo = Memo.objects.select_for_update().get(pk=pk)
            if memo.status != Memo.Status.SUBMITTED or memo.voting_opens_at > now:
                continue
            memo.status = Memo.Status.VOTING
            memo.save(update_fields=["status", "updated_at"])
            audit_record(
                actor=None,
                instance=memo,
                action="memo.voting_opened",
                changes={"status": [Memo.Status.SUBMITTED, Memo.Status.VOTING]},
                group=audit_group("memo", memo.pk),
            )
            opened += 1
    return opened


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


# --- votes -----------------------------------------------------------------------------


def vote_cast(
    *,
    user,
    decision: ProposedDecision,
    choice: str,
    comment: str = "",
    now: datetime.datetime | None = None,
) -> Vote:
    """Cast or change the user's vote on a proposed decision.

    The seat is always the user's own current voting seat in the memo's body: there is
    no way to vote on someone else's seat. Refused (PermissionDenied) for anyone without
    such a seat, and (MfaRequired) without MFA when the setting asks for it; refused
    (ValidationError) outside the voting window and for a choice the decision does not
    take. A first vote adds the Vote; a change updates it; both add a VoteRecord. Sending
    the same choice and comment again changes nothing.
    """
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise ValidationError(
            {"comment": _("A comment can be at most %(max)s characters.") % {"max": COMMENT_MAX}}
        )
    with transaction.atomic():
        # The same lock as voting_close: a vote is either in before the close, or refused.
        memo = Memo.objects.select_for_update().select_related("body").get(pk=decision.memo_id)
        seat = voting_seat(user, memo.body)
        if seat is None:
            raise PermissionDenied(
                _("Only members with a voting seat in %(body)s vote here.") % {"body": memo.body}
            )
        if mfa_missing(user):
            raise MfaRequired(_("Set up two-factor authentication before you vote."))
        now = now or timezone.now()
        if memo.status != Memo.Status.VOTING or (
            memo.voting_opens_at is not None and now < memo.voting_opens_at
        ):
            raise ValidationError(_("The voting on this memo is not open."))
        if memo.voting_deadline is None or now >= memo.voting_deadline:
            raise ValidationError(_("The voting deadline has passed; votes can no longer change."))
        if choice not in choices_for(decision):
            raise ValidationError({"choice": _("Choose one of the options shown.")})

        vote = Vote.objects.filter(decision=decision, seat=seat).first()
        created = False
        if vote is None:
            try:
                # A savepoint: when a concurrent request got there first, the constraint
                # refuses this row and we update theirs instead (never two rows, never a 500).
                with transaction.atomic():
                    vote = Vote.objects.create(
                        decision=decision, seat=seat, choice=choice, comment=comment, cast_by=user
                    )
                created = True
            except IntegrityError:
                vote = Vote.objects.select_for_update().get(decision=decision, seat=seat)
        else:
            vote = Vote.objects.select_for_update().get(pk=vote.pk)

        if created:
            old = ["", ""]
        elif vote.choice == choice and vote.comment == comment:
            return vote  # a double submit of the same form: nothing to record
        else:
            old = [vote.choice, vote.comment]
            vote.choice = choice
            vote.comment = comment
            vote.cast_by = user
            vote.save(update_fields=["choice", "comment", "cast_by", "changed_at"])
        VoteRecord.objects.create(vote=vote, choice=choice, comment=comment, cast_by=user)
        changes = {"choice": [old[0], choice]}
        if old[1] != comment:
            changes["comment"] = [old[1], comment]
        audit_record(
            actor=user,
            instance=vote,
            action="vote.cast" if created else "vote.changed",
            changes=changes,
            group=audit_group("memo", memo.pk),
        )
    return vote


# --- closing ---------------------------------------------------------------------------


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


def counts_by_decision(memo: Memo) -> dict[int, dict[str, int]]:
    """{decision id: {choice: count}} for the memo's votes, in one query."""
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Vote.objects.filter(decision__memo=memo)
        .values("decision_id", "choice")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts.setdefault(row["decision_id"], {})[row["choice"]] = row["n"]
    return counts


def everyone_voted(memo: Memo) -> bool:
    """Has every current voting seat voted (or acknowledged) on every proposed decision?"""
    seat_ids = set(voting_seats_of(memo.body).values_list("pk", flat=True))
    decision_ids = list(memo.decisions.values_list("pk", flat=True))
    cast = set(
        Vote.objects.filter(decision_id__in=decision_ids, seat_id__in=seat_ids).values_list(
            "decision_id", "seat_id"
        )
    )
    return len(cast) == len(seat_ids) * len(decision_ids)


def voting_close(*, memo: Memo, user=None, now: datetime.datetime | None = None) -> Memo:
    """Close the voting of a memo and write its results, once.

    `user` None: the deadline closes it (the beat), refused before the deadline. A user:
    staff closing early, allowed once every voting seat has voted on every decision.
    Closing a decided (or archived) memo again changes nothing.
    """
    now = now or timezone.now()
    if user is not None:
        _require_staff(user)
    with transaction.atomic():
        memo = _lock(memo)
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
        seats = voting_seats_of(body, on=timezone.localtime(now).date()).count()
        quorum = body.quorum_for(seats)
        counts = counts_by_decision(memo)
        decisions = list(memo.decisions.order_by("order", "pk"))
        results = {}
        for decision in decisions:
            if decision.result:
                continue  # written once, never again
            c = counts.get(decision.pk, {})
            decision.votes_for = c.get(Vote.Choice.FOR, 0)
            decision.votes_against = c.get(Vote.Choice.AGAINST, 0)
            decision.votes_abstain = c.get(Vote.Choice.ABSTAIN, 0)
            decision.acknowledgements = c.get(Vote.Choice.ACKNOWLEDGED, 0)
            decision.result = decision_result(
                kind=decision.kind,
                votes_for=decision.votes_for,
                votes_against=decision.votes_against,
                votes_abstain=decision.votes_abstain,
                quorum=quorum,
                majority=body.majority,
            )
            results[str(decision.pk)] = decision.result
        ProposedDecision.objects.bulk_update(
            decisions,
            ["votes_for", "votes_against", "votes_abstain", "acknowledgements", "result"],
        )

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
    return [row.number for row in rows]


# --- the body's voting rules -----------------------------------------------------------

RULE_FIELDS = ["voting_roles", "quorum_count", "quorum_percent", "majority", "tally_before_vote"]


def body_rules_update(*, body: Body, user, **values) -> Body:
    """Change a body's voting rules (staff). Votings already closed keep their results;
    an open voting is closed with the rules in force at its close."""
    _require_staff(user)
    with transaction.atomic():
        body = Body.objects.select_for_update().get(pk=body.pk)
        changes = {}
        for name in RULE_FIELDS:
            if name in values and getattr(body, name) != values[name]:
                old = getattr(body, name)
                changes[name] = [
                    old if isinstance(old, list) else ("" if old is None else str(old)),
                    values[name]
                    if isinstance(values[name], list)
                    else ("" if values[name] is None else str(values[name])),
                ]
                setattr(body, name, values[name])
        body.full_clean()
        body.save()
        if changes:
            audit_record(
                actor=user,
                instance=body,
                action="body.rules_updated",
                changes=changes,
                group=audit_group("body", body.pk),
            )
    return body
