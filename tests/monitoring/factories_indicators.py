"""Factories of the indicators: areas keyed on CBS codes, indicators, values, targets."""

from decimal import Decimal

import factory

from monitoring.models import Area, Indicator, IndicatorStory, Measurement, Target
from monitoring.services.areas import areas_sync


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    kind = Area.Kind.MUNICIPALITY


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Indicator {n}")
    definition = "Deel van de kinderen in een gezin met een laag inkomen."
    unit = Indicator.Unit.PERCENTAGE
    polarity = Indicator.Polarity.LOWER_IS_BETTER
    source = "CBS"
    visibility = "partners"


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    area = factory.SubFactory(AreaFactory)
    year = 2020
    value = Decimal("8.4")


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    area = factory.SubFactory(AreaFactory)
    year = 2030
    value = Decimal("5")


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorStory

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2024
    helps = "Samenwerking tussen partners."


def region_areas() -> dict[str, Area]:
    """The Netherlands, both provinces, the Veenkoloniën and every municipality of
    partners.cbs with its merger: what the demo builds."""
    return areas_sync(create_known=True)
