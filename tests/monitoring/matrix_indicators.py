"""Permission-matrix entries of the indicators (see tests/matrix.py)."""

from monitoring.models import EffortIndicator
from tests.matrix import EVERYONE, EVERYONE_LOGGED_IN, POST_ONLY, STAFF_ONLY
from tests.monitoring.factories_indicators import (
    IndicatorFactory,
    MeasurementFactory,
    StoryFactory,
    TargetFactory,
)
from tests.reflection.factories_plans import EffortFactory

NOT_STAFF = dict.fromkeys(["editor_a", "editor_b", "db_member", "sg_member", "outsider"], 403)
STAFF_POST_ONLY = POST_ONLY | NOT_STAFF


def _link(o):
    indicator = IndicatorFactory()
    link = EffortIndicator.objects.create(effort=EffortFactory(), indicator=indicator)
    return {"pk": indicator.pk, "link_pk": link.pk}


EXPECTED = {
    "indicator_list": (lambda o: {}, EVERYONE_LOGGED_IN),
    # A public indicator: everyone, also without logging in (see test_indicator_pages.py
    # for internal and partners indicators).
    "indicator_detail": (lambda o: {"pk": IndicatorFactory(visibility="public").pk}, EVERYONE),
    "indicator_create": (lambda o: {}, STAFF_ONLY),
    "indicator_edit": (lambda o: {"pk": IndicatorFactory().pk}, STAFF_ONLY),
    "indicator_measurements": (lambda o: {"pk": IndicatorFactory().pk}, STAFF_ONLY),
    "measurement_create": (lambda o: {"pk": IndicatorFactory().pk}, STAFF_ONLY),
    "measurement_edit": (lambda o: {"measurement_pk": MeasurementFactory().pk}, STAFF_ONLY),
    "measurement_delete": (
        lambda o: {"measurement_pk": MeasurementFactory().pk},
        STAFF_POST_ONLY,
    ),
    "target_set": (lambda o: {"pk": IndicatorFactory().pk}, STAFF_ONLY),
    "target_delete": (lambda o: {"target_pk": TargetFactory().pk}, STAFF_POST_ONLY),
    "story_create": (lambda o: {"pk": IndicatorFactory().pk}, STAFF_ONLY),
    "story_edit": (lambda o: {"story_pk": StoryFactory().pk}, STAFF_ONLY),
    "effort_link_add": (lambda o: {"pk": IndicatorFactory().pk}, STAFF_ONLY),
    "effort_link_remove": (_link, STAFF_POST_ONLY),
    "measurement_import": (lambda o: {}, STAFF_ONLY),
    # Rights first: staff get 404 for a batch that is not in their session, others 403.
    "measurement_import_preview": (
        lambda o: {"batch": "no-such-batch"},
        STAFF_ONLY | {"staff": 404},
    ),
    "measurement_export": (lambda o: {}, STAFF_ONLY),
}
