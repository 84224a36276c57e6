"""Mailings to the newsletter readers: written as a draft, sent once, counted.

Sending is two steps. Staff press send: the mailing becomes "being sent" and a task is asked
to queue it. The task (`mailing_queue`) walks the subscribed readers in chunks; per chunk it
locks their rows and queues one outbox row per reader in the same transaction
(avk.emails.mail_queue_many, which hands them to the worker in batches over one SMTP
connection each). Every row's key names the mailing and the reader, so running the task
again (a retry, or beat's `mailings_resume` after a lost task) never queues a second mail
for anyone. When every chunk is done the mailing is "sent".
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avk.audit import audit_group, audit_record, diff
from avk.emails import UNSUBSCRIBE, mail_queue_many
from avk.links import absolute_reverse
from avk.models import OutgoingMail
from avk.queue import enqueue
from movement.models import Mailing, Reader
from movement.services.readers import unsubscribe_url

TEMPLATE = "mailing"
CHUNK = 500
# A mailing still "being sent" this long after it started lost its task: beat resumes it.
RESUME_AFTER = datetime.timedelta(minutes=10)
FIELDS = ("subject", "body", "pilot")


def _audit(mailing, action, actor, changes=None):
    audit_record(
        actor=actor,
        instance=mailing,
        action=action,
        changes=changes or {},
        group=audit_group("mailing", mailing.pk),
    )


def mailing_save(*, actor, mailing: Mailing | None = None, **values) -> Mailing:
    """Create a draft, or change one. A mailing that is (being) sent never changes."""
    with transaction.atomic():
        if mailing is None:
            mailing = Mailing(created_by=actor)
            changes = {field: ["", str(values[field] or "")] for field in FIELDS}
        else:
            mailing = Mailing.objects.select_for_update().get(pk=mailing.pk)
            if mailing.status != Mailing.Status.DRAFT:
                raise ValidationError(_("This mailing has been sent: it can no longer change."))
            changes = diff(mailing, list(FIELDS), values)
        for field in FIELDS:
            setattr(mailing, field, values[field])
        mailing.full_clean()
        created = mailing.pk is None
        mailing.save()
        if created or changes:
            _audit(mailing, "mailing.created" if created else "mailing.changed", actor, changes)
    return mailing


def mailing_send(*, mailing: Mailing, actor, now=None) -> Mailing:
    """Start sending a draft to every subscribed reader (once; see the module)."""
    now = now or timezone.now()
    with transaction.atomic():
        mailing = Mailing.objects.select_for_update().get(pk=mailing.pk)
        if mailing.status != Mailing.Status.DRAFT:
            raise ValidationError(_("This mailing has been sent already."))
        if mailing.pilot_id and not mailing.pilot.takes_signups:
            raise ValidationError(
                _(
                    "The pilot of this mailing does not take sign-ups. Open it first, or "
                    "choose another pilot."
                )
            )
        mailing.status = Mailing.Status.SENDING
        mailing.started_at = now
        mailing.sent_by = actor
        mailing.save(update_fields=["status", "started_at", "sent_by", "updated_at"])
        _audit(mailing, "mailing.sent", actor, {"status": ["draft", "sending"]})
        pk = mailing.pk
        transaction.on_commit(lambda: _ask_worker(pk))
    return mailing


def _ask_worker(mailing_id: int) -> bool:
    from movement.tasks import queue_mailing  # the tasks import this module

    return enqueue(lambda: queue_mailing.delay(mailing_id), what=f"mailing {mailing_id}")


def mail_context(mailing: Mailing) -> dict:
    """What every reader's mail of `mailing` says (JSON: it is stored with each mail)."""
    paragraphs = [" ".join(p.split()) for p in mailing.body.replace("\r", "").split("\n\n")]
    context = {"subject": mailing.subject, "paragraphs": [p for p in paragraphs if p]}
    if mailing.pilot_id:
        context["pilot"] = {
            "title": mailing.pilot.title,
            "link": absolute_reverse("movement:pilot_detail", mailing.pilot_id)
            + f"?via={mailing.pk}",
        }
    return context


def mailing_queue(*, mailing_id: int, chunk: int = CHUNK, now=None) -> int:
    """Queue the mails of a mailing that is being sent, chunk by chunk (see the module).
    Idempotent. Returns how many new mails were queued."""
    mailing = Mailing.objects.select_related("pilot").filter(pk=mailing_id).first()
    if mailing is None or mailing.status != Mailing.Status.SENDING:
        return 0
    base = mail_context(mailing)
    last, queued = 0, 0
    while True:
        with transaction.atomic():
            readers = list(
                Reader.objects.select_for_update()
                .filter(unsubscribed_at__isnull=True, pk__gt=last)
                .order_by("pk")
                .values_list("pk", "email", "name")[:chunk]
            )
            if not readers:
                break
            queued += mail_queue_many(
                {
                    "key": mailing.mail_key(pk),
                    "to": email,
                    "name": TEMPLATE,
                    "context": {**base, "name": name, UNSUBSCRIBE: unsubscribe_url(pk)},
                }
                for pk, email, name in readers
            )
            last = readers[-1][0]
    with transaction.atomic():
        locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
        if locked.status == Mailing.Status.SENDING:
            locked.status = Mailing.Status.SENT
            locked.queued_at = now or timezone.now()
            locked.recipients = OutgoingMail.objects.filter(
                key__startswith=locked.key_prefix
            ).count()
            locked.save(update_fields=["status", "queued_at", "recipients", "updated_at"])
    return queued


def mailings_resume(*, now=None) -> int:
    """Beat's safety net: ask the worker again for mailings whose task was lost (the
    broker was down when staff pressed send, or the worker stopped halfway)."""
    now = now or timezone.now()
    stuck = list(
        Mailing.objects.filter(
            status=Mailing.Status.SENDING, started_at__lte=now - RESUME_AFTER
        ).values_list("pk", flat=True)
    )
    return sum(_ask_worker(pk) for pk in stuck)
