import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse_lazy

from tests.factories import PartnerFactory, PersonFactory
from tests.partners.factories_interventions import InterventionFactory, MunicipalityFactory

URL = reverse_lazy("showcase:index")


@pytest.fixture
def alliance(partner_a, partner_b):
    pekela = MunicipalityFactory(name="Pekela")
    partner_a.municipality = pekela
    partner_a.save()
    gone = PartnerFactory(name="Opgeheven Stichting", is_active=False)
    secret_contact = PersonFactory(partner=partner_a, name="Geheime Contactpersoon")
    InterventionFactory(
        partner=partner_a,
        title="Schoolontbijt",
        description="Elke ochtend een ontbijt op school.",
        municipalities=[pekela],
        collaborators=[partner_b, gone],
        contact=secret_contact,
        is_published=True,
    )
    InterventionFactory(partner=partner_b, title="Nog in de maak", is_published=False)
    InterventionFactory(partner=gone, title="Oud goed voorbeeld", is_published=True)
    return {"pekela": pekela, "gone": gone}


def test_the_showcase_is_public(client, alliance):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Partner A" in html and "Partner B" in html
    assert "Pekela" in html
    assert "Schoolontbijt" in html
    assert "Elke ochtend een ontbijt op school." in html
    assert [p.name for p in response.context["partners"]] == ["Partner A", "Partner B"]
    assert [i.title for i in response.context["examples"]] == ["Schoolontbijt"]


def test_nothing_unpublished_inactive_or_personal_leaks(client, alliance):
    html = client.get(URL).content.decode()
    assert "Nog in de maak" not in html  # not published
    assert "Oud goed voorbeeld" not in html  # published, but its partner left
    assert "Opgeheven Stichting" not in html  # inactive partner, not even as collaborator
    assert "Geheime Contactpersoon" not in html  # contact people stay inside the portal


def test_logged_in_users_see_the_same_showcase(client, editor_a, alliance):
    client.force_login(editor_a)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Nog in de maak" not in response.content.decode()


def test_script_in_published_text_is_escaped(client, partner_a):
    script = "<script>alert('x')</script>"
    InterventionFactory(partner=partner_a, title=script, description=script, is_published=True)
    html = client.get(URL).content.decode()
    assert script not in html
    assert "&lt;script&gt;" in html


def test_the_showcase_only_answers_get(client, db):
    assert client.post(URL).status_code == 405


def _count(client):
    cache.clear()  # measure the showcase built afresh (avk.cache keeps it otherwise)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_query_count_does_not_grow(client, partner_a, partner_b):
    InterventionFactory(
        partner=partner_a,
        is_published=True,
        municipalities=[MunicipalityFactory()],
        collaborators=[partner_b],
    )
    small = _count(client)
    municipalities = MunicipalityFactory.create_batch(9)
    partners = [PartnerFactory(municipality=municipalities[i % 9]) for i in range(51)]
    for i in range(60):
        InterventionFactory(
            partner=partners[i % 51],
            is_published=True,
            municipalities=[municipalities[(i + k) % 9] for k in range(3)],
            collaborators=[partners[(i + k) % 51] for k in range(1, 4)],
        )
    large = _count(client)
    assert large == small, f"{small} queries with little data, {large} with 60 examples"


def test_only_approved_public_stories_are_in_the_showcase(client, db):
    from monitoring.models import Experience
    from monitoring.models.indicators import Visibility
    from tests.monitoring.factories_experiences import story

    story(scope=Visibility.PUBLIC, title="Openbaar verhaal")
    story(scope=Visibility.PARTNERS, title="Alleen voor partners")
    story(scope=Visibility.PUBLIC, review=Experience.Review.WAITING, title="Nog niet gelezen")
    html = client.get(URL).content.decode()
    assert "Openbaar verhaal" in html
    assert "Alleen voor partners" not in html and "Nog niet gelezen" not in html
