"""Staff correct a line of an effort's money or SROI worksheet in place: the change is
audited (old and new), bad input keeps what was typed, and a full worksheet can still be
corrected. The board reads and does not change."""

from decimal import Decimal

import pytest
from django.urls import reverse

from avk.models import AuditEntry
from resources.models import MAX_ROWS_PER_EFFORT, SroiInput
from tests.resources.factories import (
    AllocationFactory,
    BudgetLineFactory,
    SroiInputFactory,
    SroiOutcomeFactory,
)

pytestmark = pytest.mark.django_db


def test_money_linked_to_an_effort_is_corrected(client, staff, effort):
    line = BudgetLineFactory(year=effort.start.year)
    allocation = AllocationFactory(
        effort=effort,
        budget_line=line,
        amount=Decimal("1000"),
        starts_on=effort.start,
        ends_on=effort.end,
    )
    client.force_login(staff)
    money = reverse("resources:effort_money", args=[effort.pk])
    edit = reverse("resources:allocation_edit", args=[allocation.pk])
    assert edit in client.get(money).content.decode()
    page = client.get(edit).content.decode()
    assert 'value="1.000,00"' in page or 'value="1000' in page  # the current values
    data = {
        "budget_line": line.pk,
        "amount": "2.500,50",
        "starts_on": effort.start.isoformat(),
        "ends_on": effort.end.isoformat(),
        "note": "Halve formatie",
    }
    response = client.post(edit, data)
    assert response.status_code == 302 and response.url == money
    allocation.refresh_from_db()
    assert (allocation.amount, allocation.note) == (Decimal("2500.50"), "Halve formatie")
    entry = AuditEntry.objects.get(action="allocation.updated")
    assert entry.changes["amount"] == ["1000.00", "2500.50"] and entry.actor == staff
    assert entry.group == f"effort:{effort.pk}"


def test_bad_input_keeps_what_was_typed_and_changes_nothing(client, staff, effort):
    item = SroiInputFactory(effort=effort, description="Ruimte", amount=Decimal("250"))
    client.force_login(staff)
    edit = reverse("resources:sroi_input_edit", args=[item.pk])
    response = client.post(edit, {"description": "Ruimte en koffie", "amount": "-5"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ruimte en koffie" in page and "Er is een probleem" in page
    item.refresh_from_db()
    assert (item.description, item.amount) == ("Ruimte", Decimal("250.00"))
    assert not AuditEntry.objects.filter(action="sroi_input.updated").exists()


def test_an_outcome_is_corrected_with_its_source(client, staff, effort):
    outcome = SroiOutcomeFactory(effort=effort)
    client.force_login(staff)
    edit = reverse("resources:sroi_outcome_edit", args=[outcome.pk])
    data = {
        "description": outcome.description,
        "quantity": "6",
        "value_per_unit": "1.000",
        "source": "Nibud 2025",
    }
    assert client.post(edit, data).status_code == 302
    outcome.refresh_from_db()
    assert (outcome.quantity, outcome.source) == (Decimal("6"), "Nibud 2025")
    assert AuditEntry.objects.get(action="sroi_outcome.updated").changes["source"][1] == (
        "Nibud 2025"
    )


def test_a_full_worksheet_can_still_be_corrected(client, staff, effort):
    SroiInput.objects.bulk_create(
        SroiInput(effort=effort, description=f"Inzet {n}", amount=1)
        for n in range(MAX_ROWS_PER_EFFORT)
    )
    item = SroiInput.objects.filter(effort=effort).first()
    client.force_login(staff)
    edit = reverse("resources:sroi_input_edit", args=[item.pk])
    assert client.post(edit, {"description": "Inzet samen", "amount": "3"}).status_code == 302
    item.refresh_from_db()
    assert item.description == "Inzet samen"


def test_the_board_reads_the_worksheet_but_does_not_edit_it(client, db_member, effort):
    item = SroiInputFactory(effort=effort)
    client.force_login(db_member)
    money = client.get(reverse("resources:effort_money", args=[effort.pk])).content.decode()
    edit = reverse("resources:sroi_input_edit", args=[item.pk])
    assert edit not in money
    assert client.post(edit, {"description": "x", "amount": "1"}).status_code == 403
