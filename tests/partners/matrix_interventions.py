"""Permission-matrix entries for the interventions inventory (the public showcase, which
shows them, is in tests/monitoring/matrix_experiences.py)."""

from tests.matrix import EVERYONE_LOGGED_IN, PARTNER_A_WRITERS, POST_ONLY
from tests.partners.factories_interventions import InterventionFactory


def _intervention_of_a(o):
    return InterventionFactory(partner=o["partner_a"], title="Schoolontbijt")


EXPECTED = {
    "partners:intervention_list": (lambda o: {}, EVERYONE_LOGGED_IN),
    "partners:intervention_by_municipality": (lambda o: {}, EVERYONE_LOGGED_IN),
    "partners:intervention_create": (lambda o: {"pk": o["partner_a"].pk}, PARTNER_A_WRITERS),
    "partners:intervention_edit": (
        lambda o: {"pk": o["partner_a"].pk, "intervention_pk": _intervention_of_a(o).pk},
        PARTNER_A_WRITERS,
    ),
    # Staff only, and POST only: others are refused before the method is looked at.
    "partners:intervention_publish": (
        lambda o: {"intervention_pk": _intervention_of_a(o).pk},
        POST_ONLY
        | {"editor_a": 403, "editor_b": 403, "db_member": 403, "sg_member": 403, "outsider": 403},
    ),
}
