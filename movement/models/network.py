"""The network around the programme: the newsletter readers and the mailings to them.

A reader is an e-mail address with the consent to receive the alliance's mailings: when it
was given and where it came from (an imported list, or a sign-up whose person asked for the
newsletter). Unsubscribing takes effect at once and is kept: the address stays, without a
name, so a later import or mailing can never add it back; only the person themselves can,
by asking for the newsletter again.

A mailing is written by staff and sent once to every subscribed reader through the outbox
(avk.emails), one row per reader under the key `mailing:<mailing>:reader:<reader>`, so a
reader never gets the same mailing twice. A mailing may call for a pilot: its link carries
the mailing, so the sign-ups it brought in are counted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from movement.models.pilots import Pilot


class Reader(TimeStampedModel):
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=200)
    consented_on = models.DateField(_("consent given on"))
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter reader")
        verbose_name_plural = _("newsletter readers")
        ordering = ["email"]
        indexes = [
            models.Index(
                fields=["id"], condition=Q(unsubscribed_at__isnull=True), name="reader_subscribed"
            )
        ]

    def __str__(self):
        # No personal data: this is what the audit trail keeps of the row.
        return f"reader #{self.pk}"

    @property
    def subscribed(self) -> bool:
        return self.unsubscribed_at is None


class Mailing(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")

    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(
        _("text"),
        max_length=10000,
        help_text=_("Plain text. An empty line starts a new paragraph."),
    )
    pilot = models.ForeignKey(
        Pilot,
        verbose_name=_("pilot to sign up for"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mailings",
        help_text=_("Optional: the mail then ends with a button to sign up for this pilot."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    queued_at = models.DateTimeField(_("every mail queued at"), null=True, blank=True)
    # How many readers it was queued for: fixed once every mail is queued.
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject

    @property
    def key_prefix(self) -> str:
        return f"mailing:{self.pk}:"

    def mail_key(self, reader_id: int) -> str:
        return f"{self.key_prefix}reader:{reader_id}"
