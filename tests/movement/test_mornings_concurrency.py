"""People confirm at the same moment for the last free place of a morning, on PostgreSQL
with real connections: one gets it, the others wait; never an over-full morning.

PostgreSQL only: SQLite serialises every writer on one file lock, so it proves nothing
about row locks under concurrency (CI runs on PostgreSQL).
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection

from movement.models import PLACE_HOLDING, MorningSignup, SignupStatus
from movement.services import mornings as services
from movement.services import signups as signup_services
from tests.movement.factories_mornings import MorningSignupFactory, TeamMorningFactory

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: row locks and concurrent transactions (set DATABASE_URL)",
)


@pytest.fixture(autouse=True)
def _slow_count(monkeypatch):
    """Hold each confirmation a moment between counting the places and taking one, so the
    confirmations really overlap: without the morning's row lock they would all see the
    last place free (the database is real; only the timing is widened)."""
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
                outcomes.append(services.morning_signup_confirm(token=token)[0])
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


def _unconfirmed(morning, n):
    return [
        services.morning_signup_create(
            morning=morning, name=f"Persoon {i}", email=f"race{i}@example.org", consent=True
        )[1]
        for i in range(n)
    ]


@pytest.mark.django_db(transaction=True)
def test_three_people_take_the_last_place_at_once_and_two_wait():
    morning = TeamMorningFactory(capacity=3)
    MorningSignupFactory.create_batch(2, morning=morning)  # one place left
    outcomes = _race(_unconfirmed(morning, 3))
    assert sorted(outcomes) == ["registered", "waitlisted", "waitlisted"]
    held = MorningSignup.objects.filter(morning=morning, status__in=PLACE_HOLDING)
    assert held.count() == 3
    waiting = MorningSignup.objects.filter(morning=morning, status=SignupStatus.WAITLISTED)
    assert waiting.count() == 2


@pytest.mark.django_db(transaction=True)
def test_fifteen_confirmations_at_once_fill_exactly_the_places():
    morning = TeamMorningFactory(capacity=4)
    outcomes = _race(_unconfirmed(morning, 15))
    assert outcomes.count("registered") == 4
    assert outcomes.count("waitlisted") == 11
    held = MorningSignup.objects.filter(morning=morning, status__in=PLACE_HOLDING)
    assert held.count() == 4
