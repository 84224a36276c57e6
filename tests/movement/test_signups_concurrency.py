"""Two people confirm at the same moment for the last free place, on PostgreSQL with real
connections: one gets it, the other goes on the waiting list; never an over-full pilot.

PostgreSQL only: SQLite serialises every writer on one file lock, so it proves nothing
about row locks under concurrency (CI runs on PostgreSQL).
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection

from movement.models import PLACE_HOLDING, PilotSignup, SignupStatus
from movement.services import pilots as services
from movement.services import signups as signup_services
from tests.movement.factories_pilots import PilotFactory, PilotSignupFactory

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: row locks and concurrent transactions (set DATABASE_URL)",
)


@pytest.fixture(autouse=True)
def _slow_count(monkeypatch):
    """Hold each confirmation a moment between counting the places and taking one, so
    the confirmations really overlap: without the pilot's row lock two of them would
    both see the last place free (the database is real; only the timing is widened)."""
    count = signup_services.places_taken

    def slow(offer):
        taken = count(offer)
        time.sleep(0.2)
        return taken

    monkeypatch.setattr(signup_services, "places_taken", slow)


def _race(tokens):
    start = threading.Barrier(len(tokens))
    outcomes, errors = [], []

    def confirm(token):
        try:
            connection.ensure_connection()  # connect first: the race starts at the barrier
            start.wait(timeout=30)
            try:
                outcomes.append(services.pilot_signup_confirm(token=token)[0])
            finally:
                connection.close()  # this thread's own connection
        except Exception as exc:  # collected, asserted on below
            errors.append(repr(exc))

    threads = [threading.Thread(target=confirm, args=(t,)) for t in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    return outcomes


def _unconfirmed(pilot, n):
    return [
        services.pilot_signup_create(
            pilot=pilot, name=f"Persoon {i}", email=f"race{i}@example.org", consent=True
        )[1]
        for i in range(n)
    ]


@pytest.mark.django_db(transaction=True)
def test_two_people_take_the_last_place_at_once_and_one_goes_on_the_waiting_list():
    pilot = PilotFactory(capacity=3)
    PilotSignupFactory.create_batch(2, pilot=pilot)  # one place left
    outcomes = _race(_unconfirmed(pilot, 2))
    assert sorted(outcomes) == ["registered", "waitlisted"]
    assert PilotSignup.objects.filter(pilot=pilot, status__in=PLACE_HOLDING).count() == 3
    assert PilotSignup.objects.filter(pilot=pilot, status=SignupStatus.WAITLISTED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_twenty_confirmations_at_once_fill_exactly_the_places():
    pilot = PilotFactory(capacity=5)
    outcomes = _race(_unconfirmed(pilot, 20))
    assert outcomes.count("registered") == 5
    assert outcomes.count("waitlisted") == 15
    assert PilotSignup.objects.filter(pilot=pilot, status__in=PLACE_HOLDING).count() == 5
