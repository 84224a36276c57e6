from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from monitoring.models.experiences import Experience
from partners.models import Intervention, Partner


class Spotlight(TimeStampedModel):
    """Partner en acties uitgelicht: staff feature one partner, intervention or story for a
    while. A public spotlight of a story is shown only while the story itself may be public."""

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("why we feature it"), max_length=2000)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    intervention = models.ForeignKey(
        Intervention,
        verbose_name=_("intervention"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    experience = models.ForeignKey(
        Experience,
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="spotlights",
    )
    is_public = models.BooleanField(_("also on the public showcase"), default=False)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("spotlight")
        verbose_name_plural = _("spotlights")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(partner__isnull=False, intervention__isnull=True, experience__isnull=True)
                    | Q(partner__isnull=True, intervention__isnull=False, experience__isnull=True)
                    | Q(partner__isnull=True, intervention__isnull=True, experience__isnull=False)
                ),
                name="spotlight_features_one_thing",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="spotlight_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title
