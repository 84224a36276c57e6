"""A vote and a declaration of a conflict of interest by the same seat, sent at the same
moment, on PostgreSQL with real connections: never both. Exactly one wins per seat, the
other is refused with a message, nothing answers with an error.

PostgreSQL only: SQLite serialises every writer on one file lock, so it proves nothing
about row locks (CI runs on PostgreSQL).
"""

import threading

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection

from governance.models import ConflictOfInterest, ProposedDecision, Vote
from governance.services import conflicts as sc
from governance.services import voting as sv
from tests.factories import BodyFactory
from tests.governance.factories import ProposedDecisionFactory, VotingMemoFactory
from tests.governance.test_vote_concurrency import MAX_OPEN_CONNECTIONS, _voters

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: row locks and concurrent transactions (set DATABASE_URL)",
)

SEATS = 40


@pytest.mark.django_db(transaction=True)
def test_a_vote_and_a_declaration_racing_never_both_succeed():
    body = BodyFactory()
    memo = VotingMemoFactory(body=body)
    decision = ProposedDecisionFactory(memo=memo, kind=ProposedDecision.Kind.APPROVE)
    users = _voters(body, SEATS)
    jobs = [(user, "vote") for user in users] + [(user, "declare") for user in users]
    start = threading.Barrier(len(jobs))
    gate = threading.BoundedSemaphore(MAX_OPEN_CONNECTIONS)
    refused, errors = [], []

    def run(user, what):
        try:
            start.wait(timeout=30)
            with gate:
                try:
                    if what == "vote":
                        sv.vote_cast(user=user, decision=decision, choice=Vote.Choice.FOR)
                    else:
                        sc.conflict_declare(user=user, decision=decision, reason="Mijn werk")
                except ValidationError:
                    refused.append((user.pk, what))
                finally:
                    connection.close()  # this thread's own connection
        except Exception as exc:  # collected, asserted on below
            errors.append(repr(exc))

    threads = [threading.Thread(target=run, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert errors == []

    voted = set(Vote.objects.filter(decision=decision).values_list("seat__person__user", flat=True))
    aside = set(
        ConflictOfInterest.objects.filter(decision=decision).values_list(
            "seat__person__user", flat=True
        )
    )
    assert not voted & aside
    assert voted | aside == {u.pk for u in users}
    assert len(refused) == SEATS  # each seat: one of the two was refused
    assert {pk for pk, _what in refused} == {u.pk for u in users}
