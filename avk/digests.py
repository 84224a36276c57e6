"""The daily and weekly digests of the notification preferences.

A mail whose kind the recipient set to "daily digest" or "weekly digest" is queued as a
HELD outbox row (avk.emails). Beat runs `digests_send(mode=...)` once a day (07:00) and
once a week (Monday 07:00): per person, one mail listing the subject and link of every
held row of that mode, in the person's language, with a one-click unsubscribe for the
kinds it lists. The held rows become BUNDLED in the same transaction as the digest row
is written (key `notification-digest:<mode>:<user>:<day or ISO week>`), so a retried task
or a second run lists nothing twice; rows held after a run wait for the next one.
"""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from avk import notifications
from avk.emails import UNSUBSCRIBE, mail_queue_many
from avk.models import OutgoingMail, User

TEMPLATE = "notification_digest"


def _period(mode: str, today) -> str:
    if mode == notifications.Mode.DAILY:
        return today.isoformat()
    year, week, _day = today.isocalendar()
    return f"{year}-W{week:02d}"


def _item(row: OutgoingMail) -> dict:
    """What a digest lists of one held mail: its subject and the link it leads to."""
    context = {"site_url": settings.SITE_URL, **row.context}
    with translation.override(row.language):
        subject = render_to_string(f"emails/{row.template}/subject.txt", context)
    link = context.get("link") or settings.SITE_URL + "/"
    return {"subject": " ".join(subject.split()), "link": link}


def digests_send(*, mode: str, now=None) -> int:
    """Send one digest per person with mails held for `mode`; returns how many."""
    if mode not in notifications.HELD_MODES:
        raise ValueError(f"not a digest mode: {mode!r}")
    now = now or timezone.now()
    period = _period(mode, timezone.localdate(now))
    with transaction.atomic():
        rows = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(status=OutgoingMail.Status.HELD, digest=mode, user__isnull=False)
            .order_by("user_id", "created_at", "pk")
        )
        by_user = defaultdict(list)
        for row in rows:
            by_user[row.user_id].append(row)
        users = User.objects.filter(pk__in=by_user, is_active=True).exclude(email="")
        key_of = {user.pk: f"notification-digest:{mode}:{user.pk}:{period}" for user in users}
        # Someone whose digest of this period went out already: their rows wait for the next.
        done = set(
            OutgoingMail.objects.filter(key__in=key_of.values()).values_list("key", flat=True)
        )
        messages, bundled = [], []
        for user in users:
            if key_of[user.pk] in done:
                continue
            held = by_user[user.pk]
            messages.append(
                {
                    "key": key_of[user.pk],
                    "to": user.email,
                    "name": TEMPLATE,
                    "language": user.language or settings.LANGUAGE_CODE,
                    "context": {
                        "name": user.full_name or user.email,
                        "daily": mode == notifications.Mode.DAILY,
                        "items": [_item(row) for row in held],
                        UNSUBSCRIBE: notifications.unsubscribe_url(
                            user.pk, sorted({row.kind for row in held})
                        ),
                    },
                }
            )
            bundled.extend(row.pk for row in held)
        queued = mail_queue_many(messages)
        OutgoingMail.objects.filter(pk__in=bundled).update(
            status=OutgoingMail.Status.BUNDLED, sent_at=now
        )
    return queued
