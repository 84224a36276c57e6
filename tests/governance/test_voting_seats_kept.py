"""A person's voting seats are kept (avk.cache) for the lists and counts that read them: a
change of a seat, a body's voting roles or a person shows on the next read, and one
person's seats are never another's."""

import datetime

from django.urls import reverse
from django.utils import timezone

from governance.access import voting_seats_of_user
from governance.models import Seat
from governance.selectors.voting import awaiting_vote_count
from partners.models import Person
from tests.governance.factories_voting import voter, voting_memo


def test_a_seat_that_ends_is_gone_on_the_next_read(db_body):
    user = voter(db_body)
    voting_memo(db_body)
    assert awaiting_vote_count(user) == 1
    seat = Seat.objects.get(person__user=user)
    seat.term_end = timezone.localdate() - datetime.timedelta(days=1)
    seat.save()
    assert voting_seats_of_user(user) == [] and awaiting_vote_count(user) == 0


def test_a_body_whose_role_stops_voting_shows_on_the_next_read(db_body):
    user = voter(db_body)
    assert [seat.body for seat in voting_seats_of_user(user)] == [db_body]
    db_body.voting_roles = [Seat.Role.CHAIR]
    db_body.save()
    assert voting_seats_of_user(user) == []


def test_each_person_has_their_own_seats(db_body, sg_body):
    first, second = voter(db_body), voter(sg_body)
    assert [seat.body for seat in voting_seats_of_user(first)] == [db_body]
    assert [seat.body for seat in voting_seats_of_user(second)] == [sg_body]


def test_the_voting_page_follows_a_new_seat_and_a_name(client, staff, db_body):
    memo = voting_memo(db_body)
    url = reverse("governance:memo_vote", args=[memo.pk])
    voter(db_body, name="Bram Wiersma")
    client.force_login(staff)
    assert "Bram Wiersma" in client.get(url).content.decode()  # not voted yet
    member = voter(db_body, name="Fenna Kuipers")
    assert "Fenna Kuipers" in client.get(url).content.decode()
    person = Person.objects.get(user=member)
    person.name = "Fenna de Vries"
    person.save()
    assert "Fenna de Vries" in client.get(url).content.decode()
