"""Conflicts of interest: a seat-holder steps aside on one proposed decision."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from governance.models.bodies import Seat
from governance.models.memos import ProposedDecision
from governance.models.substitutes import Substitution

REASON_MAX = 500


class ConflictOfInterest(models.Model):
    """A seat's declared personal interest in one proposed decision: the seat does not
    vote on it, and its quorum is counted over the other voting seats.

    Declared by the seat-holder, or recorded by staff when it was said at a meeting
    (`recorded_by` is then the staff member). While the voting is open it can be
    withdrawn (the row goes; the audit trail keeps both steps).
    """

    REASON_MAX = REASON_MAX

    decision = models.ForeignKey(
        ProposedDecision,
        verbose_name=_("proposed decision"),
        on_delete=models.CASCADE,
        related_name="conflicts",
    )
    seat = models.ForeignKey(
        Seat, verbose_name=_("seat"), on_delete=models.PROTECT, related_name="conflicts"
    )
    reason = models.CharField(_("reason"), max_length=REASON_MAX)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    substitution = models.ForeignKey(
        Substitution,
        verbose_name=_("declared by a substitute"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["decision", "declared_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "seat"], name="conflict_one_per_seat"),
            models.CheckConstraint(condition=~Q(reason=""), name="conflict_reason_given"),
        ]

    def __str__(self):
        return f"{self.seat}: {self.decision_id}"

    @property
    def on_behalf(self) -> bool:
        """Recorded by someone else than the seat-holder or their substitute (staff, after a
        meeting)."""
        return (
            self.substitution_id is None
            and self.recorded_by_id is not None
            and self.recorded_by_id != self.seat.person.user_id
        )
