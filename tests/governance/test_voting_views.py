"""The voting pages: submit, vote (with and without htmx), close, withdraw, archive,
awaiting my vote, a body's rules; forbidden paths, fixed query counts and fuzzing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.forms.voting import default_deadline
from governance.models import Body, Decision, Memo, ProposedDecision, Seat, Vote
from governance.selectors.voting import choices_for
from governance.services import decisions as sd
from governance.services import voting as sv
from tests.factories import BodyFactory
from tests.governance.factories import MemoFactory, ProposedDecisionFactory
from tests.governance.factories_voting import voter, voting_memo, with_mfa

pytestmark = pytest.mark.django_db

APPROVE = ProposedDecision.Kind.APPROVE
NOTE = ProposedDecision.Kind.NOTE


def vote_url(memo):
    return reverse("governance:memo_vote", args=[memo.pk])


def cast_url(decision):
    return reverse("governance:vote_cast", args=[decision.pk])


@pytest.fixture
def member(db_member):
    return with_mfa(db_member)


# --- the voting page -------------------------------------------------------------------


def test_voter_sees_the_buttons_deadline_and_what_is_missing(client_for, member, db_body):
    voter(db_body)
    voter(db_body)  # three voting seats: quorum 2
    memo = voting_memo(db_body, decisions=[APPROVE, NOTE])
    memo.voting_deadline = timezone.make_aware(datetime.datetime(2030, 3, 5, 17, 0))
    memo.save()
    page = client_for(member).get(vote_url(memo)).content.decode()
    for text in ["Voor", "Tegen", "Onthouden", "Ik heb hiervan kennisgenomen", "Jouw stem"]:
        assert text in page
    assert "5 maart 2030, 17:00" in page
    assert "Tot dat moment kun je je stem nog veranderen." in page
    assert "Nog 2 stemmen nodig, dan hebben genoeg mensen gestemd." in page
    assert 'name="seat"' not in page


def test_non_voter_sees_decisions_without_buttons_or_tallies(client_for, editor_a, db_body):
    memo = voting_memo(db_body)
    ProposedDecision.objects.filter(memo=memo).update(text="in te stemmen met het faseplan")
    response = client_for(editor_a).get(vote_url(memo))
    page = response.content.decode()
    assert response.status_code == 200
    assert "in te stemmen met het faseplan" in page
    assert "vote-form" not in page
    assert "vote-tally" not in page


def test_tally_shows_to_a_member_only_after_voting_unless_the_body_says_so(
    client_for, member, db_body, staff
):
    other = voter(db_body)
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    sv.vote_cast(user=other, decision=decision, choice="against")
    tally = f'id="decision-{decision.pk}-tally"'
    assert tally not in client_for(member).get(vote_url(memo)).content.decode()
    assert tally in client_for(staff).get(vote_url(memo)).content.decode()
    sv.vote_cast(user=member, decision=decision, choice="for")
    assert tally in client_for(member).get(vote_url(memo)).content.decode()
    # A body that shows the tally before voting (as Loomio can):
    Body.objects.filter(pk=db_body.pk).update(tally_before_vote=True)
    newcomer = voter(db_body)
    assert tally in client_for(newcomer).get(vote_url(memo)).content.decode()


def test_staff_see_who_has_not_voted_and_close_when_everyone_has(
    client_for, staff, member, db_body
):
    other = voter(db_body, name="Anna de Vries")
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    sv.vote_cast(user=member, decision=decision, choice="for")
    page = client_for(staff).get(vote_url(memo)).content.decode()
    assert "Anna de Vries" in page
    assert 'id="memo-close"' not in page
    # A forged early close is refused.
    close_url = reverse("governance:memo_close", args=[memo.pk])
    response = client_for(staff).post(close_url, {"confirm": "yes"})
    assert response.status_code == 302
    memo.refresh_from_db()
    assert memo.status == Memo.Status.VOTING
    sv.vote_cast(user=other, decision=decision, choice="for")
    page = client_for(staff).get(vote_url(memo)).content.decode()
    assert "Stemming nu sluiten" in page
    response = client_for(staff).post(close_url, {"confirm": "yes"}, follow=True)
    memo.refresh_from_db()
    assert memo.status == Memo.Status.DECIDED and memo.closed_by == staff
    page = response.content.decode()
    assert "Aangenomen" in page or 'data-result="adopted"' in page
    year = timezone.localdate().year
    assert f"DB-{year}-001" in page
    assert "vote-form" not in client_for(member).get(vote_url(memo)).content.decode()


def test_mfa_missing_is_said_plainly_and_the_vote_refused(client_for, db_member, db_body):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    page = client_for(db_member).get(vote_url(memo)).content.decode()
    assert reverse("mfa_index") in page
    assert "tweestapsverificatie" in page
    assert "vote-form" not in page
    response = client_for(db_member).post(cast_url(decision), {"choice": "for"})
    assert response.status_code == 403
    assert reverse("mfa_index") in response.content.decode()
    assert not Vote.objects.exists()
    with_mfa(db_member)
    client_for(db_member).post(cast_url(decision), {"choice": "for"})
    assert Vote.objects.count() == 1


def test_mfa_not_required_when_switched_off(client_for, db_member, db_body, settings):
    settings.AVK_VOTE_REQUIRE_MFA = False
    decision = voting_memo(db_body).decisions.get()
    client_for(db_member).post(cast_url(decision), {"choice": "abstain"})
    assert Vote.objects.get().choice == "abstain"


# --- casting through the page ----------------------------------------------------------


def test_vote_without_js_redirects_back_with_a_message(client_for, member, db_body):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    response = client_for(member).post(
        cast_url(decision), {"choice": "for", "comment": "Prima"}, follow=True
    )
    assert response.redirect_chain[-1][0] == vote_url(memo)
    assert "Je stem is opgeslagen: Voor." in response.content.decode()
    vote = Vote.objects.get()
    assert (vote.choice, vote.comment, vote.seat.person.user) == ("for", "Prima", member)


def test_vote_with_htmx_answers_the_decision_block(client_for, member, db_body):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    client = client_for(member)
    response = client.post(
        cast_url(decision), {"choice": "against"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="decision-{decision.pk}"' in page
    assert 'id="vote-status" hx-swap-oob="innerHTML"' in page
    assert "Je stem is opgeslagen: Tegen." in page
    assert "Stem wijzigen" in page
    assert "<html" not in page
    # A changed vote keeps the history; a double submit counts once.
    client.post(cast_url(decision), {"choice": "for"}, headers={"HX-Request": "true"})
    client.post(cast_url(decision), {"choice": "for"}, headers={"HX-Request": "true"})
    vote = Vote.objects.get()
    assert vote.choice == "for"
    assert list(vote.records.values_list("choice", flat=True)) == ["against", "for"]


def test_a_forged_seat_field_is_ignored(client_for, member, db_body):
    other = voter(db_body)
    other_seat = Seat.objects.get(person__user=other)
    decision = voting_memo(db_body).decisions.get()
    client_for(member).post(
        cast_url(decision), {"choice": "for", "seat": other_seat.pk, "seat_id": other_seat.pk}
    )
    vote = Vote.objects.get()
    assert vote.seat.person.user == member
    assert not Vote.objects.filter(seat=other_seat).exists()


@pytest.mark.parametrize("forged", ["acknowledged", "yes", "", "1", "FOR"])
def test_forged_choice_through_the_page(client_for, member, db_body, forged):
    decision = voting_memo(db_body).decisions.get()
    response = client_for(member).post(
        cast_url(decision), {"choice": forged}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert f'id="decision-{decision.pk}-errors"' in response.content.decode()
    assert not Vote.objects.exists()


def test_non_seat_holders_get_403(client_for, db_body, sg_member, staff, outsider, editor_a):
    decision = voting_memo(db_body).decisions.get()
    adviser = voter(db_body, role=Seat.Role.ADVISER)
    for user in [with_mfa(sg_member), with_mfa(staff), with_mfa(outsider), editor_a, adviser]:
        for data in [{"choice": "for"}, {"choice": "nonsense"}]:
            assert client_for(user).post(cast_url(decision), data).status_code == 403
    assert not Vote.objects.exists()


def test_draft_memo_votes_are_404_for_outsiders(client_for, outsider, db_body, member):
    memo = MemoFactory(body=db_body)
    decision = ProposedDecisionFactory(memo=memo)
    assert client_for(outsider).post(cast_url(decision), {"choice": "for"}).status_code == 404
    assert client_for(outsider).get(vote_url(memo)).status_code == 404
    # A member of the body sees the draft but cannot vote on it.
    client_for(member).post(cast_url(decision), {"choice": "for"})
    assert not Vote.objects.exists()


@pytest.mark.parametrize("when", ["withdrawn", "decided", "submitted", "after_deadline"])
def test_votes_outside_the_window_are_refused(client_for, member, db_body, when):
    memo = voting_memo(db_body)
    decision = memo.decisions.get()
    if when == "after_deadline":
        Memo.objects.filter(pk=memo.pk).update(
            voting_deadline=timezone.now() - datetime.timedelta(seconds=1)
        )
    elif when == "submitted":
        Memo.objects.filter(pk=memo.pk).update(
            status=when, voting_opens_at=timezone.now() + datetime.timedelta(days=1)
        )
    else:
        Memo.objects.filter(pk=memo.pk).update(status=when)
    response = client_for(member).post(cast_url(decision), {"choice": "for"}, follow=True)
    assert response.status_code == 200
    assert "vote-form" not in response.content.decode()
    assert not Vote.objects.exists()


def test_vote_cast_missing_decision_is_404(client_for, member):
    assert client_for(member).post("/bestuur/voorstellen/999999/stem/", {}).status_code == 404


# --- submit, withdraw, archive ---------------------------------------------------------


def test_submit_form_defaults_and_submits(client_for, staff, db_body):
    memo = MemoFactory(body=db_body)
    ProposedDecisionFactory(memo=memo)
    url = reverse("governance:memo_submit", args=[memo.pk])
    response = client_for(staff).get(url)
    page = response.content.decode()
    deadline = default_deadline()
    assert timezone.localtime(deadline).strftime("%Y-%m-%dT17:00") in page
    assert (timezone.localtime(deadline).date() - timezone.localdate()).days == 14
    assert "Stemming sluit op" in page and "Stemming opent op" in page
    assert "Indienen voor een stemming" in page
    response = client_for(staff).post(
        url, {"voting_deadline": deadline.strftime("%Y-%m-%dT%H:%M"), "voting_opens_at": ""}
    )
    assert response.status_code == 302 and response["Location"] == vote_url(memo)
    memo.refresh_from_db()
    assert memo.status == Memo.Status.VOTING
    assert timezone.localtime(memo.voting_deadline).hour == 17
    # Submitting again is refused with a message.
    response = client_for(staff).post(
        url, {"voting_deadline": deadline.strftime("%Y-%m-%dT%H:%M")}, follow=True
    )
    assert "Alleen een concept-memo kan worden ingediend." in response.content.decode()


def test_submit_without_decisions_is_refused(client_for, staff, db_body):
    memo = MemoFactory(body=db_body)
    url = reverse("governance:memo_submit", args=[memo.pk])
    assert "nog geen voorgestelde besluiten" in client_for(staff).get(url).content.decode()
    response = client_for(staff).post(
        url, {"voting_deadline": default_deadline().strftime("%Y-%m-%dT%H:%M")}
    )
    assert response.status_code == 200
    assert "Voeg minstens één voorgesteld besluit toe" in response.content.decode()
    memo.refresh_from_db()
    assert memo.status == Memo.Status.DRAFT


def test_submit_refuses_a_past_deadline_keeping_the_input(client_for, staff, db_body):
    memo = ProposedDecisionFactory(memo=MemoFactory(body=db_body)).memo
    response = client_for(staff).post(
        reverse("governance:memo_submit", args=[memo.pk]),
        {"voting_deadline": "2020-01-01T10:00", "voting_opens_at": ""},
    )
    assert response.status_code == 200
    assert "voting_deadline" in response.context["form"].errors
    assert "2020-01-01T10:00" in response.content.decode()


def test_members_cannot_submit_withdraw_close_or_archive(client_for, member, db_body):
    memo = voting_memo(db_body)
    for name in ["memo_submit", "memo_withdraw", "memo_close", "memo_archive"]:
        url = reverse(f"governance:{name}", args=[memo.pk])
        assert client_for(member).post(url).status_code == 403, name
    memo.refresh_from_db()
    assert memo.status == Memo.Status.VOTING


def test_withdraw_and_archive_by_staff(client_for, staff, db_body):
    memo = voting_memo(db_body)
    client_for(staff).post(reverse("governance:memo_withdraw", args=[memo.pk]), {"confirm": "yes"})
    memo.refresh_from_db()
    assert memo.status == Memo.Status.WITHDRAWN
    assert "ingetrokken" in client_for(staff).get(vote_url(memo)).content.decode()
    decided = voting_memo(db_body)
    sd.voting_close(memo=decided, now=decided.voting_deadline)
    client_for(staff).post(reverse("governance:memo_archive", args=[decided.pk]))
    decided.refresh_from_db()
    assert decided.status == Memo.Status.ARCHIVED
    # Archiving a memo in voting is refused.
    response = client_for(staff).post(
        reverse("governance:memo_archive", args=[voting_memo(db_body).pk]), follow=True
    )
    assert "Alleen een memo waarover besloten is" in response.content.decode()


# --- awaiting my vote ------------------------------------------------------------------


def test_my_votes_lists_open_decisions_grouped_by_memo(client_for, member, db_body, sg_body):
    memo = voting_memo(db_body, decisions=[APPROVE, NOTE], title="Randvoorwaarden programma")
    voting_memo(sg_body, title="Niet voor mij")
    page = client_for(member).get(reverse("governance:my_votes")).content.decode()
    assert "Randvoorwaarden programma" in page and "Niet voor mij" not in page
    assert page.count(vote_url(memo)) == 2  # title link and button
    for decision in memo.decisions.all():
        sv.vote_cast(user=member, decision=decision, choice=choices_for(decision)[0])
    page = client_for(member).get(reverse("governance:my_votes")).content.decode()
    assert "Er wacht nu niets op jouw stem." in page


def test_my_votes_query_count_is_fixed(client_for, member, db_body):
    client = client_for(member)
    voting_memo(db_body, decisions=[APPROVE])
    client.get(reverse("governance:my_votes"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("governance:my_votes"))
    for _ in range(5):
        voting_memo(db_body, decisions=[APPROVE, NOTE, APPROVE])
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("governance:my_votes"))
    assert len(small) == len(large)


# --- the body's voting rules -----------------------------------------------------------


def test_body_rules_form_saves_and_validates(client_for, staff, db_body):
    url = reverse("governance:body_rules", args=[db_body.pk])
    assert "Stemregels van Dagelijks Bestuur" in client_for(staff).get(url).content.decode()
    response = client_for(staff).post(
        url,
        {
            "voting_roles": ["chair", "member"],
            "quorum_count": "",
            "quorum_percent": "60",
            "majority": "two_thirds",
            "tally_before_vote": "on",
        },
    )
    assert response.status_code == 302
    db_body.refresh_from_db()
    assert db_body.voting_roles == ["chair", "member"]
    assert (db_body.quorum_percent, db_body.majority, db_body.tally_before_vote) == (
        60,
        "two_thirds",
        True,
    )
    response = client_for(staff).post(
        url, {"quorum_count": "3", "quorum_percent": "50", "majority": "simple"}
    )
    assert response.status_code == 200
    assert "niet allebei" in response.content.decode()
    db_body.refresh_from_db()
    assert db_body.quorum_count is None


# --- fixed number of queries -----------------------------------------------------------


def _voting_page_queries(client, memo):
    client.get(vote_url(memo))  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(vote_url(memo))
    assert response.status_code == 200
    return len(ctx)


def _fill(body, *, seats, decisions, member):
    users = [member] + [voter(body) for _ in range(seats - 1)]
    kinds = [NOTE if i % 3 == 2 else APPROVE for i in range(decisions)]
    memo = voting_memo(body, decisions=kinds)
    for decision in memo.decisions.all():
        for user in users:
            sv.vote_cast(user=user, decision=decision, choice=choices_for(decision)[0])
    return memo


def test_voting_page_runs_a_fixed_number_of_queries(client_for, staff, member):
    small_body, large_body = BodyFactory(), BodyFactory()
    Seat.objects.filter(person__user=member).update(body=small_body)
    small = _fill(small_body, seats=3, decisions=2, member=member)
    small_counts = {
        "member": _voting_page_queries(client_for(member), small),
        "staff": _voting_page_queries(client_for(staff), small),
    }
    Seat.objects.filter(person__user=member).update(body=large_body)
    large = _fill(large_body, seats=40, decisions=12, member=member)
    assert Vote.objects.filter(decision__memo=large).count() == 480
    assert _voting_page_queries(client_for(member), large) == small_counts["member"]
    assert _voting_page_queries(client_for(staff), large) == small_counts["staff"]
    # and after the close, with the decision list numbers shown
    sd.voting_close(memo=small, now=small.voting_deadline)
    sd.voting_close(memo=large, now=large.voting_deadline)
    assert Decision.objects.filter(body=large_body).count() == 12
    assert _voting_page_queries(client_for(staff), small) == _voting_page_queries(
        client_for(staff), large
    )


# --- garbage never breaks --------------------------------------------------------------

garbage = st.one_of(
    st.text(max_size=300).map(lambda s: s.replace("\x00", "")),
    st.integers().map(str),
    st.sampled_from(
        [
            "",
            "for",
            "against",
            "abstain",
            "acknowledged",
            "2025-02-30T10:00",
            "99999-01-01T00:00",
            "2026-03-29T02:30",
            "-1",
            "9" * 30,
            "<script>",
        ]
    ),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(choice=garbage, comment=garbage, seat=garbage, htmx=st.booleans())
def test_vote_form_garbage_never_breaks(client_for, member, db_body, choice, comment, seat, htmx):
    decision = (
        ProposedDecision.objects.filter(memo__body=db_body, memo__status="voting").first()
        or voting_memo(db_body).decisions.get()
    )
    headers = {"HX-Request": "true"} if htmx else {}
    response = client_for(member).post(
        cast_url(decision), {"choice": choice, "comment": comment, "seat": seat}, headers=headers
    )
    assert response.status_code in (200, 302)
    assert Vote.objects.count() <= 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(deadline=garbage, opens=garbage)
def test_submit_form_garbage_never_breaks(client_for, staff, db_body, deadline, opens):
    memo = ProposedDecisionFactory(memo=MemoFactory(body=db_body)).memo
    response = client_for(staff).post(
        reverse("governance:memo_submit", args=[memo.pk]),
        {"voting_deadline": deadline, "voting_opens_at": opens},
    )
    assert response.status_code in (200, 302)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(roles=garbage, count=garbage, percent=garbage, majority=garbage, tally=garbage)
def test_body_rules_garbage_never_breaks(
    client_for, staff, db_body, roles, count, percent, majority, tally
):
    response = client_for(staff).post(
        reverse("governance:body_rules", args=[db_body.pk]),
        {
            "voting_roles": roles,
            "quorum_count": count,
            "quorum_percent": percent,
            "majority": majority,
            "tally_before_vote": tally,
        },
    )
    assert response.status_code in (200, 302)


def test_the_voting_page_shows_the_decision_number_once_closed(client, staff, db_body):
    from governance.services.decisions import voting_close
    from governance.services.voting import vote_cast

    member = voter(db_body)
    memo = voting_memo(db_body)
    url = reverse("governance:memo_vote", args=[memo.pk])
    client.force_login(staff)
    assert "Besluit " not in client.get(url).content.decode()  # open: not on the list yet
    vote_cast(user=member, decision=memo.decisions.get(), choice="for")
    voting_close(memo=memo, user=staff)
    number = memo.decisions.get().listed.number
    assert f"Besluit {number}" in client.get(url).content.decode()
