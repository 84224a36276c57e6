"""The stakeholder picture: where each partner stands in the movement, as staff judge it.

Every judgement is a dated entry of its own, so the history is kept: a new entry never
changes an older one. A partner's current stage is its newest entry by date (on the same
date, the one recorded last).
"""

import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from partners.models import Partner

# Nothing the programme knows of its partners goes back further; an earlier date is a typo.
EARLIEST = datetime.date(2000, 1, 1)


class Stage(models.TextChoices):
    """The stages agreed with the programme, from the first step to the furthest one."""

    AWARE = "aware", _("Aware")
    INVOLVED = "involved", _("Involved")
    COMMITTED = "committed", _("Committed")
    CARRYING = "carrying", _("Carries it into its own organisation")
    AMBASSADOR = "ambassador", _("Ambassador")


class StakeholderEntry(TimeStampedModel):
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="stakeholder_entries",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    recorded_on = models.DateField(
        _("date"),
        validators=[
            MinValueValidator(EARLIEST, message=_("Choose a date from 1 January 2000 on."))
        ],
    )
    working_on = models.CharField(_("working on"), max_length=300, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("stakeholder entry")
        verbose_name_plural = _("stakeholder entries")
        ordering = ["-recorded_on", "-id"]
        indexes = [
            models.Index(fields=["partner", "-recorded_on", "-id"], name="stakeholder_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(stage__in=Stage.values), name="stakeholder_stage_known"
            ),
            models.CheckConstraint(
                condition=Q(recorded_on__gte=EARLIEST), name="stakeholder_date_from_2000"
            ),
        ]

    def __str__(self):
        return f"{self.partner} · {self.get_stage_display()} · {self.recorded_on:%Y-%m-%d}"
