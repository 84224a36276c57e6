"""The governance overview keeps its picture and bodies rendered (avk.cache) until a row
they show changes, per kind of reader: a change shows on the next request, and a reader
who is not staff never gets staff's version."""

import datetime

import pytest
from django.urls import reverse

from governance.models import ProgrammeRole, Seat
from governance.selectors.overview import OVERVIEW_READ
from governance.services.programme import role_term_save
from tests.factories import BodyFactory, PartnerFactory, PersonFactory, SeatFactory


@pytest.fixture
def shown(staff):
    body = BodyFactory(name="Dagelijks Bestuur", short_name="DB")
    partner = PartnerFactory(name="Gemeente Veendam")
    person = PersonFactory(name="Hilde Bakker")
    seat = SeatFactory(body=body, person=person, partner=partner, role=Seat.Role.CHAIR)
    return {"body": body, "partner": partner, "person": person, "seat": seat, "staff": staff}


def _html(client) -> str:
    response = client.get(reverse("governance:overview"))
    assert response.status_code == 200
    return response.content.decode()


def _rename_body(shown):
    shown["body"].name = "Dagelijks Bestuur Nieuw"
    shown["body"].save()
    return "Dagelijks Bestuur Nieuw", None


def _end_seat(shown):
    shown["seat"].term_end = datetime.date.today() - datetime.timedelta(days=1)
    shown["seat"].save()
    return None, "Hilde Bakker"


def _new_seat(shown):
    SeatFactory(body=shown["body"], person=PersonFactory(name="Nico Nieuw"))
    return "Nico Nieuw", None


def _rename_person(shown):
    shown["person"].name = "Hilde de Vries"
    shown["person"].save()
    return "Hilde de Vries", "Hilde Bakker"


def _rename_partner(shown):
    shown["partner"].name = "Gemeente Veendam-Oost"
    shown["partner"].save()
    return "Gemeente Veendam-Oost", None


def _new_role_term(shown):
    role_term_save(
        user=shown["staff"],
        role=ProgrammeRole.MANAGER,
        person=PersonFactory(name="Mara Manager"),
        partner=None,
        effort="",
        term_start=datetime.date(2024, 1, 1),
        term_end=None,
    )
    return "Mara Manager", None


CHANGES = [_rename_body, _end_seat, _new_seat, _rename_person, _rename_partner, _new_role_term]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
def test_a_change_shows_on_the_next_request(client, outsider, shown, change):
    client.force_login(outsider)
    assert "Hilde Bakker" in _html(client)
    present, gone = change(shown)
    html = _html(client)
    if present:
        assert present in html
    if gone:
        assert gone not in html


def test_every_model_read_has_a_change_test():
    # A new model in OVERVIEW_READ needs its change above.
    assert len(OVERVIEW_READ) == 5


def test_staff_links_never_reach_other_readers(client, staff, outsider, shown):
    rules = reverse("governance:body_rules", args=[shown["body"].pk])
    client.force_login(staff)
    assert rules in _html(client)
    client.force_login(outsider)
    html = _html(client)
    assert rules not in html
    assert reverse("governance:review_list") not in html
    assert "Hilde Bakker" in html
    client.force_login(staff)
    assert rules in _html(client)  # and staff still get theirs
