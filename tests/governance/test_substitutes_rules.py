"""Substitutes and the rest of the voting: conflicts of interest (a declaration is the
seat's: it binds the substitute; the substitute declares for the seat in the period), what
awaits a vote, and the reminder digest (the substitute is reminded for the seat, the
seat-holder is not)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from governance.models import CalendarFeed, ConflictOfInterest
from governance.selectors.voting import awaiting_vote_count, decisions_awaiting
from governance.services import conflicts as sc
from governance.services import voting as sv
from governance.services.reminders import digests_build, reminder_digests_send
from tests.factories import PersonFactory, SeatFactory
from tests.governance.factories import VotingMemoFactory
from tests.governance.factories_substitutes import (
    person_with_login,
    substitution,
)
from tests.governance.factories_voting import voter, voting_memo

pytestmark = pytest.mark.django_db

REASON = "Mijn organisatie voert dit project uit."


@pytest.fixture
def sanne(sanne, seat):
    """Sanne is Joost's substitute from today for a week."""
    substitution(seat, sanne)
    return sanne


# --- conflicts of interest -------------------------------------------------------------


def test_the_seats_declaration_binds_the_substitute(holder, seat, body):
    decision = voting_memo(body).decisions.get()
    sc.conflict_declare(user=holder, decision=decision, reason=REASON)
    substitute = person_with_login()
    substitution(seat, substitute)
    with pytest.raises(ValidationError, match="Voor deze zetel is een persoonlijk belang gemeld"):
        sv.vote_cast(user=substitute.user, decision=decision, choice="for")


def test_the_substitute_declares_for_the_seat(sanne, seat, body):
    decision = voting_memo(body).decisions.get()
    conflict = sc.conflict_declare(user=sanne.user, decision=decision, reason=REASON)
    assert (conflict.seat, conflict.recorded_by) == (seat, sanne.user)
    assert conflict.substitution.substitute == sanne
    assert not conflict.on_behalf  # not "recorded by programme staff"
    with pytest.raises(ValidationError):
        sv.vote_cast(user=sanne.user, decision=decision, choice="for")


def test_the_seat_holder_does_not_declare_during_the_period(holder, sanne, body):
    decision = voting_memo(body).decisions.get()
    with pytest.raises(ValidationError, match="Sanne de Vries is je plaatsvervanger"):
        sc.conflict_declare(user=holder, decision=decision, reason=REASON)
    assert not ConflictOfInterest.objects.exists()


def test_after_the_substitute_voted_the_seat_cannot_declare(sanne, body):
    decision = voting_memo(body).decisions.get()
    sv.vote_cast(user=sanne.user, decision=decision, choice="for")
    with pytest.raises(ValidationError, match="Voor deze zetel is al gestemd"):
        sc.conflict_declare(user=sanne.user, decision=decision, reason=REASON)


def test_who_withdraws_the_seats_declaration(holder, seat, body, staff):
    decision = voting_memo(body).decisions.get()
    conflict = sc.conflict_declare(user=holder, decision=decision, reason=REASON)
    substitute = person_with_login()
    substitution(seat, substitute)
    # The seat-holder does not act for the seat in the period; the substitute does.
    with pytest.raises(PermissionDenied):
        sc.conflict_withdraw(user=holder, conflict=conflict)
    sc.conflict_withdraw(user=substitute.user, conflict=conflict)
    assert not ConflictOfInterest.objects.exists()
    again = sc.conflict_declare(user=substitute.user, decision=decision, reason=REASON)
    sc.conflict_withdraw(user=staff, conflict=again)
    assert not ConflictOfInterest.objects.exists()


def test_staff_still_record_a_declaration_for_a_represented_seat(staff, seat, sanne, body):
    decision = voting_memo(body).decisions.get()
    conflict = sc.conflict_declare(user=staff, decision=decision, reason=REASON, seat=seat)
    assert conflict.on_behalf and conflict.substitution is None


# --- awaiting my vote ------------------------------------------------------------------


def test_awaiting_counts_the_substitute_for_the_seat(
    holder, sanne, body, django_assert_max_num_queries
):
    voting_memo(body, decisions=["approve", "note"])
    awaiting_vote_count(sanne.user)  # the seats are read once, then kept (avk.cache)
    with django_assert_max_num_queries(3):  # two cache reads and the count
        assert awaiting_vote_count(sanne.user) == 2
    assert awaiting_vote_count(holder) == 0
    assert decisions_awaiting(holder) == []
    first = decisions_awaiting(sanne.user)[0]
    sv.vote_cast(user=sanne.user, decision=first, choice="for")
    assert awaiting_vote_count(sanne.user) == 1


def test_awaiting_goes_back_to_the_holder_outside_the_period(holder, seat, body):
    voting_memo(body)
    substitute = person_with_login()
    today = timezone.localdate()
    substitution(seat, substitute, starts_on=today + datetime.timedelta(days=1))
    substitution(
        seat,
        substitute,
        starts_on=today - datetime.timedelta(days=5),
        ends_on=today - datetime.timedelta(days=1),
    )
    assert awaiting_vote_count(holder) == 1
    assert awaiting_vote_count(substitute.user) == 0


def test_awaiting_ignores_substitutes_where_the_body_does_not_allow_them(holder, sanne, body):
    voting_memo(body)
    body.substitutes_allowed = False
    body.save(update_fields=["substitutes_allowed"])
    assert awaiting_vote_count(holder) == 1
    assert awaiting_vote_count(sanne.user) == 0


# --- the reminder digest ---------------------------------------------------------------


def _deadline_tomorrow(body):
    now = timezone.now()
    return voting_memo(
        body,
        decisions=["approve", "approve"],
        voting_opens_at=now - datetime.timedelta(days=3),
        voting_deadline=now + datetime.timedelta(days=1),
    )


def test_the_digest_reminds_the_substitute_not_the_seat_holder(holder, sanne, body, settings):
    settings.AVK_VOTE_REMINDER_DAYS = [3, 1]
    other = voter(body)
    _deadline_tomorrow(body)
    digests = {d.user.pk: d for d in digests_build()}
    assert holder.pk not in digests
    assert set(digests) == {sanne.user.pk, other.pk}
    item = digests[sanne.user.pk].votes[0]
    assert item["on_behalf_of"] == "Joost Jansen" and item["missing"] == 2
    assert digests[other.pk].votes[0]["on_behalf_of"] == ""


def test_the_digest_counts_the_substitutes_votes_for_the_seat(sanne, body, settings):
    settings.AVK_VOTE_REMINDER_DAYS = [3, 1]
    memo = _deadline_tomorrow(body)
    for decision in memo.decisions.all():
        sv.vote_cast(user=sanne.user, decision=decision, choice="for")
    assert sanne.user.pk not in {d.user.pk for d in digests_build()}


def test_a_represented_seat_holder_without_login_still_has_their_substitute_reminded(
    body, settings
):
    settings.AVK_VOTE_REMINDER_DAYS = [3, 1]
    seat = SeatFactory(person=PersonFactory(name="Zonder Inlog"), body=body)
    substitute = person_with_login()
    substitution(seat, substitute)
    _deadline_tomorrow(body)
    digest = next(d for d in digests_build() if d.user == substitute.user)
    assert digest.votes[0]["on_behalf_of"] == "Zonder Inlog"


def test_the_digest_mail_says_on_whose_behalf(
    holder, sanne, body, settings, django_capture_on_commit_callbacks
):
    settings.AVK_VOTE_REMINDER_DAYS = [3, 1]
    _deadline_tomorrow(body)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminder_digests_send() == 1
    (message,) = mail.outbox
    assert message.to == [sanne.user.email]
    assert "Je stemt als plaatsvervanger van Joost Jansen." in message.body
    assert "Je stemt als plaatsvervanger van Joost Jansen." in message.alternatives[0][0]


# --- the calendar feed -----------------------------------------------------------------


def test_the_substitutes_calendar_feed_holds_the_deadlines_of_the_seats_body(client, sanne, body):
    memo = VotingMemoFactory(body=body)
    feed = CalendarFeed.objects.create(user=sanne.user)
    raw = client.get(reverse("governance:calendar_ics", args=[feed.token])).content.decode()
    assert f"governance-memo-deadline-{memo.pk}@" in raw
