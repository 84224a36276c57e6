"""Demo newsletter readers and the call for pilots (memo of 2 June 2025): “We vragen via een
mail aan alle nieuwsbrief lezers (4000) wie er mee wil doen.”

4,000 readers from the alliance's newsletter list (made up, @example.org), a few of whom
unsubscribed; the call for the Cosis pilot, sent two weeks ago to every subscribed reader
(its outbox rows are history: marked sent, never sent again); the demo sign-ups of that
pilot came in through it.

Idempotent: readers are found by address, the mailing by its subject, its mails by key.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from avk.models import OutgoingMail
from movement.models import Mailing, Pilot, Reader
from movement.services.mailings import TEMPLATE, mail_context

READERS = 4000
UNSUBSCRIBED_EVERY = 160  # 25 of the 4,000 left the list
SUBJECT = "Oproep: doe mee met de pilots visie vorming en vertaling in actie"
BODY = (
    "Beste lezer,\n\n"
    "De Alliantie van Kracht tegen Armoede start pilots “visie vorming en vertaling in actie”. "
    "Met een paar partners op logische plekken geven we samen handen en voeten aan de visie: "
    "wat betekenen effectiviteit en maatwerk in de praktijk?\n\n"
    "We zoeken mensen die mee willen doen. Het programmateam begeleidt de pilots.\n\n"
    "Doe je mee? Meld je aan via de knop hieronder."
)
PILOT_TITLE = "Visie vorming en vertaling in actie — Cosis"


def build() -> Mailing | None:
    """The readers, and the call for pilots with its sent mails (after the pilots demo)."""
    now = timezone.now()
    first_consent = datetime.date(2021, 3, 1)
    Reader.objects.bulk_create(
        [
            Reader(
                email=f"lezer{i:04d}@example.org",
                name=f"Lezer {i:04d}",
                source="Nieuwsbrieflijst AVK (import)",
                consented_on=first_consent + datetime.timedelta(days=(i * 7) % 1500),
                unsubscribed_at=now if i % UNSUBSCRIBED_EVERY == 0 else None,
            )
            for i in range(1, READERS + 1)
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    Reader.objects.filter(unsubscribed_at__isnull=False).update(name="")
    pilot = Pilot.objects.filter(title=PILOT_TITLE).first()
    if pilot is None:
        return None
    sent_at = now - datetime.timedelta(days=14)
    staff = get_user_model().objects.filter(email="programmaleider@avk.example").first()
    mailing, _created = Mailing.objects.update_or_create(
        subject=SUBJECT,
        defaults={
            "body": BODY,
            "created_by": staff,
            "sent_by": staff,
            "pilot": pilot,
            "status": Mailing.Status.SENT,
            "started_at": sent_at,
            "queued_at": sent_at,
        },
    )
    context = mail_context(mailing)
    readers = Reader.objects.filter(unsubscribed_at__isnull=True).values_list("pk", "email", "name")
    OutgoingMail.objects.bulk_create(
        [
            OutgoingMail(
                key=mailing.mail_key(pk),
                to=email,
                template=TEMPLATE,
                # History: the unsubscribe link was in the mail; it is not kept with the row.
                context={**context, "name": name},
                status=OutgoingMail.Status.SENT,
                attempts=1,
                created_at=sent_at,
                queued_at=sent_at,
                sent_at=sent_at,
            )
            for pk, email, name in readers
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    mailing.recipients = OutgoingMail.objects.filter(key__startswith=mailing.key_prefix).count()
    mailing.save(update_fields=["recipients"])
    # The demo's sign-ups for this pilot answered the call.
    pilot.signups.filter(mailing__isnull=True).update(mailing=mailing)
    return mailing
