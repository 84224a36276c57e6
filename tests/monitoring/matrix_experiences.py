"""Permission-matrix entries for the stories (ervaringen), the spotlights and the public
showcase. No persona of the matrix sits in the experience experts' body, so everyone is
refused the review pages here; tests/monitoring/test_experience_pages.py lets a member in."""

from monitoring.models.indicators import Visibility
from tests.matrix import EVERYONE, EVERYONE_LOGGED_IN, LOGIN, PERSONAS, STAFF_ONLY
from tests.monitoring.factories_experiences import SpotlightFactory, story

SUBMITTERS = STAFF_ONLY | {"editor_a": 200, "editor_b": 200}
NO_ONE = dict.fromkeys(PERSONAS, 403) | {"anonymous": LOGIN}


def _shared(o):
    return story(scope=Visibility.PARTNERS, title="Een gedeeld verhaal")


def _shared_and_consent(o):
    experience = _shared(o)
    return {"pk": experience.pk, "consent_pk": experience.consents.get().pk}


EXPECTED = {
    "monitoring:experience_list": (lambda o: {}, EVERYONE_LOGGED_IN),
    "monitoring:experience_create": (lambda o: {}, SUBMITTERS),
    "monitoring:experience_detail": (lambda o: {"pk": _shared(o).pk}, EVERYONE_LOGGED_IN),
    "monitoring:experience_edit": (lambda o: {"pk": _shared(o).pk}, STAFF_ONLY),
    "monitoring:consent_create": (lambda o: {"pk": _shared(o).pk}, STAFF_ONLY),
    "monitoring:consent_withdraw": (_shared_and_consent, STAFF_ONLY),
    "monitoring:review_list": (lambda o: {}, NO_ONE),
    "monitoring:experience_review": (lambda o: {"pk": _shared(o).pk}, NO_ONE),
    "monitoring:spotlight_list": (lambda o: {}, STAFF_ONLY),
    "monitoring:spotlight_create": (lambda o: {}, STAFF_ONLY),
    "monitoring:spotlight_edit": (
        lambda o: {"pk": SpotlightFactory(partner=o["partner_a"]).pk},
        STAFF_ONLY,
    ),
    # Staff only, and POST only: others are refused before the method is looked at.
    "monitoring:spotlight_end": (
        lambda o: {"pk": SpotlightFactory(partner=o["partner_a"]).pk},
        STAFF_ONLY | {"staff": 405},
    ),
    "showcase:index": (lambda o: {}, EVERYONE),
}
