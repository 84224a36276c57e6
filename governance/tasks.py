"""Celery tasks of governance: thin wrappers around services, idempotent, retried."""

from celery import shared_task
from django.db import OperationalError

from governance.services import programme, reminders, reviews
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


@shared_task(name="governance.daily_reminders", acks_late=True, time_limit=300)
def daily_reminders() -> dict:
    """Once a day: the penvoerder's term ending soon (to staff) and decisions due for review
    (to their owners). Each mail has its own outbox key, so a rerun sends nothing twice."""
    return {
        "penvoerder_term": programme.role_term_end_remind(),
        "decision_reviews": reviews.decision_review_remind(),
    }
