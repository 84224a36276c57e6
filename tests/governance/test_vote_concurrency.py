"""200 voters casting their vote at the same moment, plus duplicate submissions, on
PostgreSQL with real connections: exactly one vote per seat, the tally exact, no error.

PostgreSQL only: SQLite serialises every writer on one file lock, so it proves nothing
about row locks and the unique constraint under concurrency (CI runs on PostgreSQL).
"""

import datetime
import threading

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import connection
from django.utils import timezone

from avk.models import User
from governance.models import Memo, ProposedDecision, Seat, Vote, VoteRecord
from governance.services import decisions as sd
from governance.services import voting as sv
from partners.models import Person
from tests.factories import BodyFactory
from tests.governance.factories import ProposedDecisionFactory, VotingMemoFactory

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: row locks and concurrent transactions (set DATABASE_URL)",
)

VOTERS = 200
DUPLICATES = 50  # threads re-submitting an already used seat's vote at the same moment
CHANGES = 20  # threads changing an already used seat's vote at the same moment
# PostgreSQL's default max_connections is 100, shared with the test process: every thread
# gets its own connection, but at most this many are open at once.
MAX_OPEN_CONNECTIONS = 40

CHOICES = [Vote.Choice.FOR, Vote.Choice.AGAINST, Vote.Choice.ABSTAIN]


def _voters(body, n):
    """n users with a current member seat of `body` and a TOTP authenticator (bulk)."""
    users = User.objects.bulk_create(
        [User(email=f"stemmer{i}@example.org", full_name=f"Stemmer {i}") for i in range(n)]
    )
    people = Person.objects.bulk_create(
        [Person(name=u.full_name, email=u.email, user=u) for u in users]
    )
    Seat.objects.bulk_create(
        [
            Seat(person=p, body=body, role=Seat.Role.MEMBER, term_start=datetime.date(2024, 1, 1))
            for p in people
        ]
    )
    Authenticator.objects.bulk_create(
        [Authenticator(user=u, type=Authenticator.Type.TOTP, data={"secret": "x"}) for u in users]
    )
    return users


@pytest.mark.django_db(transaction=True)
def test_200_concurrent_votes_plus_duplicates_count_exactly_once():
    body = BodyFactory()
    memo = VotingMemoFactory(body=body)
    decision = ProposedDecisionFactory(memo=memo, kind=ProposedDecision.Kind.APPROVE)
    users = _voters(body, VOTERS)

    jobs = [(user, CHOICES[i % 3]) for i, user in enumerate(users)]
    jobs += [(users[i], CHOICES[i % 3]) for i in range(DUPLICATES)]  # the same form again
    # A change racing the first vote: whichever commits last wins, nothing is lost.
    changed = range(DUPLICATES, DUPLICATES + CHANGES)
    jobs += [(users[i], Vote.Choice.FOR) for i in changed]

    start = threading.Barrier(len(jobs))
    gate = threading.BoundedSemaphore(MAX_OPEN_CONNECTIONS)
    errors = []

    def cast(user, choice):
        try:
            start.wait(timeout=30)
            with gate:
                try:
                    sv.vote_cast(user=user, decision=decision, choice=choice)
                finally:
                    connection.close()  # this thread's own connection
        except Exception as exc:  # collected, asserted on below
            errors.append(repr(exc))

    threads = [threading.Thread(target=cast, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert errors == []

    assert Vote.objects.filter(decision=decision).count() == VOTERS
    assert Vote.objects.values("seat").distinct().count() == VOTERS
    final = dict(Vote.objects.filter(decision=decision).values_list("seat__person__user", "choice"))
    expected = {user.pk: CHOICES[i % 3] for i, user in enumerate(users)}
    for i in changed:
        # Either order is correct; the history shows which came last.
        records = list(
            VoteRecord.objects.filter(vote__seat__person__user=users[i])
            .order_by("cast_at", "pk")
            .values_list("choice", flat=True)
        )
        assert records[-1] == final[users[i].pk]
        expected[users[i].pk] = final[users[i].pk]
        assert set(records) <= {CHOICES[i % 3], Vote.Choice.FOR}
    assert final == expected
    # A duplicate of the same form adds no history; a real change adds one record.
    real_changes = sum(1 for i in changed if CHOICES[i % 3] != Vote.Choice.FOR)
    assert VoteRecord.objects.count() == VOTERS + real_changes

    # The tally at the close is exactly what was cast.
    Memo.objects.filter(pk=memo.pk).update(voting_deadline=timezone.now())
    sd.voting_close(memo=memo)
    decision.refresh_from_db()
    tally = {c: list(expected.values()).count(c) for c in CHOICES}
    assert (decision.votes_for, decision.votes_against, decision.votes_abstain) == (
        tally[Vote.Choice.FOR],
        tally[Vote.Choice.AGAINST],
        tally[Vote.Choice.ABSTAIN],
    )
    assert sum(tally.values()) == VOTERS
    assert decision.result == ProposedDecision.Result.ADOPTED


@pytest.mark.django_db(transaction=True)
def test_votes_racing_the_close_are_either_counted_or_refused():
    """Votes and the close at the same moment: the close's lock decides; a vote that got in
    is in the counts, one that came after is refused, never counted afterwards."""
    body = BodyFactory()
    memo = VotingMemoFactory(body=body)
    decision = ProposedDecisionFactory(memo=memo)
    users = _voters(body, 60)
    start = threading.Barrier(len(users) + 1)
    gate = threading.BoundedSemaphore(MAX_OPEN_CONNECTIONS)
    refused, errors = [], []

    def cast(user):
        try:
            start.wait(timeout=30)
            with gate:
                try:
                    sv.vote_cast(user=user, decision=decision, choice=Vote.Choice.FOR)
                except sv.ValidationError:
                    refused.append(user.pk)
                finally:
                    connection.close()
        except Exception as exc:
            errors.append(repr(exc))

    def close():
        try:
            start.wait(timeout=30)
            with gate:
                try:
                    sd.voting_close(memo=memo, now=memo.voting_deadline)
                finally:
                    connection.close()
        except Exception as exc:
            errors.append(repr(exc))

    threads = [threading.Thread(target=cast, args=(u,)) for u in users]
    threads.append(threading.Thread(target=close))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    decision.refresh_from_db()
    assert decision.votes_for == Vote.objects.filter(decision=decision).count()
    assert decision.votes_for + len(refused) == len(users)
