"""Permission-matrix entries for import and export (staff only)."""

from tests.matrix import STAFF_ONLY

EXPECTED = {
    "partners:import_start": (lambda o: {}, STAFF_ONLY),
    # Rights are checked before the batch is looked up: staff get 404 for a batch that
    # is not in their session, everyone else 403.
    "partners:import_preview": (lambda o: {"batch": "no-such-batch"}, STAFF_ONLY | {"staff": 404}),
    "partners:export_directory": (lambda o: {}, STAFF_ONLY),
    "partners:export_teams": (lambda o: {}, STAFF_ONLY),
}
