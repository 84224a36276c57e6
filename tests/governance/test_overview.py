import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk.cache import touch
from governance.models import Body, Seat
from governance.selectors.bodies import bodies_with_current_seats
from tests.factories import BodyFactory, PartnerFactory, PersonFactory, SeatFactory


def test_overview_shows_seats_marks_experience_experts_and_flags_bodies_without(client, outsider):
    db_body = BodyFactory(name="Dagelijks Bestuur", short_name="DB", order=1)
    sg_body = BodyFactory(name="Stuurgroep", short_name="SG", kind=Body.Kind.STUURGROEP, order=2)
    SeatFactory(body=db_body, person=PersonFactory(name="Lineke"), role=Seat.Role.EXPERIENCE_EXPERT)
    SeatFactory(body=db_body, person=PersonFactory(name="Nico", is_experience_expert=True))
    SeatFactory(
        body=sg_body,
        person=PersonFactory(name="Hilde Bakker"),
        role=Seat.Role.CHAIR,
        partner=PartnerFactory(name="Gemeente Veendam"),
    )
    client.force_login(outsider)
    response = client.get(reverse("governance:overview"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lineke" in html and "Nico" in html and "Gemeente Veendam" in html
    assert html.count('class="badge badge-ed"') == 2
    assert response.context["bodies_without_experience_expert"] == [sg_body]
    assert "flag-missing" in html


def test_past_and_future_seats_are_not_current(db):
    import datetime

    body = BodyFactory()
    SeatFactory(body=body, term_start=datetime.date(2020, 1, 1), term_end=datetime.date(2021, 1, 1))
    SeatFactory(body=body, term_start=datetime.date(2099, 1, 1))
    current = SeatFactory(body=body)
    (loaded,) = bodies_with_current_seats()
    assert loaded.current_seats == [current]


def test_seat_term_cannot_end_before_it_starts(db):
    import datetime

    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        SeatFactory(term_start=datetime.date(2024, 1, 1), term_end=datetime.date(2023, 1, 1))


def _overview_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("governance:overview")).status_code == 200
    return len(queries)


def test_overview_query_count_does_not_grow_with_the_data(client, staff):
    client.force_login(staff)
    BodyFactory.create_batch(2)
    _overview_queries(client)
    touch(Body)  # the next request builds the overview afresh (avk.cache kept it)
    small = _overview_queries(client)
    partners = PartnerFactory.create_batch(20)
    for body in BodyFactory.create_batch(6):
        for i in range(12):
            SeatFactory(body=body, partner=partners[i], person__is_experience_expert=i == 0)
    large = _overview_queries(client)
    assert large == small, f"{small} queries with little data, {large} with a lot"
    # Built afresh: the page's reads plus the cache's (generations, read, write).
    assert large <= 14
    # Kept: only the session, the user, the menu and the cache's two reads.
    assert _overview_queries(client) <= 6


def test_bodies_without_experience_expert_agrees_with_the_overview(db):
    import datetime

    from governance.selectors.bodies import bodies_without_experience_expert

    with_role = BodyFactory(name="Met rol")
    SeatFactory(body=with_role, role=Seat.Role.EXPERIENCE_EXPERT)
    with_person = BodyFactory(name="Met persoon")
    SeatFactory(body=with_person, person=PersonFactory(is_experience_expert=True))
    former = BodyFactory(name="Vroeger")
    SeatFactory(
        body=former,
        role=Seat.Role.EXPERIENCE_EXPERT,
        term_start=datetime.date(2020, 1, 1),
        term_end=datetime.date(2021, 1, 1),
    )
    SeatFactory(body=former)
    empty = BodyFactory(name="Leeg")
    expected = {b for b in bodies_with_current_seats() if not b.has_experience_expert}
    assert set(bodies_without_experience_expert()) == expected == {former, empty}
