"""The voting page keeps a body's current voting seats (avk.cache, per body and day) as plain
values: a new seat, an ended term, a renamed person or a body's changed voting roles shows
on the next visit, and one body's seats are never another's."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.access import voting_seats_of
from governance.models import Seat
from governance.selectors.voting import voting_seats_today
from partners.models import Person
from tests.governance.factories_voting import voter, voting_memo

pytestmark = pytest.mark.django_db


def _page(client, memo) -> str:
    response = client.get(reverse("governance:memo_vote", args=[memo.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def page(client, staff, db_body):
    client.force_login(staff)
    memo = voting_memo(db_body)
    return lambda: _page(client, memo)


def test_the_kept_seats_are_those_of_the_query(db_body, sg_body):
    for name in ("Wim", "Anke"):
        voter(db_body, name=name)
    voter(sg_body, name="Mirjam")
    for body in (db_body, sg_body):
        expected = list(voting_seats_of(body).select_related("person").order_by("person__name"))
        kept = voting_seats_today(body)
        assert kept == expected
        assert [s.person.name for s in kept] == [s.person.name for s in expected]
        assert [(s.role, s.person.user_id) for s in kept] == [
            (s.role, s.person.user_id) for s in expected
        ]
    # A field the page does not keep is read from the database, never made up.
    first = voting_seats_of(db_body).order_by("person__name").first()
    assert voting_seats_today(db_body)[0].created_at == first.created_at


def test_a_new_seat_counts_on_the_next_visit(page, db_body):
    voter(db_body)
    before = page()
    assert "1 persoon mag stemmen" in before or "1 person may vote" in before
    voter(db_body)
    after = page()
    assert "2 mensen mogen stemmen" in after or "2 people may vote" in after


def test_an_ended_term_a_new_name_and_new_voting_roles_show_on_the_next_visit(page, db_body):
    user = voter(db_body, name="Geert")
    voter(db_body, name="Hanna", role=Seat.Role.EXPERIENCE_EXPERT)
    assert "Geert" in page() and "Hanna" in page()  # staff see who has not voted yet

    person = Person.objects.get(user=user)
    person.name = "Geert de Vries"
    person.save()
    assert "Geert de Vries" in page()

    seat = Seat.objects.get(person=person)
    seat.term_end = timezone.localdate() - datetime.timedelta(days=1)
    seat.save()
    assert "Geert" not in page()

    db_body.voting_roles = [Seat.Role.CHAIR, Seat.Role.MEMBER]
    db_body.save()
    assert "Hanna" not in page()


def test_a_second_visit_reads_no_seats(page, db_body):
    voter(db_body)
    page()
    with CaptureQueriesContext(connection) as queries:
        page()
    assert not [q for q in queries if 'FROM "governance_seat"' in q["sql"]]
