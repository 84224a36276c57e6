"""The review of an adopted decision: the "check" of plan-do-check-act.

Staff give an adopted decision a review date and an owner; the owner is reminded; the review
is recorded with its outcome. The decision list itself never changes: the review is a row
of its own, and a decision may be reviewed again later (one open review at a time).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from governance.models.voting import Decision
from partners.models import Person


class DecisionReview(TimeStampedModel):
    class Outcome(models.TextChoices):
        KEPT = "kept", _("Kept: the decision stays as it is")
        CHANGED = "changed", _("Changed by a new decision")
        ENDED = "ended", _("Ended: the decision no longer applies")

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="reviews"
    )
    review_on = models.DateField(_("review date"))
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="decision_reviews",
        help_text=_("This person checks the decision and gets a reminder."),
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    note = models.TextField(_("what the check found"), max_length=1000, blank=True)
    new_decision = models.ForeignKey(
        Decision,
        verbose_name=_("new decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaces_by_review",
    )
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("decision review")
        verbose_name_plural = _("decision reviews")
        ordering = ["review_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision"], condition=Q(outcome=""), name="review_one_open_per_decision"
            ),
            models.CheckConstraint(
                condition=~Q(outcome="changed") | Q(new_decision__isnull=False),
                name="review_changed_names_new_decision",
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(reviewed_on__isnull=False),
                name="review_outcome_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.decision} ({self.review_on:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return not self.outcome
