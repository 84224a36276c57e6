"""Permission-matrix entries for contributions before a reflection session."""

import datetime

from django.utils import timezone

from partners.models import Person
from reflection.models import Contribution, ReflectionSession
from tests.matrix import LOGIN, PERSONAS, POST_ONLY, STAFF_ONLY


def _session(o):
    """A session a month ahead, with editor_a as its only participant."""
    person = Person.objects.filter(user=o["editor_a"]).first() or Person.objects.create(
        user=o["editor_a"], name="Editor A", email=o["editor_a"].email
    )
    session = ReflectionSession.objects.create(
        year=timezone.localdate().year,
        level=ReflectionSession.Level.PROGRAMMATEAM,
        date=timezone.localdate() + datetime.timedelta(days=30),
    )
    session.participants.add(person)
    return session


def _contribution(o):
    return Contribution.objects.create(
        session=_session(o), author=o["editor_a"], side="wij", text="Meer samen doen."
    )


# Participants (editor_a) and staff; everyone else logged in may see sessions but not this.
PARTICIPANT_AND_STAFF = dict.fromkeys(PERSONAS, 403) | {
    "anonymous": LOGIN,
    "staff": 200,
    "editor_a": 200,
}

EXPECTED = {
    "reflection:contribute": (lambda o: {"pk": _session(o).pk}, PARTICIPANT_AND_STAFF),
    "reflection:contribution_list": (lambda o: {"pk": _session(o).pk}, STAFF_ONLY),
    "reflection:contribution_promote": (
        lambda o: {"pk": _contribution(o).pk},
        POST_ONLY
        | {"editor_a": 403, "editor_b": 403, "db_member": 403, "sg_member": 403, "outsider": 403},
    ),
    "reflection:session_ical": (lambda o: {"pk": _session(o).pk}, PARTICIPANT_AND_STAFF),
}
