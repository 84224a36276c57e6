"""Funding sources and the applications for their money (the lobby)."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel

# Euros with cents; fourteen digits hold any budget of the region.
MONEY = {"max_digits": 14, "decimal_places": 2}
NOT_NEGATIVE = MinValueValidator(0, message=_("An amount cannot be negative."))


class FundingSource(TimeStampedModel):
    """Where money can come from: NPG, Regiodeal, IVF, a municipal budget, or another fund."""

    class Kind(models.TextChoices):
        # NPG, Regiodeal and IVF are names; they stay as they are in every language.
        NPG = "npg", "NPG"
        REGIODEAL = "regiodeal", "Regiodeal"
        IVF = "ivf", "IVF"
        MUNICIPAL = "municipal", _("Municipal budget")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class FundingApplication(TimeStampedModel):
    """An application for money from a source: what was asked, what was granted, when."""

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        PREPARING = "preparing", _("In preparation")
        SUBMITTED = "submitted", _("Submitted")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    source = models.ForeignKey(
        FundingSource,
        verbose_name=_("funding source"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    title = models.CharField(_("title"), max_length=200)
    amount_asked = models.DecimalField(_("amount asked (€)"), validators=[NOT_NEGATIVE], **MONEY)
    amount_granted = models.DecimalField(
        _("amount granted (€)"),
        null=True,
        blank=True,
        validators=[NOT_NEGATIVE],
        help_text=_("Only when the application is granted; never more than asked."),
        **MONEY,
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.IDEA
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    decision_expected_on = models.DateField(_("decision expected on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    owner = models.CharField(
        _("contact person"), max_length=200, blank=True, help_text=_("Who keeps this application.")
    )
    note = models.TextField(_("note"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")
        ordering = ["source__name", "-submitted_on", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_asked__gte=0), name="application_asked_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(amount_granted__isnull=True)
                | Q(amount_granted__gte=0, amount_granted__lte=F("amount_asked"), status="granted"),
                name="application_granted_valid",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True)
                | Q(submitted_on__isnull=True)
                | Q(decided_on__gte=F("submitted_on")),
                name="application_decided_after_submitted",
            ),
            models.CheckConstraint(
                condition=Q(decision_expected_on__isnull=True)
                | Q(submitted_on__isnull=True)
                | Q(decision_expected_on__gte=F("submitted_on")),
                name="application_expected_after_submitted",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.amount_granted is not None:
            if self.status != self.Status.GRANTED:
                errors["amount_granted"] = _(
                    "Fill in the amount granted only when the status is “granted”."
                )
            elif self.amount_asked is not None and self.amount_granted > self.amount_asked:
                errors["amount_granted"] = _("The amount granted cannot be more than asked.")
        if self.submitted_on:
            if self.decided_on and self.decided_on < self.submitted_on:
                errors["decided_on"] = _("The decision cannot be before the submission date.")
            if self.decision_expected_on and self.decision_expected_on < self.submitted_on:
                errors["decision_expected_on"] = _(
                    "The decision cannot be expected before the submission date."
                )
        if errors:
            raise ValidationError(errors)
