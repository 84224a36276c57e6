from celery import shared_task

# --- pilots
from movement.services.pilots import pilot_signups_expire


@shared_task(acks_late=True, time_limit=300)
def expire_pilot_signups() -> int:
    """Daily: remove the pilot sign-ups left unconfirmed for 7 days, with their mails.
    Idempotent: a retry or a second run finds nothing more to remove."""
    return pilot_signups_expire()


# --- pilots end
# --- network
from movement.services.mailings import mailing_queue, mailings_resume  # noqa: E402


@shared_task(acks_late=True, time_limit=600)
def queue_mailing(mailing_id: int) -> int:
    """Queue a mailing's mails for every subscribed reader (once each; idempotent)."""
    return mailing_queue(mailing_id=mailing_id)


@shared_task(acks_late=True, time_limit=300)
def resume_mailings() -> int:
    """Every ten minutes: ask again for mailings whose queuing task was lost."""
    return mailings_resume()


# --- network end
