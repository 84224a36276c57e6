"""Implausible voting input is refused with a clear message: a deadline centuries away, a
quorum no body could reach."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance.models import Memo
from governance.services import bodies as body_services
from governance.services import voting as sv
from tests.factories import BodyFactory, SeatFactory
from tests.governance.factories import MemoFactory, ProposedDecisionFactory

pytestmark = pytest.mark.django_db


def submit(client, memo, deadline, opens=""):
    return client.post(
        reverse("governance:memo_submit", args=[memo.pk]),
        {"voting_deadline": deadline, "voting_opens_at": opens},
    )


def local(days: int) -> str:
    return (timezone.localtime() + datetime.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize(
    ("deadline", "opens"),
    [("9999-12-31T17:00", ""), (local(400), ""), (local(400), local(399))],
    ids=["year-9999", "400-days", "opening-399-days"],
)
def test_a_deadline_too_far_ahead_is_refused(client_for, staff, db_body, deadline, opens):
    memo = ProposedDecisionFactory(memo=MemoFactory(body=db_body)).memo
    response = submit(client_for(staff), memo, deadline, opens)
    assert response.status_code == 200
    assert "voting_deadline" in response.context["form"].errors
    assert "hoogstens 365 dagen" in response.content.decode()
    memo.refresh_from_db()
    assert memo.status == Memo.Status.DRAFT


def test_the_furthest_deadline_is_a_setting(client_for, staff, db_body, settings):
    settings.AVK_VOTING_MAX_DAYS = 30
    memo = ProposedDecisionFactory(memo=MemoFactory(body=db_body)).memo
    assert submit(client_for(staff), memo, local(31)).status_code == 200
    assert submit(client_for(staff), memo, local(29)).status_code == 302
    memo.refresh_from_db()
    assert memo.status == Memo.Status.VOTING


def test_the_service_refuses_a_deadline_too_far_ahead(staff, db_body):
    memo = ProposedDecisionFactory(memo=MemoFactory(body=db_body)).memo
    with pytest.raises(ValidationError) as refused:
        sv.memo_submit(
            memo=memo,
            user=staff,
            voting_deadline=timezone.now() + datetime.timedelta(days=366),
        )
    assert "voting_deadline" in refused.value.error_dict


def rules(client, body, **data):
    return client.post(
        reverse("governance:body_rules", args=[body.pk]),
        {"voting_roles": ["chair", "member"], "majority": "simple"} | data,
    )


@pytest.fixture
def three_seats():
    body = BodyFactory(name="Raad van Toezicht", short_name="RvT")
    for role in ["chair", "member", "member"]:
        SeatFactory(body=body, role=role)
    SeatFactory(body=body, role="adviser")  # does not vote
    SeatFactory(body=body, role="member", term_end=datetime.date(2024, 6, 30))  # gone
    return body


def test_a_quorum_above_the_voting_seats_is_refused(client_for, staff, three_seats):
    response = rules(client_for(staff), three_seats, quorum_count="1000")
    assert response.status_code == 200
    assert "quorum_count" in response.context["form"].errors
    assert "Nu mogen 3 mensen stemmen." in response.content.decode()
    three_seats.refresh_from_db()
    assert three_seats.quorum_count is None
    assert rules(client_for(staff), three_seats, quorum_count="4").status_code == 200
    assert rules(client_for(staff), three_seats, quorum_count="3").status_code == 302
    three_seats.refresh_from_db()
    assert three_seats.quorum_count == 3


def test_fewer_voting_roles_count_for_the_quorum_at_once(client_for, staff, three_seats):
    # Only the chair votes now: a quorum of 2 cannot be reached.
    response = rules(client_for(staff), three_seats, voting_roles=["chair"], quorum_count="2")
    assert response.status_code == 200
    three_seats.refresh_from_db()
    assert three_seats.quorum_count is None and "member" in three_seats.voting_roles


def test_the_service_refuses_a_quorum_above_the_voting_seats(staff, three_seats):
    with pytest.raises(ValidationError) as refused:
        body_services.body_rules_update(body=three_seats, user=staff, quorum_count=1000)
    assert "quorum_count" in refused.value.error_dict
