"""The budget of the programme organisation: one line per role per year, the year's total,
one year at a time however many years there are."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from avk.models import AuditEntry
from resources.models import BudgetLine
from tests.resources.factories import BudgetLineFactory

pytestmark = pytest.mark.django_db

BUDGET = reverse("resources:budget")
CREATE = reverse("resources:budget_line_create")


def test_a_line_per_role_per_year(client, staff):
    client.force_login(staff)
    data = {"year": "2026", "role": "communication", "amount": "75.000"}
    assert client.post(CREATE, data).status_code == 302
    response = client.post(CREATE, data | {"amount": "1"})
    assert response.status_code == 200
    assert "Dit jaar heeft al een regel voor deze rol" in response.content.decode()
    assert client.post(CREATE, data | {"year": "2027"}).status_code == 302
    assert BudgetLine.objects.count() == 2
    assert AuditEntry.objects.filter(action="budget_line.created").count() == 2


def test_the_database_keeps_one_line_per_role_per_year():
    BudgetLineFactory(year=2026, role="other")
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLine.objects.create(year=2026, role="other", amount=Decimal("1"))


def test_a_negative_line_is_refused(client, staff):
    client.force_login(staff)
    response = client.post(CREATE, {"year": "2026", "role": "other", "amount": "-1"})
    assert "Een bedrag kan niet negatief zijn." in response.content.decode()
    line = BudgetLineFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLine.objects.filter(pk=line.pk).update(amount=Decimal("-0.01"))


def test_editing_a_line_keeps_its_place_and_audits(client, staff):
    line = BudgetLineFactory(year=2025, role="communication", amount=Decimal("10"))
    client.force_login(staff)
    response = client.post(
        reverse("resources:budget_line_edit", args=[line.pk]),
        {"year": "2025", "role": "communication", "amount": "12,50"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?jaar=2025")
    line.refresh_from_db()
    assert line.amount == Decimal("12.50")
    entry = AuditEntry.objects.get(action="budget_line.updated")
    assert entry.changes == {"amount": ["10.00", "12.50"]}


def test_the_year_shows_its_lines_and_total(client, db_member):
    BudgetLineFactory(year=2025, role="programme_leader", amount=Decimal("100000"))
    BudgetLineFactory(year=2025, role="communication", amount=Decimal("75000.5"))
    BudgetLineFactory(year=2024, role="communication", amount=Decimal("999"))
    client.force_login(db_member)
    page = client.get(BUDGET, {"jaar": "2025"}).content.decode()
    assert "€\xa0175.000,50" in page
    assert "€\xa0999,00" not in page
    assert "?jaar=2024" in page and "?jaar=2026" in page


@pytest.mark.parametrize("value", ["", "abc", "-5", "99999999999999999999999", "2025.5"])
def test_any_year_in_the_query_string_answers(client, staff, value):
    client.force_login(staff)
    assert client.get(BUDGET, {"jaar": value}).status_code == 200


def _measure(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.content)


def test_the_budget_and_overview_do_not_grow_with_twenty_years(client, staff):
    client.force_login(staff)
    roles = BudgetLine.Role.values

    def years(span):
        BudgetLine.objects.bulk_create(
            BudgetLine(year=year, role=role, amount=Decimal("12345.67"))
            for year in span
            for role in roles
            if not BudgetLine.objects.filter(year=year, role=role).exists()
        )

    years(range(2024, 2026))
    url = f"{BUDGET}?jaar=2025"
    small = _measure(client, url), _measure(client, reverse("resources:overview"))
    years(range(2006, 2026))
    large = _measure(client, url), _measure(client, reverse("resources:overview"))
    for (small_queries, small_size), (large_queries, large_size) in zip(small, large, strict=True):
        assert large_queries == small_queries
        assert large_size - small_size < 100  # "from 2006 to 2025" has the same length
