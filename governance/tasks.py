"""Celery tasks of governance: thin wrappers around services, idempotent, retried."""

from celery import shared_task
from django.db import OperationalError

from governance.services import programme, reminders, reviews
from governance.services.decisions import voting_close_due
from governance.services.voting import voting_open_due
from governance.services.voting_mail import voters_notify as voters_notify_service
from governance.services.voting_mail import voters_notify_missed


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
    # The safety net of the opening mail: openings whose task never reached the queue.
    missed = voters_notify_missed()
    return {"opened": opened, "closed": closed, "opening_mails_caught_up": missed}


@shared_task(
    name="governance.voters_notify",
    acks_late=True,
    soft_time_limit=240,
    time_limit=300,
    autoretry_for=(OperationalError,),
    retry_backoff=5,
    max_retries=3,
)
def voters_notify(memo_id: int) -> int:
    """Mail the voters of a memo that its voting is open; a retry or rerun mails no one twice."""
    return voters_notify_service(memo_id=memo_id)


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
