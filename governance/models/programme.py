"""The programme organisation (memo of 19 June 2023): the roles beside the bodies, each
filled for a term. The opdrachtgever is the *penvoerder*, a partner that rotates; the other
roles are filled by a person.

Effort leads: the owners of the phase plan's efforts live in reflection, which governance
may not import. So an effort lead here is a role filled by a person, named after the effort
("Inspanning 2: schulden"); the phase plan keeps its own owners.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from partners.models import Partner, Person


class ProgrammeRole(models.TextChoices):
    PENVOERDER = "penvoerder", _("Commissioning partner (penvoerder)")
    MANAGER = "manager", _("Programme manager")
    SECRETARY = "secretary", _("Programme secretary")
    CONTROLLER = "controller", _("Programme controller")
    COMMUNICATION = "communication", _("Communication lead")
    EFFORT_LEAD = "effort_lead", _("Effort lead")


class RoleTermQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(term_end__isnull=True) | Q(term_end__gte=on), term_start__lte=on)


class RoleTerm(TimeStampedModel):
    """Who fills a programme role from `term_start` to `term_end` (open when empty).

    The penvoerder is a partner; every other role a person. Terms of one role (for effort
    leads: of one effort) never overlap; the service checks that under a lock.
    """

    Role = ProgrammeRole

    role = models.CharField(_("role"), max_length=24, choices=ProgrammeRole.choices)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programme_roles",
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programme_roles",
    )
    effort = models.CharField(
        _("effort"),
        max_length=200,
        blank=True,
        help_text=_("Only for an effort lead: the name of the effort."),
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"), null=True, blank=True)

    objects = RoleTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme role")
        verbose_name_plural = _("programme roles")
        ordering = ["role", "effort", "-term_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=models.F("term_start")),
                name="role_term_end_after_start",
            ),
            models.CheckConstraint(
                condition=(
                    Q(role="penvoerder", partner__isnull=False, person__isnull=True)
                    | (~Q(role="penvoerder") & Q(person__isnull=False, partner__isnull=True))
                ),
                name="role_term_holder_fits_role",
            ),
            models.CheckConstraint(
                condition=Q(role="effort_lead") | Q(effort=""),
                name="role_term_effort_only_for_leads",
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.holder_name}"

    @property
    def holder_name(self) -> str:
        holder = self.partner if self.role == ProgrammeRole.PENVOERDER else self.person
        return holder.name if holder else ""
