from celery import shared_task

# --- pilots
from movement.services.pilots import pilot_signups_expire


@shared_task(acks_late=True, time_limit=300)
def expire_pilot_signups() -> int:
    """Daily: remove the pilot sign-ups left unconfirmed for 7 days, with their mails.
    Idempotent: a retry or a second run finds nothing more to remove."""
    return pilot_signups_expire()


# --- pilots end
# --- mornings
from movement.services.mornings import morning_signups_expire  # noqa: E402


@shared_task(acks_late=True, time_limit=300)
def expire_morning_signups() -> int:
    """Daily: remove the sign-ups for open mornings left unconfirmed for 7 days, with
    their mails. Idempotent: a retry or a second run finds nothing more to remove."""
    return morning_signups_expire()


# --- mornings end
