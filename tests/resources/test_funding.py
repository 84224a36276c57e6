"""Funding sources and applications: amounts in Dutch or English, the rules of amounts and
dates (in the form and in the database), the overview's totals, the audit trail."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from avk.models import AuditEntry
from resources.models import FundingApplication, FundingSource
from tests.resources.factories import FundingApplicationFactory, FundingSourceFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("resources:application_create")


def _post(client, source, **values):
    data = {"source": source.pk, "title": "Lobby voor de programma-organisatie", "status": "idea"}
    data |= {"amount_asked": "1000"} | {k: str(v) for k, v in values.items()}
    return client.post(CREATE, data)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1.250.000,50", Decimal("1250000.50")),
        ("1250000.50", Decimal("1250000.50")),
        ("1250000,50", Decimal("1250000.50")),
        ("1.250", Decimal("1250")),
        ("€ 12,5", Decimal("12.50")),
    ],
)
def test_amounts_are_read_in_dutch_and_english(client, staff, typed, stored):
    client.force_login(staff)
    response = _post(client, FundingSourceFactory(), amount_asked=typed)
    assert response.status_code == 302
    assert FundingApplication.objects.get().amount_asked == stored


def test_an_amount_that_is_no_number_is_refused_clearly(client, staff):
    client.force_login(staff)
    response = _post(client, FundingSourceFactory(), amount_asked="veel geld")
    assert response.status_code == 200
    assert "Vul een bedrag in euro" in response.content.decode()
    assert "veel geld" in response.content.decode()  # nothing typed is lost
    assert not FundingApplication.objects.exists()


def test_a_negative_amount_is_refused_in_dutch(client, staff):
    client.force_login(staff)
    response = _post(client, FundingSourceFactory(), amount_asked="-5,00")
    assert response.status_code == 200
    assert "Een bedrag kan niet negatief zijn." in response.content.decode()
    assert not FundingApplication.objects.exists()


def test_granted_only_when_the_status_is_granted(client, staff):
    client.force_login(staff)
    response = _post(client, FundingSourceFactory(), status="submitted", amount_granted="500")
    assert response.status_code == 200
    assert "alleen in als de status" in response.content.decode()
    assert not FundingApplication.objects.exists()


def test_never_more_granted_than_asked(client, staff):
    client.force_login(staff)
    source = FundingSourceFactory()
    response = _post(client, source, status="granted", amount_granted="1000,01")
    assert response.status_code == 200
    assert "niet meer zijn dan gevraagd" in response.content.decode()
    assert _post(client, source, status="granted", amount_granted="1.000").status_code == 302
    assert FundingApplication.objects.get().amount_granted == Decimal("1000")


def test_a_decision_is_not_before_the_submission(client, staff):
    client.force_login(staff)
    source = FundingSourceFactory()
    response = _post(
        client, source, submitted_on="2025-06-01", decided_on="2025-05-31", status="refused"
    )
    assert response.status_code == 200
    assert "niet vóór de datum van indienen" in response.content.decode()
    response = _post(client, source, submitted_on="2025-06-01", decision_expected_on="2025-01-01")
    assert response.status_code == 200
    assert not FundingApplication.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"amount_asked": Decimal("-1")},
        {"amount_granted": Decimal("5")},  # not granted
        {"status": "granted", "amount_granted": Decimal("20000")},  # more than asked
        {"status": "granted", "amount_granted": Decimal("-1")},
        {"decided_on": datetime.date(2025, 1, 1)},  # before submitted_on
        {"decision_expected_on": datetime.date(2025, 1, 1)},
    ],
)
def test_the_database_holds_the_rules_too(change):
    application = FundingApplicationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingApplication.objects.filter(pk=application.pk).update(**change)


def test_saving_writes_the_audit_trail(client, staff):
    client.force_login(staff)
    source = FundingSourceFactory()
    assert _post(client, source, amount_asked="2.500").status_code == 302
    application = FundingApplication.objects.get()
    created = AuditEntry.objects.get(action="funding_application.created")
    assert created.actor == staff
    assert created.changes["amount_asked"] == ["", "2500.00"]
    assert created.group == f"funding_source:{source.pk}"
    response = client.post(
        reverse("resources:application_edit", args=[application.pk]),
        {"source": source.pk, "title": application.title, "status": "submitted",
         "amount_asked": "3.000", "submitted_on": "2025-09-01"},
    )  # fmt: skip
    assert response.status_code == 302
    updated = AuditEntry.objects.get(action="funding_application.updated")
    assert updated.changes["amount_asked"] == ["2500.00", "3000.00"]
    assert updated.changes["status"] == ["idea", "submitted"]


def test_a_source_is_created_and_named_once(client, staff):
    client.force_login(staff)
    url = reverse("resources:source_create")
    assert client.post(url, {"name": "IVF", "kind": "ivf"}).status_code == 302
    assert client.post(url, {"name": "IVF", "kind": "ivf"}).status_code == 200
    assert FundingSource.objects.count() == 1
    assert AuditEntry.objects.filter(action="funding_source.created").count() == 1


def test_the_kinds_keep_their_dutch_names():
    labels = dict(FundingSource.Kind.choices)
    assert [labels["npg"], labels["regiodeal"], labels["ivf"]] == ["NPG", "Regiodeal", "IVF"]


def test_the_overview_totals_per_status_in_dutch_format(client, db_member):
    source = FundingSourceFactory(name="Regiodeal 2", kind="regiodeal")
    FundingApplicationFactory(source=source, amount_asked=Decimal("1250000.50"))
    FundingApplicationFactory(
        source=source,
        status="granted",
        amount_asked=Decimal("2000"),
        amount_granted=Decimal("1500"),
    )
    client.force_login(db_member)
    page = client.get(reverse("resources:overview")).content.decode()
    assert "€\xa01.250.000,50" in page  # submitted
    assert "€\xa01.252.000,50" in page  # asked in total
    assert "€\xa01.500,00" in page  # granted
    detail = client.get(reverse("resources:source_detail", args=[source.pk])).content.decode()
    assert "€\xa01.250.000,50" in detail


def test_a_source_preselected_for_a_new_application(client, staff):
    source = FundingSourceFactory()
    client.force_login(staff)
    response = client.get(CREATE, {"bron": str(source.pk)})
    assert response.context["form"].initial["source"] == source.pk
    assert client.get(CREATE, {"bron": "9" * 40}).status_code == 200
