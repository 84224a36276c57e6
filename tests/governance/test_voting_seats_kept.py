"""A person's voting seats are kept (avk.cache) for the lists and counts that read them: a
change of a seat, a body's voting roles or a person shows on the next read, and one
person's seats are never another's."""

import datetime

from django.utils import timezone

from governance.access import voting_seats_of_user
from governance.models import Seat
from governance.selectors.voting import awaiting_vote_count
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
