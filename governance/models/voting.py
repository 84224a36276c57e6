"""Votes on proposed decisions and the decision list (the voting journey)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from governance.models.bodies import Body, Seat
from governance.models.memos import ProposedDecision
from governance.models.substitutes import Substitution


class Choice(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    ABSTAIN = "abstain", _("Abstain")
    # "Take note" decisions are acknowledged, not voted.
    ACKNOWLEDGED = "acknowledged", _("Noted")


class CastOnBehalf(models.Model):
    """A vote, or a step of its history, that a substitute may have cast for the seat."""

    substitution = models.ForeignKey(
        Substitution,
        verbose_name=_("cast by a substitute"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Set when a substitute cast it on behalf of the seat."),
    )

    class Meta:
        abstract = True

    @property
    def on_behalf(self) -> str:
        """Who cast it for whom when a substitute did: "X (substitute) on behalf of Y"."""
        return self.substitution.on_behalf_text() if self.substitution_id else ""


class Vote(CastOnBehalf):
    """A seat's current vote on one proposed decision: one per seat per decision.

    Changing a vote updates this row and adds a VoteRecord, so the history is kept.
    """

    Choice = Choice

    decision = models.ForeignKey(
        ProposedDecision,
        verbose_name=_("proposed decision"),
        on_delete=models.CASCADE,
        related_name="votes",
    )
    seat = models.ForeignKey(
        Seat, verbose_name=_("seat"), on_delete=models.PROTECT, related_name="votes"
    )
    choice = models.CharField(_("vote"), max_length=16, choices=Choice.choices)
    comment = models.TextField(_("comment"), blank=True)
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cast by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cast_at = models.DateTimeField(_("first cast at"), auto_now_add=True)
    changed_at = models.DateTimeField(_("last changed at"), auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["decision", "cast_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "seat"], name="vote_one_per_seat"),
            models.CheckConstraint(condition=Q(choice__in=Choice.values), name="vote_choice_valid"),
        ]

    def __str__(self):
        return f"{self.seat}: {self.get_choice_display()}"


class VoteRecord(CastOnBehalf):
    """Every cast and every change of a vote, in order: the history, never changed."""

    vote = models.ForeignKey(
        Vote, verbose_name=_("vote"), on_delete=models.CASCADE, related_name="records"
    )
    choice = models.CharField(_("vote"), max_length=16, choices=Choice.choices)
    comment = models.TextField(_("comment"), blank=True)
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cast by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cast_at = models.DateTimeField(_("cast at"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote record")
        verbose_name_plural = _("vote records")
        ordering = ["vote", "cast_at", "id"]

    def __str__(self):
        return f"{self.vote_id}: {self.choice} {self.cast_at:%Y-%m-%d %H:%M}"


class Decision(models.Model):
    """An entry of a body's decision list (*besluitenlijst*): numbered, immutable.

    Made when the voting closes, for each adopted or noted proposed decision, with a
    number per body and year: DB-2026-014.
    """

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="decision_list"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("number"), max_length=32, unique=True)
    proposed_decision = models.OneToOneField(
        ProposedDecision,
        verbose_name=_("proposed decision"),
        on_delete=models.PROTECT,
        related_name="listed",
    )
    decided_on = models.DateField(_("date"))
    result = models.CharField(_("result"), max_length=16, choices=ProposedDecision.Result.choices)
    text = models.TextField(_("decision"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decision list")
        ordering = ["body", "-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "sequence"], name="decision_number_unique"
            ),
        ]

    def __str__(self):
        return self.number
