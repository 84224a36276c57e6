from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from avk.models import TimeStampedModel
from partners.models import Municipality, Partner
from reflection.models import Effort

# The steering group adopted the 20-year programme plan on 23 February 2023.
PROGRAMME_START_YEAR = 2023
PROGRAMME_END_YEAR = 2043
PROGRAMME_YEAR_MESSAGE = _("A year within the programme: from 2023 up to 2043.")
# Years a measurement may have: older series are rare, later ones are typos.
FIRST_YEAR, LAST_YEAR = 1990, 2100
YEAR_VALIDATORS = [
    MinValueValidator(FIRST_YEAR, _("A year from 1990 up to 2100.")),
    MaxValueValidator(LAST_YEAR, _("A year from 1990 up to 2100.")),
]

AREA_CODE = RegexValidator(
    r"^(GM[0-9]{4}|PV[0-9]{2}|NL01|RG[A-Z0-9]{2,8})$",
    _(
        "Use a CBS code: GM and 4 digits for a municipality, PV and 2 digits for a province, "
        "NL01 for the Netherlands, or RG and letters for a region of our own."
    ),
)


class Visibility(models.TextChoices):
    INTERNAL = "internal", _("Staff only")
    PARTNERS = "partners", _("Everyone logged in")
    PUBLIC = "public", _("Public")


class Area(models.Model):
    """Where a measurement is about: a municipality (its CBS code), the Veenkoloniën region,
    a province or the Netherlands. A merger is kept in one place, on the municipality
    (partners.Municipality.successor and merged_in): the area of a municipality that merged
    reads it from there (monitoring.selectors.areas.with_mergers), so a series runs on across
    the merger. Provinces and the region do not merge."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region")
        PROVINCE = "province", _("Province")
        COUNTRY = "country", _("The Netherlands")

    code = models.CharField(_("CBS code"), max_length=10, unique=True, validators=[AREA_CODE])
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="area",
    )
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "province"},
    )
    members = models.ManyToManyField(
        "self",
        verbose_name=_("municipalities in the region"),
        symmetrical=False,
        blank=True,
        related_name="regions",
    )

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class Indicator(TimeStampedModel):
    """A population indicator the partners agreed on: how a whole area is doing."""

    class Unit(models.TextChoices):
        PERCENTAGE = "percentage", _("Percentage")
        COUNT = "count", _("Count")
        EURO = "euro", _("Euro")

    class Polarity(models.TextChoices):
        LOWER_IS_BETTER = "lower", _("Lower is better")
        HIGHER_IS_BETTER = "higher", _("Higher is better")

    name = models.CharField(_("name"), max_length=200, unique=True)
    definition = models.TextField(_("definition"), max_length=2000)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    polarity = models.CharField(_("what is better"), max_length=8, choices=Polarity.choices)
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("For example: CBS table 85678NED, or Sociaal Planbureau Groningen."),
    )
    source_url = models.URLField(_("link to the source"), blank=True)
    visibility = models.CharField(
        _("who may see it"), max_length=16, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Measurement(TimeStampedModel):
    """One published value: an indicator for an area in a year."""

    class Origin(models.TextChoices):
        ENTERED = "entered", _("Entered")
        IMPORTED = "imported", _("Imported")

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="measurements"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    numerator = models.DecimalField(
        _("numerator"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    denominator = models.DecimalField(
        _("denominator"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    is_break = models.BooleanField(
        _("break in the series"),
        default=False,
        help_text=_("The way of measuring changed from this year, such as the new poverty line."),
    )
    origin = models.CharField(
        _("origin"), max_length=8, choices=Origin.choices, default=Origin.ENTERED
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "area", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "year"], name="measurement_once_per_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="measurement_year_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.indicator} · {self.area} · {self.year}"

    def clean(self):
        """A percentage lies between 0 and 100; a municipality that merged has no values
        from the year of the merger on (they belong to its successor)."""
        super().clean()
        errors = {}
        if (
            self.indicator_id
            and self.value is not None
            and self.indicator.unit == Indicator.Unit.PERCENTAGE
            and not 0 <= self.value <= 100
        ):
            errors["value"] = _("A percentage is a number from 0 up to 100.")
        municipality = self.area.municipality if self.area_id else None
        merged_in = municipality.merged_in if municipality and municipality.successor_id else None
        if merged_in and self.year and self.year >= merged_in:
            errors["year"] = _(
                "%(name)s merged in %(merged)s: enter values from %(merged)s on under "
                "the new municipality."
            ) % {"name": self.area.name, "merged": merged_in}
        if errors:
            raise ValidationError(errors)


class Target(TimeStampedModel):
    """What the alliance aims for in a milestone year of the programme."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(
        _("milestone year"),
        validators=[
            MinValueValidator(
                PROGRAMME_START_YEAR, _("A year within the programme: from 2023 up to 2043.")
            ),
            MaxValueValidator(
                PROGRAMME_END_YEAR, _("A year within the programme: from 2023 up to 2043.")
            ),
        ],
    )
    value = models.DecimalField(_("target value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator", "area", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "year"], name="target_once"),
            models.CheckConstraint(
                condition=Q(year__gte=PROGRAMME_START_YEAR, year__lte=PROGRAMME_END_YEAR),
                name="target_year_in_programme",
            ),
        ]

    def __str__(self):
        return f"{self.indicator} · {self.area} · {self.year}"


class IndicatorStory(TimeStampedModel):
    """The yearly story behind the curve: what helps, what hinders, and which partners."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="stories"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    helps = models.TextField(_("what helps"), max_length=3000, blank=True)
    hinders = models.TextField(_("what hinders"), max_length=3000, blank=True)
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners involved"), blank=True, related_name="+"
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The writer's name as it was when they saved the story: shown with the story, so a
    # rendered story does not depend on the user rows (every login saves one).
    written_by_name = models.CharField(_("name of the writer"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("story behind the curve")
        verbose_name_plural = _("stories behind the curve")
        ordering = ["indicator", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="indicator_story_once"),
        ]

    def __str__(self):
        return f"{self.indicator} · {self.year}"


class EffortIndicator(models.Model):
    """An effort of a phase plan aims to move an indicator; what it expects to change."""

    effort = models.ForeignKey(
        Effort, verbose_name=_("effort"), on_delete=models.CASCADE, related_name="indicator_links"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="effort_links",
    )
    expected_change = models.CharField(_("what it expects to change"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("indicator of an effort")
        verbose_name_plural = _("indicators of efforts")
        constraints = [
            models.UniqueConstraint(fields=["effort", "indicator"], name="effort_indicator_once"),
        ]

    def __str__(self):
        return f"{self.effort} → {self.indicator}"
