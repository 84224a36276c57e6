from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from partners.models import Person


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
    """An aandachtspunt a session wants phase plan attention for, with its ingredients.

    Numbered per session across its sides (1, 2, 3, ... as the islands number them), so
    "Stuurgroep 2024 · 3" names one point; staff may renumber them, always without gaps.
    """

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
        ordering = ["session", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "number"], name="attention_point_number_once_per_session"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def citation(self) -> str:
        """How a phase plan cites the point, unambiguous across islands and years."""
        return f"{self.session} · {self.number}"


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
