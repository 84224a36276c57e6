"""The WSGI application loads the whole portal once and keeps it out of the garbage
collector's full collections."""

import gc
import sys

from avk import wsgi


def test_the_application_freezes_the_loaded_portal_with_its_views():
    try:
        frozen = wsgi.freeze_loaded_code()
        assert "governance.views.voting" in sys.modules
        assert "monitoring.views" in sys.modules or any(
            name.startswith("monitoring.views.") for name in sys.modules
        )
        assert frozen > 10_000
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
