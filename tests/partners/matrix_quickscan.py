"""Permission-matrix entries for the quick scan "AVK-proof"."""

from tests.matrix import PARTNER_A_WRITERS, STAFF_ONLY
from tests.partners.factories_quickscan import CriterionFactory, QuickScanFactory


def _scan_of_a(o):
    criterion = CriterionFactory()
    scan = QuickScanFactory(partner=o["partner_a"], year=2025, answers={criterion: True})
    return {"pk": o["partner_a"].pk, "year": scan.year}


def _fill_a(o):
    CriterionFactory()
    return {"pk": o["partner_a"].pk}


EXPECTED = {
    "partners:quickscan_overview": (lambda o: {}, STAFF_ONLY),
    "partners:quickscan_criteria": (lambda o: {}, STAFF_ONLY),
    "partners:quickscan_criterion_edit": (
        lambda o: {"criterion_pk": CriterionFactory().pk},
        STAFF_ONLY,
    ),
    "partners:quickscan_fill": (_fill_a, PARTNER_A_WRITERS),
    "partners:quickscan_detail": (_scan_of_a, PARTNER_A_WRITERS),
    "partners:quickscan_history": (lambda o: {"pk": _scan_of_a(o)["pk"]}, PARTNER_A_WRITERS),
}
