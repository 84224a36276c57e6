"""The showcase is kept rendered (avk.cache) until a row it shows changes: every change
to a model of SHOWCASE_READ shows on the very next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse_lazy

from monitoring.models import Spotlight
from monitoring.selectors.showcase import SHOWCASE_READ
from monitoring.services.experiences import consent_withdraw
from tests.factories import PartnerFactory, UserFactory
from tests.monitoring.factories_experiences import SpotlightFactory, story
from tests.partners.factories_interventions import InterventionFactory, MunicipalityFactory

URL = reverse_lazy("showcase:index")


@pytest.fixture
def shown(db):
    veendam = MunicipalityFactory(name="Veendam")
    partner = PartnerFactory(name="Stichting Eerst", municipality=veendam)
    helper = PartnerFactory(name="Helpt Mee")
    example = InterventionFactory(partner=partner, title="Schoolontbijt", is_published=True)
    told = story(title="Mijn verhaal", municipality=veendam)
    SpotlightFactory(partner=partner, title="Uitgelicht partner", is_public=True)
    return {
        "veendam": veendam,
        "partner": partner,
        "helper": helper,
        "example": example,
        "story": told,
    }


def _html(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def _main(html: str) -> str:
    return html[html.index("<h1>") : html.index("</main>")]


def test_the_showcase_is_kept_and_read_without_its_queries(client, shown):
    first = _main(_html(client))
    with CaptureQueriesContext(connection) as queries:
        assert _main(_html(client)) == first
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "partners_intervention" not in tables and "monitoring_spotlight" not in tables
    assert len(queries) <= 3  # the generations and the kept fragment (no session)


def _rename_partner(shown):
    shown["partner"].name = "Stichting Nieuw"
    shown["partner"].save()
    return "Stichting Nieuw", "Stichting Eerst"


def _deactivate_partner(shown):
    shown["partner"].is_active = False
    shown["partner"].save()
    return None, "Schoolontbijt"


def _rename_municipality(shown):
    shown["veendam"].name = "Veendam-Oost"
    shown["veendam"].save()
    return "Veendam-Oost", None


def _unpublish(shown):
    shown["example"].is_published = False
    shown["example"].save()
    return None, "Schoolontbijt"


def _add_municipality(shown):
    shown["example"].municipalities.add(MunicipalityFactory(name="Pekela"))
    return "Pekela", None


def _add_collaborator(shown):
    shown["example"].collaborators.add(shown["helper"])
    return "Helpt Mee</p>", None  # the last of the collaborators closes the line


def _new_spotlight(shown):
    SpotlightFactory(title="Nieuw uitgelicht", is_public=True, partner=shown["helper"])
    return "Nieuw uitgelicht", None


def _end_spotlight(shown):
    Spotlight.objects.get(title="Uitgelicht partner").delete()
    return None, "Uitgelicht partner"


def _retell(shown):
    shown["story"].title = "Mijn nieuwe verhaal"
    shown["story"].save()
    return "Mijn nieuwe verhaal", None


def _withdraw_consent(shown):
    consent = shown["story"].consents.get()
    consent_withdraw(consent=consent, user=UserFactory(is_staff=True))
    return None, "Mijn verhaal"


CHANGES = [
    _rename_partner,
    _deactivate_partner,
    _rename_municipality,
    _unpublish,
    _add_municipality,
    _add_collaborator,
    _new_spotlight,
    _end_spotlight,
    _retell,
    _withdraw_consent,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
def test_a_change_shows_on_the_next_request(client, shown, change):
    before = _html(client)
    assert "Stichting Eerst" in before and "Mijn verhaal" in before
    present, gone = change(shown)
    after = _html(client)
    if present:
        assert present in after
    if gone:
        assert gone not in after


def test_every_model_read_has_a_change_test():
    # A new model in SHOWCASE_READ needs its change above (partners, municipalities,
    # interventions and their two link tables, spotlights, stories and consents).
    assert len(SHOWCASE_READ) == 8


def test_the_showcase_is_the_same_logged_in_and_out(client, shown, editor_a):
    anonymous = _main(_html(client))
    client.force_login(editor_a)
    assert _main(_html(client)) == anonymous
