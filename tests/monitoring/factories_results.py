"""Factories of the monitoring models that "Wat bereiken we" and the dossiers read: the
shared ones with the defaults these tests take (public indicators, values of the region,
public consents), plus the region and the Netherlands."""

import datetime

import factory

from monitoring.models import Area, EffortIndicator
from monitoring.models.indicators import Visibility
from tests.monitoring import factories_experiences, factories_indicators
from tests.monitoring.factories_indicators import AreaFactory
from tests.reflection.factories_plans import EffortFactory, EffortUpdateFactory

__all__ = [
    "AreaFactory",
    "ConsentFactory",
    "EffortIndicatorFactory",
    "EffortUpdateFactory",
    "ExperienceFactory",
    "IndicatorFactory",
    "MeasurementFactory",
    "netherlands",
    "region",
]


def region():
    return AreaFactory(code="RGVK", name="Veenkoloniën", kind=Area.Kind.REGION)


def netherlands():
    return AreaFactory(code="NL01", name="Nederland", kind=Area.Kind.COUNTRY)


class IndicatorFactory(factories_indicators.IndicatorFactory):
    visibility = Visibility.PUBLIC


class MeasurementFactory(factories_indicators.MeasurementFactory):
    indicator = factory.SubFactory(IndicatorFactory)
    area = factory.LazyFunction(region)


class EffortIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EffortIndicator

    effort = factory.SubFactory(EffortFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    expected_change = "Minder kinderen in armoede"


ExperienceFactory = factories_experiences.ExperienceFactory


class ConsentFactory(factories_experiences.ConsentFactory):
    scope = Visibility.PUBLIC
    given_on = datetime.date(2026, 1, 1)
