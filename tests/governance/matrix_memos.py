"""Permission matrix entries of the memo editor (see tests/matrix.py).

The memos are drafts addressed to the body of db_member's seat ("DB"): staff may change
them; db_member sees them but may not change them (403); everyone else does not see a
draft at all (404).
"""

from governance.models import Seat
from tests.governance.factories import MemoFactory, MemoSectionFactory, ProposedDecisionFactory
from tests.governance.factories_memos import MemoAnnexFactory, snapshot_version
from tests.matrix import EVERYONE_LOGGED_IN, LOGIN, PERSONAS, STAFF_ONLY

OUTSIDE_DB = ["editor_a", "editor_b", "sg_member", "outsider"]
# Draft of the DB: seen by staff and DB seat-holders, changed by staff only.
DRAFT_READ = dict.fromkeys(PERSONAS, 404) | {"anonymous": LOGIN, "staff": 200, "db_member": 200}
DRAFT_WRITE = dict.fromkeys(PERSONAS, 404) | {"anonymous": LOGIN, "staff": 200, "db_member": 403}
DRAFT_POST_ONLY = dict.fromkeys(PERSONAS, 405) | {"anonymous": LOGIN}


def db_draft(o):
    body = Seat.objects.filter(person__user=o["db_member"]).first().body
    memo = MemoFactory(body=body)
    snapshot_version(memo)
    return memo


def _section(o):
    section = MemoSectionFactory(memo=db_draft(o))
    return {"pk": section.memo_id, "item_pk": section.pk}


def _decision(o):
    decision = ProposedDecisionFactory(memo=db_draft(o))
    return {"pk": decision.memo_id, "item_pk": decision.pk}


def _annex(o):
    annex = MemoAnnexFactory(memo=db_draft(o))
    return {"pk": annex.memo_id, "item_pk": annex.pk}


def _memo(o):
    return {"pk": db_draft(o).pk}


EXPECTED = {
    "governance:memo_list": (lambda o: {}, EVERYONE_LOGGED_IN),
    "governance:memo_create": (lambda o: {}, STAFF_ONLY),
    "governance:memo_detail": (_memo, DRAFT_READ),
    "governance:memo_edit": (_memo, DRAFT_WRITE),
    "governance:memo_versions": (_memo, DRAFT_WRITE),
    "governance:memo_compare": (_memo, DRAFT_WRITE),
    "governance:memo_restore": (lambda o: _memo(o) | {"number": 1}, DRAFT_POST_ONLY),
    "governance:memo_annex_image": (lambda o: {"pk": _annex(o)["item_pk"]}, DRAFT_READ),
    "governance:memo_section_add": (_memo, DRAFT_WRITE),
    "governance:memo_section_edit": (_section, DRAFT_WRITE),
    "governance:memo_section_delete": (_section, DRAFT_POST_ONLY),
    "governance:memo_section_move": (_section, DRAFT_POST_ONLY),
    "governance:memo_decision_add": (_memo, DRAFT_WRITE),
    "governance:memo_decision_edit": (_decision, DRAFT_WRITE),
    "governance:memo_decision_delete": (_decision, DRAFT_POST_ONLY),
    "governance:memo_decision_move": (_decision, DRAFT_POST_ONLY),
    "governance:memo_annex_add": (_memo, DRAFT_WRITE),
    "governance:memo_annex_edit": (_annex, DRAFT_WRITE),
    "governance:memo_annex_delete": (_annex, DRAFT_POST_ONLY),
    "governance:memo_annex_move": (_annex, DRAFT_POST_ONLY),
}
