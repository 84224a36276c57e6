"""Permission matrix entries of the stakeholder picture (see tests/matrix.py): programme
staff only, for every partner alike."""

from tests.matrix import STAFF_ONLY

EXPECTED = {
    "movement:stakeholder_overview": (lambda o: {}, STAFF_ONLY),
    "movement:partner_stakeholders": (lambda o: {"pk": o["partner_b"].pk}, STAFF_ONLY),
}
