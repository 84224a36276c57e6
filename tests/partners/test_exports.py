"""CSV exports of the directory and the AVK teams."""

import csv
import io

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Partner
from tests.factories import PartnerFactory, PersonFactory
from tests.partners.factories_imports import (
    MunicipalityFactory,
    PackageFactory,
    TeamMemberFactory,
)

DIRECTORY = reverse("partners:export_directory")
TEAMS = reverse("partners:export_teams")
FULL_TEAM = ["bestuurder", "manager", "manager", "uitvoering", "uitvoering"]


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def read(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to see UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def make_partners(count: int, prefix: str) -> None:
    """Partners with a package, a municipality, a contact person and a full AVK team."""
    package = PackageFactory(code="A")
    municipality = MunicipalityFactory(name="Veendam")
    for n in range(count):
        partner = PartnerFactory(
            name=f"{prefix} {n:03}", package=package, municipality=municipality
        )
        contact = None
        for role in FULL_TEAM:
            member = TeamMemberFactory(partner=partner, role=role, person__partner=partner)
            contact = contact or member.person
        Partner.objects.filter(pk=partner.pk).update(contact_person=contact)


def test_directory_export(staff_client, db):
    package = PackageFactory(code="B")
    veendam = MunicipalityFactory(name="Veendam")
    complete = PartnerFactory(
        name="Compleet", kind="gemeente", municipality=veendam, package=package
    )
    contact = PersonFactory(name="Anja", email="anja@example.org", partner=complete)
    Partner.objects.filter(pk=complete.pk).update(contact_person=contact)
    for role in FULL_TEAM:
        TeamMemberFactory(partner=complete, role=role)
    TeamMemberFactory(partner=PartnerFactory(name="Half"), role="manager")

    rows = read(staff_client.get(DIRECTORY))
    assert rows[0] == [
        "Name",
        "Kind",
        "Municipality",
        "Package",
        "Active",
        "Contact person",
        "Contact e-mail",
        "Team complete",
    ]
    assert rows[1] == [
        "Compleet",
        "Municipality",
        "Veendam",
        "B",
        "yes",
        "Anja",
        "anja@example.org",
        "yes",
    ]
    assert rows[2] == ["Half", "Welfare", "", "", "yes", "", "", "no"]


def test_directory_export_takes_the_directory_filters(staff_client, db):
    PartnerFactory(name="Zorg BV", kind="zorg")
    PartnerFactory(name="Welzijn BV", kind="welzijn")
    rows = read(staff_client.get(DIRECTORY, {"kind": "zorg"}))
    assert [row[0] for row in rows[1:]] == ["Zorg BV"]
    rows = read(staff_client.get(DIRECTORY, {"package": "-"}))
    assert len(rows) == 3


def test_teams_export(staff_client, db):
    partner = PartnerFactory(name="Lefier")
    TeamMemberFactory(
        partner=partner,
        role="bestuurder",
        person=PersonFactory(name="Bert", email="bert@example.org", phone="0598 1"),
    )
    rows = read(staff_client.get(TEAMS))
    assert rows[0] == ["Partner", "Person", "Role", "E-mail address", "Phone"]
    assert rows[1] == ["Lefier", "Bert", "Director", "bert@example.org", "0598 1"]


def test_formula_injection_is_escaped(staff_client, db):
    partner = PartnerFactory(name='=HYPERLINK("http://evil.example","klik")')
    TeamMemberFactory(
        partner=partner,
        person=PersonFactory(name="@SUM(A1)", email="", phone="+31 6 1234"),
    )
    PartnerFactory(name="-2+3")
    directory = read(staff_client.get(DIRECTORY))
    names = [row[0] for row in directory[1:]]
    assert "'-2+3" in names
    assert '\'=HYPERLINK("http://evil.example","klik")' in names
    team = read(staff_client.get(TEAMS))
    assert team[1][1] == "'@SUM(A1)"
    assert team[1][4] == "'+31 6 1234"
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for row in directory + team for cell in row
    )


@pytest.mark.parametrize("url", [DIRECTORY, TEAMS])
def test_exports_run_a_fixed_number_of_queries(staff_client, db, url):
    make_partners(2, "Klein")
    staff_client.get(url)  # warm up the session and caches
    with CaptureQueriesContext(connection) as small:
        read(staff_client.get(url))
    make_partners(49, "Groot")
    assert Partner.objects.count() == 51
    with CaptureQueriesContext(connection) as large:
        rows = read(staff_client.get(url))
    assert len(rows) == 1 + (51 if url == DIRECTORY else 51 * 5)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_non_staff_cannot_export(personas, client_for):
    for persona in ["editor_a", "editor_b", "db_member", "sg_member", "outsider"]:
        client = client_for(personas[persona])
        assert client.get(DIRECTORY).status_code == 403
        assert client.get(TEAMS).status_code == 403
    assert client_for(None).get(DIRECTORY).status_code == 302


def test_exports_are_get_only(staff_client):
    assert staff_client.post(DIRECTORY).status_code == 405
