"""What every public sign-up shares (a pilot's, an open morning's, a course's).

A sign-up is a person from the network, not a login: their name, e-mail address and a few
details, their explicit consent to be contacted, and where they stand. It counts only once
the address is confirmed (double opt-in). The concrete model adds the foreign key to what
the person signs up for (`offer_field`, related name `signups`) and the names of its two
public links; movement.services.signups holds the rules (capacity, wait list, withdraw).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from partners.models import Municipality


class SignupStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Not confirmed yet")
    REGISTERED = "registered", _("Registered")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("On the waiting list")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The statuses that take one of the places of the offer's capacity.
PLACE_HOLDING = (SignupStatus.REGISTERED, SignupStatus.ACCEPTED)

# What the person typed in: deleted when they withdraw, and when the offer ended longer ago
# than the retention period (movement.services.signups). The row stays, with its status.
PERSONAL_FIELDS = {
    "name": "",
    "email": "",
    "organisation": "",
    "municipality": None,
    "municipality_text": "",
    "motivation": "",
    "token_hash": None,  # and with it every link of theirs
}


def once_per_address(offer_field: str, name: str) -> models.UniqueConstraint:
    """One confirmed sign-up per address per offer: a second confirmation is refused.
    Sign-ups whose data was deleted (an empty address) are not one address."""
    return models.UniqueConstraint(
        fields=[offer_field, "email"],
        condition=~Q(status__in=[SignupStatus.UNCONFIRMED, SignupStatus.WITHDRAWN]) & ~Q(email=""),
        name=name,
    )


class Signup(TimeStampedModel):
    """The abstract base of a public sign-up. `created_at` is when the form was sent."""

    Status = SignupStatus

    # Set by the concrete model: the foreign key to the offer (whose related name is
    # `signups` and which has a `capacity`), the lookup of the day the offer ended, the URL
    # names of its public links, and the list those pages lead back to.
    offer_field = ""
    offer_end_lookup = ""
    confirm_url_name = ""
    withdraw_url_name = ""
    # Where the pages of its links lead back to: the public list of its offers.
    list_url_name = ""
    list_link_text = ""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    municipality_text = models.CharField(_("other municipality"), max_length=100, blank=True)
    motivation = models.TextField(_("motivation"), max_length=2000, blank=True)
    consented_at = models.DateTimeField(_("consent to be contacted given at"))
    # The person also asked for the newsletter: confirming makes them a reader
    # (movement.models.network).
    joins_network = models.BooleanField(_("wants the newsletter"), default=False)
    # The SHA-256 of the secret in the confirmation link; cleared when the person withdraws,
    # so no link of theirs works afterwards.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=SignupStatus.choices, default=SignupStatus.UNCONFIRMED
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # The place on the waiting list: the earliest first.
    queued_at = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    decided_at = models.DateTimeField(_("status changed at"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        # No personal data: this is what the audit trail keeps of the row.
        return f"{getattr(self, self.offer_field)} · #{self.pk}"

    @property
    def offer(self):
        return getattr(self, self.offer_field)

    @property
    def offer_id(self):
        return getattr(self, f"{self.offer_field}_id")

    @property
    def holds_place(self) -> bool:
        return self.status in PLACE_HOLDING

    @property
    def is_forgotten(self) -> bool:
        """Its personal data was deleted (the retention period ended): nobody to mail."""
        return not self.email and self.status != SignupStatus.WITHDRAWN

    @property
    def municipality_name(self) -> str:
        return self.municipality.name if self.municipality_id else self.municipality_text
