import math

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from partners.models import Partner, Person


def default_voting_roles():
    return ["chair", "member", "experience_expert"]


class Majority(models.TextChoices):
    # Abstentions count towards the quorum, not towards the majority.
    SIMPLE = "simple", _("A proposal is adopted when more people vote for than against.")
    TWO_THIRDS = (
        "two_thirds",
        _(
            "A proposal is adopted when at least two thirds of the votes are for "
            "(abstain does not count)."
        ),
    )


# The voting rules of a body, as staff change them (forms.bodies, services.bodies).
RULE_FIELDS = [
    "voting_roles",
    "quorum_count",
    "quorum_percent",
    "majority",
    "tally_before_vote",
    "substitutes_allowed",
]


class Body(TimeStampedModel):
    """A body of the alliance: executive board, steering group, councils."""

    Majority = Majority

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

    # --- voting rules -----------------------------------------------------------------
    voting_roles = models.JSONField(
        _("roles that may vote"),
        default=default_voting_roles,
        blank=True,
        help_text=_("People with these roles in the body may vote on its proposals."),
    )
    quorum_count = models.PositiveSmallIntegerField(
        _("minimum number of voters (quorum)"),
        null=True,
        blank=True,
        help_text=_("Fill in a number of people or a percentage, not both."),
    )
    quorum_percent = models.PositiveSmallIntegerField(
        _("minimum percentage of voters (quorum)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    majority = models.CharField(
        _("majority"), max_length=16, choices=Majority.choices, default=Majority.SIMPLE
    )
    tally_before_vote = models.BooleanField(
        _("show the tally before one has voted"),
        default=False,
        help_text=_("Off: members see the votes so far only after casting their own."),
    )
    substitutes_allowed = models.BooleanField(
        _("a seat may be represented by a substitute"),
        default=False,
        help_text=_(
            "On: a member who may vote can name a substitute for a period. "
            "The substitute then votes for that seat."
        ),
    )

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quorum_count__isnull=True) | Q(quorum_percent__isnull=True),
                name="body_one_quorum_rule",
            ),
            models.CheckConstraint(
                condition=Q(quorum_percent__isnull=True)
                | Q(quorum_percent__gte=1, quorum_percent__lte=100),
                name="body_quorum_percent_range",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.quorum_count is not None and self.quorum_percent is not None:
            raise ValidationError(
                _("Give the minimum number of voters as a number or as a percentage, not both.")
            )
        unknown = set(self.voting_roles or []) - set(Seat.Role.values)
        if unknown:
            raise ValidationError({"voting_roles": _("Unknown seat role.")})

    def quorum_for(self, voting_seats: int) -> int:
        """Votes needed for a valid vote, given the number of voting seats.

        Without a rule: more than half of the voting seats. Never less than one: where
        nobody may vote (all stepped aside), there is no decision.
        """
        if self.quorum_count is not None:
            return self.quorum_count
        if self.quorum_percent is not None:
            return max(1, math.ceil(voting_seats * self.quorum_percent / 100))
        return voting_seats // 2 + 1


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
    def is_voting(self) -> bool:
        """Whether the body lets this seat's role vote."""
        return self.role in (self.body.voting_roles or [])

    @property
    def is_experience_expert(self) -> bool:
        return self.role == self.Role.EXPERIENCE_EXPERT or self.person.is_experience_expert
