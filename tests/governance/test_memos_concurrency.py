"""Two (or ten) people saving the same memo at the same moment, on PostgreSQL with real
connections: exactly one save per version wins, the others are refused with a conflict,
and the version history has no gaps and no duplicates.

PostgreSQL only: SQLite serialises every writer on one file lock, so it proves nothing
about the row lock the services take (CI runs on PostgreSQL).
"""

import threading

import pytest
from django.conf import settings
from django.db import connection

from governance.models import Memo
from governance.services import memo_parts
from governance.services import memos as services_memos
from governance.services.memos import MemoConflict
from tests.factories import UserFactory
from tests.governance.factories_memos import full_memo

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: row locks and concurrent transactions (set DATABASE_URL)",
)

WRITERS = 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_of_one_version_let_exactly_one_through():
    memo = full_memo(sections=1, decisions=1, annexes=0)
    user = UserFactory(is_staff=True)
    start = threading.Barrier(WRITERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def save(index: int):
        try:
            start.wait()
            copy = Memo.objects.select_related("body").get(pk=memo.pk)
            try:
                if index % 2:
                    services_memos.memo_update(
                        memo=copy,
                        user=user,
                        expected_version=1,
                        body=copy.body,
                        title=f"Titel van schrijver {index}",
                        author=copy.author,
                        memo_date=copy.memo_date,
                        introduction=copy.introduction,
                    )
                else:
                    memo_parts.section_save(
                        memo=copy, user=user, expected_version=1, title=f"Sectie {index}"
                    )
                result = "saved"
            except MemoConflict:
                result = "conflict"
            with lock:
                outcomes.append(result)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["conflict"] * (WRITERS - 1) + ["saved"]
    memo.refresh_from_db()
    assert memo.version == 2
    assert list(memo.versions.order_by("number").values_list("number", flat=True)) == [1, 2]
    # Only the winner's change is in the memo.
    changed = memo.title.startswith("Titel van schrijver") + (memo.sections.count() == 2)
    assert changed == 1
