from django.db import models
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel


class TeamRole(models.TextChoices):
    BESTUURDER = "bestuurder", _("Director")
    MANAGER = "manager", _("Manager")
    UITVOERING = "uitvoering", _("Practitioner")


class DelegationLevel(models.TextChoices):
    BESTUURLIJK = "bestuurlijk", _("Board level")
    MANAGER = "manager", _("Manager level")
    UITVOERING = "uitvoering", _("Practice level")


class TeamMember(TimeStampedModel):
    """A person in a partner's internal AVK team."""

    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="team_members",
    )
    person = models.ForeignKey(
        "partners.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="team_memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=TeamRole.choices)

    class Meta:
        verbose_name = _("AVK team member")
        verbose_name_plural = _("AVK team members")
        ordering = ["partner", "role", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "person"], name="team_member_once"),
            models.CheckConstraint(
                condition=models.Q(role__in=TeamRole.values), name="team_role_valid"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}, {self.partner})"


class Delegate(TimeStampedModel):
    """Who comes for a partner to the quarterly delegation meetings, one per level."""

    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="delegates",
    )
    person = models.ForeignKey(
        "partners.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("level"), max_length=16, choices=DelegationLevel.choices)

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        ordering = ["partner", "level"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "level"], name="delegate_one_per_level"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_level_display()}, {self.partner})"
