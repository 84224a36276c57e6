from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from monitoring.models.indicators import Indicator, Visibility
from partners.models import Municipality, Partner, Person
from reflection.models import Effort


class Experience(TimeStampedModel):
    """An experience (ervaring) of someone the programme is for. Anonymous unless the teller
    asked to be named. Beyond staff it is shown only with a consent that covers the audience
    and after an experience expert approved it; see selectors/experiences.py."""

    class Review(models.TextChoices):
        WAITING = "waiting", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Sent back")

    title = models.CharField(_("title"), max_length=200)
    story = models.TextField(_("story"), max_length=5000)
    teller_name = models.CharField(
        _("name of the teller"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to keep the story anonymous."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiences",
    )
    effort = models.ForeignKey(
        Effort,
        verbose_name=_("effort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiences",
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiences",
    )
    review = models.CharField(
        _("review"), max_length=16, choices=Review.choices, default=Review.WAITING
    )
    review_note = models.CharField(_("note of the reviewer"), max_length=500, blank=True)
    reviewed_by = models.ForeignKey(
        Person,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_anonymous(self) -> bool:
        return not self.teller_name


class Consent(TimeStampedModel):
    """The teller's consent: who may read the story, from when until when. Withdrawing it
    hides the story at once; a new consent is a new row, so the history stays."""

    experience = models.ForeignKey(
        Experience, verbose_name=_("experience"), on_delete=models.CASCADE, related_name="consents"
    )
    scope = models.CharField(_("who may read it"), max_length=16, choices=Visibility.choices)
    given_on = models.DateField(_("given on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawal recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["experience", "-given_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("given_on")),
                name="consent_ends_after_given",
            ),
        ]

    def __str__(self):
        return f"{self.experience} · {self.get_scope_display()}"
