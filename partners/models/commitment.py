from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel


class Package(TimeStampedModel):
    """A covenant package: A (the highest, with a seat in the steering group), B or C."""

    code = models.CharField(_("code"), max_length=1, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    checklist = models.TextField(
        _("commitments"), blank=True, help_text=_("What a partner commits to: one per line.")
    )
    steering_group_seat = models.BooleanField(_("seat in the steering group"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("package")
        verbose_name_plural = _("packages")
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]$"), name="package_code_letter"),
        ]

    def __str__(self):
        return f"{self.code}: {self.name}" if self.name else self.code

    @property
    def checklist_items(self) -> list[str]:
        return [line.strip() for line in self.checklist.splitlines() if line.strip()]


class Commitment(models.Model):
    """One entry in a partner's commitment history. Entries are never changed, only added.

    A *recorded* entry is in effect from its start date (`partners.selectors.commitment`
    says which one is current at a date); a *proposed* one waits for the programme staff,
    who accept (it is recorded) or decline it.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        # Recorded, not "current": an entry dated ahead is recorded but not yet in force.
        IN_EFFECT = "in_effect", _("Recorded")
        DECLINED = "declined", _("Declined")

    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    package = models.ForeignKey(
        Package, verbose_name=_("package"), on_delete=models.PROTECT, related_name="+"
    )
    previous_package = models.ForeignKey(
        Package,
        verbose_name=_("previous package"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"), null=True, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_by = models.CharField(_("signed by"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["partner", "status", "period_start"], name="commitment_on_date_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_end__gte=models.F("period_start")),
                name="commitment_period_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["proposed", "in_effect", "declined"]),
                name="commitment_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.partner}: {self.package.code} ({self.get_status_display()})"
