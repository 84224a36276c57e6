"""Several posts of one effort's update for the same period at the same moment, on
PostgreSQL with real connections: one row, every post saved in turn, none fails.

PostgreSQL only: SQLite serialises every writer on one file lock, so it proves nothing
about the row lock the service takes (CI runs on PostgreSQL).
"""

import threading

import pytest
from django.conf import settings
from django.db import connection

from avk.models import AuditEntry
from reflection.models import EffortUpdate, PhasePlan
from reflection.selectors.progress import open_periods
from reflection.services.progress import effort_update_post
from tests.factories import UserFactory
from tests.reflection.factories_plans import EffortFactory

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: row locks and concurrent transactions (set DATABASE_URL)",
)

WRITERS = 8


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_for_one_period_make_one_update():
    effort = EffortFactory(plan__status=PhasePlan.Status.ADOPTED)
    user = UserFactory(is_staff=True)
    period = open_periods(effort.plan)[0]
    start = threading.Barrier(WRITERS)
    errors: list[Exception] = []

    def post(index: int):
        try:
            start.wait()
            effort_update_post(
                effort=effort,
                user=user,
                period_start=period,
                status="on_track",
                narrative=f"Schrijver {index}",
            )
        except Exception as error:  # collected for the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    update = EffortUpdate.objects.get()
    assert update.narrative.startswith("Schrijver ")
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["effort_update.posted"] + ["effort_update.changed"] * (WRITERS - 1)
