"""Adopting a phase plan by a decision: picked from the newest ones, or typed by number.

The plan page lists only the newest adopted decisions (however long the decision lists
grow); any other decision is adopted by typing its number.
"""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from governance.models import ProposedDecision
from reflection.models import PhasePlan
from reflection.selectors.plans import RECENT_DECISIONS
from tests.governance.factories import DecisionFactory
from tests.reflection.factories_plans import PhasePlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def _adopt(client, plan, **data):
    url = reverse("reflection:plan_adopt", args=[plan.pk])
    response = client.post(url, data, follow=True)
    assert response.redirect_chain == [(reverse("reflection:plan_detail", args=[plan.pk]), 302)]
    plan.refresh_from_db()
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_page_lists_only_the_newest_decisions(staff_client):
    old = DecisionFactory(number="SG-2006-001", decided_on=datetime.date(2006, 3, 1))
    newest = [
        DecisionFactory(decided_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
        for n in range(RECENT_DECISIONS + 3)
    ]
    DecisionFactory(
        number="SG-2026-999",
        decided_on=datetime.date(2027, 1, 1),
        result=ProposedDecision.Result.REJECTED,
    )
    plan = PhasePlanFactory()
    html = staff_client.get(reverse("reflection:plan_detail", args=[plan.pk])).content.decode()
    select = re.search(r'<select name="adopted_decision".*?</select>', html, re.S).group()
    assert select.count("<option") == RECENT_DECISIONS + 1  # and "none of these"
    assert newest[-1].number in html and newest[3].number in html
    assert newest[2].number not in html and old.number not in html
    assert "SG-2026-999" not in html  # not adopted: never offered
    assert 'name="decision_number"' in html


def test_an_older_decision_is_adopted_by_its_number(staff_client):
    decision = DecisionFactory(
        proposed_decision__memo__body__name="Stuurgroep",
        number="SG-2006-004",
        decided_on=datetime.date(2006, 10, 2),
    )
    for n in range(RECENT_DECISIONS):
        DecisionFactory(decided_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    plan = PhasePlanFactory()
    _adopt(staff_client, plan, decision_number="  sg-2006-004 ", adopted_by="")
    assert plan.status == PhasePlan.Status.ADOPTED
    assert plan.adopted_decision == decision
    assert (plan.adopted_on, plan.adopted_by) == (datetime.date(2006, 10, 2), "Stuurgroep")


def test_a_decision_not_listed_on_the_page_can_still_be_chosen(staff_client):
    """A pick from an older page (or another tab) still counts: only the list is bounded."""
    decision = DecisionFactory(decided_on=datetime.date(2006, 10, 2))
    for n in range(RECENT_DECISIONS):
        DecisionFactory(decided_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    plan = PhasePlanFactory()
    _adopt(staff_client, plan, adopted_decision=decision.pk)
    assert plan.adopted_decision == decision


def test_an_unknown_number_says_so_and_changes_nothing(staff_client):
    plan = PhasePlanFactory()
    shown = _adopt(staff_client, plan, decision_number="SG-2099-001", adopted_by="Stuurgroep")
    assert plan.status == PhasePlan.Status.DRAFT
    assert shown == [
        "Er is geen besluit met nummer SG-2099-001. "
        "Kijk het nummer na in de besluitenlijst van het orgaan."
    ]


@pytest.mark.parametrize("result", [ProposedDecision.Result.REJECTED, "noted"])
def test_a_decision_that_was_not_adopted_cannot_adopt(staff_client, result):
    decision = DecisionFactory(number="DB-2026-007", result=result)
    plan = PhasePlanFactory()
    message = "Besluit DB-2026-007 is niet aangenomen. Daarmee kun je geen plan vaststellen."
    assert _adopt(staff_client, plan, decision_number="DB-2026-007") == [message]
    assert _adopt(staff_client, plan, adopted_decision=decision.pk) == [message]
    assert plan.status == PhasePlan.Status.DRAFT and plan.adopted_decision is None


def test_a_choice_and_a_different_number_is_refused(staff_client):
    chosen, typed = DecisionFactory(number="SG-2026-001"), DecisionFactory(number="SG-2026-002")
    plan = PhasePlanFactory()
    shown = _adopt(staff_client, plan, adopted_decision=chosen.pk, decision_number=typed.number)
    assert shown == ["Je koos besluit SG-2026-001 en typte SG-2026-002. Geef er maar één."]
    assert plan.status == PhasePlan.Status.DRAFT
    # The same decision twice is no contradiction.
    _adopt(staff_client, plan, adopted_decision=chosen.pk, decision_number="SG-2026-001")
    assert plan.adopted_decision == chosen


def test_a_too_long_number_is_a_message_not_an_error(staff_client):
    plan = PhasePlanFactory()
    shown = _adopt(staff_client, plan, decision_number="X" * 500, adopted_by="SG")
    assert plan.status == PhasePlan.Status.DRAFT
    assert len(shown) == 1


def test_only_staff_adopt_by_number(client, outsider):
    DecisionFactory(number="SG-2026-004")
    plan = PhasePlanFactory()
    client.force_login(outsider)
    response = client.post(
        reverse("reflection:plan_adopt", args=[plan.pk]), {"decision_number": "SG-2026-004"}
    )
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == PhasePlan.Status.DRAFT


def test_the_kept_adopt_form_shows_a_new_decision_at_once(staff_client):
    plan = PhasePlanFactory()
    url = reverse("reflection:plan_detail", args=[plan.pk])
    assert "SG-2026-042" not in staff_client.get(url).content.decode()
    decision = DecisionFactory(number="SG-2026-042", decided_on=datetime.date(2026, 11, 1))
    assert "SG-2026-042" in staff_client.get(url).content.decode()
    decision.result = ProposedDecision.Result.REJECTED
    decision.save()
    html = staff_client.get(url).content.decode()
    assert "SG-2026-042" not in html
    assert html.count('name="csrfmiddlewaretoken"') >= 1  # the token is the page's own
