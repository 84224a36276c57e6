"""Money linked to the efforts it pays for, and the SROI worksheet of an effort."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from reflection.models import Effort
from resources.models.budget import BudgetLine
from resources.models.funding import MONEY, NOT_NEGATIVE, FundingApplication

ONE_ORIGIN = _("Choose where the money comes from: an application or a budget line, not both.")

# An effort's page lists all of its rows: the services keep each list this short.
MAX_ROWS_PER_EFFORT = 50


class Allocation(TimeStampedModel):
    """Part of a granted application or of a budget line, spent on an effort for a period."""

    effort = models.ForeignKey(
        Effort, verbose_name=_("effort"), on_delete=models.CASCADE, related_name="allocations"
    )
    application = models.ForeignKey(
        FundingApplication,
        verbose_name=_("from the application"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    budget_line = models.ForeignKey(
        BudgetLine,
        verbose_name=_("from the budget line"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    amount = models.DecimalField(_("amount (€)"), validators=[NOT_NEGATIVE], **MONEY)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("money for an effort")
        verbose_name_plural = _("money for efforts")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="allocation_not_negative"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="allocation_period_valid"
            ),
            models.CheckConstraint(
                condition=Q(application__isnull=True, budget_line__isnull=False)
                | Q(application__isnull=False, budget_line__isnull=True),
                name="allocation_one_origin",
                violation_error_message=ONE_ORIGIN,
            ),
        ]

    def __str__(self):
        return f"{self.effort} ({self.amount})"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})


class SroiInput(TimeStampedModel):
    """An input of the SROI worksheet besides the money linked to the effort: hours,
    a room, a partner's own contribution, valued in euros."""

    effort = models.ForeignKey(
        Effort, verbose_name=_("effort"), on_delete=models.CASCADE, related_name="sroi_inputs"
    )
    description = models.CharField(_("description"), max_length=300)
    amount = models.DecimalField(_("value (€)"), validators=[NOT_NEGATIVE], **MONEY)
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("How you arrived at this value.")
    )

    class Meta:
        verbose_name = _("SROI input")
        verbose_name_plural = _("SROI inputs")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="sroi_input_not_negative"),
        ]

    def __str__(self):
        return self.description


class SroiOutcome(TimeStampedModel):
    """An outcome of the SROI worksheet: how much of something, valued per unit, and where
    that value comes from (an estimate needs its source)."""

    effort = models.ForeignKey(
        Effort, verbose_name=_("effort"), on_delete=models.CASCADE, related_name="sroi_outcomes"
    )
    description = models.CharField(_("outcome"), max_length=300)
    quantity = models.DecimalField(
        _("quantity"),
        validators=[MinValueValidator(0, message=_("A quantity cannot be negative."))],
        help_text=_("For example the number of families or of months."),
        **MONEY,
    )
    value_per_unit = models.DecimalField(
        _("value per unit (€)"), validators=[NOT_NEGATIVE], **MONEY
    )
    source = models.CharField(
        _("source of the value"),
        max_length=300,
        help_text=_("Where the value per unit comes from: a study, a price list, an estimate."),
    )

    class Meta:
        verbose_name = _("SROI outcome")
        verbose_name_plural = _("SROI outcomes")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=0, value_per_unit__gte=0),
                name="sroi_outcome_not_negative",
            ),
            models.CheckConstraint(condition=~Q(source=""), name="sroi_outcome_has_source"),
        ]

    def __str__(self):
        return self.description

    @property
    def value(self):
        return self.quantity * self.value_per_unit
