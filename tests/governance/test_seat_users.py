"""One read of "the users of a body's current seats", for the minutes, the opening mail of a
voting and the reminder digests: every role, or only those who vote, with a substitute
standing in for the seat they hold (governance.access.voting_right's rule)."""

import datetime

from django.utils import timezone

from governance.access import voting_right
from governance.models import Seat
from governance.selectors.bodies import seat_users
from tests.factories import BodyFactory, SeatFactory
from tests.governance.factories_substitutes import person_with_login, substitution
from tests.governance.factories_voting import voter


def _seat(user, body):
    return Seat.objects.get(person__user=user, body=body)


def test_every_role_or_only_the_voters_each_once_and_mailable(body, django_assert_num_queries):
    member = voter(body)
    secretary = voter(body, role=Seat.Role.SECRETARY)
    twice = voter(body)
    SeatFactory(person=_seat(twice, body).person, body=body)  # a second seat, one mail
    gone = voter(body)
    gone.is_active = False
    gone.save()
    no_mail = voter(body)
    no_mail.email = ""
    no_mail.save()
    ended = voter(body)
    Seat.objects.filter(person__user=ended).update(
        term_end=timezone.localdate() - datetime.timedelta(days=1)
    )
    voter(BodyFactory())  # another body
    with django_assert_num_queries(1):
        everyone = seat_users([body.pk])[body.pk]
    assert [s.user for s in everyone] == [member, secretary, twice]
    with django_assert_num_queries(2):
        voting = seat_users([body.pk], voting=True)[body.pk]
    assert [s.user for s in voting] == [member, twice]
    assert all(s.person.user == s.user and s.seat.person == s.person for s in voting)


def test_a_substitute_votes_for_the_seat_they_hold_and_the_seat_holder_does_not(body):
    holder, member = voter(body), voter(body)
    sanne = person_with_login(name="Sanne de Vries")
    substitution(_seat(holder, body), sanne)
    everyone = seat_users([body.pk])[body.pk]
    assert [s.user for s in everyone] == [holder, member]  # minutes go to the seat-holders
    voters = {s.user: s for s in seat_users([body.pk], voting=True)[body.pk]}
    assert set(voters) == {member, sanne.user}
    assert (voters[sanne.user].person, voters[sanne.user].seat) == (sanne, _seat(holder, body))
    for user in (holder, member, sanne.user):
        right = voting_right(user, body)
        assert (right.seat is not None) == (user in voters)


def test_a_seat_holder_who_stands_in_for_another_votes_once_for_their_own_seat(body):
    holder, member = voter(body), voter(body)
    substitution(_seat(holder, body), _seat(member, body).person)
    voters = {s.user: s.seat for s in seat_users([body.pk], voting=True)[body.pk]}
    assert voters == {member: _seat(member, body)}
    assert voting_right(member, body).seat == _seat(member, body)


def test_no_substitute_stands_in_where_the_body_allows_none(db_body):
    holder = voter(db_body)
    substitution(_seat(holder, db_body))
    assert [s.user for s in seat_users([db_body.pk], voting=True)[db_body.pk]] == [holder]
