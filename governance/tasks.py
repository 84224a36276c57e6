"""Celery tasks of governance. Each concern keeps its tasks in its own module; they are
imported here so Celery's autodiscovery (which looks for `<app>.tasks`) registers them."""

from governance.tasks_reminders import reminder_digests  # noqa: F401
from governance.tasks_voting import voting_advance  # noqa: F401
