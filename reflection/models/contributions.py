from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from reflection.models.sessions import AttentionPoint, ReflectionSession, Side


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
