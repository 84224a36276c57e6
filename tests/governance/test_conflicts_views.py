"""Conflicts of interest through the pages: the voting page, reporting and withdrawing,
staff recording one said at a meeting; who reads the reason; forbidden paths; fuzzing.
The decision list and the memo: test_conflicts_lists.py."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.models import ConflictOfInterest, Memo, ProposedDecision, Seat, Vote
from governance.services import conflicts as sc
from governance.services import decisions as sd
from governance.services import voting as sv
from tests.governance.factories import MemoFactory, ProposedDecisionFactory
from tests.governance.factories_voting import voter, voting_memo, with_mfa
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db

APPROVE = ProposedDecision.Kind.APPROVE
NOTE = ProposedDecision.Kind.NOTE
REASON = "Mijn organisatie levert de programmamanager."


@pytest.fixture
def member(db_member):
    return with_mfa(db_member)


def vote_url(memo):
    return reverse("governance:memo_vote", args=[memo.pk])


def declare_url(decision):
    return reverse("governance:conflict_declare", args=[decision.pk])


def withdraw_url(conflict):
    return reverse("governance:conflict_withdraw", args=[conflict.pk])


def _seat(user, body):
    return Seat.objects.get(person__user=user, body=body)


# --- the voting page -------------------------------------------------------------------


def test_the_voting_page_offers_a_report_before_voting_only(client_for, member, db_body):
    memo = voting_memo(db_body, decisions=[APPROVE, NOTE])
    approve, note = memo.decisions.order_by("order")
    page = client_for(member).get(vote_url(memo)).content.decode()
    assert f'id="decision-{approve.pk}-declare"' in page
    assert f'id="decision-{note.pk}-declare"' not in page  # nobody votes on taking note
    assert declare_url(approve) in page
    sv.vote_cast(user=member, decision=approve, choice="for")
    page = client_for(member).get(vote_url(memo)).content.decode()
    assert f'id="decision-{approve.pk}-declare"' not in page


def test_after_reporting_the_page_shows_it_the_quorum_line_changes_no_vote_form(
    client_for, member, db_body
):
    voter(db_body)
    voter(db_body)  # three voting seats: 2 must vote; with one aside, 2 remain: 2 must vote
    voter(db_body)  # four: 3 must vote; with one aside, 3 remain: 2 must vote
    memo = voting_memo(db_body, decisions=[APPROVE, APPROVE])
    first, second = memo.decisions.order_by("order")
    before = client_for(member).get(vote_url(memo)).content.decode()
    assert "0 van de 4 mensen die mogen stemmen, hebben al gereageerd." in before
    sc.conflict_declare(user=member, decision=first, reason=REASON)
    html = client_for(member).get(vote_url(memo)).content.decode()
    text = assert_plain_page(html)
    assert "Je hebt een persoonlijk belang gemeld. Daarom stem je niet mee over dit voorstel." in (
        text
    )
    assert "Voor dit voorstel moeten minstens 2 mensen stemmen." in text
    assert "0 van de 3 mensen die mogen stemmen, hebben al gereageerd." in text
    assert "0 van de 4 mensen die mogen stemmen, hebben al gereageerd." in text  # the second
    assert "Nog 2 stemmen nodig, dan hebben genoeg mensen gestemd." in text
    assert "Nog 3 stemmen nodig, dan hebben genoeg mensen gestemd." in text
    assert f'id="decision-{first.pk}-my-conflict"' in html
    assert f'action="{reverse("governance:vote_cast", args=[first.pk])}"' not in html
    assert f'action="{reverse("governance:vote_cast", args=[second.pk])}"' in html
    assert withdraw_url(ConflictOfInterest.objects.get()) in html


def test_a_vote_through_the_page_on_a_stepped_aside_decision_is_refused(
    client_for, member, db_body
):
    decision = voting_memo(db_body).decisions.get()
    sc.conflict_declare(user=member, decision=decision, reason=REASON)
    response = client_for(member).post(
        reverse("governance:vote_cast", args=[decision.pk]), {"choice": "for"}, follow=True
    )
    assert "Daarom stem je niet mee" in response.content.decode()
    response = client_for(member).post(
        reverse("governance:vote_cast", args=[decision.pk]),
        {"choice": "for"},
        headers={"HX-Request": "true"},
    )
    assert f'id="decision-{decision.pk}-errors"' in response.content.decode()
    assert not Vote.objects.exists()


def test_who_stepped_aside_is_shown_to_all_why_only_to_staff_and_members(
    client_for, member, db_body, staff, editor_a, outsider
):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    sc.conflict_declare(user=staff, decision=decision, reason=REASON, seat=_seat(member, db_body))
    secretary = voter(db_body, role=Seat.Role.SECRETARY)  # a member of the body, no vote
    fellow = voter(db_body)
    for user in [staff, secretary, fellow, member]:
        page = client_for(user).get(vote_url(memo)).content.decode()
        assert f'id="decision-{decision.pk}-aside"' in page
        assert REASON in page, user
    for user in [editor_a, outsider]:
        page = client_for(user).get(vote_url(memo)).content.decode()
        assert _seat(member, db_body).person.name in page
        assert "(lid)" in page
        assert REASON not in page, user
    staff_page = client_for(staff).get(vote_url(memo)).content.decode()
    assert "vastgelegd door het programmateam" in staff_page


# --- reporting through the page --------------------------------------------------------


def test_a_member_reports_through_the_form(client_for, member, db_body):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    response = client_for(member).get(declare_url(decision))
    html = response.content.decode()
    assert response.status_code == 200
    text = assert_plain_page(html)
    assert "Waarom heb je een persoonlijk belang?" in text
    assert 'name="seat"' not in html
    response = client_for(member).post(declare_url(decision), {"reason": REASON}, follow=True)
    assert response.redirect_chain[-1][0] == f"{vote_url(memo)}#decision-{decision.pk}"
    assert "Je melding is opgeslagen. Je stemt niet mee over dit voorstel." in (
        response.content.decode()
    )
    conflict = ConflictOfInterest.objects.get()
    assert (conflict.seat.person.user, conflict.reason, conflict.recorded_by) == (
        member,
        REASON,
        member,
    )


def test_a_member_cannot_forge_someone_elses_seat(client_for, member, db_body):
    other = voter(db_body)
    decision = voting_memo(db_body).decisions.get()
    client_for(member).post(
        declare_url(decision), {"reason": REASON, "seat": _seat(other, db_body).pk}
    )
    assert ConflictOfInterest.objects.get().seat == _seat(member, db_body)


@pytest.mark.parametrize(
    ("reason", "message"),
    [("", "Schrijf kort op waarom"), ("   ", "Schrijf kort op waarom"), ("x" * 501, "500")],
)
def test_a_missing_or_long_reason_is_said_on_the_form(client_for, member, db_body, reason, message):
    decision = voting_memo(db_body).decisions.get()
    response = client_for(member).post(declare_url(decision), {"reason": reason})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "error-summary" in response.content.decode()
    assert not ConflictOfInterest.objects.exists()


def test_reporting_after_voting_is_refused_with_a_clear_message(client_for, member, db_body):
    decision = voting_memo(db_body).decisions.get()
    sv.vote_cast(user=member, decision=decision, choice="for")
    response = client_for(member).post(declare_url(decision), {"reason": REASON})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je hebt al gestemd over dit voorstel. Daarna kun je geen belang meer melden." in html
    assert not ConflictOfInterest.objects.exists()


@pytest.mark.parametrize("status", ["decided", "withdrawn"])
def test_the_form_is_not_offered_once_the_voting_is_over(client_for, member, db_body, status):
    memo = voting_memo(db_body)
    Memo.objects.filter(pk=memo.pk).update(status=status)
    decision = memo.decisions.get()
    html = client_for(member).get(declare_url(decision)).content.decode()
    assert 'id="conflict-closed"' in html and 'id="conflict-form"' not in html
    response = client_for(member).post(declare_url(decision), {"reason": REASON})
    assert response.status_code == 200
    assert not ConflictOfInterest.objects.exists()


def test_staff_record_a_report_from_a_meeting(client_for, staff, member, db_body, sg_body):
    decision = voting_memo(db_body).decisions.get()
    adviser = voter(db_body, role=Seat.Role.ADVISER)
    html = client_for(staff).get(declare_url(decision)).content.decode()
    assert 'name="seat"' in html
    assert f'value="{_seat(member, db_body).pk}"' in html
    assert f'value="{_seat(adviser, db_body).pk}"' not in html  # an adviser does not vote
    # Another body's seat is not a choice.
    elsewhere = voter(sg_body)
    response = client_for(staff).post(
        declare_url(decision), {"reason": REASON, "seat": _seat(elsewhere, sg_body).pk}
    )
    assert response.status_code == 200 and "Kies iemand uit de lijst." in response.content.decode()
    # Without a seat: a form error, never someone's seat by default.
    response = client_for(staff).post(declare_url(decision), {"reason": REASON})
    assert response.status_code == 200
    assert not ConflictOfInterest.objects.exists()
    response = client_for(staff).post(
        declare_url(decision), {"reason": REASON, "seat": _seat(member, db_body).pk}
    )
    assert response.status_code == 302
    conflict = ConflictOfInterest.objects.get()
    assert conflict.recorded_by == staff and conflict.seat == _seat(member, db_body)


def test_the_report_page_is_forbidden_to_who_cannot_report(
    client_for, db_body, editor_a, outsider, sg_member, member
):
    decision = voting_memo(db_body).decisions.get()
    adviser = voter(db_body, role=Seat.Role.ADVISER)
    for user in [editor_a, outsider, sg_member, adviser]:
        assert client_for(user).get(declare_url(decision)).status_code == 403
        assert client_for(user).post(declare_url(decision), {"reason": REASON}).status_code == 403
    draft = ProposedDecisionFactory(memo=MemoFactory(body=db_body))
    assert client_for(outsider).get(declare_url(draft)).status_code == 404
    assert client_for(member).get("/bestuur/voorstellen/999999/belang/").status_code == 404
    assert not ConflictOfInterest.objects.exists()


# --- withdrawing through the page ------------------------------------------------------


def test_the_member_withdraws_and_can_vote_again(client_for, member, db_body):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    conflict = sc.conflict_declare(user=member, decision=decision, reason=REASON)
    assert client_for(member).get(withdraw_url(conflict)).status_code == 405
    response = client_for(member).post(withdraw_url(conflict), follow=True)
    assert "Je melding is ingetrokken. Je kunt weer stemmen." in response.content.decode()
    assert not ConflictOfInterest.objects.exists()
    assert f'action="{reverse("governance:vote_cast", args=[decision.pk])}"' in (
        response.content.decode()
    )


def test_others_cannot_withdraw_a_report(client_for, member, db_body, editor_a, staff):
    other = voter(db_body)
    decision = voting_memo(db_body).decisions.get()
    conflict = sc.conflict_declare(user=member, decision=decision, reason=REASON)
    for user in [other, editor_a]:
        assert client_for(user).post(withdraw_url(conflict)).status_code == 403
    assert ConflictOfInterest.objects.exists()
    assert client_for(member).post("/bestuur/belangen/999999/intrekken/").status_code == 404
    client_for(staff).post(withdraw_url(conflict))
    assert not ConflictOfInterest.objects.exists()


def test_withdrawing_after_the_close_says_so(client_for, member, db_body):
    memo = voting_memo(db_body)
    conflict = sc.conflict_declare(user=member, decision=memo.decisions.get(), reason=REASON)
    sd.voting_close(memo=memo, now=memo.voting_deadline)
    response = client_for(member).post(withdraw_url(conflict), follow=True)
    assert "De melding blijft zoals hij is." in response.content.decode()
    assert ConflictOfInterest.objects.exists()


# --- garbage never breaks --------------------------------------------------------------

garbage = st.one_of(
    st.text(max_size=600).map(lambda s: s.replace("\x00", "")),
    st.integers().map(str),
    st.sampled_from(["", " ", "-1", "0", "9" * 30, "<script>", "x" * 501, "\u202e", "1.5"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reason=garbage, seat=garbage, as_staff=st.booleans())
def test_report_form_garbage_never_breaks(
    client_for, member, staff, db_body, reason, seat, as_staff
):
    decision = (
        ProposedDecision.objects.filter(memo__body=db_body, memo__status="voting").first()
        or voting_memo(db_body).decisions.get()
    )
    user = staff if as_staff else member
    response = client_for(user).post(declare_url(decision), {"reason": reason, "seat": seat})
    assert response.status_code in (200, 302)
    assert ConflictOfInterest.objects.count() <= 1
    for conflict in ConflictOfInterest.objects.all():
        assert conflict.reason.strip() and len(conflict.reason) <= 500
