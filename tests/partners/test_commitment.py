import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from avk.models import AuditEntry
from partners.models import Commitment, Package
from partners.services import commitment as services
from tests.factories import package_of


@pytest.fixture
def packages(db):
    return {
        code: Package.objects.create(code=code, name=code, order=i) for i, code in enumerate("ABC")
    }


def change(client, partner, **data):
    payload = {
        "period_start": "2026-01-01",
        "signed_on": "2025-12-15",
        "signed_by": "J. Jansen",
        "action": "record",
    } | data
    return client.post(reverse("partners:commitment", args=[partner.pk]), payload)


def test_editor_records_a_change_and_the_history_keeps_both(client, editor_a, partner_a, packages):
    client.force_login(editor_a)
    change(client, partner_a, package=packages["B"].pk)
    response = change(client, partner_a, package=packages["A"].pk)
    assert response.status_code == 302
    partner_a.refresh_from_db()
    assert package_of(partner_a) == packages["A"]
    timeline = list(partner_a.commitments.order_by("created_at", "id"))
    assert [(c.previous_package, c.package) for c in timeline] == [
        (None, packages["B"]),
        (packages["B"], packages["A"]),
    ]
    assert all(c.created_by == editor_a for c in timeline)
    page = client.get(reverse("partners:commitment", args=[partner_a.pk])).content.decode()
    assert "B → " in page
    entries = AuditEntry.objects.filter(
        group=f"partner:{partner_a.pk}", action="commitment.recorded"
    )
    assert [e.changes["package"] for e in entries.order_by("id")] == [["", "B"], ["B", "A"]]


def test_a_proposal_waits_for_staff(client, editor_a, staff, partner_a, packages):
    client.force_login(editor_a)
    change(client, partner_a, package=packages["A"].pk, action="propose", signed_on="")
    partner_a.refresh_from_db()
    assert package_of(partner_a) is None
    proposal = partner_a.commitments.get()
    assert proposal.status == Commitment.Status.PROPOSED

    url = reverse("partners:commitment_decide", args=[proposal.pk])
    assert client.post(url, {"decision": "accept"}).status_code == 403  # editors don't decide
    client.force_login(staff)
    client.post(url, {"decision": "accept"})
    proposal.refresh_from_db()
    partner_a.refresh_from_db()
    assert proposal.status == Commitment.Status.IN_EFFECT
    assert proposal.decided_by == staff
    assert package_of(partner_a) == packages["A"]
    with pytest.raises(ValidationError):
        services.commitment_decide(commitment=proposal, user=staff, accept=False)


def test_declined_proposal_changes_nothing(staff, partner_a, packages):
    proposal = services.commitment_change(
        partner=partner_a,
        user=staff,
        package=packages["C"],
        period_start=datetime.date(2026, 1, 1),
        propose=True,
    )
    proposal = services.commitment_decide(commitment=proposal, user=staff, accept=False)
    partner_a.refresh_from_db()
    assert package_of(partner_a) is None
    assert proposal.status == Commitment.Status.DECLINED


def test_other_partners_editor_cannot_read_or_change(client, editor_b, partner_a, packages):
    client.force_login(editor_b)
    url = reverse("partners:commitment", args=[partner_a.pk])
    assert client.get(url).status_code == 403
    assert change(client, partner_a, package=packages["A"].pk).status_code == 403
    assert not Commitment.objects.exists()


def test_bad_input_gives_messages_and_saves_nothing(client, editor_a, partner_a, packages):
    client.force_login(editor_a)
    response = change(client, partner_a, package=999999)
    assert response.status_code == 200 and response.context["form"].errors["package"]
    response = change(client, partner_a, package=packages["A"].pk, period_end="2025-01-01")
    assert response.context["form"].errors["period_end"]
    response = change(client, partner_a, package=packages["A"].pk, signed_on="")
    assert response.context["form"].errors["signed_on"]
    response = change(client, partner_a, package=packages["A"].pk, period_start="31-31-2026")
    assert response.context["form"].errors["period_start"]
    response = change(client, partner_a, package=packages["A"].pk, action="overwrite")
    assert response.context["form"].errors["action"]
    assert not Commitment.objects.exists()


def test_staff_define_the_packages(client, staff, editor_a, packages):
    url = reverse("partners:package_edit", args=[packages["A"].pk])
    data = {
        "name": "Kopgroep",
        "description": "Hoogste betrokkenheid",
        "checklist": "Zit in de stuurgroep\n\nHeeft een AVK-team",
        "steering_group_seat": "on",
    }
    client.force_login(editor_a)
    assert client.post(url, data).status_code == 403
    client.force_login(staff)
    assert client.post(url, data).status_code == 302
    packages["A"].refresh_from_db()
    assert packages["A"].checklist_items == ["Zit in de stuurgroep", "Heeft een AVK-team"]
    page = client.get(reverse("partners:package_list")).content.decode()
    assert "Heeft een AVK-team" in page


def test_staff_see_all_changes_and_decide_from_the_overview(
    client, staff, editor_a, partner_a, partner_b, packages
):
    services.commitment_change(
        partner=partner_a,
        user=editor_a,
        package=packages["A"],
        period_start=datetime.date(2026, 1, 1),
        propose=True,
    )
    services.commitment_change(
        partner=partner_b,
        user=staff,
        package=packages["C"],
        period_start=datetime.date(2026, 1, 1),
        propose=False,
    )
    client.force_login(staff)
    url = reverse("partners:commitment_changes")
    page = client.get(url).content.decode()
    waiting, recent = page.split('id="recent-heading"')
    assert partner_a.name in waiting and partner_b.name not in waiting
    assert partner_b.name in recent and partner_a.name not in recent
    proposal = partner_a.commitments.get()
    assert f'formaction="{reverse("partners:commitment_decide", args=[proposal.pk])}"' in waiting
    response = client.post(
        reverse("partners:commitment_decide", args=[proposal.pk]),
        {"decision": "accept", "next": url},
    )
    assert response["Location"] == url
    response = client.post(
        reverse("partners:commitment_decide", args=[proposal.pk]),
        {"decision": "accept", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("partners:commitment", args=[partner_a.pk])
    partner_a.refresh_from_db()
    assert package_of(partner_a) == packages["A"]
