from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel

CBS_MUNICIPALITY_CODE = RegexValidator(
    r"^GM[0-9]{4}$", _("A CBS municipality code is GM followed by 4 digits, such as GM0114.")
)


class Municipality(models.Model):
    """A municipality in the alliance's region (where partners are based and work), keyed on
    its CBS code (GM + 4 digits). A municipality that merged into another keeps its row: its
    successor and the year the merger took effect say where its series goes on."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    province = models.CharField(_("province"), max_length=50, blank=True)
    cbs_code = models.CharField(
        _("CBS code"),
        max_length=6,
        unique=True,
        null=True,
        blank=True,
        validators=[CBS_MUNICIPALITY_CODE],
        help_text=_("GM followed by 4 digits, as CBS publishes it, such as GM0114 for Emmen."),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    merged_in = models.PositiveSmallIntegerField(
        _("merged in"),
        null=True,
        blank=True,
        help_text=_("The year from which the successor exists (the merger of 1 January)."),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(successor__isnull=True) | models.Q(merged_in__isnull=False),
                name="municipality_merger_has_year",
            ),
        ]

    def __str__(self):
        return self.name


class Partner(TimeStampedModel):
    """An organisation in the alliance."""

    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("Municipality")
        ZORG = "zorg", _("Care")
        WELZIJN = "welzijn", _("Welfare")
        ONDERWIJS = "onderwijs", _("Education")
        WONEN = "wonen", _("Housing")
        SCHULDHULP = "schuldhulp", _("Debt help")
        OVERIG = "overig", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
    )
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    contact_person = models.ForeignKey(
        "partners.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_for",
    )
    # Bumped on every change of the AVK team or delegation: two editors saving at once
    # are told instead of overwriting each other.
    team_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="partner_name_unique_ci"),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=[
                        "gemeente",
                        "zorg",
                        "welzijn",
                        "onderwijs",
                        "wonen",
                        "schuldhulp",
                        "overig",
                    ]
                ),
                name="partner_kind_valid",
            ),
        ]

    def __str__(self):
        return self.name


class Person(TimeStampedModel):
    """Someone who takes part in the alliance, with or without a login."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_experience_expert = models.BooleanField(
        _("experience expert"),
        default=False,
        help_text=_("Has lived experience of poverty (ervaringsdeskundige)."),
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="person_email_unique_ci"
            ),
        ]

    def __str__(self):
        return self.name


class PartnerMembership(TimeStampedModel):
    """A login that belongs to a partner; editors may keep the partner's data up to date."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="partner_memberships",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="memberships"
    )
    is_editor = models.BooleanField(_("editor"), default=False)

    class Meta:
        verbose_name = _("partner membership")
        verbose_name_plural = _("partner memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "partner"], name="membership_unique"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.partner}"


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(TimeStampedModel):
    """Staff invite a person by e-mail; the link lets them set a password once."""

    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=200)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    is_editor = models.BooleanField(_("editor of the partner"), default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Only a hash of the token is stored: a leaked database does not leak working links.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_expired(self) -> bool:
        return self.accepted_at is None and self.expires_at <= timezone.now()

    @property
    def status_label(self):
        if self.accepted_at:
            return _("Accepted")
        if self.is_expired:
            return _("Expired")
        return _("Open")
