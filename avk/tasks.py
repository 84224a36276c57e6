from celery import shared_task
from django.conf import settings
from django.db import OperationalError

from avk import digests, documents, emails


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=120,
    time_limit=150,
    autoretry_for=(OperationalError,),
    retry_backoff=5,
    max_retries=5,
)
def document_render(document_id: str) -> None:
    """Make one document's PDF. A worker killed half-way gives the message back (acks late)."""
    documents.document_render(document_id=document_id)


@shared_task(acks_late=True, time_limit=300)
def documents_purge() -> int:
    return documents.documents_purge(older_than_days=settings.AVK_DOCUMENT_RETENTION_DAYS)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=50,
    time_limit=60,
    max_retries=4,
)
def mail_deliver(self, mail_id: int) -> None:
    """Send one queued mail; on an SMTP error try again later (the row keeps count)."""
    try:
        emails.mail_deliver(mail_id=mail_id)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=_retry_countdown(self)) from exc


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=240,
    time_limit=300,
    max_retries=4,
)
def mail_deliver_batch(self, mail_ids: list[int]) -> int:
    """Send a chunk of queued mails over one SMTP connection; retry only the failed ones.

    Rows already sent (a duplicated or redelivered task) are skipped, never sent again.
    """
    try:
        result = emails.mail_deliver_batch(mail_ids=mail_ids)
    except Exception as exc:  # e.g. the SMTP server refuses the connection: all again later
        raise self.retry(exc=exc, countdown=_retry_countdown(self)) from exc
    if result.retry:
        raise self.retry(
            args=[result.retry],
            countdown=_retry_countdown(self),
            exc=RuntimeError(f"{len(result.retry)} mails failed, trying again"),
        )
    return len(result.sent)


def _retry_countdown(task) -> int:
    """Seconds before a mail task's next try: a minute more with each retry."""
    return 60 * (task.request.retries + 1)


@shared_task(acks_late=True, soft_time_limit=50, time_limit=60)
def mail_sweep() -> int:
    """Hand over pending mails the task queue never got or lost (beat, every minute)."""
    return emails.mail_sweep()


@shared_task(acks_late=True, soft_time_limit=50, time_limit=60)
def documents_sweep() -> dict:
    """Queue stale pending documents once more, then fail them with a reason (beat)."""
    return documents.documents_sweep()


@shared_task(acks_late=True, soft_time_limit=240, time_limit=300)
def notification_digests(mode: str) -> int:
    """Send the daily or weekly digests of held mails (beat); a rerun lists nothing twice."""
    return digests.digests_send(mode=mode)
