"""Substitutes (plaatsvervangers): a person who votes for a seat during a period."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from governance.models.bodies import Seat
from partners.models import Person


class SubstitutionQuerySet(models.QuerySet):
    def on(self, day):
        """The substitutions whose period holds `day` (both ends included), in a body whose
        rules let a seat be represented."""
        return self.filter(
            starts_on__lte=day, ends_on__gte=day, seat__body__substitutes_allowed=True
        )


class Substitution(models.Model):
    """A seat-holder's substitute for a period: from `starts_on` to `ends_on`, both days
    included, the substitute votes for the seat and the seat-holder does not.

    Named by the seat-holder, or by staff for them (`named_by`). Periods of one seat
    never overlap (governance.services.substitutes checks under a lock on the seat).
    """

    seat = models.ForeignKey(
        Seat, verbose_name=_("seat"), on_delete=models.PROTECT, related_name="substitutions"
    )
    substitute = models.ForeignKey(
        Person,
        verbose_name=_("substitute"),
        on_delete=models.PROTECT,
        related_name="substitutions",
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("named by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SubstitutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("substitute")
        verbose_name_plural = _("substitutes")
        ordering = ["seat", "starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="substitution_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.substitute} → {self.seat} ({self.starts_on} - {self.ends_on})"

    def on_behalf_text(self) -> str:
        """ "Sanne (plaatsvervanger) namens Joost": who acts for whom (substitute and the
        seat's person loaded by the caller)."""
        return _("%(substitute)s (substitute) on behalf of %(holder)s") % {
            "substitute": self.substitute.name,
            "holder": self.seat.person.name,
        }
