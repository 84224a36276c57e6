"""Permission matrix entries of the programme roles and decision reviews (see tests/matrix.py)."""

import datetime

from governance.models import Body, DecisionReview, ProgrammeRole, RoleTerm
from tests.factories import PersonFactory
from tests.governance.factories_meetings import ListedDecisionFactory
from tests.matrix import EVERYONE_LOGGED_IN, STAFF_ONLY


def _term(o):
    term = RoleTerm.objects.create(
        role=ProgrammeRole.MANAGER,
        person=PersonFactory(),
        term_start=datetime.date(2025, 1, 1),
    )
    return {"pk": term.pk}


def _decision(o):
    return {"pk": ListedDecisionFactory(memo__body=Body.objects.get(short_name="DB")).pk}


def _review(o):
    decision = ListedDecisionFactory(memo__body=Body.objects.get(short_name="DB"))
    review = DecisionReview.objects.create(
        decision=decision, review_on=datetime.date(2027, 1, 1), owner=PersonFactory()
    )
    return {"pk": review.pk}


EXPECTED = {
    # Who fills the programme roles is open to the alliance; staff change the terms.
    "governance:role_list": (lambda o: {}, EVERYONE_LOGGED_IN),
    "governance:role_create": (lambda o: {}, STAFF_ONLY),
    "governance:role_edit": (_term, STAFF_ONLY),
    # Reviews of decisions are staff's follow-up.
    "governance:review_list": (lambda o: {}, STAFF_ONLY),
    "governance:review_plan": (_decision, STAFF_ONLY),
    "governance:review_record": (_review, STAFF_ONLY),
}
