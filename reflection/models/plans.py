from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from partners.models import Partner, Person
from reflection.models.sessions import AttentionPoint


class PhasePlan(TimeStampedModel):
    """A faseplan: goals and efforts for the next phase. An adopted plan is never edited;
    a change makes a new version that succeeds it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Succeeded by a newer version")

    number = models.PositiveSmallIntegerField(_("number"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    goals = models.TextField(_("goals"), blank=True, max_length=10000)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(
        _("adopted by"), max_length=200, blank=True, help_text=_("For example: the steering group.")
    )
    adopted_decision = models.ForeignKey(
        "governance.Decision",
        verbose_name=_("adopted by decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The numbered decision of the body that adopted the plan."),
    )
    progress_interval = models.PositiveSmallIntegerField(
        _("progress update every"),
        choices=[
            (1, _("month")),
            (3, _("quarter")),
            (6, _("half year")),
            (12, _("year")),
        ],
        default=3,
        help_text=_("How often the owner of an effort writes how it is going."),
    )
    predecessor = models.OneToOneField(
        "self",
        verbose_name=_("previous version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="successor",
    )

    class Meta:
        verbose_name = _("phase plan")
        verbose_name_plural = _("phase plans")
        ordering = ["-number", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["number", "version"], name="phase_plan_version_once"),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="phase_plan_period_valid",
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Effort(TimeStampedModel):
    """An inspanning of a phase plan, traced to the attention points it answers."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        STOPPED = "stopped", _("Stopped")

    plan = models.ForeignKey(PhasePlan, on_delete=models.CASCADE, related_name="efforts")
    title = models.CharField(_("effort"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="efforts",
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners involved"), related_name="efforts", blank=True
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    attention_points = models.ManyToManyField(
        AttentionPoint, verbose_name=_("answers"), related_name="efforts", blank=True
    )

    class Meta:
        verbose_name = _("effort")
        verbose_name_plural = _("efforts")
        ordering = ["plan", "order", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="effort_end_after_start"
            ),
        ]

    def __str__(self):
        return self.title
