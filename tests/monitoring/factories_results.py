"""Factories of the monitoring models that "Wat bereiken we" and the dossiers read."""

import datetime
from decimal import Decimal

import factory

from monitoring.models import (
    Area,
    Consent,
    EffortIndicator,
    Experience,
    Indicator,
    Measurement,
)
from monitoring.models.indicators import Visibility
from reflection.models import EffortUpdate
from tests.reflection.factories_plans import EffortFactory


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{n + 1000:04d}")
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    kind = Area.Kind.MUNICIPALITY


def region():
    return AreaFactory(code="RGVK", name="Veenkoloniën", kind=Area.Kind.REGION)


def netherlands():
    return AreaFactory(code="NL01", name="Nederland", kind=Area.Kind.COUNTRY)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Indicator {n}")
    definition = "Aandeel kinderen in een huishouden met een laag inkomen."
    unit = Indicator.Unit.PERCENTAGE
    polarity = Indicator.Polarity.LOWER_IS_BETTER
    source = "CBS"
    visibility = Visibility.PUBLIC


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    area = factory.LazyFunction(region)
    year = 2020
    value = Decimal("8.4")


class EffortIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EffortIndicator

    effort = factory.SubFactory(EffortFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    expected_change = "Minder kinderen in armoede"


class EffortUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EffortUpdate

    effort = factory.SubFactory(EffortFactory)
    period_start = datetime.date(2026, 10, 1)
    status = EffortUpdate.Status.ON_TRACK
    narrative = "Het loopt volgens plan."


class ExperienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Experience

    title = factory.Sequence(lambda n: f"Verhaal {n}")
    story = "Door de schuldhulp kon ik weer rustig slapen."
    review = Experience.Review.APPROVED


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    experience = factory.SubFactory(ExperienceFactory)
    scope = Visibility.PUBLIC
    given_on = datetime.date(2026, 1, 1)
