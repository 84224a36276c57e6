import pytest
from django.test import override_settings
from django.urls import reverse

from avk.models import AuditEntry
from partners.models import Delegate, Partner, Person, TeamMember
from partners.selectors import team as teams
from partners.selectors.team import TEAMS_READ
from partners.services import team as services
from tests.factories import PersonFactory
from tests.partners.queries import page_queries


def add(client, partner, version, **data):
    payload = {
        "action": "add",
        "name": "Nina Post",
        "email": "nina@example.org",
        "phone": "",
        "role": "manager",
        "version": version,
    } | data
    return client.post(reverse("partners:team", args=[partner.pk]), payload)


def test_team_page_shows_what_is_missing_and_becomes_complete(client, editor_a, partner_a):
    client.force_login(editor_a)
    for i, role in enumerate(["bestuurder", "manager", "uitvoering", "uitvoering"]):
        partner_a.refresh_from_db()
        add(
            client,
            partner_a,
            partner_a.team_version,
            name=f"P{i}",
            email=f"p{i}@example.org",
            role=role,
        )
    page = client.get(reverse("partners:team", args=[partner_a.pk]))
    assert not page.context["complete"]
    assert "nog 1 manager nodig" in page.content.decode()
    partner_a.refresh_from_db()
    add(client, partner_a, partner_a.team_version)
    page = client.get(reverse("partners:team", args=[partner_a.pk]))
    assert page.context["complete"]
    assert TeamMember.objects.filter(partner=partner_a).count() == 5
    assert Person.objects.get(email="nina@example.org").partner == partner_a
    assert (
        AuditEntry.objects.filter(group=f"partner:{partner_a.pk}", action="team.added").count() == 5
    )


@override_settings(AVK_TEAM_TARGET={"bestuurder": 1, "manager": 0, "uitvoering": 0})
def test_target_composition_is_a_setting(partner_a):
    assert teams.is_complete({"bestuurder": 1})
    assert not teams.is_complete({})


def test_two_editors_saving_at_once_the_second_is_told_and_loses_nothing(
    client, editor_a, partner_a
):
    client.force_login(editor_a)
    version = partner_a.team_version
    assert (
        add(client, partner_a, version, name="First", email="first@example.org").status_code == 302
    )
    response = add(client, partner_a, version, name="Second", email="second@example.org")
    assert response.status_code == 200
    assert "Iemand anders heeft dit team gewijzigd" in response.content.decode()
    form = response.context["add_form"]
    assert form["name"].value() == "Second"  # what they typed is still there
    partner_a.refresh_from_db()
    assert int(form["version"].value()) == partner_a.team_version
    assert list(partner_a.team_members.values_list("person__name", flat=True)) == ["First"]
    # Saving again with the fresh version works.
    assert (
        add(
            client, partner_a, partner_a.team_version, name="Second", email="second@example.org"
        ).status_code
        == 302
    )


def test_removing_with_an_old_version_is_refused(client, editor_a, partner_a):
    member = services.team_member_add(
        partner=partner_a,
        user=editor_a,
        role="manager",
        expected_version=0,
        name="Old",
        email="old@example.org",
    )
    client.force_login(editor_a)
    url = reverse("partners:team", args=[partner_a.pk])
    response = client.post(url, {"action": "remove", "member": member.pk, "version": 0})
    assert response.status_code == 200
    assert TeamMember.objects.filter(pk=member.pk).exists()
    response = client.post(url, {"action": "remove", "member": member.pk, "version": "x"})
    assert TeamMember.objects.filter(pk=member.pk).exists()
    client.post(url, {"action": "remove", "member": member.pk, "version": 1})
    assert not TeamMember.objects.filter(pk=member.pk).exists()


def test_other_partners_editor_cannot_touch_the_team(
    client, editor_a, editor_b, partner_a, partner_b
):
    member = services.team_member_add(
        partner=partner_b,
        user=editor_b,
        role="manager",
        expected_version=0,
        name="B's",
        email="bs@example.org",
    )
    client.force_login(editor_a)
    url = reverse("partners:team", args=[partner_b.pk])
    assert client.get(url).status_code == 403
    assert add(client, partner_b, 1).status_code == 403
    # A member of partner B removed through partner A's page: not found.
    response = client.post(
        reverse("partners:team", args=[partner_a.pk]),
        {"action": "remove", "member": member.pk, "version": 0},
    )
    assert response.status_code == 404
    assert TeamMember.objects.filter(pk=member.pk).exists()


def test_duplicate_person_and_invalid_email_are_refused(client, editor_a, partner_a):
    client.force_login(editor_a)
    add(client, partner_a, 0, email="dup@example.org")
    response = add(client, partner_a, 1, name="Dup again", email="DUP@example.org")
    assert response.context["add_form"].errors["email"]
    response = add(client, partner_a, 1, email="not-an-email")
    assert response.context["add_form"].errors["email"]
    response = add(client, partner_a, 1, role="king")
    assert response.context["add_form"].errors["role"]
    assert TeamMember.objects.count() == 1


def test_contact_person_and_delegates(client, editor_a, partner_a, partner_b):
    mine = PersonFactory(partner=partner_a, name="Mine")
    theirs = PersonFactory(partner=partner_b, name="Theirs")
    client.force_login(editor_a)
    url = reverse("partners:team", args=[partner_a.pk])
    response = client.post(
        url,
        {
            "action": "contact",
            "version": 0,
            "contact_person": mine.pk,
            "delegate_bestuurlijk": mine.pk,
        },
    )
    assert response.status_code == 302
    partner_a.refresh_from_db()
    assert partner_a.contact_person == mine
    assert Delegate.objects.get(partner=partner_a, level="bestuurlijk").person == mine
    # Someone of another partner cannot be chosen.
    response = client.post(
        url, {"action": "contact", "version": partner_a.team_version, "contact_person": theirs.pk}
    )
    assert response.context["contact_form"].errors["contact_person"]
    partner_a.refresh_from_db()
    assert partner_a.contact_person == mine
    actions = set(
        AuditEntry.objects.filter(group=f"partner:{partner_a.pk}").values_list("action", flat=True)
    )
    assert {"contact.changed", "delegate.changed"} <= actions


def test_team_overview_lists_completeness_with_fixed_queries(client, staff):

    from tests.factories import PartnerFactory

    client.force_login(staff)

    def count():
        url = reverse("partners:team_overview")
        return page_queries(client, url, TEAMS_READ), client.get(url)

    PartnerFactory()
    small, _response = count()
    for partner in PartnerFactory.create_batch(51):
        for role in ["bestuurder", "manager", "manager", "uitvoering", "uitvoering"]:
            TeamMember.objects.create(
                partner=partner, person=PersonFactory(partner=partner), role=role
            )
    large, response = count()
    assert large == small
    assert "51 van 52 partners hebben een compleet team." in response.content.decode()


@pytest.mark.django_db
def test_team_version_is_not_editable_in_forms():
    assert not Partner._meta.get_field("team_version").editable


def test_staff_read_all_changes_of_a_partner(client, staff, editor_a, partner_a):
    services.team_member_add(
        partner=partner_a,
        user=editor_a,
        role="manager",
        expected_version=0,
        name="Nina",
        email="nina@example.org",
    )
    client.force_login(staff)
    html = client.get(reverse("partners:audit", args=[partner_a.pk])).content.decode()
    assert "Toegevoegd aan het AVK-team" in html and "Nina" in html
    assert str(editor_a) in html
