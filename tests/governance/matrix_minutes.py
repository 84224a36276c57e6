"""Permission matrix entries of a meeting's minutes (see tests/matrix.py)."""

from governance.models import Body
from tests.governance.factories import MeetingFactory
from tests.matrix import LOGIN, PERSONAS, POST_ONLY

# The DB's meeting: its seat-holders and staff read the minutes page; anyone else 404.
DB_SEATS_AND_STAFF = dict.fromkeys(PERSONAS, 404) | {
    "anonymous": LOGIN,
    "staff": 200,
    "db_member": 200,
}
# Drafting: staff (and the body's secretary); a member sees the meeting but may not (403).
DRAFTERS = dict.fromkeys(PERSONAS, 404) | {"anonymous": LOGIN, "staff": 200, "db_member": 403}


def _db_meeting(o):
    return {"pk": MeetingFactory(body=Body.objects.get(short_name="DB")).pk}


EXPECTED = {
    "governance:minutes_detail": (_db_meeting, DB_SEATS_AND_STAFF),
    "governance:minutes_edit": (_db_meeting, DRAFTERS),
    "governance:minutes_circulate": (_db_meeting, POST_ONLY),
    "governance:minutes_adopt": (_db_meeting, DRAFTERS),
}
