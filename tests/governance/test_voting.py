"""The voting services: submit, vote, close, number, withdraw, archive, and the beat task."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from avk.models import AuditEntry
from governance.models import Body, Decision, Memo, ProposedDecision, Seat, Vote, VoteRecord
from governance.selectors.voting import (
    awaiting_vote_count,
    decisions_awaiting,
    missing_text,
    vote_page,
)
from governance.services import decisions as sd
from governance.services import voting as sv
from governance.tasks import voting_advance
from tests.factories import BodyFactory
from tests.governance.factories import MemoFactory, ProposedDecisionFactory, VoteFactory
from tests.governance.factories_voting import voter, voting_memo, with_mfa

pytestmark = pytest.mark.django_db

APPROVE = ProposedDecision.Kind.APPROVE
NOTE = ProposedDecision.Kind.NOTE
R = ProposedDecision.Result


def _future(days=7):
    return timezone.now() + datetime.timedelta(days=days)


# --- submit ----------------------------------------------------------------------------


def test_submit_opens_the_voting_now(staff, db_body):
    memo = MemoFactory(body=db_body)
    ProposedDecisionFactory(memo=memo)
    memo = sv.memo_submit(memo=memo, user=staff, voting_deadline=_future())
    assert memo.status == Memo.Status.VOTING
    assert memo.submitted_by == staff and memo.voting_opens_at <= timezone.now()
    assert AuditEntry.objects.filter(action="memo.submitted", object_id=str(memo.pk)).exists()


def test_submit_with_a_later_opening_is_submitted_then_beat_opens_it(staff, db_body):
    memo = MemoFactory(body=db_body)
    ProposedDecisionFactory(memo=memo)
    opens = _future(1)
    memo = sv.memo_submit(memo=memo, user=staff, voting_deadline=_future(8), voting_opens_at=opens)
    assert memo.status == Memo.Status.SUBMITTED
    assert sv.voting_open_due(now=opens - datetime.timedelta(minutes=1)) == 0
    assert sv.voting_open_due(now=opens) == 1
    assert sv.voting_open_due(now=opens) == 0  # idempotent
    memo.refresh_from_db()
    assert memo.status == Memo.Status.VOTING


@pytest.mark.parametrize(
    "problem", ["not_staff", "not_draft", "no_decisions", "past_deadline", "deadline_before_open"]
)
def test_submit_refusals(problem, staff, db_member, db_body):
    memo = MemoFactory(body=db_body)
    if problem != "no_decisions":
        ProposedDecisionFactory(memo=memo)
    user, deadline, opens = staff, _future(), None
    if problem == "not_staff":
        user = db_member
    elif problem == "not_draft":
        Memo.objects.filter(pk=memo.pk).update(status=Memo.Status.WITHDRAWN)
    elif problem == "past_deadline":
        deadline = timezone.now() - datetime.timedelta(minutes=1)
    elif problem == "deadline_before_open":
        opens = _future(9)
    expected = PermissionDenied if problem == "not_staff" else ValidationError
    with pytest.raises(expected):
        sv.memo_submit(memo=memo, user=user, voting_deadline=deadline, voting_opens_at=opens)
    memo.refresh_from_db()
    assert memo.status in (Memo.Status.DRAFT, Memo.Status.WITHDRAWN)
    assert memo.submitted_at is None


# --- casting votes ---------------------------------------------------------------------


def test_vote_cast_change_and_history(db_body):
    user = voter(db_body)
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    vote = sv.vote_cast(user=user, decision=decision, choice="for", comment="Goed plan")
    assert (vote.choice, vote.comment, vote.cast_by) == ("for", "Goed plan", user)
    # A double submit of the same form adds nothing.
    sv.vote_cast(user=user, decision=decision, choice="for", comment=" Goed plan ")
    assert Vote.objects.count() == 1 and VoteRecord.objects.count() == 1
    # A change updates the vote and keeps the history.
    sv.vote_cast(user=user, decision=decision, choice="against", comment="Toch niet")
    sv.vote_cast(user=user, decision=decision, choice="against", comment="")
    vote.refresh_from_db()
    assert Vote.objects.count() == 1
    assert (vote.choice, vote.comment) == ("against", "")
    assert list(vote.records.values_list("choice", "comment")) == [
        ("for", "Goed plan"),
        ("against", "Toch niet"),
        ("against", ""),
    ]
    actions = list(
        AuditEntry.objects.filter(action__startswith="vote.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["vote.cast", "vote.changed", "vote.changed"]


def test_note_decision_is_acknowledged_not_voted(db_body):
    user = voter(db_body)
    decision = voting_memo(db_body, decisions=[NOTE]).decisions.get()
    for forged in ["for", "against", "abstain"]:
        with pytest.raises(ValidationError):
            sv.vote_cast(user=user, decision=decision, choice=forged)
    sv.vote_cast(user=user, decision=decision, choice="acknowledged")
    assert Vote.objects.get().choice == "acknowledged"


@pytest.mark.parametrize("forged", ["acknowledged", "yes", "", "FOR", "for ", "<script>", "1"])
def test_forged_choice_on_approve_is_refused(db_body, forged):
    user = voter(db_body)
    decision = voting_memo(db_body).decisions.get()
    with pytest.raises(ValidationError):
        sv.vote_cast(user=user, decision=decision, choice=forged)
    assert not Vote.objects.exists()


def test_comment_too_long_is_refused(db_body):
    user = voter(db_body)
    decision = voting_memo(db_body).decisions.get()
    with pytest.raises(ValidationError):
        sv.vote_cast(user=user, decision=decision, choice="for", comment="x" * 2001)
    assert not Vote.objects.exists()


def test_only_voting_seat_holders_vote(db_body, sg_body, staff, outsider):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    other_body = voter(sg_body)
    adviser = voter(db_body, role=Seat.Role.ADVISER)
    secretary = voter(db_body, role=Seat.Role.SECRETARY)
    for user in [with_mfa(staff), with_mfa(outsider), other_body, adviser, secretary]:
        with pytest.raises(PermissionDenied):
            sv.vote_cast(user=user, decision=decision, choice="for")
    assert not Vote.objects.exists()
    # The body's rules decide: once advisers vote, the adviser may.
    Body.objects.filter(pk=db_body.pk).update(voting_roles=["member", "adviser"])
    decision.memo.body.refresh_from_db()
    sv.vote_cast(user=adviser, decision=ProposedDecision.objects.get(pk=decision.pk), choice="for")
    assert Vote.objects.get().seat.role == Seat.Role.ADVISER


def test_ended_seat_no_longer_votes(db_body):
    user = voter(db_body)
    Seat.objects.filter(person__user=user).update(
        term_end=timezone.localdate() - datetime.timedelta(days=1)
    )
    decision = voting_memo(db_body).decisions.get()
    with pytest.raises(PermissionDenied):
        sv.vote_cast(user=user, decision=decision, choice="for")


@pytest.mark.parametrize("status", ["draft", "submitted", "decided", "archived", "withdrawn"])
def test_no_vote_outside_voting(db_body, status):
    user = voter(db_body)
    memo = voting_memo(db_body)
    Memo.objects.filter(pk=memo.pk).update(status=status)
    with pytest.raises(ValidationError):
        sv.vote_cast(user=user, decision=memo.decisions.get(), choice="for")
    assert not Vote.objects.exists()


def test_no_vote_before_opening_or_after_deadline(db_body):
    user = voter(db_body)
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    with pytest.raises(ValidationError):
        sv.vote_cast(user=user, decision=decision, choice="for", now=memo.voting_deadline)
    with pytest.raises(ValidationError):
        sv.vote_cast(
            user=user,
            decision=decision,
            choice="for",
            now=memo.voting_opens_at - datetime.timedelta(seconds=1),
        )
    sv.vote_cast(user=user, decision=decision, choice="for")
    # Changing is allowed until the deadline, never after.
    with pytest.raises(ValidationError):
        sv.vote_cast(user=user, decision=decision, choice="against", now=memo.voting_deadline)
    assert Vote.objects.get().choice == "for"


def test_mfa_is_required_when_the_setting_says_so(db_body, settings):
    user = voter(db_body, mfa=False)
    decision = voting_memo(db_body).decisions.get()
    settings.AVK_VOTE_REQUIRE_MFA = True
    with pytest.raises(sv.MfaRequired):
        sv.vote_cast(user=user, decision=decision, choice="for")
    assert not Vote.objects.exists()
    settings.AVK_VOTE_REQUIRE_MFA = False
    sv.vote_cast(user=user, decision=decision, choice="for")
    assert Vote.objects.count() == 1


def test_the_database_refuses_a_second_vote_for_a_seat(db_body):
    vote = VoteFactory(decision=voting_memo(db_body).decisions.get())
    with pytest.raises(IntegrityError):
        Vote.objects.create(decision=vote.decision, seat=vote.seat, choice="against")


def test_a_concurrent_insert_becomes_an_update(db_body, monkeypatch):
    """The IntegrityError path: another request inserted the seat's vote in between."""
    user = voter(db_body)
    decision = voting_memo(db_body).decisions.get()
    seat = Seat.objects.get(person__user=user)
    real_filter = Vote.objects.filter
    calls = {"n": 0}

    def racing_filter(*args, **kwargs):
        qs = real_filter(*args, **kwargs)
        if kwargs.get("seat") == seat and calls["n"] == 0:
            calls["n"] += 1
            Vote.objects.create(decision=decision, seat=seat, choice="for", cast_by=user)
            return real_filter(pk=-1)  # we did not see it
        return qs

    monkeypatch.setattr(Vote.objects, "filter", racing_filter)
    vote = sv.vote_cast(user=user, decision=decision, choice="against")
    monkeypatch.undo()
    assert Vote.objects.count() == 1
    assert vote.choice == "against" and Vote.objects.get().choice == "against"


# --- results ---------------------------------------------------------------------------


def _close_with(body, votes_by_choice, *, seats, kind=APPROVE):
    """A memo of `body` with one decision, `seats` voting seats, the given votes; closed."""
    users = [voter(body) for _ in range(seats)]
    memo = voting_memo(body, decisions=[kind])
    decision = memo.decisions.get()
    i = 0
    for choice, n in votes_by_choice.items():
        for _ in range(n):
            sv.vote_cast(user=users[i], decision=decision, choice=choice)
            i += 1
    memo = sd.voting_close(memo=memo, now=memo.voting_deadline)
    decision.refresh_from_db()
    return memo, decision


@pytest.mark.parametrize(
    "rules, seats, votes, result",
    [
        # default quorum: more than half of the voting seats (5 seats -> 3)
        ({}, 5, {"for": 2}, R.NO_QUORUM),
        ({}, 5, {"for": 2, "against": 1}, R.ADOPTED),
        ({}, 5, {"for": 1, "against": 1, "abstain": 1}, R.REJECTED),  # a tie is not adopted
        ({}, 5, {"for": 1, "abstain": 2}, R.ADOPTED),  # abstentions count for the quorum only
        ({}, 5, {"abstain": 3}, R.REJECTED),
        # a count quorum
        ({"quorum_count": 2}, 5, {"for": 1, "against": 1}, R.REJECTED),
        ({"quorum_count": 2}, 5, {"for": 2}, R.ADOPTED),
        ({"quorum_count": 4}, 5, {"for": 3}, R.NO_QUORUM),
        # a percentage quorum: 60% of 5 = 3
        ({"quorum_percent": 60}, 5, {"for": 2}, R.NO_QUORUM),
        ({"quorum_percent": 60}, 5, {"for": 2, "abstain": 1}, R.ADOPTED),
        ({"quorum_percent": 50}, 5, {"for": 2, "against": 1}, R.ADOPTED),  # ceil(2.5) = 3
        ({"quorum_percent": 50}, 5, {"for": 2}, R.NO_QUORUM),
        # two thirds of the votes for or against
        ({"majority": "two_thirds"}, 6, {"for": 2, "against": 1, "abstain": 1}, R.ADOPTED),
        ({"majority": "two_thirds"}, 6, {"for": 3, "against": 2}, R.REJECTED),
        ({"majority": "two_thirds"}, 6, {"for": 4, "against": 2}, R.ADOPTED),
        ({"majority": "two_thirds"}, 6, {"abstain": 4}, R.REJECTED),  # for must be > 0
        ({"majority": "two_thirds", "quorum_count": 1}, 6, {"for": 1}, R.ADOPTED),
        ({"majority": "simple"}, 6, {"for": 3, "against": 2}, R.ADOPTED),
    ],
)
def test_results_follow_the_body_rules(rules, seats, votes, result):
    body = BodyFactory(**rules)
    memo, decision = _close_with(body, votes, seats=seats)
    assert decision.result == result
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (
        votes.get("for", 0),
        votes.get("against", 0),
        votes.get("abstain", 0),
    )
    assert memo.voting_seats == seats
    assert memo.quorum == body.quorum_for(seats)
    assert Decision.objects.filter(proposed_decision=decision).exists() == (result == R.ADOPTED)


def test_note_is_noted_even_without_acknowledgements(db_body):
    _memo, decision = _close_with(db_body, {"acknowledged": 1}, seats=3, kind=NOTE)
    assert decision.result == R.NOTED and decision.acknowledgements == 1
    assert Decision.objects.get(proposed_decision=decision).result == R.NOTED


def test_results_never_change_after_the_close(db_body):
    users = [voter(db_body) for _ in range(3)]
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    for user in users[:2]:
        sv.vote_cast(user=user, decision=decision, choice="for")
    memo = sd.voting_close(memo=memo, now=memo.voting_deadline)
    decision.refresh_from_db()
    assert (decision.result, decision.votes_for) == (R.ADOPTED, 2)
    with pytest.raises(ValidationError):
        sv.vote_cast(user=users[2], decision=decision, choice="against")
    with pytest.raises(ValidationError):
        sv.vote_cast(user=users[0], decision=decision, choice="against")
    # Closing again changes nothing.
    again = sd.voting_close(memo=memo, now=memo.voting_deadline + datetime.timedelta(days=1))
    decision.refresh_from_db()
    assert (decision.result, decision.votes_for, decision.votes_against) == (R.ADOPTED, 2, 0)
    assert again.closed_at == memo.closed_at
    assert Decision.objects.count() == 1
    assert Vote.objects.filter(choice="for").count() == 2


def test_beat_does_not_close_before_the_deadline(db_body):
    memo = voting_memo(db_body)
    with pytest.raises(ValidationError):
        sd.voting_close(memo=memo)
    assert voting_advance() == {"opened": 0, "closed": 0, "opening_mails_caught_up": 0}
    memo.refresh_from_db()
    assert memo.status == Memo.Status.VOTING


def test_beat_task_closes_past_deadline_memos_idempotently(db_body):
    users = [voter(db_body) for _ in range(2)]
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    for user in users:
        sv.vote_cast(user=user, decision=decision, choice="for")
    Memo.objects.filter(pk=memo.pk).update(
        voting_deadline=timezone.now() - datetime.timedelta(seconds=1)
    )
    open_one = voting_memo(db_body)
    # The memo still open never had its opening mail (made by a factory): the safety net
    # mails its two voters, once.
    assert voting_advance.delay().get() == {"opened": 0, "closed": 1, "opening_mails_caught_up": 2}
    assert voting_advance() == {"opened": 0, "closed": 0, "opening_mails_caught_up": 0}
    memo.refresh_from_db()
    open_one.refresh_from_db()
    assert memo.status == Memo.Status.DECIDED and memo.closed_by is None
    assert open_one.status == Memo.Status.VOTING
    assert Decision.objects.count() == 1
    assert AuditEntry.objects.filter(action="memo.closed").count() == 1


def test_beat_opens_and_closes_a_memo_whose_window_passed_while_it_was_down(staff, db_body):
    memo = MemoFactory(body=db_body)
    ProposedDecisionFactory(memo=memo)
    sv.memo_submit(memo=memo, user=staff, voting_deadline=_future(2), voting_opens_at=_future(1))
    Memo.objects.filter(pk=memo.pk).update(
        voting_opens_at=timezone.now() - datetime.timedelta(days=2),
        voting_deadline=timezone.now() - datetime.timedelta(days=1),
    )
    assert voting_advance() == {"opened": 1, "closed": 1, "opening_mails_caught_up": 0}
    memo.refresh_from_db()
    assert memo.status == Memo.Status.DECIDED


# --- early close -----------------------------------------------------------------------


def test_staff_close_early_only_once_everyone_voted(staff, db_member, db_body):
    with_mfa(db_member)
    other = voter(db_body)
    adviser = voter(db_body, role=Seat.Role.ADVISER)  # not a voting seat: not waited for
    memo = voting_memo(db_body, decisions=[APPROVE, NOTE])
    approve, note = memo.decisions.order_by("order")
    sv.vote_cast(user=db_member, decision=approve, choice="for")
    sv.vote_cast(user=db_member, decision=note, choice="acknowledged")
    sv.vote_cast(user=other, decision=approve, choice="abstain")
    with pytest.raises(ValidationError):
        sd.voting_close(memo=memo, user=staff)
    with pytest.raises(PermissionDenied):
        sd.voting_close(memo=memo, user=db_member)
    assert not vote_page(memo, staff)["can_close"]
    sv.vote_cast(user=other, decision=note, choice="acknowledged")
    assert vote_page(memo, staff)["can_close"]
    memo = sd.voting_close(memo=memo, user=staff)
    assert memo.status == Memo.Status.DECIDED and memo.closed_by == staff
    approve.refresh_from_db()
    assert (approve.result, approve.votes_for, approve.votes_abstain) == (R.ADOPTED, 1, 1)
    assert adviser  # present, but never counted
    assert memo.voting_seats == 2


# --- numbering -------------------------------------------------------------------------


def test_numbering_per_body_per_year_in_memo_order(db_body, sg_body):
    db_voters = [voter(db_body) for _ in range(2)]
    sg_voters = [voter(sg_body) for _ in range(2)]
    closing = datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC)

    def run(body, users, kinds, choices, now):
        memo = voting_memo(
            body,
            decisions=kinds,
            voting_opens_at=now - datetime.timedelta(days=10),
            voting_deadline=now - datetime.timedelta(minutes=1),
        )
        for decision, choice in zip(memo.decisions.order_by("order"), choices, strict=True):
            for user in users:
                sv.vote_cast(
                    user=user,
                    decision=decision,
                    choice=choice,
                    now=now - datetime.timedelta(days=1),
                )
        sd.voting_close(memo=memo, now=now)
        return list(memo.decisions.order_by("order").values_list("listed__number", flat=True))

    first = run(
        db_body, db_voters, [NOTE, APPROVE, APPROVE], ["acknowledged", "for", "against"], closing
    )
    assert first == ["DB-2026-001", "DB-2026-002", None]
    assert run(sg_body, sg_voters, [APPROVE], ["for"], closing) == ["SG-2026-001"]
    assert run(db_body, db_voters, [APPROVE], ["for"], closing) == ["DB-2026-003"]
    # A new year starts a new sequence (the year of the close, in Amsterdam).
    new_year = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)  # 1 Jan 2027 00:30
    assert run(db_body, db_voters, [APPROVE], ["for"], new_year) == ["DB-2027-001"]
    entry = Decision.objects.get(number="DB-2026-002")
    assert entry.decided_on == datetime.date(2026, 3, 2) and entry.result == R.ADOPTED
    assert entry.sequence == 2 and entry.year == 2026 and entry.body == db_body


# --- withdraw and archive --------------------------------------------------------------


def test_withdraw_keeps_votes_and_gives_no_result(staff, db_body, db_member):
    user = voter(db_body)
    memo = voting_memo(db_body)
    sv.vote_cast(user=user, decision=memo.decisions.get(), choice="for")
    with pytest.raises(PermissionDenied):
        sv.memo_withdraw(memo=memo, user=db_member)
    memo = sv.memo_withdraw(memo=memo, user=staff)
    assert memo.status == Memo.Status.WITHDRAWN and memo.withdrawn_at
    assert Vote.objects.count() == 1
    with pytest.raises(ValidationError):
        sd.voting_close(memo=memo, now=memo.voting_deadline)
    with pytest.raises(ValidationError):
        sv.memo_withdraw(memo=memo, user=staff)
    assert not memo.decisions.exclude(result="").exists()


def test_archive_only_a_decided_memo(staff, db_body):
    memo = voting_memo(db_body)
    with pytest.raises(ValidationError):
        sv.memo_archive(memo=memo, user=staff)
    memo = sd.voting_close(memo=memo, now=memo.voting_deadline)
    memo = sv.memo_archive(memo=memo, user=staff)
    assert memo.status == Memo.Status.ARCHIVED
    assert sd.voting_close(memo=memo).status == Memo.Status.ARCHIVED  # still no change


# --- selectors -------------------------------------------------------------------------


def test_missing_text_counts_down_in_dutch(db_body):
    decision = ProposedDecisionFactory(kind=APPROVE)
    two, one = "Nog 2 stemmen nodig", "Nog 1 stem nodig"
    enough = "dan hebben genoeg mensen gestemd."
    assert missing_text(decision=decision, cast=1, quorum=3) == f"{two}, {enough}"
    assert missing_text(decision=decision, cast=2, quorum=3) == f"{one}, {enough}"
    assert missing_text(decision=decision, cast=3, quorum=3) == "Er hebben genoeg mensen gestemd."


def test_awaiting_my_vote(db_body, sg_body):
    user = voter(db_body)
    memo = voting_memo(db_body, decisions=[APPROVE, NOTE, APPROVE])
    voting_memo(sg_body)  # another body: not mine
    closed = voting_memo(db_body)
    Memo.objects.filter(pk=closed.pk).update(status=Memo.Status.DECIDED)
    late = voting_memo(db_body)
    Memo.objects.filter(pk=late.pk).update(
        voting_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    first = memo.decisions.order_by("order").first()
    assert awaiting_vote_count(user) == 3
    sv.vote_cast(user=user, decision=first, choice="for")
    assert awaiting_vote_count(user) == 2
    assert [d.memo_id for d in decisions_awaiting(user)] == [memo.pk, memo.pk]
    # An adviser (not a voting role) is awaited for nothing.
    assert awaiting_vote_count(voter(db_body, role=Seat.Role.ADVISER)) == 0


def test_awaiting_vote_count_runs_at_most_three_queries(db_body, django_assert_max_num_queries):
    user = voter(db_body)
    for _ in range(3):
        voting_memo(db_body, decisions=[APPROVE, NOTE])
    awaiting_vote_count(user)  # the seats are read once, then kept (avk.cache)
    with django_assert_max_num_queries(3):  # two cache reads and the count
        assert awaiting_vote_count(user) == 6
