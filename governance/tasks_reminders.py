"""The daily reminder digest task (beat: `governance-reminder-digests`, 08:00)."""

from celery import shared_task

from governance import reminders


@shared_task(name="governance.reminder_digests", acks_late=True, time_limit=600)
def reminder_digests() -> int:
    """Queue today's digests; a retry or a second run the same day queues nothing new."""
    return reminders.reminder_digests_send()
