"""Staff delete a funding source, an application or a budget line entered by mistake:
confirmed first, audited, and refused (with the reason) while something still rests on it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from avk.models import AuditEntry
from resources.models import BudgetLine, FundingApplication, FundingSource
from resources.services.budget import budget_line_delete
from resources.services.funding import funding_application_delete, funding_source_delete
from tests.resources.factories import (
    AllocationFactory,
    BudgetLineFactory,
    FundingApplicationFactory,
    FundingSourceFactory,
)

pytestmark = pytest.mark.django_db


def delete(client, name, obj, confirm=True):
    data = {"confirm": "yes"} if confirm else {}
    return client.post(reverse(name, args=[obj.pk]), data, follow=True)


def test_a_source_without_applications_is_deleted_after_the_confirmation(client, staff):
    source = FundingSourceFactory(name="Fonds Veenkoloniën")
    client.force_login(staff)
    url = reverse("resources:source_delete", args=[source.pk])
    asked = client.get(url).content.decode()
    assert "Fonds Veenkoloniën" in asked and 'name="confirm" value="yes"' in asked
    delete(client, "resources:source_delete", source, confirm=False)  # asks again
    assert FundingSource.objects.filter(pk=source.pk).exists()
    response = delete(client, "resources:source_delete", source)
    assert response.redirect_chain[-1][0] == reverse("resources:overview")
    assert "De financieringsbron is verwijderd." in response.content.decode()
    assert not FundingSource.objects.filter(pk=source.pk).exists()
    entry = AuditEntry.objects.get(action="funding_source.deleted")
    assert entry.actor == staff and entry.changes["name"] == ["Fonds Veenkoloniën", ""]


def test_a_source_with_applications_is_kept_and_says_why(client, staff):
    source = FundingSourceFactory()
    FundingApplicationFactory(source=source)
    client.force_login(staff)
    page = client.get(reverse("resources:source_delete", args=[source.pk])).content.decode()
    assert "Deze bron heeft nog 1 aanvraag" in page
    assert 'name="confirm"' not in page  # nothing to confirm
    response = delete(client, "resources:source_delete", source)
    assert "Deze bron heeft nog 1 aanvraag" in response.content.decode()
    assert FundingSource.objects.filter(pk=source.pk).exists()
    with pytest.raises(ValidationError):
        funding_source_delete(source=source, user=staff)


def test_an_application_is_deleted_unless_money_of_it_is_linked(client, staff):
    free = FundingApplicationFactory(title="Aanvraag Regiodeal")
    linked = FundingApplicationFactory()
    AllocationFactory(application=linked, budget_line=None)
    client.force_login(staff)
    response = delete(client, "resources:application_delete", free)
    assert response.redirect_chain[-1][0] == reverse(
        "resources:source_detail", args=[free.source_id]
    )
    assert not FundingApplication.objects.filter(pk=free.pk).exists()
    assert AuditEntry.objects.filter(action="funding_application.deleted").exists()
    response = delete(client, "resources:application_delete", linked)
    assert "aan 1 inspanning gekoppeld" in response.content.decode()
    assert FundingApplication.objects.filter(pk=linked.pk).exists()
    with pytest.raises(ValidationError):
        funding_application_delete(application=linked, user=staff)


def test_a_budget_line_is_deleted_unless_money_of_it_is_linked(client, staff):
    free = BudgetLineFactory(year=2024)
    linked = BudgetLineFactory(year=2025)
    AllocationFactory(budget_line=linked, application=None)
    client.force_login(staff)
    response = delete(client, "resources:budget_line_delete", free)
    assert response.redirect_chain[-1][0].startswith(reverse("resources:budget"))
    assert not BudgetLine.objects.filter(pk=free.pk).exists()
    assert AuditEntry.objects.filter(action="budget_line.deleted").exists()
    response = delete(client, "resources:budget_line_delete", linked)
    assert "aan 1 inspanning gekoppeld" in response.content.decode()
    assert BudgetLine.objects.filter(pk=linked.pk).exists()
    with pytest.raises(ValidationError):
        budget_line_delete(line=linked, user=staff)


def test_the_edit_pages_lead_to_deleting(client, staff):
    source, application, line = (
        FundingSourceFactory(),
        FundingApplicationFactory(),
        BudgetLineFactory(),
    )
    client.force_login(staff)
    for edit, remove, obj in [
        ("resources:source_edit", "resources:source_delete", source),
        ("resources:application_edit", "resources:application_delete", application),
        ("resources:budget_line_edit", "resources:budget_line_delete", line),
    ]:
        page = client.get(reverse(edit, args=[obj.pk])).content.decode()
        assert reverse(remove, args=[obj.pk]) in page, edit


def test_the_board_reads_but_does_not_delete(client, db_member):
    source = FundingSourceFactory()
    client.force_login(db_member)
    assert delete(client, "resources:source_delete", source).status_code == 403
    assert FundingSource.objects.filter(pk=source.pk).exists()


def test_a_link_made_after_the_check_still_keeps_the_row(staff):
    """The database's PROTECT is the last word: without the check (as when an effort is
    linked between the check and the delete) the row stays, and so does the history."""
    from resources.services.common import row_delete

    application = FundingApplicationFactory()
    AllocationFactory(application=application, budget_line=None)
    with pytest.raises(ValidationError, match="gekoppeld"):
        row_delete(instance=application, user=staff, kind="funding_application", fields=["title"])
    assert FundingApplication.objects.filter(pk=application.pk).exists()
    assert not AuditEntry.objects.filter(action="funding_application.deleted").exists()
