"""Open mornings of the programme team: once a week the team works on location at a
partner, and people from the network can join ("mensen kunnen dan aanhaken").

The host rotates over the partners (movement.selectors.mornings proposes who is next);
anyone can say "I'll join" on the public page, with the double opt-in every public
sign-up shares (movement.models.signups). A morning has `capacity` places; who confirms
after that waits.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from movement.models.signups import Signup, once_per_address
from partners.models import Partner

EN_DASH = " \u2013 "
DEFAULT_START = datetime.time(9, 0)
DEFAULT_END = datetime.time(12, 30)
DEFAULT_CAPACITY = 15


class TeamMorning(TimeStampedModel):
    """One open morning of the programme team, at a host partner.

    One planned morning per date; a cancelled one stays (its people were told) and frees
    the date for a new one.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CANCELLED = "cancelled", pgettext_lazy("morning", "Cancelled")

    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("start time"), default=DEFAULT_START)
    ends_at = models.TimeField(_("end time"), default=DEFAULT_END)
    # PROTECT: who hosted is the rotation's memory; a partner that leaves is made inactive.
    host = models.ForeignKey(
        Partner,
        verbose_name=_("host"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_mornings",
    )
    place = models.CharField(
        _("address"),
        max_length=200,
        blank=True,
        help_text=_("Street, town and room, for example: Kerkstraat 1, Veendam, room 2."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        default=DEFAULT_CAPACITY,
        validators=[MinValueValidator(1, _("A morning has at least 1 place."))],
        help_text=_("How many people can join. Who signs up after that, waits."),
    )
    note = models.TextField(
        _("note for visitors"),
        max_length=2000,
        blank=True,
        help_text=_("Shown on the public page. For example: where to park."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("planned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("open morning")
        verbose_name_plural = _("open mornings")
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["date"],
                condition=Q(status="planned"),
                name="morning_one_per_date",
                violation_error_message=_("There is already a morning on this date."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="morning_ends_after_start",
                violation_error_message=_("The morning must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="morning_capacity_positive",
                violation_error_message=_("A morning has at least 1 place."),
            ),
            models.CheckConstraint(
                condition=Q(host__isnull=False) | ~Q(place=""),
                name="morning_has_a_location",
                violation_error_message=_("Choose a host or fill in an address."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "cancelled"]), name="morning_status_known"
            ),
        ]
        indexes = [models.Index(fields=["status", "date"], name="morning_status_date")]

    def __str__(self):
        return f"{gettext('Open morning')} {self.date:%Y-%m-%d}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The morning must end after it starts.")})
        if not self.host_id and not (self.place or "").strip():
            raise ValidationError({"place": _("Choose a host or fill in an address.")})

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.date < timezone.localdate()

    @property
    def takes_signups(self) -> bool:
        """Planned, and today or later: people can still say they join."""
        return self.status == self.Status.PLANNED and not self.is_past

    @property
    def title(self) -> str:
        """What pages and mails call this morning (with its date, so two never look alike)."""
        return gettext("Open morning of the programme team, %(date)s") % {
            "date": formats.date_format(self.date, "l j F Y")
        }

    @property
    def location(self) -> str:
        """The host and the address, as far as they are known."""
        return ", ".join(part for part in (self.host.name if self.host else "", self.place) if part)

    @property
    def times(self) -> str:
        return f"{self.starts_at:%H:%M}{EN_DASH}{self.ends_at:%H:%M}"

    def mail_facts(self) -> dict:
        """What a mail about a sign-up says of the morning (JSON: it is stored with the mail)."""
        return {
            "title": self.title,
            "place": self.location,
            "period": f"{formats.date_format(self.date, 'l j F Y')}, {self.times}",
        }


class MorningSignup(Signup):
    """Someone from the network who says "I'll join" a morning (movement.models.signups)."""

    offer_field = "morning"
    offer_end_lookup = "morning__date"
    confirm_url_name = "movement:morning_signup_confirm"
    withdraw_url_name = "movement:morning_signup_withdraw"
    list_url_name = "movement:morning_list"
    list_link_text = _("To the open mornings")

    morning = models.ForeignKey(
        TeamMorning,
        verbose_name=_("open morning"),
        on_delete=models.CASCADE,
        related_name="signups",
    )

    class Meta:
        verbose_name = _("sign-up for an open morning")
        verbose_name_plural = _("sign-ups for open mornings")
        ordering = ["morning", "confirmed_at", "pk"]
        constraints = [
            once_per_address("morning", "morning_signup_once_per_address"),
        ]
        indexes = [models.Index(fields=["morning", "status"], name="morning_signup_status")]
