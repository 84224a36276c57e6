"""Factories of the resources (funds, applications, budget, an effort's money and SROI)."""

import datetime
from decimal import Decimal

import factory

from resources.models import (
    Allocation,
    BudgetLine,
    FundingApplication,
    FundingSource,
    SroiInput,
    SroiOutcome,
)
from tests.reflection.factories_plans import EffortFactory


class FundingSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingSource

    name = factory.Sequence(lambda n: f"Fonds {n}")
    kind = FundingSource.Kind.OTHER


class FundingApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingApplication

    source = factory.SubFactory(FundingSourceFactory)
    title = factory.Sequence(lambda n: f"Aanvraag {n}")
    amount_asked = Decimal("10000.00")
    status = FundingApplication.Status.SUBMITTED
    submitted_on = datetime.date(2025, 9, 1)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine
        django_get_or_create = ("year", "role")  # one line per role per year

    year = 2025
    role = BudgetLine.Role.PROGRAMME_LEADER
    amount = Decimal("100000.00")


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    effort = factory.SubFactory(EffortFactory)
    budget_line = factory.SubFactory(BudgetLineFactory)
    amount = Decimal("1000.00")
    starts_on = datetime.date(2025, 9, 1)
    ends_on = datetime.date(2025, 12, 31)


class SroiInputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SroiInput

    effort = factory.SubFactory(EffortFactory)
    description = "Uren van vrijwilligers"
    amount = Decimal("500.00")


class SroiOutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SroiOutcome

    effort = factory.SubFactory(EffortFactory)
    description = "Gezinnen met minder schulden"
    quantity = Decimal("4")
    value_per_unit = Decimal("1000.00")
    source = "Schatting van het programmateam"
