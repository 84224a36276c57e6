"""The budget of the programme organisation: one line per role per year."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from resources.models.funding import MONEY, NOT_NEGATIVE

FIRST_YEAR, LAST_YEAR = 2000, 2100


class BudgetLine(TimeStampedModel):
    class Role(models.TextChoices):
        PROGRAMME_LEADER = "programme_leader", _("Programme leader")
        PROGRAMME_STAFF = "programme_staff", _("Programme staff")
        COMMUNICATION = "communication", _("Communication")
        EXPERIENCE_EXPERTS = "experience_experts", _("Experience experts")
        OTHER = "other", _("Other")

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("For example: programme secretary and programme controller."),
    )
    amount = models.DecimalField(_("amount (€)"), validators=[NOT_NEGATIVE], **MONEY)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["-year", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "role"],
                name="budget_line_once_per_year",
                violation_error_message=_(
                    "This year already has a line for this role. Change that line."
                ),
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_line_not_negative"),
        ]

    def __str__(self):
        return f"{self.get_role_display()} {self.year}"
