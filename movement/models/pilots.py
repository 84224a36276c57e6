from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from movement.models.signups import Signup, once_per_address
from reflection.models import Effort

EN_DASH = " \u2013 "


class Pilot(TimeStampedModel):
    """A pilot "visie vorming en vertaling in actie" that people from the network can join.

    Staff publish it; while it is open anyone can sign up on its public page. `capacity`
    places are filled first come, first served by confirmed sign-ups; the rest wait.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for sign-ups")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it is"), max_length=5000)
    place = models.CharField(_("where"), max_length=200)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    capacity = models.PositiveIntegerField(
        _("places"),
        validators=[MinValueValidator(1, _("A pilot has at least 1 place."))],
        help_text=_("How many people can take part. Who signs up after that, waits."),
    )
    effort = models.ForeignKey(
        Effort,
        verbose_name=_("effort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilots",
        help_text=_("The effort of a phase plan this pilot belongs to (optional)."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="pilot_period_in_order",
                violation_error_message=_("The end of the period cannot be before its start."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="pilot_capacity_positive",
                violation_error_message=_("A pilot has at least 1 place."),
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_on"], name="pilot_status_start")]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The end of the period cannot be before its start.")}
            )

    @property
    def takes_signups(self) -> bool:
        return self.status == self.Status.OPEN

    def mail_facts(self) -> dict:
        """What a mail about a sign-up says of the pilot (JSON: it is stored with the mail)."""
        return {
            "title": self.title,
            "place": self.place,
            "period": f"{formats.date_format(self.starts_on, 'j F Y')}{EN_DASH}"
            f"{formats.date_format(self.ends_on, 'j F Y')}",
        }


class PilotSignup(Signup):
    """Someone from the network who wants to join a pilot (see movement.models.signups)."""

    offer_field = "pilot"
    offer_end_lookup = "pilot__ends_on"
    confirm_url_name = "movement:pilot_signup_confirm"
    withdraw_url_name = "movement:pilot_signup_withdraw"
    list_url_name = "movement:pilot_list"
    list_link_text = _("To the pilots")

    pilot = models.ForeignKey(
        Pilot, verbose_name=_("pilot"), on_delete=models.CASCADE, related_name="signups"
    )
    # The mailing whose link the person followed (to count what a mailing brought in).
    mailing = models.ForeignKey(
        "movement.Mailing",
        verbose_name=_("came through the mailing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilot_signups",
    )

    class Meta:
        verbose_name = _("sign-up for a pilot")
        verbose_name_plural = _("sign-ups for pilots")
        ordering = ["pilot", "confirmed_at", "pk"]
        constraints = [
            once_per_address("pilot", "pilot_signup_once_per_address"),
        ]
        indexes = [models.Index(fields=["pilot", "status"], name="pilot_signup_status")]
