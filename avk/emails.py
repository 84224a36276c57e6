"""The one e-mail builder: three templates per mail, rendered in the recipient's language.

A mail named "invitation" has templates/emails/invitation/{subject.txt,body.txt,body.html}.
"""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from avk.models import OutgoingMail
from avk.queue import enqueue

logger = logging.getLogger(__name__)


# The context key listing what to blank once a mail is sent (see mail_queue).
FORGET = "_forget_after_sending"
# The one-click unsubscribe link of a mail governed by a notification preference: shown
# in its footer (as `unsubscribe_link`) and sent in the RFC 8058 headers.
UNSUBSCRIBE = "_unsubscribe"
# Files sent with the mail: a list of [filename, text content, MIME type].
ATTACHMENTS = "_attachments"


def mail_build(*, to: str, name: str, context: dict, language: str = "nl"):
    base = f"emails/{name}"
    unsubscribe = context.get(UNSUBSCRIBE, "")
    context = {
        "site_url": settings.SITE_URL,
        **context,
        "unsubscribe_link": unsubscribe,
        "preferences_link": settings.SITE_URL + reverse("notification_settings"),
    }
    with translation.override(language):
        subject = " ".join(render_to_string(f"{base}/subject.txt", context).split())
        text = render_to_string(f"{base}/body.txt", context)
        html = render_to_string(f"{base}/body.html", context)
    headers = {}
    if unsubscribe:
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to], headers=headers)
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in context.get(ATTACHMENTS, []):
        message.attach(filename, content, mimetype)
    return message


def _preference(user_id: int | None, kind: str, mode: str | None = None) -> dict | None:
    """The row fields of a mail of `kind` to `user_id` under their preference `mode`:
    None when they switched the kind off; held for a digest, or pending (at once)."""
    from avk import notifications  # notifications imports the models this module uses

    if not kind or user_id is None:
        return {}
    if mode is None:
        mode = notifications.modes_for([user_id], kind).get(user_id, notifications.Mode.NOW)
    if mode == notifications.Mode.OFF:
        return None
    fields = {"user_id": user_id, "kind": kind}
    if mode in notifications.HELD_MODES:
        fields |= {"status": OutgoingMail.Status.HELD, "digest": mode}
    return fields


def _with_unsubscribe(context: dict, user_id: int | None, kind: str) -> dict:
    from avk import notifications

    if not kind or user_id is None:
        return context
    return {**context, UNSUBSCRIBE: notifications.unsubscribe_url(user_id, [kind])}


def mail_send(*, to: str, name: str, context: dict, language: str = "nl", connection=None) -> None:
    message = mail_build(to=to, name=name, context=context, language=language)
    if connection is not None:
        message.connection = connection
    message.send()


def mail_queue(
    *,
    key: str,
    to: str,
    name: str,
    context: dict,
    language: str = "nl",
    forget_after_sending: tuple[str, ...] = (),
    user_id: int | None = None,
    kind: str = "",
):
    """Queue one message under a unique key; the same key again is a no-op.

    With a `kind` (avk.notifications) and the recipient's `user_id`, the recipient's
    preference decides: off queues nothing, a digest keeps the row HELD for it, and the
    mail carries a one-click unsubscribe link for that kind.
    `context` must be JSON-serialisable: it is stored and rendered when the mail is sent.
    The context keys in `forget_after_sending` (e.g. a link holding a secret token) are
    blanked on the row once the mail is sent, so the secret does not outlive its mail.
    The row is the promise to send: after the commit a task is asked to send it now, and
    if the task queue cannot be reached the sweep sends it later. Returns the new
    OutgoingMail, or None when this key was queued before.
    """
    fields = _preference(user_id, kind)
    if fields is None:
        return None
    context = _with_unsubscribe(context, user_id, kind)
    try:
        with transaction.atomic():
            if forget_after_sending:
                context = {**context, FORGET: list(forget_after_sending)}
            mail = OutgoingMail.objects.create(
                key=key, to=to, template=name, context=context, language=language, **fields
            )
    except IntegrityError:
        return None
    if mail.status == OutgoingMail.Status.PENDING:
        transaction.on_commit(lambda: _hand_over([mail.pk]))
    return mail


def _hand_over(ids: list[int], *, batch_size: int = 1) -> int:
    """Ask the worker to send the mails `ids` now: one task per `batch_size` rows.

    A chunk the broker does not take stays pending for the sweep; the other chunks are
    still handed over. Returns how many rows the broker took.
    """
    from avk.tasks import mail_deliver, mail_deliver_batch  # tasks import this module

    handed = 0
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        if len(chunk) == 1:
            taken = enqueue(lambda pk=chunk[0]: mail_deliver.delay(pk), what=f"mail {chunk[0]}")
        else:
            taken = enqueue(
                lambda chunk=chunk: mail_deliver_batch.delay(chunk), what=f"{len(chunk)} mails"
            )
        if taken:
            OutgoingMail.objects.filter(pk__in=chunk, status=OutgoingMail.Status.PENDING).update(
                queued_at=timezone.now()
            )
            handed += len(chunk)
    return handed


def mail_deliver(*, mail_id: int, max_attempts: int = 5) -> bool:
    """Send a queued mail once. The row is locked while sending, so a retry never doubles it.

    Returns True when sent, False when it was sent before or is given up; any other failure
    is raised for the task to retry.
    """
    with transaction.atomic():
        mail = _lock_pending(mail_id)
        if mail is None:
            return False
        error = _deliver_row(mail, max_attempts=max_attempts)
    # Raised after the commit, so the attempt and its error stay recorded on the row.
    if error is None:
        return True
    if mail.status == OutgoingMail.Status.FAILED:
        return False
    raise error


def _lock_pending(mail_id: int, *, skip_locked: bool = False) -> OutgoingMail | None:
    """The pending row `mail_id`, locked for this transaction; None once sent or given up."""
    return (
        OutgoingMail.objects.select_for_update(skip_locked=skip_locked)
        .filter(pk=mail_id, status=OutgoingMail.Status.PENDING)
        .first()
    )


def _deliver_row(mail: OutgoingMail, *, max_attempts: int, connection=None) -> Exception | None:
    """Count an attempt on the locked `mail`, send it and record the outcome on the row.

    Returns None when sent, or the error; after `max_attempts` failed attempts the row is
    marked failed, so nothing tries it again.
    """
    mail.attempts += 1
    try:
        mail_send(
            to=mail.to,
            name=mail.template,
            context=mail.context,
            language=mail.language,
            connection=connection,
        )
    except Exception as exc:
        logger.warning("Sending mail %s failed: %s", mail.pk, exc)
        mail.error = str(exc)[:2000]
        mail.queued_at = timezone.now()  # the task retries it: the sweep need not yet
        if mail.attempts >= max_attempts:
            mail.status = OutgoingMail.Status.FAILED
        mail.save(update_fields=["attempts", "error", "status", "queued_at"])
        return exc
    mail.status = OutgoingMail.Status.SENT
    mail.sent_at = timezone.now()
    mail.error = ""
    for secret in mail.context.pop(FORGET, []):
        mail.context[secret] = ""
    mail.save(update_fields=["attempts", "error", "status", "sent_at", "context"])
    return None


# --- many mails at once: one row each, one task per chunk, one SMTP connection per chunk --

BATCH_SIZE = 100
_LOOKUP_CHUNK = 1000


def mail_queue_many(messages: Iterable[dict], *, batch_size: int = BATCH_SIZE) -> int:
    """Queue many messages at once; keys queued before are skipped (never a second row).

    Each message is a dict with `key`, `to`, `name`, `context` and optionally `language`,
    `user_id` and `kind`, as the arguments of `mail_queue` (the preferences are read in
    one query per kind). The rows are bulk-inserted (conflicts on the unique
    key ignored) and, after the commit, one `mail_deliver_batch` task per `batch_size`
    new rows sends them over one SMTP connection. Returns the number of new rows.
    """
    messages = list(messages)
    if not messages:
        return 0
    keys = [m["key"] for m in messages]
    existing: set[str] = set()
    for start in range(0, len(keys), _LOOKUP_CHUNK):
        existing.update(
            OutgoingMail.objects.filter(key__in=keys[start : start + _LOOKUP_CHUNK]).values_list(
                "key", flat=True
            )
        )
    modes = _modes_of(messages)
    # One timestamp for this call: it tells our rows from any a concurrent call inserted.
    stamp = timezone.now()
    rows, seen = [], set(existing)
    for m in messages:
        if m["key"] in seen:
            continue
        seen.add(m["key"])
        user_id, kind = m.get("user_id"), m.get("kind", "")
        fields = _preference(user_id, kind, modes.get((kind, user_id), "now"))
        if fields is None:
            continue
        rows.append(
            OutgoingMail(
                key=m["key"],
                to=m["to"],
                template=m["name"],
                context=_with_unsubscribe(m["context"], user_id, kind),
                language=m.get("language") or "nl",
                created_at=stamp,
                **fields,
            )
        )
    if not rows:
        return 0
    OutgoingMail.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    new_keys = [row.key for row in rows]
    ids: list[int] = []
    for start in range(0, len(new_keys), _LOOKUP_CHUNK):
        ids.extend(
            OutgoingMail.objects.filter(
                key__in=new_keys[start : start + _LOOKUP_CHUNK],
                created_at=stamp,
                status=OutgoingMail.Status.PENDING,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    ids.sort()
    transaction.on_commit(lambda: _hand_over(ids, batch_size=batch_size))
    held = sum(row.status == OutgoingMail.Status.HELD for row in rows)
    return len(ids) + held


def _modes_of(messages: list[dict]) -> dict[tuple[str, int], str]:
    """(kind, user pk) -> mode for the governed messages: one query per kind."""
    from avk import notifications

    wanted: dict[str, set[int]] = {}
    for m in messages:
        if m.get("kind") and m.get("user_id") is not None:
            wanted.setdefault(m["kind"], set()).add(m["user_id"])
    modes = {}
    for kind, user_ids in wanted.items():
        for user_id, mode in notifications.modes_for(user_ids, kind).items():
            modes[(kind, user_id)] = mode
    return modes


@dataclass
class BatchResult:
    sent: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)  # failed, attempts left
    failed: list[int] = field(default_factory=list)  # failed for good
    skipped: list[int] = field(default_factory=list)  # sent before, or locked by another run


def mail_deliver_batch(*, mail_ids: list[int], max_attempts: int = 5) -> BatchResult:
    """Send the pending mails among `mail_ids` over one SMTP connection, each at most once.

    Each row is locked (skipping rows another worker holds) and re-read while sending, so a
    retried or duplicated batch never sends a mail twice. A failing row is recorded (and
    given up after `max_attempts`) without stopping the others; the connection is opened
    afresh after a failure.
    """
    result = BatchResult()
    connection = None
    try:
        for mail_id in mail_ids:
            if connection is None:
                connection = get_connection()
                connection.open()
            with transaction.atomic():
                mail = _lock_pending(mail_id, skip_locked=True)
                if mail is None:
                    result.skipped.append(mail_id)
                    continue
                error = _deliver_row(mail, max_attempts=max_attempts, connection=connection)
            if error is None:
                result.sent.append(mail.pk)
                continue
            if mail.status == OutgoingMail.Status.FAILED:
                result.failed.append(mail.pk)
            else:
                result.retry.append(mail.pk)
            _close_quietly(connection)
            connection = None
    finally:
        if connection is not None:
            _close_quietly(connection)
    return result


def mail_sweep(*, now=None, limit: int = 5000) -> int:
    """Hand over again what is pending but not on its way: the outbox's safety net.

    Picks pending rows never handed to the task queue (its broker was down at the
    commit) once they are older than AVK_MAIL_SWEEP_GRACE_SECONDS, and rows handed over
    longer ago than AVK_MAIL_LOST_AFTER_SECONDS (the task was lost, e.g. Redis restarted
    empty). Sending locks each row and checks it is still pending, so a mail that is on
    its way after all is never sent twice. Returns how many rows the broker took.
    """
    now = now or timezone.now()
    grace = datetime.timedelta(seconds=settings.AVK_MAIL_SWEEP_GRACE_SECONDS)
    lost = datetime.timedelta(seconds=settings.AVK_MAIL_LOST_AFTER_SECONDS)
    ids = list(
        OutgoingMail.objects.filter(status=OutgoingMail.Status.PENDING)
        .filter(
            Q(queued_at__isnull=True, created_at__lte=now - grace) | Q(queued_at__lte=now - lost)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    return _hand_over(ids, batch_size=BATCH_SIZE) if ids else 0


def _close_quietly(connection) -> None:
    try:
        connection.close()
    except Exception as exc:  # a broken connection may fail to close; nothing to save
        logger.info("Closing the mail connection failed: %s", exc)
