"""Permission matrix entries of the decision list (see tests/matrix.py)."""

from governance.models import Body
from tests.governance.factories_meetings import ListedDecisionFactory
from tests.matrix import EVERYONE_LOGGED_IN


def _db_body_with_a_decision(o):
    body = Body.objects.get(short_name="DB")  # made by the db_member persona
    ListedDecisionFactory(memo__body=body)
    return {"pk": body.pk}


EXPECTED = {
    # The alliance's decisions are open to its members: everyone logged in reads them.
    "governance:decision_list": (_db_body_with_a_decision, EVERYONE_LOGGED_IN),
    "governance:decision_list_csv": (_db_body_with_a_decision, EVERYONE_LOGGED_IN),
}
