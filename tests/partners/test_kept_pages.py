"""The partners' pages keep rendered parts (avk.cache): a change to anything a kept part
shows is on the next request, and a reader who may see less never gets the fuller version
someone else's request kept."""

import datetime

import pytest
from django.urls import reverse

from partners.models import Commitment, Delegate, Package, TeamMember
from partners.services import team as team_services
from partners.services.quickscan import current_year
from tests.factories import PartnerFactory, PersonFactory
from tests.partners.factories_interventions import InterventionFactory, MunicipalityFactory
from tests.partners.factories_quickscan import CriterionFactory, QuickScanFactory

TEAM = ["bestuurder", "manager", "manager", "uitvoering", "uitvoering"]


@pytest.fixture
def world(partner_a, partner_b, staff):
    """Partner A in Pekela with package A, a team member, a contact person, a delegate, an
    intervention (in Pekela, with B) and a quick scan of this year."""
    pekela = MunicipalityFactory(name="Pekela")
    package = Package.objects.create(code="A", name="Kopgroep")
    partner_a.municipality = pekela
    partner_a.save()
    Commitment.objects.create(
        partner=partner_a,
        package=package,
        period_start=datetime.date(2024, 1, 1),
        status=Commitment.Status.IN_EFFECT,
    )
    contact = PersonFactory(partner=partner_a, name="Carla Contact")
    PersonFactory(partner=partner_a, name="Bert Bestaand")
    TeamMember.objects.create(partner=partner_a, person=contact, role="manager")
    Delegate.objects.create(partner=partner_a, person=contact, level="manager")
    team_services.contact_set(
        partner=partner_a, user=staff, person=contact, expected_version=partner_a.team_version
    )
    partner_a.refresh_from_db()
    intervention = InterventionFactory(
        partner=partner_a,
        title="Schoolontbijt",
        contact=contact,
        municipalities=[pekela],
        collaborators=[partner_b],
    )
    criterion = CriterionFactory()
    scan = QuickScanFactory(partner=partner_a, year=current_year(), answers={criterion: True})
    return {
        "partner": partner_a,
        "other": partner_b,
        "pekela": pekela,
        "package": package,
        "contact": contact,
        "intervention": intervention,
        "staff": staff,
        "scan": scan,
    }


def _page(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _rename(obj, field, value):
    setattr(obj, field, value)
    obj.save()


def _urls(w) -> dict:
    pk = w["partner"].pk
    by_municipality = reverse("partners:intervention_by_municipality")
    return {
        "directory": reverse("partners:partner_list"),
        "detail": reverse("partners:partner_detail", args=[pk]),
        "team": reverse("partners:team", args=[pk]),
        "teams": reverse("partners:team_overview"),
        "scans": reverse("partners:quickscan_overview"),
        "interventions": reverse("partners:intervention_list"),
        "index": by_municipality,
        "municipality": f"{by_municipality}?gemeente={w['pekela'].pk}",
    }


def _new_person(w):
    PersonFactory(partner=w["partner"], name="Nieuwe Collega")


def _complete_team(w):
    for role in TEAM:
        TeamMember.objects.create(partner=w["partner"], person=PersonFactory(), role=role)


def _new_commitment(w):
    Commitment.objects.create(
        partner=w["partner"],
        package=Package.objects.create(code="Q", name="Nieuw pakket"),
        period_start=datetime.date(2025, 1, 1),
        status=Commitment.Status.IN_EFFECT,
    )


def _new_scan_year(w):
    QuickScanFactory(partner=w["other"], year=current_year(), answers={CriterionFactory(): True})


def _contact_via_service(w):
    person = PersonFactory(partner=w["partner"], name="Nieuwe Contactpersoon")
    team_services.contact_set(
        partner=w["partner"],
        user=w["staff"],
        person=person,
        expected_version=w["partner"].team_version,
    )


def _existing_contact_via_service(w):
    """Only the partner row changes (an update(), which sends no signal)."""
    team_services.contact_set(
        partner=w["partner"],
        user=w["staff"],
        person=w["partner"].people.get(name="Bert Bestaand"),
        expected_version=w["partner"].team_version,
    )


def _delegate_via_service(w):
    person = PersonFactory(partner=w["partner"], name="Nieuwe Afgevaardigde")
    team_services.delegate_set(
        partner=w["partner"],
        user=w["staff"],
        level="bestuurlijk",
        person=person,
        expected_version=w["partner"].team_version,
    )


def _member_via_service(w):
    team_services.team_member_add(
        partner=w["partner"],
        user=w["staff"],
        role="bestuurder",
        expected_version=w["partner"].team_version,
        name="Nieuw Teamlid",
    )


# (page, who looks, the change, what the next request shows)
CHANGES = [
    ("directory", "outsider", lambda w: _rename(w["partner"], "name", "Hernoemd"), "Hernoemd"),
    ("directory", "outsider", lambda w: _rename(w["pekela"], "name", "Oldambt"), "Oldambt"),
    ("directory", "outsider", lambda w: _rename(w["package"], "code", "K"), "Pakket K"),
    ("directory", "outsider", _new_commitment, "Pakket Q"),
    ("directory", "outsider", _complete_team, ">compleet<"),
    ("detail", "editor_a", lambda w: _rename(w["partner"], "name", "Hernoemd"), "Hernoemd"),
    ("detail", "editor_a", lambda w: _rename(w["pekela"], "name", "Oldambt"), "Oldambt"),
    ("detail", "editor_a", lambda w: _rename(w["contact"], "name", "Carla Nieuw"), "Carla Nieuw"),
    ("detail", "editor_a", lambda w: _rename(w["package"], "name", "Voorop"), "Voorop"),
    ("detail", "editor_a", _new_commitment, "Pakket Q"),
    ("detail", "editor_a", _member_via_service, "Nieuw Teamlid"),
    ("detail", "editor_a", _contact_via_service, "Nieuwe Contactpersoon"),
    ("detail", "editor_a", _delegate_via_service, "Nieuwe Afgevaardigde"),
    ("detail", "outsider", _existing_contact_via_service, "Bert Bestaand"),
    ("detail", "editor_a", lambda w: _rename(w["intervention"], "title", "Ontbijt"), "Ontbijt"),
    (
        "detail",
        "editor_a",
        lambda w: w["intervention"].municipalities.add(MunicipalityFactory(name="Veendam")),
        "Veendam",
    ),
    ("detail", "editor_a", lambda w: _rename(w["scan"], "score", 0), "0 van de 1 punten"),
    ("team", "editor_a", _new_person, "Nieuwe Collega"),
    ("team", "editor_a", _delegate_via_service, "Nieuwe Afgevaardigde"),
    ("teams", "staff", lambda w: _rename(w["partner"], "name", "Hernoemd"), "Hernoemd"),
    ("teams", "staff", _complete_team, "1 van 2 partners heeft"),
    ("scans", "staff", lambda w: _rename(w["partner"], "name", "Hernoemd"), "Hernoemd"),
    ("scans", "staff", _new_scan_year, "/{year}/"),
    ("interventions", "outsider", lambda w: _rename(w["intervention"], "title", "Ont"), "Ont<"),
    ("interventions", "outsider", lambda w: _rename(w["partner"], "name", "Hernoemd"), "Hernoemd"),
    ("interventions", "outsider", lambda w: _rename(w["contact"], "name", "Carla N"), "Carla N"),
    ("interventions", "outsider", lambda w: _rename(w["pekela"], "name", "Oldambt"), "Oldambt"),
    (
        "interventions",
        "outsider",
        lambda w: w["intervention"].collaborators.add(PartnerFactory(name="Derde Partij")),
        "Derde Partij",
    ),
    ("index", "outsider", lambda w: _rename(w["pekela"], "name", "Oldambt"), "Oldambt"),
    (
        "index",
        "outsider",
        lambda w: InterventionFactory(municipalities=[w["pekela"]]),
        'text-bg-light">2<',
    ),
    ("municipality", "outsider", lambda w: _rename(w["intervention"], "title", "Ont"), "Ont<"),
    ("municipality", "outsider", lambda w: _rename(w["other"], "name", "Hernoemd"), "Hernoemd"),
    (
        "municipality",
        "outsider",
        lambda w: InterventionFactory(title="Nieuw hier", municipalities=[w["pekela"]]),
        "Nieuw hier",
    ),
]


@pytest.mark.parametrize(("page", "who", "change", "shown"), CHANGES)
def test_a_change_shows_on_the_next_request(client, request, world, page, who, change, shown):
    user = request.getfixturevalue(who)
    url = _urls(world)[page]
    shown = shown.format(year=f"{world['other'].pk}/quickscan/{current_year()}")
    assert shown not in _page(client, user, url)
    assert shown not in _page(client, user, url)  # kept
    change(world)
    assert shown in _page(client, user, url)


def test_who_may_see_less_never_gets_the_fuller_kept_page(client, world, staff, editor_b):
    """Staff see inactive partners and another partner's team; an editor of another partner
    asking next gets the page for their own kind of access."""
    secret = PersonFactory(partner=world["partner"], name="Geheime Naam")
    TeamMember.objects.create(partner=world["partner"], person=secret, role="bestuurder")
    PartnerFactory(name="Opgeheven", is_active=False)
    InterventionFactory(partner=PartnerFactory(name="Gestopt", is_active=False), title="Weg")
    urls = _urls(world)
    full = {name: _page(client, staff, urls[name]) for name in ("directory", "detail")}
    full["interventions"] = _page(client, staff, urls["interventions"])
    assert "Opgeheven" in full["directory"] and "Geheime Naam" in full["detail"]
    assert "Weg" in full["interventions"] and "publish-form" in full["interventions"]

    assert "Opgeheven" not in _page(client, editor_b, urls["directory"])
    detail = _page(client, editor_b, urls["detail"])
    assert "Geheime Naam" not in detail  # the team's names are for its own editors
    assert reverse("partners:team", args=[world["partner"].pk]) not in detail
    listing = _page(client, editor_b, urls["interventions"])
    assert "Weg" not in listing and "publish-form" not in listing
    edit = reverse("partners:intervention_edit", args=[world["partner"].pk, 0])[:-2]
    assert edit not in listing  # no edit button for another partner's intervention


def test_editor_badges_are_each_editors_own(client, world, editor_a, editor_b):
    url = _urls(world)["directory"]
    assert _page(client, editor_a, url).count("je bent redacteur") == 1
    page_b = _page(client, editor_b, url)
    assert page_b.count("je bent redacteur") == 1
    assert page_b.index("je bent redacteur") > page_b.index(world["other"].name)


def test_showcase_buttons_post_the_pages_own_form(client, world, staff):
    """The kept rows hold no CSRF token: each showcase button names the page's form, which
    holds the token and the way back, and posts it to its own intervention."""
    url = _urls(world)["interventions"] + "?q=ontbijt"
    page = _page(client, staff, url)
    publish = reverse("partners:intervention_publish", args=[world["intervention"].pk])
    assert f'form="publish-form" formaction="{publish}" name="publish" value="1"' in page
    form = page.split('id="publish-form"', 1)[1].split("</form>", 1)[0]
    assert 'name="csrfmiddlewaretoken"' in form
    assert 'name="next" value="/partners/interventies/?q=ontbijt"' in form
    rows = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert "csrfmiddlewaretoken" not in rows
