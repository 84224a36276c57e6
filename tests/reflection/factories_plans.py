"""Factories of the phase plans. Attention points are made with a small local factory, so
these tests do not depend on the sessions' factories (tests/reflection/factories.py)."""

import datetime

import factory

from reflection.models import (
    AttentionPoint,
    Effort,
    EffortUpdate,
    PhasePlan,
    ReflectionSession,
    Side,
)


class PhasePlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhasePlan

    number = factory.Sequence(lambda n: n + 3)
    version = 1
    title = factory.LazyAttribute(lambda o: f"Faseplan {o.number}")
    period_start = datetime.date(2025, 9, 1)
    period_end = datetime.date(2026, 8, 31)
    status = PhasePlan.Status.DRAFT
    goals = "Geen kind groeit op in armoede."


class EffortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Effort
        skip_postgeneration_save = True

    plan = factory.SubFactory(PhasePlanFactory)
    title = factory.Sequence(lambda n: f"Inspanning {n}")
    start = factory.LazyAttribute(lambda o: o.plan.period_start)
    end = factory.LazyAttribute(lambda o: o.plan.period_end)
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def partners(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.partners.set(extracted)

    @factory.post_generation
    def attention_points(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.attention_points.set(extracted)


class PlanSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReflectionSession

    year = 2024
    level = ReflectionSession.Level.OTHER
    group_name = factory.Sequence(lambda n: f"Plangroep {n}")
    date = datetime.date(2024, 6, 2)


class PlanAttentionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttentionPoint

    session = factory.SubFactory(PlanSessionFactory)
    side = Side.WIJ
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Aandachtspunt {n}")


class EffortUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EffortUpdate

    effort = factory.SubFactory(EffortFactory)
    period_start = datetime.date(2025, 10, 1)
    status = EffortUpdate.Status.ON_TRACK
    percent_done = 50
    narrative = "Het loopt volgens plan."
