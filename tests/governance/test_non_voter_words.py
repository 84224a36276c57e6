"""People who cannot vote (advisers, secretaries, guests) never read "you can vote until …";
their start page says what comes next in their groups instead."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Memo, Seat
from tests.factories import PartnerFactory
from tests.governance.factories import MeetingFactory
from tests.governance.factories_voting import voter, voting_memo

pytestmark = pytest.mark.django_db

YOU_CAN_VOTE = ("Je kunt stemmen", "Je kunt stemmen tot", "je kunt stemmen tot")


@pytest.fixture
def adviser(db_body):
    return voter(db_body, role=Seat.Role.ADVISER, mfa=False)


@pytest.fixture
def member(db_body):
    return voter(db_body)


def _says_you_can_vote(html: str) -> bool:
    return any(words in html for words in YOU_CAN_VOTE)


def test_an_adviser_reads_who_votes_on_the_memo_and_the_voting_page(client, adviser, db_body):
    memo = voting_memo(db_body)
    client.force_login(adviser)
    for url in (
        reverse("governance:memo_detail", args=[memo.pk]),
        reverse("governance:memo_vote", args=[memo.pk]),
    ):
        html = client.get(url).content.decode()
        assert not _says_you_can_vote(html), url
        assert "Je hebt geen stem over dit memo" in html, url
        assert "zodra je zelf hebt gestemd" not in html, url


def test_a_voter_still_reads_until_when_they_can_vote(client, member, db_body):
    memo = voting_memo(db_body)
    client.force_login(member)
    html = client.get(reverse("governance:memo_detail", args=[memo.pk])).content.decode()
    assert "Je kunt stemmen tot" in html
    assert "geen stem" not in html


def test_before_the_voting_opens_a_non_voter_reads_who_votes(client, adviser, db_body):
    memo = voting_memo(db_body)
    Memo.objects.filter(pk=memo.pk).update(
        status=Memo.Status.SUBMITTED,
        voting_opens_at=timezone.now() + datetime.timedelta(days=1),
    )
    client.force_login(adviser)
    html = client.get(reverse("governance:memo_vote", args=[memo.pk])).content.decode()
    assert not _says_you_can_vote(html)
    assert 'id="vote-no-seat"' in html


def test_the_start_page_shows_the_next_meeting_and_no_vote(client, adviser, db_body):
    host = PartnerFactory(name="Cosis")
    soon = timezone.now() + datetime.timedelta(days=5)
    MeetingFactory(body=db_body, starts_at=timezone.now() - datetime.timedelta(days=5))
    nearest = MeetingFactory(body=db_body, starts_at=soon, location_partner=host)
    MeetingFactory(body=db_body, starts_at=soon + datetime.timedelta(days=30))
    client.force_login(adviser)
    html = client.get(reverse("home")).content.decode()
    assert 'id="coming-up"' in html
    assert reverse("governance:meeting_detail", args=[nearest.pk]) in html
    assert html.count('id="next-meeting-') == 1
    assert "Cosis" in html
    assert "geen stem" in html  # the groups list says the adviser has no vote
    assert not _says_you_can_vote(html)


def test_a_person_without_groups_sees_no_coming_up(client, outsider):
    client.force_login(outsider)
    assert 'id="coming-up"' not in client.get(reverse("home")).content.decode()


def test_the_start_page_queries_do_not_grow_with_meetings(
    client, adviser, db_body, django_assert_max_num_queries
):
    client.force_login(adviser)
    MeetingFactory(body=db_body, starts_at=timezone.now() + datetime.timedelta(days=1))
    with django_assert_max_num_queries(40) as small:
        client.get(reverse("home"))
    for n in range(10):
        MeetingFactory(body=db_body, starts_at=timezone.now() + datetime.timedelta(days=2 + n))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("home"))
