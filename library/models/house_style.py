"""A partner's own house style: their logo and colour, for the onboarding kit."""

from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel

HEX_COLOUR = RegexValidator(
    r"\A#[0-9A-Fa-f]{6}\Z",
    _("Enter the colour as # and six characters 0-9 or A-F, for example #17455C."),
)


def logo_path(instance, filename):
    return f"library/house-style/{instance.partner_id}/{filename}"


class HouseStyle(TimeStampedModel):
    """One per partner. The logo is a copy we made ourselves: a re-encoded PNG or JPEG, or
    an SVG written back from its parsed, checked elements (see library.uploads)."""

    class LogoFormat(models.TextChoices):
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"
        SVG = "svg", "SVG"

    partner = models.OneToOneField(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="house_style",
    )
    colour = models.CharField(_("colour"), max_length=7, validators=[HEX_COLOUR])
    logo = models.FileField(_("logo"), upload_to=logo_path, max_length=200, blank=True)
    logo_format = models.CharField(
        _("logo format"), max_length=8, choices=LogoFormat.choices, blank=True
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("house style")
        verbose_name_plural = _("house styles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(logo_format__in=["", "png", "jpeg", "svg"]),
                name="house_style_logo_format_valid",
            ),
        ]

    def __str__(self):
        return str(self.partner)

    @property
    def logo_version(self) -> str:
        """Changes with every new logo (its file gets a fresh random name): the page puts it
        in the logo's address, which browsers keep for a few minutes (see the view)."""
        return PurePosixPath(self.logo.name).stem if self.logo else ""

    @property
    def content_type(self) -> str:
        return {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}.get(
            self.logo_format, "application/octet-stream"
        )
