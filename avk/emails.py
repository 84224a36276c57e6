"""The one e-mail builder: three templates per mail, rendered in the recipient's language.

A mail named "invitation" has templates/emails/invitation/{subject.txt,body.txt,body.html}.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from avk.models import OutgoingMail

logger = logging.getLogger(__name__)


def mail_build(*, to: str, name: str, context: dict, language: str = "nl"):
    base = f"emails/{name}"
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{base}/subject.txt", context).split())
        text = render_to_string(f"{base}/body.txt", context)
        html = render_to_string(f"{base}/body.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    return message


def mail_send(*, to: str, name: str, context: dict, language: str = "nl") -> None:
    mail_build(to=to, name=name, context=context, language=language).send()


def mail_queue(*, key: str, to: str, name: str, context: dict, language: str = "nl"):
    """Queue one message under a unique key; the same key again is a no-op.

    `context` must be JSON-serialisable: it is stored and rendered when the mail is sent.
    Returns the new OutgoingMail, or None when this key was queued before.
    """
    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.create(
                key=key, to=to, template=name, context=context, language=language
            )
    except IntegrityError:
        return None
    from avk.tasks import mail_deliver  # tasks import this module

    transaction.on_commit(lambda: mail_deliver.delay(mail.pk))
    return mail


def mail_deliver(*, mail_id: int, max_attempts: int = 5) -> bool:
    """Send a queued mail once. The row is locked while sending, so a retry never doubles it."""
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update()
            .filter(pk=mail_id, status=OutgoingMail.Status.PENDING)
            .first()
        )
        if mail is None:
            return False
        mail.attempts += 1
        try:
            mail_send(to=mail.to, name=mail.template, context=mail.context, language=mail.language)
        except Exception as exc:
            logger.warning("Sending mail %s failed: %s", mail.pk, exc)
            mail.error = str(exc)[:2000]
            if mail.attempts >= max_attempts:
                mail.status = OutgoingMail.Status.FAILED
            mail.save(update_fields=["attempts", "error", "status"])
            if mail.status == OutgoingMail.Status.FAILED:
                return False
            raise
        mail.status = OutgoingMail.Status.SENT
        mail.sent_at = timezone.now()
        mail.error = ""
        mail.save(update_fields=["attempts", "error", "status", "sent_at"])
    return True
