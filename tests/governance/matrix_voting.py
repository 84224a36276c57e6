"""Permission matrix entries of the voting (see tests/matrix.py)."""

from tests.factories import BodyFactory
from tests.governance.factories import (
    MemoFactory,
    ProposedDecisionFactory,
    VotingMemoFactory,
)
from tests.matrix import EVERYONE_LOGGED_IN, POST_ONLY, STAFF_ONLY

NOT_STAFF = dict.fromkeys(["editor_a", "editor_b", "db_member", "sg_member", "outsider"], 403)


def _draft_with_decision(o):
    return {"pk": ProposedDecisionFactory(memo=MemoFactory()).memo_id}


EXPECTED = {
    "governance:memo_submit": (_draft_with_decision, STAFF_ONLY),
    "governance:memo_vote": (lambda o: {"pk": VotingMemoFactory().pk}, EVERYONE_LOGGED_IN),
    "governance:vote_cast": (
        lambda o: {"pk": ProposedDecisionFactory(memo=VotingMemoFactory()).pk},
        POST_ONLY,
    ),
    "governance:memo_close": (lambda o: {"pk": VotingMemoFactory().pk}, POST_ONLY | NOT_STAFF),
    "governance:memo_withdraw": (lambda o: {"pk": VotingMemoFactory().pk}, POST_ONLY | NOT_STAFF),
    "governance:memo_archive": (lambda o: {"pk": VotingMemoFactory().pk}, POST_ONLY | NOT_STAFF),
    "governance:my_votes": (lambda o: {}, EVERYONE_LOGGED_IN),
    "governance:body_rules": (lambda o: {"pk": BodyFactory().pk}, STAFF_ONLY),
}
