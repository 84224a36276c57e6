import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.access import get_partner_for_user
from partners.models import Partner, Person
from tests.factories import MembershipFactory, PartnerFactory, PersonFactory


def test_partner_list_filters_by_kind(client, outsider):
    PartnerFactory(name="Gemeente Pekela", kind="gemeente")
    PartnerFactory(name="Noorderpoort", kind="onderwijs")
    client.force_login(outsider)
    response = client.get(reverse("partners:partner_list"), {"kind": "onderwijs"})
    assert [p.name for p in response.context["partners"]] == ["Noorderpoort"]
    response = client.get(reverse("partners:partner_list"), {"kind": "<script>"})
    assert response.status_code == 200
    assert len(response.context["partners"]) == 2


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


def _list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("partners:partner_list")).status_code == 200
    return len(queries)


def test_partner_list_query_count_does_not_grow(client, editor_a):
    client.force_login(editor_a)
    small = _list_queries(client)
    for partner in PartnerFactory.create_batch(51):
        PersonFactory.create_batch(3, partner=partner)
        MembershipFactory.create_batch(2, partner=partner)
    large = _list_queries(client)
    assert large == small, f"{small} queries with little data, {large} with 51 partners"
