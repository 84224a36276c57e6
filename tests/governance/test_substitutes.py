"""Substitutes (plaatsvervangers): a seat-holder names who votes for their seat during a
period.

The rules (governance.services.substitutes and governance.access.voting_right): only the
seat-holder (or staff for them) names one, only where the body allows it, never themselves
or someone who already votes in the body; periods of a seat never overlap; within the
period (both ends included) the substitute votes for the seat, once, as the seat's vote,
and the seat-holder does not; outside it the substitute does not.
"""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from avk.models import AuditEntry
from governance.models import Body, Seat, Substitution, Vote, VoteRecord
from governance.services import substitutes as ss
from governance.services import voting as sv
from tests.factories import PersonFactory, SeatFactory
from tests.governance.factories_substitutes import (
    allow_substitutes,
    person_with_login,
    substitution,
)
from tests.governance.factories_voting import voter, voting_memo, with_mfa

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
TODAY = datetime.date(2026, 12, 1)


def name(user, seat, substitute, *, start=0, end=6, today=TODAY):
    return ss.substitution_name(
        user=user,
        seat=seat,
        substitute=substitute,
        starts_on=today + datetime.timedelta(days=start),
        ends_on=today + datetime.timedelta(days=end),
        today=today,
    )


# --- naming ----------------------------------------------------------------------------


def test_the_seat_holder_names_a_substitute_and_it_is_audited(holder, seat, sanne):
    made = name(holder, seat, sanne, start=1, end=10)
    assert (made.seat, made.substitute, made.named_by) == (seat, sanne, holder)
    assert made.starts_on == datetime.date(2026, 12, 2)
    assert made.ends_on == datetime.date(2026, 12, 11)
    entry = AuditEntry.objects.get(action="substitution.named")
    assert entry.actor == holder
    assert entry.group == f"body:{seat.body_id}"
    assert entry.changes["substitute"] == ["", "Sanne de Vries"]
    assert made.on_behalf_text() == "Sanne de Vries (plaatsvervanger) namens Joost Jansen"


def test_staff_name_a_substitute_for_a_seat_holder(staff, seat, sanne):
    made = name(staff, seat, sanne)
    assert made.named_by == staff


def test_nobody_else_names_a_substitute_for_a_seat(body, seat, sanne, outsider, sg_member):
    other_member = voter(body)
    for user in [outsider, sg_member, other_member, sanne.user]:
        with pytest.raises(PermissionDenied):
            name(user, seat, sanne)
    assert not Substitution.objects.exists()


def test_the_body_rule_may_not_be_represented_refuses(holder, seat, sanne):
    Body.objects.filter(pk=seat.body_id).update(substitutes_allowed=False)
    with pytest.raises(ValidationError, match="kan een zetel niet worden vervangen"):
        name(holder, seat, sanne)
    assert not Substitution.objects.exists()


def test_the_default_is_that_a_seat_may_not_be_represented(sg_body):
    assert sg_body.substitutes_allowed is False


def test_never_oneself(holder, seat):
    with pytest.raises(ValidationError) as refused:
        name(holder, seat, seat.person)
    assert "Je kunt niet je eigen plaatsvervanger zijn." in refused.value.message_dict["substitute"]


def test_never_someone_who_votes_in_the_body(holder, seat, body):
    other = Seat.objects.get(person__user=voter(body, name="Fatima Aziz"), body=body)
    with pytest.raises(ValidationError) as refused:
        name(holder, seat, other.person)
    assert "Fatima Aziz stemt al in" in " ".join(refused.value.message_dict["substitute"])


def test_an_adviser_of_the_body_may_be_a_substitute(holder, seat, body):
    adviser = Seat.objects.get(person__user=voter(body, role=Seat.Role.ADVISER), body=body)
    assert name(holder, seat, adviser.person).substitute == adviser.person


def test_the_substitute_needs_a_login(holder, seat):
    with pytest.raises(ValidationError) as refused:
        name(holder, seat, PersonFactory())
    assert "inlog" in " ".join(refused.value.message_dict["substitute"])
    with pytest.raises(ValidationError):
        name(holder, seat, None)


def test_a_seat_that_does_not_vote_has_no_substitute(body, sanne):
    adviser = voter(body, role=Seat.Role.ADVISER)
    with pytest.raises(ValidationError, match="Alleen een zetel die stemt"):
        name(adviser, Seat.objects.get(person__user=adviser), sanne)


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (-1, 5, "starts_on"),  # starts in the past
        (3, 2, "ends_on"),  # ends before it starts
        (0, ss.MAX_DAYS, "ends_on"),  # too long
        (ss.MAX_DAYS + 1, ss.MAX_DAYS + 2, "starts_on"),  # too far ahead
    ],
)
def test_a_wrong_period_is_refused(holder, seat, sanne, start, end, field):
    with pytest.raises(ValidationError) as refused:
        name(holder, seat, sanne, start=start, end=end)
    assert field in refused.value.message_dict
    assert not Substitution.objects.exists()


def test_a_period_of_one_day_and_the_longest_period_are_fine(holder, seat, sanne):
    name(holder, seat, sanne, start=0, end=0)
    name(holder, seat, sanne, start=1, end=ss.MAX_DAYS)
    assert Substitution.objects.count() == 2


def test_the_period_stays_within_the_seat_term(holder, seat, sanne):
    Seat.objects.filter(pk=seat.pk).update(term_end=TODAY + datetime.timedelta(days=3))
    with pytest.raises(ValidationError) as refused:
        name(holder, seat, sanne, end=4)
    assert "ends_on" in refused.value.message_dict
    assert name(holder, seat, sanne, end=3)


def test_overlapping_periods_of_a_seat_are_refused(holder, seat, sanne):
    name(holder, seat, sanne, start=2, end=5)
    other = person_with_login()
    for start, end in [(5, 8), (0, 2), (3, 4), (0, 9)]:  # the edges touch: still an overlap
        with pytest.raises(ValidationError, match="heeft al een plaatsvervanger"):
            name(holder, seat, other, start=start, end=end)
    name(holder, seat, other, start=6, end=8)
    name(holder, seat, other, start=0, end=1)
    assert Substitution.objects.count() == 3


def test_a_substitute_stands_in_for_one_seat_of_a_body_at_a_time(holder, seat, body, sanne):
    name(holder, seat, sanne, start=0, end=5)
    other = voter(body)
    other_seat = Seat.objects.get(person__user=other)
    with pytest.raises(ValidationError) as refused:
        name(other, other_seat, sanne, start=5, end=7)
    assert "Sanne de Vries vervangt dan al iemand anders" in " ".join(
        refused.value.message_dict["substitute"]
    )
    name(other, other_seat, sanne, start=6, end=7)


def test_the_database_refuses_a_period_that_ends_before_it_starts(seat, sanne):
    with pytest.raises(IntegrityError):
        Substitution.objects.create(
            seat=seat, substitute=sanne, starts_on=TODAY, ends_on=TODAY - datetime.timedelta(1)
        )


# --- voting ----------------------------------------------------------------------------


def at(day: datetime.date, hour=12):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=AMS)


def long_memo(body):
    """A memo open from 10 days ago until 30 days from now."""
    now = timezone.now()
    return voting_memo(
        body,
        voting_opens_at=now - datetime.timedelta(days=10),
        voting_deadline=now + datetime.timedelta(days=30),
    )


def test_the_substitute_votes_for_the_seat_once_as_cast_on_its_behalf(holder, seat, sanne, body):
    made = substitution(seat, sanne)
    decision = voting_memo(body).decisions.get()
    vote = sv.vote_cast(user=sanne.user, decision=decision, choice="for")
    assert (vote.seat, vote.cast_by, vote.substitution) == (seat, sanne.user, made)
    assert vote.on_behalf == "Sanne de Vries (plaatsvervanger) namens Joost Jansen"
    # A second vote by the substitute is a change of the seat's one vote, never a second.
    sv.vote_cast(user=sanne.user, decision=decision, choice="against")
    assert Vote.objects.get().choice == "against"
    records = list(VoteRecord.objects.order_by("pk"))
    assert [r.choice for r in records] == ["for", "against"]
    assert all(r.substitution == made and r.cast_by == sanne.user for r in records)
    assert records[0].on_behalf == vote.on_behalf
    entry = AuditEntry.objects.filter(action="vote.cast").get()
    assert entry.actor == sanne.user
    assert entry.changes["on_behalf_of"] == ["", "Joost Jansen"]


def test_the_seat_holder_cannot_vote_during_the_period(holder, seat, sanne, body):
    substitution(seat, sanne)
    decision = voting_memo(body).decisions.get()
    with pytest.raises(ValidationError, match="Sanne de Vries is je plaatsvervanger"):
        sv.vote_cast(user=holder, decision=decision, choice="for")
    assert not Vote.objects.exists()


def test_the_period_edges(holder, seat, sanne, body):
    """The first and the last day belong to the substitute; the day before and the day
    after to the seat-holder."""
    today = timezone.localdate()
    first, last = today - datetime.timedelta(days=2), today + datetime.timedelta(days=2)
    substitution(seat, sanne, starts_on=first, ends_on=last)
    decision = long_memo(body).decisions.get()

    def cast(user, day, hour=12):
        return sv.vote_cast(user=user, decision=decision, choice="for", now=at(day, hour))

    for day, hour in [(first - datetime.timedelta(1), 23), (last + datetime.timedelta(1), 0)]:
        with pytest.raises(PermissionDenied):
            cast(sanne.user, day, hour)
        assert cast(holder, day, hour).substitution is None
    for day, hour in [(first, 0), (last, 23)]:
        assert cast(sanne.user, day, hour).substitution is not None
        with pytest.raises(ValidationError):
            cast(holder, day, hour)
    assert Vote.objects.count() == 1


def test_the_substitute_may_change_the_seats_earlier_vote(holder, seat, sanne, body):
    decision = voting_memo(body).decisions.get()
    sv.vote_cast(user=holder, decision=decision, choice="for")
    substitution(seat, sanne)
    vote = sv.vote_cast(user=sanne.user, decision=decision, choice="against")
    assert Vote.objects.count() == 1
    assert (vote.seat, vote.choice, vote.cast_by) == (seat, "against", sanne.user)
    assert [r.cast_by for r in VoteRecord.objects.order_by("pk")] == [holder, sanne.user]


def test_the_same_choice_by_the_substitute_is_recorded_as_theirs(holder, seat, sanne, body):
    decision = voting_memo(body).decisions.get()
    sv.vote_cast(user=holder, decision=decision, choice="for")
    substitution(seat, sanne)
    sv.vote_cast(user=sanne.user, decision=decision, choice="for")
    sv.vote_cast(user=sanne.user, decision=decision, choice="for")  # a double submit
    assert VoteRecord.objects.count() == 2
    assert Vote.objects.get().cast_by == sanne.user


def test_when_the_body_stops_allowing_substitutes_the_seat_holder_votes_again(
    holder, seat, sanne, body
):
    substitution(seat, sanne)
    Body.objects.filter(pk=body.pk).update(substitutes_allowed=False)
    decision = voting_memo(body).decisions.get()
    with pytest.raises(PermissionDenied):
        sv.vote_cast(user=sanne.user, decision=decision, choice="for")
    assert sv.vote_cast(user=holder, decision=decision, choice="for").substitution is None


def test_a_substitute_of_another_body_does_not_vote_here(holder, seat, sanne, body, sg_body):
    substitution(seat, sanne)
    decision = voting_memo(allow_substitutes(sg_body)).decisions.get()
    with pytest.raises(PermissionDenied):
        sv.vote_cast(user=sanne.user, decision=decision, choice="for")


def test_a_substitute_for_a_seat_whose_term_ended_does_not_vote(holder, seat, sanne, body):
    substitution(seat, sanne, starts_on=timezone.localdate() - datetime.timedelta(days=5))
    Seat.objects.filter(pk=seat.pk).update(term_end=timezone.localdate() - datetime.timedelta(1))
    decision = voting_memo(body).decisions.get()
    with pytest.raises(PermissionDenied):
        sv.vote_cast(user=sanne.user, decision=decision, choice="for")


def test_mfa_applies_to_the_substitute_too(holder, seat, body, settings):
    settings.AVK_VOTE_REQUIRE_MFA = True
    without = person_with_login(mfa=False)
    substitution(seat, without)
    decision = voting_memo(body).decisions.get()
    with pytest.raises(sv.MfaRequired):
        sv.vote_cast(user=without.user, decision=decision, choice="for")
    with_mfa(without.user)
    assert sv.vote_cast(user=without.user, decision=decision, choice="for")


def test_own_seat_wins_over_a_substitution_in_the_same_body(holder, seat, body, sanne):
    """Named before they got a seat of their own: they vote for their own seat, once."""
    substitution(seat, sanne)
    SeatFactory(person=sanne, body=body)
    decision = voting_memo(body).decisions.get()
    vote = sv.vote_cast(user=sanne.user, decision=decision, choice="for")
    assert vote.seat.person == sanne and vote.substitution is None


# --- stopping --------------------------------------------------------------------------


def test_stopping_one_to_come_removes_it(holder, seat, sanne):
    made = name(holder, seat, sanne, start=2, end=5)
    assert ss.substitution_end(user=holder, substitution=made, today=TODAY) is None
    assert not Substitution.objects.exists()
    assert AuditEntry.objects.filter(action="substitution.ended").get().actor == holder
    # A double submit changes nothing.
    assert ss.substitution_end(user=holder, substitution=made, today=TODAY) is None


def test_stopping_a_running_one_hands_the_vote_back_today(holder, seat, sanne, body):
    today = timezone.localdate()
    made = substitution(seat, sanne, starts_on=today - datetime.timedelta(days=3))
    decision = voting_memo(body).decisions.get()
    ended = ss.substitution_end(user=holder, substitution=made)
    assert ended.ends_on == today - datetime.timedelta(days=1)
    with pytest.raises(PermissionDenied):
        sv.vote_cast(user=sanne.user, decision=decision, choice="for")
    assert sv.vote_cast(user=holder, decision=decision, choice="for").substitution is None


def test_one_begun_today_and_used_ends_tonight(staff, seat, sanne, body):
    made = substitution(seat, sanne)
    sv.vote_cast(user=sanne.user, decision=voting_memo(body).decisions.get(), choice="for")
    ended = ss.substitution_end(user=staff, substitution=made)
    assert ended.ends_on == ended.starts_on == timezone.localdate()
    assert Vote.objects.get().substitution == made  # what she did stays hers


def test_one_begun_today_and_unused_is_removed(holder, seat, sanne):
    made = substitution(seat, sanne)
    assert ss.substitution_end(user=holder, substitution=made) is None
    assert not Substitution.objects.exists()


def test_only_the_seat_holder_or_staff_stop_one_and_never_one_that_is_over(
    holder, seat, sanne, body
):
    made = substitution(seat, sanne, starts_on=TODAY - datetime.timedelta(days=9), days=3)
    for user in [sanne.user, voter(body)]:
        with pytest.raises(PermissionDenied):
            ss.substitution_end(user=user, substitution=made, today=TODAY)
    with pytest.raises(ValidationError, match="Deze periode is al voorbij"):
        ss.substitution_end(user=holder, substitution=made, today=TODAY)
    assert Substitution.objects.get().ends_on == made.ends_on
