"""The pages a voter reads are in plain Dutch: what the voting window, the rules, the
quorum and the results say, the governance overview with the bodies' mandates, the
decision list, awaiting my vote."""

import datetime

import pytest
from django.urls import reverse

from governance.demo.bodies import BODIES
from governance.models import Body, ProposedDecision
from governance.services import decisions as sd
from governance.services import voting as sv
from tests.governance.factories import ProposedDecisionFactory
from tests.governance.factories_voting import voter, voting_memo, with_mfa
from tests.plain_language import assert_plain_page, jargon, long_sentences

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db_member):
    return with_mfa(db_member)


def test_the_voting_page_says_the_rules_in_plain_dutch(client_for, member, db_body):
    voter(db_body)
    voter(db_body)  # three voting seats: at least two must vote
    memo = voting_memo(db_body, decisions=["approve", "note"])
    text = assert_plain_page(
        client_for(member).get(reverse("governance:memo_vote", args=[memo.pk])).content.decode()
    )
    assert "3 mensen mogen stemmen." in text
    assert "Minstens 2 mensen moeten stemmen. Anders is er geen besluit." in text
    assert "Een voorstel is aangenomen als meer mensen voor stemmen dan tegen." in text
    assert "Nog 2 stemmen nodig, dan hebben genoeg mensen gestemd." in text
    assert "0 van de 3 mensen die mogen stemmen, hebben al gereageerd." in text


def test_enough_votes_and_two_thirds_are_plain_too(client_for, member, db_body):
    db_body.majority = Body.Majority.TWO_THIRDS
    db_body.quorum_count = 1
    db_body.save()
    memo = voting_memo(db_body)
    sv.vote_cast(user=member, decision=memo.decisions.get(), choice="for")
    html = client_for(member).get(reverse("governance:memo_vote", args=[memo.pk])).content.decode()
    text = assert_plain_page(html)
    assert "Er hebben genoeg mensen gestemd." in text
    assert "minstens twee derde" in text


def test_a_closed_voting_without_enough_votes_says_so_plainly(client_for, member, db_body, staff):
    voter(db_body)
    voter(db_body)
    memo = voting_memo(db_body)
    sv.vote_cast(user=member, decision=memo.decisions.get(), choice="for")
    sd.voting_close(user=staff, memo=memo, now=memo.voting_deadline + datetime.timedelta(days=1))
    assert memo.decisions.get().result == ProposedDecision.Result.NO_QUORUM
    html = client_for(member).get(reverse("governance:memo_vote", args=[memo.pk])).content.decode()
    text = assert_plain_page(html)
    assert "Te weinig stemmen" in text
    assert "De uitslag verandert niet meer." in text
    detail = client_for(member).get(reverse("governance:memo_detail", args=[memo.pk]))
    assert "Te weinig stemmen" in assert_plain_page(detail.content.decode())


def test_awaiting_my_vote_is_plain(client_for, member, db_body):
    voting_memo(db_body)
    html = client_for(member).get(reverse("governance:my_votes")).content.decode()
    assert "je kunt stemmen tot" in assert_plain_page(html)


def test_the_overview_and_the_decision_list_are_plain(client_for, member, db_body):
    db_body.mandate = {b[2]: b[4] for b in BODIES}["DB"]
    db_body.save()
    memo = voting_memo(db_body)
    ProposedDecisionFactory(memo=memo, order=2, text="het faseplan", kind="approve")
    overview = client_for(member).get(reverse("governance:overview")).content.decode()
    text = assert_plain_page(overview)
    assert "groepen die de alliantie besturen" in text
    listing = client_for(member).get(reverse("governance:decision_list", args=[db_body.pk]))
    assert "Hier staan alle besluiten van deze groep" in assert_plain_page(listing.content.decode())


@pytest.mark.parametrize("body", BODIES, ids=[b[2] for b in BODIES])
def test_the_demo_mandates_are_short_plain_sentences(body):
    mandate = body[4]
    assert not jargon(mandate)
    assert not long_sentences(mandate, 15), long_sentences(mandate, 15)
