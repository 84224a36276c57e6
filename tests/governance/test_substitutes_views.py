"""The substitute pages: naming one (forbidden paths, bad input in plain Dutch, fuzzing),
the voting page of the substitute and of the represented seat-holder, the decision list
saying who voted on behalf of whom, and fixed query counts with substitutions."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.models import Body, Seat, Substitution, Vote
from governance.services import decisions as sd
from governance.services import voting as sv
from tests.factories import BodyFactory
from tests.governance.factories_substitutes import (
    allow_substitutes,
    person_with_login,
    substitution,
)
from tests.governance.factories_voting import voter, voting_memo
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db


def page_url(seat):
    return reverse("governance:substitutes", args=[seat.pk])


def vote_url(memo):
    return reverse("governance:memo_vote", args=[memo.pk])


def _period(start=0, end=6):
    today = timezone.localdate()
    return {
        "starts_on": (today + datetime.timedelta(days=start)).isoformat(),
        "ends_on": (today + datetime.timedelta(days=end)).isoformat(),
    }


# --- naming a substitute ---------------------------------------------------------------


def test_the_seat_holder_names_a_substitute_on_the_page(client_for, holder, seat, sanne):
    client = client_for(holder)
    html = client.get(page_url(seat)).content.decode()
    assert "Zetel van Joost Jansen (lid) in Dagelijks Bestuur" in html
    assert "Er is nu en later geen plaatsvervanger." in html
    response = client.post(
        page_url(seat), {"substitute": sanne.user.email.upper(), **_period(1, 8)}, follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == page_url(seat)
    assert "Sanne de Vries is je plaatsvervanger van" in html
    assert 'id="substitute-list"' in html
    made = Substitution.objects.get()
    assert (made.seat, made.substitute, made.named_by) == (seat, sanne, holder)


def test_staff_name_one_for_the_seat_holder(client_for, staff, seat, sanne):
    client = client_for(staff)
    assert (
        "Je kiest een plaatsvervanger voor Joost Jansen."
        in client.get(page_url(seat)).content.decode()
    )
    client.post(page_url(seat), {"substitute": sanne.user.email, **_period()})
    assert Substitution.objects.get().named_by == staff


def test_nobody_else_opens_a_seats_substitute_page(client_for, seat, body, sanne, outsider):
    other = voter(body)
    for user in [other, outsider, sanne.user]:
        client = client_for(user)
        assert client.get(page_url(seat)).status_code == 403
        assert (
            client.post(page_url(seat), {"substitute": sanne.user.email, **_period()}).status_code
            == 403
        )
    assert (
        client_for(other).get(reverse("governance:substitutes", args=[999999])).status_code == 404
    )
    assert not Substitution.objects.exists()


def test_a_seat_holder_whose_term_ended_cannot_name_one(client_for, holder, seat, sanne):
    Seat.objects.filter(pk=seat.pk).update(term_end=timezone.localdate() - datetime.timedelta(1))
    assert client_for(holder).get(page_url(seat)).status_code == 403


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"substitute": "niemand@example.org"},
            "Niemand met een inlog voor het portaal heeft dit e-mailadres.",
        ),
        ({"substitute": "geen adres"}, "Vul een goed e-mailadres in, zoals naam@voorbeeld.nl."),
        ({"substitute": ""}, "Vul het e-mailadres van je plaatsvervanger in."),
        ({"starts_on": "31-02-2027"}, "Vul een datum in, zoals 1-3-2027."),
        ({"starts_on": "", "ends_on": ""}, "Vul de eerste dag in."),
        ({**_period(-1, 3)}, "De periode kan niet in het verleden beginnen."),
        ({**_period(3, 2)}, "De laatste dag moet op of na de eerste dag liggen."),
        ({**_period(0, 400)}, "Een periode duurt hoogstens 366 dagen."),
        ({"substitute": "self"}, "Je kunt niet je eigen plaatsvervanger zijn."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_saves_nothing(
    client_for, holder, seat, sanne, data, message
):
    values = {"substitute": sanne.user.email, **_period(), **data}
    if values["substitute"] == "self":
        values["substitute"] = holder.email
    response = client_for(holder).post(page_url(seat), values)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Er is een probleem" in html  # the error summary
    assert not Substitution.objects.exists()


def test_an_overlap_is_refused_on_the_page(client_for, holder, seat, sanne):
    substitution(seat, person_with_login(), days=3)
    response = client_for(holder).post(
        page_url(seat), {"substitute": sanne.user.email, **_period(3, 5)}
    )
    assert "Deze zetel heeft al een plaatsvervanger van" in response.content.decode()
    assert Substitution.objects.count() == 1


def test_where_the_body_does_not_allow_it_the_page_says_so(client_for, holder, seat, sanne, body):
    Body.objects.filter(pk=body.pk).update(substitutes_allowed=False)
    client = client_for(holder)
    html = client.get(page_url(seat)).content.decode()
    assert 'id="substitute-not-allowed"' in html and 'id="substitute-form"' not in html
    response = client.post(page_url(seat), {"substitute": sanne.user.email, **_period()})
    assert "kan een zetel niet worden vervangen" in response.content.decode()
    assert not Substitution.objects.exists()


def test_staff_turn_the_rule_on_in_the_body_rules(client_for, staff, sg_body):
    url = reverse("governance:body_rules", args=[sg_body.pk])
    client_for(staff).post(
        url,
        {"voting_roles": ["chair", "member"], "majority": "simple", "substitutes_allowed": "on"},
    )
    sg_body.refresh_from_db()
    assert sg_body.substitutes_allowed is True


garbage = st.one_of(
    st.text(max_size=300).map(lambda s: s.replace("\x00", "")),
    st.integers().map(str),
    st.sampled_from(
        ["", " ", "0", "2027-02-30", "9999-12-31", "0001-01-01", "1-3-2027", "a@b", "\u202e@x.nl"]
    ),
)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    email=st.one_of(garbage, st.just("sanne")), start=garbage, end=garbage, as_staff=st.booleans()
)
def test_the_form_never_breaks(client_for, holder, staff, seat, sanne, email, start, end, as_staff):
    if email == "sanne":
        email = sanne.user.email
    response = client_for(staff if as_staff else holder).post(
        page_url(seat), {"substitute": email, "starts_on": start, "ends_on": end}
    )
    assert response.status_code in (200, 302)
    for made in Substitution.objects.all():
        assert made.substitute == sanne and made.starts_on <= made.ends_on
        assert made.starts_on >= timezone.localdate()
    Substitution.objects.all().delete()


# --- the voting page -------------------------------------------------------------------


def test_the_substitute_sees_the_voting_page_for_the_seat_and_votes(client_for, seat, sanne, body):
    substitution(seat, sanne)
    memo = voting_memo(body)
    decision = memo.decisions.get()
    client = client_for(sanne.user)
    html = client.get(vote_url(memo)).content.decode()
    assert "Je bent de plaatsvervanger van Joost Jansen tot en met" in html
    assert f'id="choice-{decision.pk}-for"' in html
    response = client.post(
        reverse("governance:vote_cast", args=[decision.pk]),
        {"choice": "for"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "De stem voor de zetel van Joost Jansen:" in html
    vote = Vote.objects.get()
    assert (vote.seat, vote.cast_by) == (seat, sanne.user)


def test_the_seat_holder_sees_who_holds_the_vote_and_cannot_vote(
    client_for, holder, seat, sanne, body
):
    substitution(seat, sanne)
    memo = voting_memo(body)
    decision = memo.decisions.get()
    client = client_for(holder)
    html = client.get(vote_url(memo)).content.decode()
    assert "Sanne de Vries is je plaatsvervanger tot en met" in html
    assert "Je kunt zelf niet stemmen." in html
    assert f'id="choice-{decision.pk}-for"' not in html
    assert page_url(seat) in html  # the link to the substitutes of their seat
    response = client.post(
        reverse("governance:vote_cast", args=[decision.pk]), {"choice": "for"}, follow=True
    )
    assert "In die tijd stemt alleen Sanne de Vries voor jouw zetel." in response.content.decode()
    assert not Vote.objects.exists()


def test_others_read_who_stands_in_for_whom(client_for, seat, sanne, body, outsider):
    substitution(seat, sanne)
    html = client_for(outsider).get(vote_url(voting_memo(body))).content.decode()
    assert "Plaatsvervangers nu: Sanne de Vries stemt voor Joost Jansen." in html


def test_no_substitute_link_where_the_body_does_not_allow_it(client_for, db_member, db_body):
    html = client_for(db_member).get(vote_url(voting_memo(db_body))).content.decode()
    assert 'id="substitute-link"' not in html


# --- the decision list -----------------------------------------------------------------


def test_the_decision_list_says_who_voted_on_behalf_of_whom(
    client_for, seat, sanne, body, outsider
):
    substitution(seat, sanne)
    memo = voting_memo(body)
    sv.vote_cast(user=sanne.user, decision=memo.decisions.get(), choice="for")
    sd.voting_close(memo=memo, now=memo.voting_deadline)
    client = client_for(outsider)
    html = client.get(reverse("governance:decision_list", args=[body.pk])).content.decode()
    assert "Gestemd namens een lid: Sanne de Vries (plaatsvervanger) namens Joost Jansen" in html
    response = client.get(reverse("governance:decision_list_csv", args=[body.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][-2] == "Sanne de Vries (plaatsvervanger) namens Joost Jansen"


# --- fixed number of queries -----------------------------------------------------------


def _queries(client, url):
    client.get(url)  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _represented_body(seats):
    """A body with `seats` voting seats (holders with a login), each with a substitute now,
    and a memo of three decisions on which every substitute voted."""
    body = allow_substitutes(BodyFactory())
    substitutes = [substitution(seat, person_with_login()) for seat in _seats(body, seats)]
    memo = voting_memo(body, decisions=["approve"] * 3)
    for decision in memo.decisions.all():
        for made in substitutes:
            sv.vote_cast(user=made.substitute.user, decision=decision, choice="for")
    return body, memo, substitutes[0]


def _seats(body, n):
    return [Seat.objects.get(person__user=voter(body), body=body) for _ in range(n)]


def test_the_voting_page_and_the_decision_list_stay_flat_with_substitutes(client_for, staff):
    small, small_memo, small_sub = _represented_body(2)
    large, large_memo, large_sub = _represented_body(25)

    def same(small_user, large_user):
        return _queries(client_for(small_user), vote_url(small_memo)) == _queries(
            client_for(large_user), vote_url(large_memo)
        )

    assert same(staff, staff)
    assert same(small_sub.substitute.user, large_sub.substitute.user)
    assert same(small_sub.seat.person.user, large_sub.seat.person.user)
    for memo in (small_memo, large_memo):
        sd.voting_close(memo=memo, now=memo.voting_deadline)
    client = client_for(staff)
    assert _queries(client, reverse("governance:decision_list", args=[small.pk])) == _queries(
        client, reverse("governance:decision_list", args=[large.pk])
    )


# --- plain Dutch -----------------------------------------------------------------------


def test_the_substitute_pages_are_in_plain_dutch(client_for, holder, seat, sanne, body, outsider):
    substitution(seat, sanne)
    memo = voting_memo(body)
    for user, url in [
        (holder, page_url(seat)),
        (holder, vote_url(memo)),
        (sanne.user, vote_url(memo)),
        (outsider, vote_url(memo)),
    ]:
        assert_plain_page(client_for(user).get(url).content.decode())
    response = client_for(holder).post(page_url(seat), {"substitute": "", "starts_on": ""})
    assert_plain_page(response.content.decode())


# --- staff: the body's seats and their substitutes -------------------------------------


def test_the_body_rules_page_lists_the_seats_with_their_substitutes(
    client_for, staff, seat, sanne, body
):
    substitution(seat, sanne, days=3)
    client = client_for(staff)
    rules = reverse("governance:body_rules", args=[body.pk])
    html = client.get(rules).content.decode()
    assert page_url(seat) in html
    assert "Joost Jansen (lid)</a>:" in html and "Sanne de Vries, van " in html
    few = _queries(client, rules)
    for _ in range(10):
        other = Seat.objects.get(person__user=voter(body), body=body)
        substitution(other, person_with_login())
        substitution(
            other, person_with_login(), starts_on=timezone.localdate() + datetime.timedelta(days=30)
        )
    assert _queries(client, rules) == few


def test_the_seat_holder_stops_a_substitute_on_the_page(client_for, holder, seat, sanne, outsider):
    made = substitution(seat, sanne, starts_on=timezone.localdate() + datetime.timedelta(days=2))
    url = reverse("governance:substitution_end", args=[made.pk])
    assert client_for(outsider).post(url).status_code == 403
    assert client_for(sanne.user).post(url).status_code == 403
    assert client_for(holder).get(url).status_code == 405
    response = client_for(holder).post(url, follow=True)
    assert response.redirect_chain[-1][0] == page_url(seat)
    assert "De plaatsvervanger is weggehaald." in response.content.decode()
    assert not Substitution.objects.exists()
    assert client_for(holder).post(url).status_code == 404


def test_stopping_a_running_one_says_the_member_votes_again(client_for, staff, seat, sanne):
    made = substitution(seat, sanne, starts_on=timezone.localdate() - datetime.timedelta(days=1))
    url = reverse("governance:substitution_end", args=[made.pk])
    html = client_for(staff).post(url, follow=True).content.decode()
    assert "De plaatsvervanger is gestopt. Vanaf vandaag stemt het lid weer zelf." in html
    assert 'id="substitute-list"' not in html  # it is over: no longer listed
