"""Permission matrix entries of meetings, actions and the calendar feed (see tests/matrix.py)."""

from governance.models import Body, CalendarFeed
from tests.governance.factories import ActionItemFactory, MeetingFactory
from tests.matrix import EVERYONE, EVERYONE_LOGGED_IN, LOGIN, PERSONAS, POST_ONLY, STAFF_ONLY

# A meeting of the DB: its seat-holders and staff read it; anyone else gets 404.
DB_SEATS_AND_STAFF = dict.fromkeys(PERSONAS, 404) | {
    "anonymous": LOGIN,
    "staff": 200,
    "db_member": 200,
}


def _db_meeting(o):
    return {"pk": MeetingFactory(body=Body.objects.get(short_name="DB")).pk}


def _staff_feed(o):
    return {"token": CalendarFeed.objects.create(user=o["staff"]).token}


EXPECTED = {
    "governance:meeting_list": (lambda o: {}, EVERYONE_LOGGED_IN),
    "governance:meeting_create": (lambda o: {}, STAFF_ONLY),
    "governance:meeting_detail": (_db_meeting, DB_SEATS_AND_STAFF),
    "governance:meeting_edit": (_db_meeting, STAFF_ONLY),
    "governance:action_list": (lambda o: {}, STAFF_ONLY),
    "governance:action_create": (lambda o: {}, STAFF_ONLY),
    "governance:action_edit": (lambda o: {"pk": ActionItemFactory().pk}, STAFF_ONLY),
    "governance:action_status": (lambda o: {"pk": ActionItemFactory().pk}, POST_ONLY),
    "governance:my_actions": (lambda o: {}, EVERYONE_LOGGED_IN),
    "governance:calendar_feed": (lambda o: {}, EVERYONE_LOGGED_IN),
    # A bearer URL: the secret token is the key, with or without a login.
    "governance:calendar_ics": (_staff_feed, EVERYONE),
}
