from celery import shared_task

from partners.services import reminders


@shared_task(acks_late=True, time_limit=300)
def commitment_renewal_reminders() -> int:
    return reminders.commitment_renewal_remind()


@shared_task(acks_late=True, time_limit=300)
def team_incomplete_reminders() -> int:
    return reminders.team_incomplete_remind()
