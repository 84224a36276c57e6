from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel


class Intervention(TimeStampedModel):
    """What a partner runs: knowing who does what, where and with whom."""

    class TargetGroup(models.TextChoices):
        CHILDREN = "kinderen", _("Children")
        YOUNG_PEOPLE = "jongeren", _("Young people")
        ADULTS = "volwassenen", _("Adults")
        FAMILIES = "gezinnen", _("Families")
        PROFESSIONALS = "professionals", _("Professionals")
        EVERYONE = "iedereen", _("Everyone")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="interventions",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    target_group = models.CharField(_("target group"), max_length=16, choices=TargetGroup.choices)
    municipalities = models.ManyToManyField(
        "partners.Municipality",
        verbose_name=_("municipalities"),
        related_name="interventions",
        blank=True,
    )
    collaborators = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("working with"),
        related_name="collaborations",
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RUNNING
    )
    contact = models.ForeignKey(
        "partners.Person",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A good example that staff put in the public showcase (etalage).
    is_published = models.BooleanField(_("shown in the public showcase"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["title"]

    def __str__(self):
        return self.title
