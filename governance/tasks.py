"""Celery tasks of governance: thin wrappers around services, idempotent, retried."""

from celery import shared_task
from django.db import OperationalError

from governance.services import reminders
from governance.services.decisions import voting_close_due
from governance.services.voting import voting_open_due


@shared_task(
    name="governance.voting_advance",
    acks_late=True,
    soft_time_limit=50,
    time_limit=60,
    autoretry_for=(OperationalError,),
    retry_backoff=5,
    max_retries=3,
)
def voting_advance() -> dict:
    """Open due votings, then close past-deadline ones (a memo whose whole window passed
    while beat was down is opened and closed in the same run)."""
    opened = voting_open_due()
    closed = voting_close_due()
    return {"opened": opened, "closed": closed}


@shared_task(name="governance.reminder_digests", acks_late=True, time_limit=300)
def reminder_digests() -> int:
    """Queue today's digests; a retry or a second run the same day queues nothing new."""
    return reminders.reminder_digests_send()
