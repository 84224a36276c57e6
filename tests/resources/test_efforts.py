"""An effort's money and its SROI worksheet: periods, where the money comes from, the ratio
(an estimate, with its sources), no ratio without inputs, bounded lists."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk.models import AuditEntry
from resources.models import MAX_ROWS_PER_EFFORT, Allocation, SroiInput, SroiOutcome
from resources.selectors.efforts import effort_worksheet
from tests.reflection.factories_plans import EffortFactory
from tests.resources.factories import (
    AllocationFactory,
    BudgetLineFactory,
    FundingApplicationFactory,
    SroiInputFactory,
    SroiOutcomeFactory,
)

pytestmark = pytest.mark.django_db


def _allocate(client, effort, **values):
    data = {"amount": "1.000", "starts_on": "2025-09-01", "ends_on": "2025-12-31"}
    data |= {k: str(v) for k, v in values.items()}
    return client.post(reverse("resources:allocation_add", args=[effort.pk]), data)


def test_money_from_a_grant_or_a_budget_line(client, staff, effort):
    client.force_login(staff)
    grant = FundingApplicationFactory(status="granted", amount_granted=Decimal("5000"))
    line = BudgetLineFactory(year=2025)
    assert _allocate(client, effort, application=grant.pk).status_code == 302
    assert _allocate(client, effort, budget_line=line.pk, amount="2.500,50").status_code == 302
    assert effort_worksheet(effort).money_total == Decimal("3500.50")
    entry = AuditEntry.objects.filter(action="allocation.created").first()
    assert entry.group == f"effort:{effort.pk}"


def test_money_comes_from_exactly_one_place(client, staff, effort):
    client.force_login(staff)
    grant = FundingApplicationFactory(status="granted", amount_granted=Decimal("5000"))
    line = BudgetLineFactory(year=2025)
    for values in ({}, {"application": grant.pk, "budget_line": line.pk}):
        response = _allocate(client, effort, **values)
        assert response.status_code == 200
        assert "een aanvraag of een begrotingsregel, niet allebei" in response.content.decode()
    assert not Allocation.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Allocation.objects.create(
            effort=effort, amount=1, starts_on=effort.start, ends_on=effort.end
        )


def test_only_granted_applications_and_nearby_budget_years_are_offered(client, staff, effort):
    client.force_login(staff)
    refused = FundingApplicationFactory(status="refused")
    old_line = BudgetLineFactory(year=2010)
    assert _allocate(client, effort, application=refused.pk).status_code == 200
    assert _allocate(client, effort, budget_line=old_line.pk).status_code == 200
    assert not Allocation.objects.exists()


def test_a_period_that_ends_before_it_starts_is_refused(client, staff, effort):
    client.force_login(staff)
    line = BudgetLineFactory(year=2025)
    response = _allocate(
        client, effort, budget_line=line.pk, starts_on="2025-10-01", ends_on="2025-09-30"
    )
    assert response.status_code == 200
    assert "De einddatum kan niet voor de begindatum liggen." in response.content.decode()
    allocation = AllocationFactory(effort=effort)
    with pytest.raises(IntegrityError), transaction.atomic():
        Allocation.objects.filter(pk=allocation.pk).update(
            ends_on=allocation.starts_on - datetime.timedelta(days=1)
        )


def test_a_negative_amount_of_money_is_refused(client, staff, effort):
    client.force_login(staff)
    line = BudgetLineFactory(year=2025)
    response = _allocate(client, effort, budget_line=line.pk, amount="-1")
    assert "Een bedrag kan niet negatief zijn." in response.content.decode()
    assert not Allocation.objects.exists()


def test_the_ratio_is_an_estimate_with_its_sources(client, db_member, effort):
    AllocationFactory(effort=effort, amount=Decimal("20000"))
    SroiInputFactory(effort=effort, amount=Decimal("10000"))
    SroiOutcomeFactory(
        effort=effort,
        quantity=Decimal("5"),
        value_per_unit=Decimal("10000"),
        source="Kengetal van een landelijke studie",
    )
    sheet = effort_worksheet(effort)
    assert sheet.input_total == Decimal("30000")
    assert sheet.outcome_total == Decimal("50000")
    assert sheet.ratio == Decimal("1.67")
    client.force_login(db_member)
    page = client.get(reverse("resources:effort_money", args=[effort.pk])).content.decode()
    assert "1\xa0:\xa01,67" in page
    assert "schatting" in page.lower()
    assert "Kengetal van een landelijke studie" in page
    assert "€\xa050.000,00" in page
    assert reverse("resources:sroi_outcome_add", args=[effort.pk]) not in page  # reads only


def test_no_ratio_without_inputs_and_the_page_says_why(client, staff, effort):
    SroiOutcomeFactory(effort=effort)
    assert effort_worksheet(effort).ratio is None
    client.force_login(staff)
    page = client.get(reverse("resources:effort_money", args=[effort.pk])).content.decode()
    assert "Nog geen verhouding" in page


def test_an_outcome_needs_the_source_of_its_value(client, staff, effort):
    client.force_login(staff)
    url = reverse("resources:sroi_outcome_add", args=[effort.pk])
    data = {"description": "Minder schulden", "quantity": "3", "value_per_unit": "1.500"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Minder schulden" in response.content.decode()
    assert not SroiOutcome.objects.exists()
    assert client.post(url, data | {"source": "Nibud"}).status_code == 302
    outcome = SroiOutcome.objects.get()
    assert outcome.value == Decimal("4500")
    with pytest.raises(IntegrityError), transaction.atomic():
        SroiOutcome.objects.filter(pk=outcome.pk).update(source="")
    with pytest.raises(IntegrityError), transaction.atomic():
        SroiOutcome.objects.filter(pk=outcome.pk).update(quantity=-1)


def test_an_input_is_added_and_removed_with_the_audit(client, staff, effort):
    client.force_login(staff)
    url = reverse("resources:sroi_input_add", args=[effort.pk])
    assert client.post(url, {"description": "Ruimte", "amount": "250"}).status_code == 302
    item = SroiInput.objects.get()
    response = client.post(reverse("resources:sroi_input_remove", args=[item.pk]))
    assert response.status_code == 302
    assert not SroiInput.objects.exists()
    deleted = AuditEntry.objects.get(action="sroi_input.deleted")
    assert deleted.changes["amount"] == ["250.00", ""]


def test_an_effort_holds_a_bounded_number_of_lines(client, staff, effort):
    SroiInput.objects.bulk_create(
        SroiInput(effort=effort, description=f"Inzet {n}", amount=1)
        for n in range(MAX_ROWS_PER_EFFORT)
    )
    client.force_login(staff)
    url = reverse("resources:sroi_input_add", args=[effort.pk])
    response = client.post(url, {"description": "Nog een", "amount": "1"})
    assert response.status_code == 200
    assert SroiInput.objects.count() == MAX_ROWS_PER_EFFORT


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_effort_pages_do_not_grow_in_queries(client, staff, effort):
    client.force_login(staff)
    urls = [
        reverse("resources:effort_list"),
        reverse("resources:effort_money", args=[effort.pk]),
    ]

    def add(n):
        for _ in range(n):
            grant = FundingApplicationFactory(status="granted", amount_granted=Decimal("10"))
            AllocationFactory(effort=effort, budget_line=None, application=grant)
            SroiInputFactory(effort=effort)
            SroiOutcomeFactory(effort=effort)
            EffortFactory(plan=effort.plan)

    add(2)
    small = [_count(client, url) for url in urls]
    add(30)
    assert [_count(client, url) for url in urls] == small
