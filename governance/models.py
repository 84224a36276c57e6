from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from partners.models import Partner, Person


class Body(TimeStampedModel):
    """A body of the alliance: executive board, steering group, councils."""

    class Kind(models.TextChoices):
        DB = "db", _("Executive board (Dagelijks Bestuur)")
        STUURGROEP = "stuurgroep", _("Steering group")
        PROGRAMMATEAM = "programmateam", _("Programme team")
        LEDENRAAD = "ledenraad", _("Members' council")
        ED_MEDEZEGGENSCHAP = "ed_medezeggenschap", _("Experience experts' participation council")
        RAAD_VAN_TOEZICHT = "raad_van_toezicht", _("Supervisory board")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=12, unique=True, help_text=_("For example DB.")
    )
    mandate = models.TextField(_("mandate"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class SeatQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(term_end__isnull=True) | Q(term_end__gte=on), term_start__lte=on)


class Seat(TimeStampedModel):
    """A person's place in a body for a term."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary")
        EXPERIENCE_EXPERT = "experience_expert", _("Experience expert")
        ADVISER = "adviser", _("Adviser")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="seats"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="seats"
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("representing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="seats",
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"), null=True, blank=True)

    objects = SeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["body", "role", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=models.F("term_start")),
                name="seat_term_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person} - {self.get_role_display()} ({self.body.short_name})"

    @property
    def is_experience_expert(self) -> bool:
        return self.role == self.Role.EXPERIENCE_EXPERT or self.person.is_experience_expert
