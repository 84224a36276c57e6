"""A real Celery worker sends the opening mail of a voting: each voter once, a retried
task and beat's safety net send nothing more, a voter on the weekly digest gets none now.

Needs PostgreSQL and Redis like tests/worker/test_real_worker.py (skipped elsewhere).
"""

import datetime

import pytest
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from avk.models import NotificationPreference, OutgoingMail
from governance.services import voting as sv
from governance.services import voting_mail
from governance.tasks import voters_notify
from tests.factories import UserFactory
from tests.governance.factories import MemoFactory, ProposedDecisionFactory
from tests.governance.factories_voting import voter
from tests.worker.test_mail_batch_worker import (
    _wait_until_sent,
    quiet_worker,  # noqa: F401  (the fixture)
)
from tests.worker.test_real_worker import worker_queue  # noqa: F401  (the fixture)

# One real worker at a time: the tests time it, and the other test process keeps the cores busy.
pytestmark = [
    pytest.mark.worker,
    pytest.mark.xdist_group("real-worker"),
    pytest.mark.django_db(transaction=True),
]

VOTERS = 120


def test_a_real_worker_sends_the_opening_mail_to_each_voter_once(quiet_worker, db_body):  # noqa: F811
    voters = [voter(db_body, email=f"lid{i}@example.org", mfa=False) for i in range(VOTERS)]
    NotificationPreference.objects.create(user=voters[0], kind="votes", mode="weekly")
    staff = UserFactory(is_staff=True)
    memo = MemoFactory(body=db_body)
    ProposedDecisionFactory(memo=memo)
    with transaction.atomic():
        sv.memo_submit(
            memo=memo, user=staff, voting_deadline=timezone.now() + datetime.timedelta(days=14)
        )
    sent = _wait_until_sent(quiet_worker, VOTERS - 1)
    if sent != VOTERS - 1:
        quiet_worker.terminate()
        output = quiet_worker.communicate(timeout=15)[0]
        pytest.fail(f"{sent} of {VOTERS - 1} sent; worker said:\n{output[-4000:]}")
    # The task again (a retry) and the safety net later: nothing new.
    voters_notify.delay(memo.pk)
    later = timezone.now() + datetime.timedelta(minutes=5)
    assert voting_mail.voters_notify_missed(now=later) == 0
    rows = OutgoingMail.objects.filter(template="vote_opened")
    assert rows.count() == VOTERS
    assert rows.filter(status=OutgoingMail.Status.HELD).get().user == voters[0]
    assert not rows.filter(status=OutgoingMail.Status.SENT).filter(~Q(attempts=1)).exists()
