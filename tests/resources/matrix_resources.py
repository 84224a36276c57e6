"""Permission matrix entries of the resources (see tests/matrix.py): staff read and write,
the executive board (db_member) reads, everyone else logged in gets 403."""

from tests.matrix import LOGIN, PERSONAS, POST_ONLY, STAFF_ONLY
from tests.reflection.factories_plans import EffortFactory
from tests.resources.factories import (
    AllocationFactory,
    BudgetLineFactory,
    FundingApplicationFactory,
    FundingSourceFactory,
    SroiInputFactory,
    SroiOutcomeFactory,
)

STAFF_AND_BOARD = dict.fromkeys(PERSONAS, 403) | {
    "anonymous": LOGIN,
    "staff": 200,
    "db_member": 200,
}
NOT_STAFF = dict.fromkeys(["editor_a", "editor_b", "db_member", "sg_member", "outsider"], 403)

EXPECTED = {
    "resources:overview": (lambda o: {}, STAFF_AND_BOARD),
    "resources:source_create": (lambda o: {}, STAFF_ONLY),
    "resources:source_detail": (lambda o: {"pk": FundingSourceFactory().pk}, STAFF_AND_BOARD),
    "resources:source_edit": (lambda o: {"pk": FundingSourceFactory().pk}, STAFF_ONLY),
    "resources:source_delete": (lambda o: {"pk": FundingSourceFactory().pk}, STAFF_ONLY),
    "resources:application_create": (lambda o: {}, STAFF_ONLY),
    "resources:application_edit": (lambda o: {"pk": FundingApplicationFactory().pk}, STAFF_ONLY),
    "resources:application_delete": (
        lambda o: {"pk": FundingApplicationFactory().pk},
        STAFF_ONLY,
    ),
    "resources:budget": (lambda o: {}, STAFF_AND_BOARD),
    "resources:budget_line_create": (lambda o: {}, STAFF_ONLY),
    "resources:budget_line_edit": (lambda o: {"pk": BudgetLineFactory().pk}, STAFF_ONLY),
    "resources:budget_line_delete": (lambda o: {"pk": BudgetLineFactory().pk}, STAFF_ONLY),
    "resources:effort_list": (lambda o: {}, STAFF_AND_BOARD),
    "resources:effort_money": (lambda o: {"pk": EffortFactory().pk}, STAFF_AND_BOARD),
    "resources:allocation_add": (lambda o: {"pk": EffortFactory().pk}, STAFF_ONLY),
    "resources:sroi_input_add": (lambda o: {"pk": EffortFactory().pk}, STAFF_ONLY),
    "resources:sroi_outcome_add": (lambda o: {"pk": EffortFactory().pk}, STAFF_ONLY),
    "resources:allocation_edit": (lambda o: {"pk": AllocationFactory().pk}, STAFF_ONLY),
    "resources:sroi_input_edit": (lambda o: {"pk": SroiInputFactory().pk}, STAFF_ONLY),
    "resources:sroi_outcome_edit": (lambda o: {"pk": SroiOutcomeFactory().pk}, STAFF_ONLY),
    "resources:allocation_remove": (
        lambda o: {"pk": AllocationFactory().pk},
        POST_ONLY | NOT_STAFF,
    ),
    "resources:sroi_input_remove": (lambda o: {"pk": SroiInputFactory().pk}, POST_ONLY | NOT_STAFF),
    "resources:sroi_outcome_remove": (
        lambda o: {"pk": SroiOutcomeFactory().pk},
        POST_ONLY | NOT_STAFF,
    ),
}
