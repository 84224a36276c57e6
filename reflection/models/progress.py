from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from reflection.models.plans import Effort


class EffortUpdate(TimeStampedModel):
    """A progress update of an effort for one period (a quarter by default, see
    PhasePlan.progress_interval): one per period; writing again for the period changes it."""

    class Status(models.TextChoices):
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        BEHIND = "behind", _("Behind")
        DONE = "done", _("Done")

    effort = models.ForeignKey(
        Effort, verbose_name=_("effort"), on_delete=models.CASCADE, related_name="updates"
    )
    period_start = models.DateField(_("period"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    percent_done = models.PositiveSmallIntegerField(
        _("percentage done"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100, _("A percentage is at most 100."))],
    )
    narrative = models.TextField(_("what happened"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["effort", "-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["effort", "period_start"], name="effort_update_once"),
            models.CheckConstraint(
                condition=Q(percent_done__isnull=True) | Q(percent_done__lte=100),
                name="effort_update_percent_valid",
            ),
        ]

    def __str__(self):
        return f"{self.effort} · {self.period_start:%Y-%m}"
