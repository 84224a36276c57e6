"""Seat-holders and their substitutes voting at the same moment, and namings racing each
other, on PostgreSQL with real connections: one vote per seat (the substitute's, the
seat-holder refused with a message), one substitution per seat and period, no error.

PostgreSQL only: SQLite serialises every writer on one file lock, so it proves nothing
about row locks (CI runs on PostgreSQL).
"""

import threading

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from avk.models import User
from governance.models import Body, Seat, Substitution, Vote, VoteRecord
from governance.services import substitutes as ss
from governance.services import voting as sv
from partners.models import Person
from tests.factories import BodyFactory
from tests.governance.factories import ProposedDecisionFactory, VotingMemoFactory
from tests.governance.test_vote_concurrency import MAX_OPEN_CONNECTIONS, _voters

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: row locks and concurrent transactions (set DATABASE_URL)",
)

SEATS = 40
DUPLICATES = 20  # a substitute's vote submitted twice at the same moment


def _substitutes(body, users):
    """For each seat-holder in `users`, a substitute (with a login and MFA) from today."""
    people = Person.objects.bulk_create(
        [Person(name=f"Plaatsvervanger {i}", email=f"pv{i}@example.org") for i in range(len(users))]
    )
    logins = User.objects.bulk_create([User(email=p.email, full_name=p.name) for p in people])
    for person, login in zip(people, logins, strict=True):
        person.user = login
    Person.objects.bulk_update(people, ["user"])
    Authenticator.objects.bulk_create(
        [Authenticator(user=u, type=Authenticator.Type.TOTP, data={"secret": "x"}) for u in logins]
    )
    today = timezone.localdate()
    seats = {s.person.user_id: s for s in Seat.objects.filter(body=body).select_related("person")}
    Substitution.objects.bulk_create(
        [
            Substitution(seat=seats[u.pk], substitute=p, starts_on=today, ends_on=today)
            for u, p in zip(users, people, strict=True)
        ]
    )
    return logins


def _race(jobs, work):
    start = threading.Barrier(len(jobs))
    gate = threading.BoundedSemaphore(MAX_OPEN_CONNECTIONS)
    refused, errors = [], []

    def run(*job):
        try:
            start.wait(timeout=30)
            with gate:
                try:
                    work(*job)
                except ValidationError:
                    refused.append(job)
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
    return refused


@pytest.mark.django_db(transaction=True)
def test_seat_holders_and_substitutes_voting_at_once_give_one_vote_per_seat():
    body = BodyFactory()
    Body.objects.filter(pk=body.pk).update(substitutes_allowed=True)
    decision = ProposedDecisionFactory(memo=VotingMemoFactory(body=body))
    holders = _voters(body, SEATS)
    substitutes = _substitutes(body, holders)
    jobs = (
        [(user, "against") for user in holders]
        + [(user, "for") for user in substitutes]
        + [(user, "for") for user in substitutes[:DUPLICATES]]
    )

    def vote(user, choice):
        sv.vote_cast(user=user, decision=decision, choice=choice)

    refused = _race(jobs, vote)
    # Every seat-holder was refused (their substitute holds the vote), with a message.
    assert sorted(user.pk for user, _choice in refused) == sorted(u.pk for u in holders)
    votes = Vote.objects.filter(decision=decision)
    assert votes.count() == SEATS  # one per seat: the constraint and the memo lock
    assert set(votes.values_list("choice", flat=True)) == {"for"}
    assert set(votes.values_list("cast_by", flat=True)) == {u.pk for u in substitutes}
    assert not votes.filter(substitution__isnull=True).exists()
    # A double submit of the same vote adds no record.
    assert VoteRecord.objects.filter(vote__decision=decision).count() == SEATS


@pytest.mark.django_db(transaction=True)
def test_namings_racing_for_one_seat_make_one_substitution():
    body = BodyFactory()
    Body.objects.filter(pk=body.pk).update(substitutes_allowed=True)
    (holder,) = _voters(body, 1)
    seat = Seat.objects.get(person__user=holder)
    candidates = Person.objects.bulk_create(
        [Person(name=f"Kandidaat {i}", email=f"k{i}@example.org") for i in range(SEATS)]
    )
    logins = User.objects.bulk_create([User(email=p.email) for p in candidates])
    for person, login in zip(candidates, logins, strict=True):
        person.user = login
    Person.objects.bulk_update(candidates, ["user"])
    today = timezone.localdate()

    def name(person):
        ss.substitution_name(
            user=holder, seat=seat, substitute=person, starts_on=today, ends_on=today
        )

    refused = _race([(p,) for p in candidates], name)
    assert Substitution.objects.filter(seat=seat).count() == 1
    assert len(refused) == SEATS - 1


@pytest.mark.django_db(transaction=True)
def test_stopping_a_substitution_while_the_substitute_votes_never_breaks():
    """Each seat-holder stops their substitute (named from today) at the moment the
    substitute votes: either the vote went first (the period ends tonight, the vote is the
    substitute's) or the stop did (the substitution is gone, the vote refused). Never an
    error, never a vote without its substitution."""
    body = BodyFactory()
    Body.objects.filter(pk=body.pk).update(substitutes_allowed=True)
    decision = ProposedDecisionFactory(memo=VotingMemoFactory(body=body))
    holders = _voters(body, SEATS)
    substitutes = _substitutes(body, holders)
    made = {s.substitute.user_id: s for s in Substitution.objects.select_related("substitute")}
    jobs = [(user, "vote") for user in substitutes] + [
        (holder, made[user.pk]) for holder, user in zip(holders, substitutes, strict=True)
    ]

    def act(user, what):
        if what == "vote":
            sv.vote_cast(user=user, decision=decision, choice="for")
        else:
            ss.substitution_end(user=user, substitution=what)

    def refused_or_done(user, what):
        try:
            act(user, what)
        except PermissionDenied:
            raise ValidationError("refused") from None

    _race(jobs, refused_or_done)
    votes = {v.seat_id: v for v in Vote.objects.filter(decision=decision)}
    left = {s.seat_id: s for s in Substitution.objects.all()}
    for substitution in made.values():
        if substitution.seat_id in votes:
            assert votes[substitution.seat_id].substitution_id == substitution.pk
            assert left[substitution.seat_id].ends_on == timezone.localdate()
        else:
            assert substitution.seat_id not in left
