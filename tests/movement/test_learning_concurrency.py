"""The last place of a course, taken at the same moment on PostgreSQL with real
connections: by people confirming their link, and by logged-in people whose sign-up is
confirmed at once. One gets it, the others wait; never an over-full course.

PostgreSQL only: SQLite serialises every writer on one file lock, so it proves nothing
about row locks under concurrency (CI runs on PostgreSQL).
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection

from movement.models import PLACE_HOLDING, CourseSignup, SignupStatus
from movement.services import learning as services
from movement.services import signups as signup_services
from tests.factories import UserFactory
from tests.movement.factories_learning import CourseFactory, CourseSignupFactory

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: row locks and concurrent transactions (set DATABASE_URL)",
)


@pytest.fixture(autouse=True)
def _slow_count(monkeypatch):
    """Hold each confirmation a moment between counting the places and taking one, so
    they really overlap: without the course's row lock two of them would both see the
    last place free (the database is real; only the timing is widened)."""
    count = signup_services.places_taken

    def slow(offer):
        taken = count(offer)
        time.sleep(0.2)
        return taken

    monkeypatch.setattr(signup_services, "places_taken", slow)


def _race(calls):
    start = threading.Barrier(len(calls))
    outcomes, errors = [], []

    def run(call):
        try:
            connection.ensure_connection()  # connect first: the race starts at the barrier
            start.wait(timeout=30)
            try:
                outcomes.append(call()[0])
            finally:
                connection.close()  # this thread's own connection
        except Exception as exc:  # collected, asserted on below
            errors.append(repr(exc))

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    return outcomes


def _confirmations(course, n):
    tokens = [
        services.course_signup_create(
            course=course, name=f"Persoon {i}", email=f"race{i}@example.org", consent=True
        )[1]
        for i in range(n)
    ]
    return [lambda t=t: services.course_signup_confirm(token=t) for t in tokens]


@pytest.mark.django_db(transaction=True)
def test_two_people_confirm_for_the_last_place_at_once_and_one_waits():
    course = CourseFactory(capacity=3)
    CourseSignupFactory.create_batch(2, course=course)  # one place left
    outcomes = _race(_confirmations(course, 2))
    assert sorted(outcomes) == ["registered", "waitlisted"]
    assert CourseSignup.objects.filter(course=course, status__in=PLACE_HOLDING).count() == 3


@pytest.mark.django_db(transaction=True)
def test_logged_in_people_signing_up_at_once_never_overfill_it():
    course = CourseFactory(capacity=4)
    users = [UserFactory(email=f"lid{i}@example.org") for i in range(12)]
    calls = [
        lambda u=u: services.course_signup_create_verified(
            course=course, user=u, name="Lid", email=u.email, consent=True
        )
        for u in users
    ]
    outcomes = _race(calls)
    assert outcomes.count("registered") == 4
    assert outcomes.count("waitlisted") == 8
    assert CourseSignup.objects.filter(course=course, status__in=PLACE_HOLDING).count() == 4
    assert CourseSignup.objects.filter(status=SignupStatus.UNCONFIRMED).count() == 0
