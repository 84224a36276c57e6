"""Staff adding terms of one programme role at the same moment, on PostgreSQL with real
connections: the terms never overlap. The first term of a role has no row to lock yet, so
the service takes an advisory lock per role; this proves it.

PostgreSQL only: SQLite serialises every writer on one file lock (CI runs on PostgreSQL).
"""

import datetime
import threading

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection

from governance.models import ProgrammeRole, RoleTerm
from governance.services.programme import role_term_save
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: row locks and concurrent transactions (set DATABASE_URL)",
)

WRITERS = 8


@pytest.mark.django_db(transaction=True)
def test_racing_first_terms_of_one_role_never_overlap():
    staff = UserFactory(is_staff=True)
    people = [PersonFactory() for _ in range(WRITERS)]
    start = threading.Barrier(WRITERS)
    saved, refused, errors = [], [], []

    def run(index):
        try:
            start.wait(timeout=30)
            try:
                role_term_save(
                    user=staff,
                    role=ProgrammeRole.MANAGER,
                    person=people[index],
                    partner=None,
                    effort="",
                    term_start=datetime.date(2025, 1, 1) + datetime.timedelta(days=index),
                    term_end=None,
                )
                saved.append(index)
            except ValidationError:
                refused.append(index)
            finally:
                connection.close()
        except Exception as exc:  # collected, asserted on below
            errors.append(repr(exc))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(saved) == 1 and len(refused) == WRITERS - 1
    assert RoleTerm.objects.filter(role=ProgrammeRole.MANAGER).count() == 1
