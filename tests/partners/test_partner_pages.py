import html
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.urls import reverse

from partners.access import get_partner_for_user
from partners.models import Commitment, Municipality, Package, Partner, Person, TeamMember
from partners.selectors.directory import DIRECTORY_READ
from tests.factories import MembershipFactory, PartnerFactory, PersonFactory
from tests.partners.queries import page_queries


def names(response):
    """The partners in the directory's table, read from the HTML: a page kept rendered
    (avk.cache) has no rows in its context."""
    table = response.content.decode().split("<tbody>", 1)[1]
    return [html.unescape(name) for name in re.findall(r'<td><a href="[^"]+">([^<]+)</a>', table)]


def test_partner_list_filters_by_kind_municipality_and_package(client, outsider):
    pekela = Municipality.objects.create(name="Pekela")
    a = Package.objects.create(code="A", name="Kopgroep")
    PartnerFactory(name="Gemeente Pekela", kind="gemeente", municipality=pekela, package=a)
    PartnerFactory(name="Noorderpoort", kind="onderwijs")
    client.force_login(outsider)
    url = reverse("partners:partner_list")
    assert names(client.get(url, {"kind": "onderwijs"})) == ["Noorderpoort"]
    assert names(client.get(url, {"municipality": pekela.pk})) == ["Gemeente Pekela"]
    assert names(client.get(url, {"package": "A"})) == ["Gemeente Pekela"]
    assert names(client.get(url, {"package": "-"})) == ["Noorderpoort"]
    for garbage in ({"kind": "<script>"}, {"municipality": "x"}, {"package": "Z"}):
        response = client.get(url, garbage)
        assert response.status_code == 200
        assert len(names(response)) == 2


def test_partner_list_charts_the_packages(client, outsider):
    a = Package.objects.create(code="A", name="Kopgroep")
    PartnerFactory.create_batch(3, package=a)
    PartnerFactory()
    client.force_login(outsider)
    response = client.get(reverse("partners:partner_list"))
    bars = {bar["label"]: bar["count"] for bar in response.context["chart"]["bars"]}
    assert bars == {"Pakket A": 3, "Geen pakket": 1}
    html = response.content.decode()
    assert "<svg" in html and "Pakket A: 3" in html  # the chart has a text equivalent


def test_inactive_partners_are_hidden_except_for_staff(client, outsider, staff):
    gone = PartnerFactory(name="Opgeheven", is_active=False)
    client.force_login(outsider)
    assert client.get(reverse("partners:partner_detail", args=[gone.pk])).status_code == 404
    assert "Opgeheven" not in client.get(reverse("partners:partner_list")).content.decode()
    client.force_login(staff)
    assert client.get(reverse("partners:partner_detail", args=[gone.pk])).status_code == 200


def test_access_helper_reads_for_all_writes_only_for_own_editors_and_staff(
    partner_a, partner_b, editor_a, editor_b, staff, outsider
):
    assert get_partner_for_user(editor_b, partner_a.pk) == partner_a
    assert get_partner_for_user(editor_a, partner_a.pk, write=True) == partner_a
    assert get_partner_for_user(staff, partner_b.pk, write=True) == partner_b
    for user in (editor_b, outsider):
        with pytest.raises(PermissionDenied):
            get_partner_for_user(user, partner_a.pk, write=True)
    with pytest.raises(Http404):
        get_partner_for_user(editor_a, 999999)


def test_a_plain_member_of_a_partner_is_not_an_editor(partner_a):
    member = MembershipFactory(partner=partner_a, is_editor=False).user
    with pytest.raises(PermissionDenied):
        get_partner_for_user(member, partner_a.pk, write=True)


def test_partner_names_and_person_emails_are_unique_ignoring_case(db):
    PartnerFactory(name="Cosis")
    with pytest.raises(IntegrityError):
        Partner.objects.create(name="COSIS", kind="zorg")


def test_person_email_unique_ignoring_case(db):
    PersonFactory(email="a@example.org")
    PersonFactory(email="")
    PersonFactory(email="")  # many people without an address are fine
    with pytest.raises(IntegrityError):
        Person.objects.create(name="Dup", email="A@example.org")


def _list_queries(client) -> tuple[int, int]:
    return page_queries(client, reverse("partners:partner_list"), DIRECTORY_READ)


def test_partner_list_query_count_does_not_grow(client, editor_a):
    client.force_login(editor_a)
    PartnerFactory()
    small = _list_queries(client)
    packages = [Package.objects.create(code=c, name=c) for c in "ABC"]
    for i, partner in enumerate(PartnerFactory.create_batch(51)):
        partner.municipality = Municipality.objects.get_or_create(name=f"Gemeente {i % 9}")[0]
        partner.save()
        for role in ["bestuurder", "manager", "manager", "uitvoering", "uitvoering"]:
            TeamMember.objects.create(
                partner=partner, person=PersonFactory(partner=partner), role=role
            )
        for year in range(2022, 2027):  # five years of commitment history
            Commitment.objects.create(
                partner=partner,
                package=packages[year % 3],
                period_start=f"{year}-01-01",
                status="in_effect",
            )
        MembershipFactory.create_batch(2, partner=partner)
    large = _list_queries(client)
    assert large == small, f"{small} queries with little data, {large} with 51 partners"


def test_out_of_range_ids_in_filters_are_ignored(client, outsider):
    PartnerFactory()
    client.force_login(outsider)
    response = client.get(reverse("partners:partner_list"), {"municipality": 2**63})
    assert response.status_code == 200
    assert len(names(response)) == 1


def test_team_names_on_the_partner_page_only_for_its_editors_and_staff(
    client, editor_a, editor_b, staff, partner_a
):
    person = PersonFactory(partner=partner_a, name="Geheime Naam")
    TeamMember.objects.create(partner=partner_a, person=person, role="manager")
    url = reverse("partners:partner_detail", args=[partner_a.pk])
    for user, visible in [(editor_a, True), (staff, True), (editor_b, False)]:
        client.force_login(user)
        response = client.get(url)
        assert ("Geheime Naam" in response.content.decode()) is visible
        assert response.context["complete"] is False  # completeness is for everyone


def test_filters_keep_their_choice(client, outsider):
    pekela = Municipality.objects.create(name="Pekela")
    client.force_login(outsider)
    html = client.get(
        reverse("partners:partner_list"),
        {"kind": "onderwijs", "municipality": pekela.pk, "package": "-"},
    ).content.decode()
    assert '<option value="onderwijs" selected>' in html
    assert f'<option value="{pekela.pk}" selected>Pekela</option>' in html
    assert '<option value="-" selected>' in html
