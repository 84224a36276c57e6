"""Permission matrix entries of the voting (see tests/matrix.py)."""

from governance.models import ConflictOfInterest, Seat
from tests.factories import BodyFactory
from tests.governance.factories import (
    MemoFactory,
    ProposedDecisionFactory,
    VotingMemoFactory,
)
from tests.governance.factories_substitutes import substitution
from tests.matrix import EVERYONE_LOGGED_IN, POST_ONLY, STAFF_ONLY

NOT_STAFF = dict.fromkeys(["editor_a", "editor_b", "db_member", "sg_member", "outsider"], 403)


DB_VOTERS_AND_STAFF = STAFF_ONLY | {"db_member": 200}


def _db_decision(o):
    body = Seat.objects.filter(person__user=o["db_member"]).first().body
    return {"pk": ProposedDecisionFactory(memo=VotingMemoFactory(body=body)).pk}


def _db_member_conflict(o):
    seat = Seat.objects.filter(person__user=o["db_member"]).first()
    decision = ProposedDecisionFactory(memo=VotingMemoFactory(body=seat.body))
    conflict = ConflictOfInterest.objects.create(decision=decision, seat=seat, reason="Belang")
    return {"pk": conflict.pk}


def _db_member_seat(o):
    return {"pk": Seat.objects.filter(person__user=o["db_member"]).first().pk}


def _db_member_substitution(o):
    seat = Seat.objects.filter(person__user=o["db_member"]).first()
    return {"pk": substitution(seat).pk}


def _draft_with_decision(o):
    return {"pk": ProposedDecisionFactory(memo=MemoFactory()).memo_id}


EXPECTED = {
    "governance:memo_submit": (_draft_with_decision, STAFF_ONLY),
    "governance:memo_vote": (lambda o: {"pk": VotingMemoFactory().pk}, EVERYONE_LOGGED_IN),
    "governance:vote_cast": (
        lambda o: {"pk": ProposedDecisionFactory(memo=VotingMemoFactory()).pk},
        POST_ONLY,
    ),
    # Steps that cannot be undone: a GET shows the confirmation (staff only).
    "governance:memo_close": (lambda o: {"pk": VotingMemoFactory().pk}, STAFF_ONLY),
    "governance:memo_withdraw": (lambda o: {"pk": VotingMemoFactory().pk}, STAFF_ONLY),
    "governance:memo_archive": (lambda o: {"pk": VotingMemoFactory().pk}, POST_ONLY | NOT_STAFF),
    "governance:my_votes": (lambda o: {}, EVERYONE_LOGGED_IN),
    # A member of the body reports for their own seat; staff record one for any seat.
    "governance:conflict_declare": (_db_decision, DB_VOTERS_AND_STAFF),
    "governance:conflict_withdraw": (_db_member_conflict, POST_ONLY),
    "governance:body_rules": (lambda o: {"pk": BodyFactory().pk}, STAFF_ONLY),
    # A seat's substitutes: its holder and staff (who may name one for them).
    "governance:substitutes": (_db_member_seat, DB_VOTERS_AND_STAFF),
    "governance:substitution_end": (_db_member_substitution, POST_ONLY),
}
