"""The beat task of the voting: open the votings whose time has come, close those past
their deadline. Idempotent: each memo is locked and checked again, so a retried or
doubled run changes nothing more."""

from celery import shared_task
from django.db import OperationalError

from governance import services_voting


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
    opened = services_voting.voting_open_due()
    closed = services_voting.voting_close_due()
    return {"opened": opened, "closed": closed}
