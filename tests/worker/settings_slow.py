"""The portal's settings plus a slow test document kind, for a worker a test will kill."""

from avk.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.worker.slow_kind"]  # noqa: F405
