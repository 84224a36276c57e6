"""Who sees the resources: staff read and write, the executive board (DB) reads only,
everyone else logged in gets 403 (the GETs are in matrix_resources.py; here the POSTs)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from avk.models import AuditEntry
from governance.models import Seat
from resources.access import is_db_member, may_read
from resources.forms.funding import FundingSourceForm
from resources.models import (
    Allocation,
    BudgetLine,
    FundingApplication,
    FundingSource,
    SroiInput,
    SroiOutcome,
)
from resources.services.funding import funding_source_save
from tests.reflection.factories_plans import EffortFactory
from tests.resources.factories import (
    AllocationFactory,
    BudgetLineFactory,
    FundingApplicationFactory,
    FundingSourceFactory,
    SroiInputFactory,
    SroiOutcomeFactory,
)

pytestmark = pytest.mark.django_db

READERS_WHO_MAY_NOT_WRITE = ["db_member"]
NEITHER = ["editor_a", "editor_b", "sg_member", "outsider"]


def test_the_board_reads_and_others_do_not(personas):
    assert is_db_member(personas["db_member"])
    assert not is_db_member(personas["sg_member"])
    assert not is_db_member(personas["staff"])
    assert may_read(personas["staff"]) and may_read(personas["db_member"])
    for name in NEITHER:
        assert not may_read(personas[name]), name


def test_a_board_seat_that_ended_reads_no_more(db_member):
    Seat.objects.filter(person__user=db_member).update(
        term_start=datetime.date(2020, 1, 1), term_end=datetime.date(2021, 1, 1)
    )
    assert not is_db_member(db_member)


def _posts(effort, source, application, line, allocation, sroi_input, outcome):
    """Every change a user could forge, with valid data."""
    return [
        (reverse("resources:source_create"), {"name": "Nieuw fonds", "kind": "other"}),
        (
            reverse("resources:source_edit", args=[source.pk]),
            {"name": "Hernoemd", "kind": "other"},
        ),
        (
            reverse("resources:application_create"),
            {"source": source.pk, "title": "Gesmokkeld", "status": "idea", "amount_asked": "5"},
        ),
        (
            reverse("resources:application_edit", args=[application.pk]),
            {"source": source.pk, "title": "Gewijzigd", "status": "idea", "amount_asked": "5"},
        ),
        (
            reverse("resources:budget_line_create"),
            {"year": "2030", "role": "other", "amount": "5"},
        ),
        (
            reverse("resources:budget_line_edit", args=[line.pk]),
            {"year": "2025", "role": "programme_leader", "amount": "6"},
        ),
        (
            reverse("resources:allocation_add", args=[effort.pk]),
            {
                "budget_line": line.pk,
                "amount": "5",
                "starts_on": "2025-09-01",
                "ends_on": "2025-10-01",
            },
        ),
        (
            reverse("resources:sroi_input_add", args=[effort.pk]),
            {"description": "Uren", "amount": "5"},
        ),
        (
            reverse("resources:sroi_outcome_add", args=[effort.pk]),
            {"description": "X", "quantity": "1", "value_per_unit": "5", "source": "Y"},
        ),
        (reverse("resources:allocation_remove", args=[allocation.pk]), {}),
        (reverse("resources:sroi_input_remove", args=[sroi_input.pk]), {}),
        (reverse("resources:sroi_outcome_remove", args=[outcome.pk]), {}),
        (reverse("resources:overview"), {}),
        (reverse("resources:budget"), {}),
        (reverse("resources:effort_money", args=[effort.pk]), {}),
    ]


def _state():
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            FundingSource,
            FundingApplication,
            BudgetLine,
            Allocation,
            SroiInput,
            SroiOutcome,
        )
    ]


def test_no_one_but_staff_changes_anything(personas, client_for):
    effort = EffortFactory()
    source = FundingSourceFactory()
    posts = _posts(
        effort,
        source,
        FundingApplicationFactory(source=source),
        BudgetLineFactory(),
        AllocationFactory(effort=effort),
        SroiInputFactory(effort=effort),
        SroiOutcomeFactory(effort=effort),
    )
    before, audits = _state(), AuditEntry.objects.count()
    for persona in READERS_WHO_MAY_NOT_WRITE + NEITHER:
        client = client_for(personas[persona])
        for url, data in posts:
            assert client.post(url, data).status_code == 403, (persona, url)
    anonymous = client_for(None)
    for url, data in posts:
        assert anonymous.post(url, data).status_code == 302, url
    assert _state() == before
    assert AuditEntry.objects.count() == audits


def test_staff_changes_through_the_same_urls(staff, client_for):
    effort = EffortFactory()
    source = FundingSourceFactory()
    posts = _posts(
        effort,
        source,
        FundingApplicationFactory(source=source),
        BudgetLineFactory(),
        AllocationFactory(effort=effort),
        SroiInputFactory(effort=effort),
        SroiOutcomeFactory(effort=effort),
    )
    client = client_for(staff)
    for url, data in posts[:-3]:  # the last three are pages to read: POST is not allowed
        assert client.post(url, data).status_code == 302, url
    for url, data in posts[-3:]:
        assert client.post(url, data).status_code == 405, url


def test_the_board_sees_no_buttons_to_change(db_member, client_for):
    FundingSourceFactory(name="NPG")
    page = client_for(db_member).get(reverse("resources:overview")).content.decode()
    assert "NPG" in page
    assert reverse("resources:application_create") not in page
    assert reverse("resources:source_create") not in page


def test_the_services_refuse_who_may_not_write(db_member):
    form = FundingSourceForm({"name": "Fonds", "kind": "other"})
    assert form.is_valid()
    with pytest.raises(PermissionDenied):
        funding_source_save(form=form, user=db_member)
    assert not FundingSource.objects.exists()


def test_an_unknown_effort_is_404_for_staff_and_403_for_others(staff, outsider, client_for):
    url = reverse("resources:effort_money", args=[999999])
    assert client_for(staff).get(url).status_code == 404
    assert client_for(outsider).get(url).status_code == 403


def test_the_boards_start_page_leads_to_the_resources(client, personas):
    """The executive board reads the resources: their start page links to them, next to
    their seat; a steering group member's does not."""
    overview = reverse("resources:overview")
    client.force_login(personas["db_member"])
    page = client.get(reverse("home")).content.decode()
    assert f'href="{overview}"' in page and "De middelen van het programma" in page
    client.force_login(personas["sg_member"])
    assert f'href="{overview}"' not in client.get(reverse("home")).content.decode()
