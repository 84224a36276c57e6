"""The WSGI application (gunicorn avk.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "avk.settings")
application = get_wsgi_application()


def freeze_loaded_code() -> int:
    """Load every view through the URL conf, then take every object alive now out of the
    garbage collector's reach: Django, the apps and their modules live as long as the
    process. Otherwise a full collection walks some 150,000 objects in the middle of a
    request (about 100 ms, measured on the voting page). Returns how many are frozen."""
    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


freeze_loaded_code()
