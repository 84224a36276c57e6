"""Conflicts of interest: a seat-holder steps aside on one proposed decision.

The rules (governance.services.conflicts): declared before voting, with a reason; the
seat-holder then cannot vote on it (the service refuses, not only the page); quorum and
majority of that decision are counted over the remaining voting seats; staff may record a
declaration made at a meeting; a declaration is withdrawn by its seat-holder or staff while
the voting is open; a declaration after one has voted is refused.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from avk.models import AuditEntry
from governance.models import Body, ConflictOfInterest, Memo, ProposedDecision, Seat, Vote
from governance.selectors.voting import awaiting_vote_count, decisions_awaiting, vote_page
from governance.services import conflicts as sc
from governance.services import decisions as sd
from governance.services import voting as sv
from governance.services.reminders import digests_build
from tests.governance.factories_voting import voter, voting_memo, with_mfa

pytestmark = pytest.mark.django_db

APPROVE = ProposedDecision.Kind.APPROVE
NOTE = ProposedDecision.Kind.NOTE
R = ProposedDecision.Result
REASON = "Mijn organisatie levert de programmamanager."


@pytest.fixture
def member(db_member):
    return with_mfa(db_member)


def _seat(user, body):
    return Seat.objects.get(person__user=user, body=body)


# --- declaring -------------------------------------------------------------------------


def test_a_member_declares_with_a_reason_and_it_is_audited(member, db_body):
    decision = voting_memo(db_body).decisions.get()
    conflict = sc.conflict_declare(user=member, decision=decision, reason=f"  {REASON}  ")
    assert conflict.seat == _seat(member, db_body)
    assert conflict.reason == REASON
    assert conflict.recorded_by == member
    assert not conflict.on_behalf
    entry = AuditEntry.objects.get(action="conflict.declared")
    assert entry.actor == member
    assert entry.group == f"memo:{decision.memo_id}"
    assert entry.changes["reason"] == ["", REASON]


def test_a_double_submit_keeps_one_declaration(member, db_body):
    decision = voting_memo(db_body).decisions.get()
    first = sc.conflict_declare(user=member, decision=decision, reason=REASON)
    again = sc.conflict_declare(user=member, decision=decision, reason="Iets anders")
    assert again.pk == first.pk
    assert ConflictOfInterest.objects.get().reason == REASON
    assert AuditEntry.objects.filter(action="conflict.declared").count() == 1


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_the_reason_is_required(member, db_body, reason):
    decision = voting_memo(db_body).decisions.get()
    with pytest.raises(ValidationError) as error:
        sc.conflict_declare(user=member, decision=decision, reason=reason)
    assert "reason" in error.value.message_dict
    assert not ConflictOfInterest.objects.exists()


def test_the_reason_is_at_most_500_characters(member, db_body):
    decision = voting_memo(db_body).decisions.get()
    with pytest.raises(ValidationError) as error:
        sc.conflict_declare(user=member, decision=decision, reason="x" * 501)
    assert "reason" in error.value.message_dict
    assert sc.conflict_declare(user=member, decision=decision, reason="x" * 500)


def test_the_database_keeps_one_declaration_per_seat_and_a_reason(member, db_body):
    decision = voting_memo(db_body).decisions.get()
    seat = _seat(member, db_body)
    ConflictOfInterest.objects.create(decision=decision, seat=seat, reason=REASON)
    with pytest.raises(IntegrityError):
        ConflictOfInterest.objects.create(decision=decision, seat=seat, reason="nog een keer")


def test_the_database_refuses_an_empty_reason(member, db_body):
    decision = voting_memo(db_body).decisions.get()
    with pytest.raises(IntegrityError):
        ConflictOfInterest.objects.create(decision=decision, seat=_seat(member, db_body), reason="")


def test_after_voting_a_declaration_is_refused_with_a_clear_message(member, db_body):
    decision = voting_memo(db_body).decisions.get()
    sv.vote_cast(user=member, decision=decision, choice="for")
    with pytest.raises(ValidationError) as error:
        sc.conflict_declare(user=member, decision=decision, reason=REASON)
    assert "Je hebt al gestemd over dit voorstel." in " ".join(error.value.messages)
    assert not ConflictOfInterest.objects.exists()


def test_only_a_voting_seat_holder_of_the_body_declares(db_body, sg_member, outsider, staff):
    decision = voting_memo(db_body).decisions.get()
    adviser = voter(db_body, role=Seat.Role.ADVISER)
    for user in [with_mfa(sg_member), outsider, adviser, staff]:
        with pytest.raises(PermissionDenied):
            sc.conflict_declare(user=user, decision=decision, reason=REASON)
    assert not ConflictOfInterest.objects.exists()


def test_a_member_cannot_declare_for_someone_else(member, db_body):
    other = voter(db_body)
    decision = voting_memo(db_body).decisions.get()
    with pytest.raises(PermissionDenied):
        sc.conflict_declare(
            user=member, decision=decision, reason=REASON, seat=_seat(other, db_body)
        )
    assert not ConflictOfInterest.objects.exists()


def test_staff_record_a_declaration_made_at_a_meeting(staff, member, db_body):
    decision = voting_memo(db_body).decisions.get()
    conflict = sc.conflict_declare(
        user=staff, decision=decision, reason=REASON, seat=_seat(member, db_body)
    )
    assert conflict.recorded_by == staff
    assert conflict.on_behalf
    assert AuditEntry.objects.get(action="conflict.declared").actor == staff


def test_staff_record_only_for_a_current_voting_seat_of_the_body(staff, db_body, sg_body):
    decision = voting_memo(db_body).decisions.get()
    adviser = voter(db_body, role=Seat.Role.ADVISER)
    elsewhere = voter(sg_body)
    gone = voter(db_body)
    Seat.objects.filter(person__user=gone).update(
        term_end=timezone.localdate() - datetime.timedelta(days=1)
    )
    for user, body in [(adviser, db_body), (elsewhere, sg_body), (gone, db_body)]:
        with pytest.raises(ValidationError) as error:
            sc.conflict_declare(
                user=staff, decision=decision, reason=REASON, seat=_seat(user, body)
            )
        assert "seat" in error.value.message_dict
    assert not ConflictOfInterest.objects.exists()


def test_staff_recording_for_someone_who_voted_is_refused(staff, member, db_body):
    decision = voting_memo(db_body).decisions.get()
    sv.vote_cast(user=member, decision=decision, choice="against")
    with pytest.raises(ValidationError) as error:
        sc.conflict_declare(
            user=staff, decision=decision, reason=REASON, seat=_seat(member, db_body)
        )
    assert "heeft al gestemd" in " ".join(error.value.messages)


def test_a_note_takes_no_declaration(member, db_body):
    decision = voting_memo(db_body, decisions=[NOTE]).decisions.get()
    with pytest.raises(ValidationError):
        sc.conflict_declare(user=member, decision=decision, reason=REASON)


def test_declaring_before_the_voting_opens_is_fine(member, db_body):
    memo = voting_memo(db_body)
    Memo.objects.filter(pk=memo.pk).update(
        status=Memo.Status.SUBMITTED, voting_opens_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert sc.conflict_declare(user=member, decision=memo.decisions.get(), reason=REASON)


@pytest.mark.parametrize("when", ["draft", "withdrawn", "decided", "after_deadline"])
def test_declaring_outside_the_voting_is_refused(member, db_body, when):
    memo = voting_memo(db_body)
    if when == "after_deadline":
        Memo.objects.filter(pk=memo.pk).update(
            voting_deadline=timezone.now() - datetime.timedelta(seconds=1)
        )
    else:
        Memo.objects.filter(pk=memo.pk).update(status=when)
    with pytest.raises(ValidationError):
        sc.conflict_declare(user=member, decision=memo.decisions.get(), reason=REASON)
    assert not ConflictOfInterest.objects.exists()


# --- voting with a declaration ---------------------------------------------------------


def test_a_declared_member_cannot_vote_on_that_decision_but_on_the_others(member, db_body):
    memo = voting_memo(db_body, decisions=[APPROVE, APPROVE])
    first, second = memo.decisions.order_by("order")
    sc.conflict_declare(user=member, decision=first, reason=REASON)
    with pytest.raises(ValidationError) as error:
        sv.vote_cast(user=member, decision=first, choice="for")
    assert "persoonlijk belang" in " ".join(error.value.messages)
    assert not Vote.objects.filter(decision=first).exists()
    sv.vote_cast(user=member, decision=second, choice="for")
    assert Vote.objects.filter(decision=second).count() == 1


def test_the_voting_page_shows_the_declaration_and_offers_no_vote(member, db_body):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    sc.conflict_declare(user=member, decision=decision, reason=REASON)
    row = vote_page(memo, member)["rows"][0]
    assert row.my_conflict is not None
    assert not row.can_vote
    assert row.can_withdraw_conflict
    assert [c.seat.person.user for c in row.stepped_aside] == [member]


# --- withdrawing -----------------------------------------------------------------------


def test_the_member_withdraws_while_open_and_may_vote_again(member, db_body):
    decision = voting_memo(db_body).decisions.get()
    conflict = sc.conflict_declare(user=member, decision=decision, reason=REASON)
    sc.conflict_withdraw(user=member, conflict=conflict)
    assert not ConflictOfInterest.objects.exists()
    entry = AuditEntry.objects.get(action="conflict.withdrawn")
    assert entry.actor == member and entry.changes["reason"] == [REASON, ""]
    sv.vote_cast(user=member, decision=decision, choice="for")
    # Withdrawing twice (a double submit) changes nothing more.
    sc.conflict_withdraw(user=member, conflict=conflict)
    assert AuditEntry.objects.filter(action="conflict.withdrawn").count() == 1


def test_staff_withdraw_a_declaration_others_cannot(staff, member, db_body):
    other = voter(db_body)
    decision = voting_memo(db_body).decisions.get()
    conflict = sc.conflict_declare(user=member, decision=decision, reason=REASON)
    with pytest.raises(PermissionDenied):
        sc.conflict_withdraw(user=other, conflict=conflict)
    assert ConflictOfInterest.objects.exists()
    sc.conflict_withdraw(user=staff, conflict=conflict)
    assert not ConflictOfInterest.objects.exists()


def test_withdrawing_after_the_close_is_refused(member, db_body):
    memo = voting_memo(db_body)
    conflict = sc.conflict_declare(user=member, decision=memo.decisions.get(), reason=REASON)
    sd.voting_close(memo=memo, now=memo.voting_deadline)
    with pytest.raises(ValidationError):
        sc.conflict_withdraw(user=member, conflict=conflict)
    assert ConflictOfInterest.objects.exists()


def test_withdrawing_after_the_deadline_is_refused(member, db_body):
    memo = voting_memo(db_body)
    conflict = sc.conflict_declare(user=member, decision=memo.decisions.get(), reason=REASON)
    Memo.objects.filter(pk=memo.pk).update(
        voting_deadline=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(ValidationError):
        sc.conflict_withdraw(user=member, conflict=conflict)


# --- quorum and majority over the remaining seats --------------------------------------


def test_quorum_is_counted_over_the_remaining_voting_seats(member, db_body):
    # Four voting seats: quorum 3 (more than half). One steps aside on the first decision:
    # three remain, so 2 votes are enough there; the second decision still needs 3.
    others = [voter(db_body) for _ in range(3)]
    memo = voting_memo(db_body, decisions=[APPROVE, APPROVE])
    first, second = memo.decisions.order_by("order")
    sc.conflict_declare(user=member, decision=first, reason=REASON)
    for user in others[:2]:
        sv.vote_cast(user=user, decision=first, choice="for")
        sv.vote_cast(user=user, decision=second, choice="for")
    page = vote_page(memo, others[0])
    row_first, row_second = page["rows"]
    assert (row_first.seat_count, row_first.quorum) == (3, 2)
    assert (row_second.seat_count, row_second.quorum) == (4, 3)
    assert row_first.missing == "Er hebben genoeg mensen gestemd."
    sd.voting_close(memo=memo, now=memo.voting_deadline)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.result, first.voting_seats, first.quorum) == (R.ADOPTED, 3, 2)
    assert (second.result, second.voting_seats, second.quorum) == (R.NO_QUORUM, 4, 3)
    memo.refresh_from_db()
    assert (memo.voting_seats, memo.quorum) == (4, 3)
    closed = vote_page(memo, others[0])["rows"]
    assert [(r.seat_count, r.quorum) for r in closed] == [(3, 2), (4, 3)]


def test_a_percentage_quorum_shrinks_with_the_seats_aside(member, db_body):
    Body.objects.filter(pk=db_body.pk).update(quorum_percent=75)
    db_body.refresh_from_db()
    others = [voter(db_body) for _ in range(3)]  # 4 seats: 3 needed
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    sc.conflict_declare(user=member, decision=decision, reason=REASON)
    for user in others[:3]:
        sv.vote_cast(user=user, decision=decision, choice="for")
    assert vote_page(memo, member)["rows"][0].quorum == 3  # ceil(3 * 0.75)
    sd.voting_close(memo=memo, now=memo.voting_deadline)
    decision.refresh_from_db()
    assert decision.quorum == 3 and decision.result == R.ADOPTED


def test_majority_is_over_the_remaining_votes(member, db_body):
    # Three seats; the one stepping aside cannot tip it: 1 for, 1 against is rejected.
    for_voter, against_voter = voter(db_body), voter(db_body)
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    sc.conflict_declare(user=member, decision=decision, reason=REASON)
    sv.vote_cast(user=for_voter, decision=decision, choice="for")
    sv.vote_cast(user=against_voter, decision=decision, choice="against")
    sd.voting_close(memo=memo, now=memo.voting_deadline)
    decision.refresh_from_db()
    assert (decision.votes_for, decision.votes_against) == (1, 1)
    assert decision.result == R.REJECTED


def test_everyone_stepping_aside_leaves_no_quorum(member, db_body):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    sc.conflict_declare(user=member, decision=decision, reason=REASON)
    sd.voting_close(memo=memo, now=memo.voting_deadline)
    decision.refresh_from_db()
    assert (decision.voting_seats, decision.result) == (0, R.NO_QUORUM)


def test_staff_close_early_when_everyone_voted_or_stepped_aside(staff, member, db_body):
    other = voter(db_body)
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    sv.vote_cast(user=other, decision=decision, choice="for")
    assert not vote_page(memo, staff)["can_close"]
    sc.conflict_declare(user=member, decision=decision, reason=REASON)
    page = vote_page(memo, staff)
    assert page["can_close"]
    assert page["rows"][0].not_voted == []
    sd.voting_close(memo=memo, user=staff)
    decision.refresh_from_db()
    assert decision.result == R.ADOPTED


def test_a_stepped_aside_decision_no_longer_awaits_the_member(member, db_body):
    memo = voting_memo(db_body, decisions=[APPROVE, APPROVE])
    first = memo.decisions.order_by("order").first()
    assert awaiting_vote_count(member) == 2
    sc.conflict_declare(user=member, decision=first, reason=REASON)
    assert awaiting_vote_count(member) == 1
    assert first not in decisions_awaiting(member)


def test_the_reminder_does_not_count_a_stepped_aside_decision(member, db_body, settings):
    settings.AVK_VOTE_REMINDER_DAYS = [3, 1]
    memo = voting_memo(db_body)
    Memo.objects.filter(pk=memo.pk).update(
        voting_deadline=timezone.now() + datetime.timedelta(days=1)
    )
    sc.conflict_declare(user=member, decision=memo.decisions.get(), reason=REASON)
    assert [d for d in digests_build() if d.user.pk == member.pk] == []
