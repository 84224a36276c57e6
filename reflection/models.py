from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from partners.models import Partner, Person


class Side(models.TextChoices):
    """The three sides of the lemniscate model."""

    HET = "het", _("IT: the work (plans, rhythm, results)")
    WIJ = "wij", _("WE: working together")
    IK = "ik", _("I: urgency and motivation")


class ReflectionSession(TimeStampedModel):
    """One Eiland van reflectie: a level of the programme reflecting on a year."""

    class Level(models.TextChoices):
        PROGRAMMATEAM = "programmateam", _("Programme team")
        MANAGERS = "managers", _("Managers")
        STUURGROEP = "stuurgroep", _("Steering group")
        OTHER = "other", _("Another group")

    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    group_name = models.CharField(
        _("name of the group"), max_length=100, blank=True, help_text=_("Only for another group.")
    )
    date = models.DateField(_("date"))
    facilitator = models.CharField(_("facilitator"), max_length=200, blank=True)
    participants = models.ManyToManyField(
        Person, verbose_name=_("participants"), related_name="reflection_sessions", blank=True
    )
    introduction = models.TextField(_("introduction"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("reflection session")
        verbose_name_plural = _("reflection sessions")
        ordering = ["-year", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "level", "group_name"], name="reflection_session_once"
            ),
            models.CheckConstraint(
                condition=~Q(level="other") | ~Q(group_name=""),
                name="reflection_other_group_named",
            ),
        ]

    def __str__(self):
        return f"{self.label} {self.year}"

    @property
    def label(self) -> str:
        return self.group_name if self.level == self.Level.OTHER else self.get_level_display()


class SessionSide(models.Model):
    """What one side of the lemniscate brought up in a session."""

    session = models.ForeignKey(ReflectionSession, on_delete=models.CASCADE, related_name="sides")
    side = models.CharField(_("side"), max_length=3, choices=Side.choices)
    observations = models.TextField(_("what goes well"), blank=True, max_length=5000)
    other_points = models.TextField(
        _("other points raised"), blank=True, max_length=5000, help_text=_("One per line.")
    )
    summary = models.TextField(_("summary"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("side")
        verbose_name_plural = _("sides")
        constraints = [
            models.UniqueConstraint(fields=["session", "side"], name="session_side_once"),
        ]

    def __str__(self):
        return f"{self.session}: {self.get_side_display()}"

    @property
    def other_point_items(self) -> list[str]:
        return [line.strip() for line in self.other_points.splitlines() if line.strip()]


class AttentionPoint(TimeStampedModel):
    """An aandachtspunt a session wants phase plan attention for, with its ingredients."""

    session = models.ForeignKey(
        ReflectionSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attention_points",
    )
    side = models.CharField(_("side"), max_length=3, choices=Side.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("attention point"), max_length=300)
    description = models.TextField(_("explanation"), blank=True, max_length=5000)
    # Recognised across levels (e.g. the managers recognised the programme team's point).
    related = models.ManyToManyField(
        "self", verbose_name=_("recognised in"), symmetrical=True, blank=True
    )

    class Meta:
        verbose_name = _("attention point")
        verbose_name_plural = _("attention points")
        ordering = ["session", "side", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "side", "number"], name="attention_point_number_once"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Ingredient(models.Model):
    """A concrete action that goes with an attention point."""

    attention_point = models.ForeignKey(
        AttentionPoint, on_delete=models.CASCADE, related_name="ingredients"
    )
    text = models.CharField(_("ingredient"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("ingredient")
        verbose_name_plural = _("ingredients")
        ordering = ["attention_point", "order", "id"]

    def __str__(self):
        return self.text


class Contribution(TimeStampedModel):
    """A participant's answer, before the session, to the question of one side."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        USED = "used", _("Used")
        SET_ASIDE = "set_aside", _("Set aside")

    session = models.ForeignKey(
        ReflectionSession, on_delete=models.CASCADE, related_name="contributions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="reflection_contributions",
    )
    side = models.CharField(_("side"), max_length=3, choices=Side.choices)
    text = models.TextField(_("your answer"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW
    )
    attention_point = models.ForeignKey(
        AttentionPoint,
        verbose_name=_("turned into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["session", "side", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "author", "side"], name="contribution_once_per_side"
            ),
        ]

    def __str__(self):
        return f"{self.author}: {self.get_side_display()} ({self.session})"


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
