"""Steps that cannot be undone ask first, without JavaScript: closing a voting early and
withdrawing a memo. A GET or a first POST shows what will happen; only a second POST with
confirm=yes takes the step (templates/includes/confirm_step.html)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.models import Memo
from governance.services import decisions as sd
from governance.services import voting as sv
from tests.governance.factories_voting import voting_memo, with_mfa
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db

UNDONE = "Dit kun je niet ongedaan maken."


@pytest.fixture
def member(db_member):
    return with_mfa(db_member)


def close_url(memo):
    return reverse("governance:memo_close", args=[memo.pk])


def withdraw_url(memo):
    return reverse("governance:memo_withdraw", args=[memo.pk])


def _status(memo):
    memo.refresh_from_db()
    return memo.status


def _everyone_voted(db_body, member):
    memo = voting_memo(db_body, decisions=["approve", "note"])
    approve, note = memo.decisions.order_by("order")
    sv.vote_cast(user=member, decision=approve, choice="for")
    sv.vote_cast(user=member, decision=note, choice="acknowledged")
    return memo


def test_the_voting_page_buttons_lead_to_the_question(client_for, staff, member, db_body):
    memo = _everyone_voted(db_body, member)
    page = client_for(staff).get(reverse("governance:memo_vote", args=[memo.pk])).content.decode()
    assert f'href="{close_url(memo)}"' in page and f'href="{withdraw_url(memo)}"' in page
    # A POST without the confirmation (an old form, a forged request) only asks too.
    response = client_for(staff).post(close_url(memo))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stemming nu sluiten?" in html and UNDONE in html
    assert 'name="confirm" value="yes"' in html
    assert _status(memo) == Memo.Status.VOTING


def test_closing_early_asks_then_closes(client_for, staff, member, db_body):
    memo = _everyone_voted(db_body, member)
    response = client_for(staff).get(close_url(memo))
    text = assert_plain_page(response.content.decode())
    assert UNDONE in text
    assert "De stemming sluit nu, vóór de eindtijd." in text
    assert "Niemand kan daarna nog stemmen of een stem veranderen." in text
    assert "Aangenomen besluiten en besluiten om kennis te nemen krijgen een nummer" in text
    assert "Voor 1 · Tegen 0 · Onthouden 0" in text  # the votes so far
    assert "Nee, ga terug" in text
    assert _status(memo) == Memo.Status.VOTING
    response = client_for(staff).post(close_url(memo), {"confirm": "yes"}, follow=True)
    assert "De stemming is gesloten." in response.content.decode()
    assert _status(memo) == Memo.Status.DECIDED


def test_withdrawing_asks_then_withdraws(client_for, staff, db_body):
    memo = voting_memo(db_body)
    text = assert_plain_page(client_for(staff).get(withdraw_url(memo)).content.decode())
    assert "Memo intrekken?" in text and UNDONE in text
    assert "Een ingetrokken memo kun je niet opnieuw indienen." in text
    assert "Ja, trek de memo in" in text
    assert _status(memo) == Memo.Status.VOTING
    response = client_for(staff).post(withdraw_url(memo), {"confirm": "yes"}, follow=True)
    assert "De memo is ingetrokken." in response.content.decode()
    assert _status(memo) == Memo.Status.WITHDRAWN


@pytest.mark.parametrize("confirm", ["", "no", "YES", "1", "true", "ja"])
def test_anything_but_yes_only_asks_again(client_for, staff, member, db_body, confirm):
    memo = _everyone_voted(db_body, member)
    for url in [close_url(memo), withdraw_url(memo)]:
        response = client_for(staff).post(url, {"confirm": confirm})
        assert response.status_code == 200
        assert 'id="confirm-step"' in response.content.decode()
    assert _status(memo) == Memo.Status.VOTING


def test_a_step_that_is_not_possible_says_why_and_offers_no_button(
    client_for, staff, member, db_body
):
    memo = voting_memo(db_body)  # nobody voted yet: no early close
    html = client_for(staff).get(close_url(memo)).content.decode()
    assert "De stemming kan pas eerder sluiten als iedereen heeft gestemd." in html
    assert 'id="confirm-step-form"' not in html
    decided = _everyone_voted(db_body, member)
    sd.voting_close(memo=decided, now=decided.voting_deadline)
    html = client_for(staff).get(withdraw_url(decided)).content.decode()
    assert 'id="confirm-step-refused"' in html and 'id="confirm-step-form"' not in html
    html = client_for(staff).get(close_url(decided)).content.decode()
    assert 'id="confirm-step-refused"' in html
    # A forged confirmed POST is refused by the service.
    client_for(staff).post(withdraw_url(decided), {"confirm": "yes"})
    assert _status(decided) == Memo.Status.DECIDED
    client_for(staff).post(close_url(memo), {"confirm": "yes"})
    assert _status(memo) == Memo.Status.VOTING


def test_only_staff_see_the_question_or_take_the_step(
    client_for, member, db_body, editor_a, outsider
):
    memo = _everyone_voted(db_body, member)
    for user in [member, editor_a, outsider]:
        for url in [close_url(memo), withdraw_url(memo)]:
            assert client_for(user).get(url).status_code == 403
            assert client_for(user).post(url, {"confirm": "yes"}).status_code == 403
    assert _status(memo) == Memo.Status.VOTING
    assert client_for(None).get(close_url(memo)).status_code == 302


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(confirm=st.one_of(st.text(max_size=50), st.sampled_from(["yes", "", "no"])))
def test_confirm_garbage_never_breaks(client_for, staff, db_body, confirm):
    memo = Memo.objects.filter(body=db_body, status="voting").first() or voting_memo(db_body)
    response = client_for(staff).post(withdraw_url(memo), {"confirm": confirm})
    assert response.status_code in (200, 302)
    assert (response.status_code == 302) == (confirm == "yes")
