"""Permission matrix entries of the phase plans (see tests/matrix.py)."""

from tests.matrix import EVERYONE_LOGGED_IN, POST_ONLY, STAFF_ONLY
from tests.reflection.factories_plans import (
    EffortFactory,
    PhasePlanFactory,
    PlanAttentionPointFactory,
)

NOT_STAFF = dict.fromkeys(["editor_a", "editor_b", "db_member", "sg_member", "outsider"], 403)

EXPECTED = {
    "reflection:plan_list": (lambda o: {}, EVERYONE_LOGGED_IN),
    "reflection:plan_detail": (lambda o: {"pk": EffortFactory().plan.pk}, EVERYONE_LOGGED_IN),
    "reflection:plan_create": (lambda o: {}, STAFF_ONLY),
    "reflection:plan_edit": (lambda o: {"pk": PhasePlanFactory().pk}, STAFF_ONLY),
    "reflection:plan_adopt": (lambda o: {"pk": PhasePlanFactory().pk}, POST_ONLY | NOT_STAFF),
    "reflection:plan_new_version": (
        lambda o: {"pk": PhasePlanFactory(status="adopted").pk},
        POST_ONLY | NOT_STAFF,
    ),
    "reflection:effort_create": (lambda o: {"pk": PhasePlanFactory().pk}, STAFF_ONLY),
    "reflection:effort_edit": (lambda o: {"pk": EffortFactory().pk}, STAFF_ONLY),
    # Everyone logged in reads an effort; its owner and staff also find the update form.
    "reflection:effort_detail": (
        lambda o: {"pk": EffortFactory(plan__status="adopted").pk},
        EVERYONE_LOGGED_IN,
    ),
    "reflection:attention_point_carry": (
        lambda o: {"pk": PlanAttentionPointFactory().pk},
        STAFF_ONLY,
    ),
}
