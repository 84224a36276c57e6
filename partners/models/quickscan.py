from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel


class QuickScanCriterion(TimeStampedModel):
    """One question of the quick scan "AVK-proof" (the RUG preconditions)."""

    text = models.CharField(_("criterion"), max_length=300)
    explanation = models.TextField(_("explanation"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("quick scan criterion")
        verbose_name_plural = _("quick scan criteria")
        ordering = ["order", "id"]

    def __str__(self):
        return self.text


class QuickScan(TimeStampedModel):
    """A partner's quick scan of one year."""

    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="quick_scans",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    score = models.PositiveSmallIntegerField(_("criteria met"), default=0)
    total = models.PositiveSmallIntegerField(_("criteria"), default=0)
    filled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filled in by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("quick scan")
        verbose_name_plural = _("quick scans")
        ordering = ["-year", "partner__name"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "year"], name="quick_scan_once_a_year"),
            models.CheckConstraint(
                condition=models.Q(score__lte=models.F("total")), name="quick_scan_score_le_total"
            ),
        ]

    def __str__(self):
        return f"{self.partner} {self.year}: {self.score}/{self.total}"

    @property
    def percentage(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0


class QuickScanAnswer(models.Model):
    scan = models.ForeignKey(QuickScan, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(
        QuickScanCriterion, on_delete=models.PROTECT, related_name="answers"
    )
    met = models.BooleanField(_("met"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scan", "criterion"], name="quick_scan_answer_once"),
        ]

    def __str__(self):
        return f"{self.criterion}: {'yes' if self.met else 'no'}"
