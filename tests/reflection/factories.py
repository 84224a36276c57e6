import datetime

import factory

from reflection.models import AttentionPoint, Ingredient, ReflectionSession, SessionSide, Side


class ReflectionSessionFactory(factory.django.DjangoModelFactory):
    """Another group by default (its name keeps "once per year and level" out of the way);
    pass level=ReflectionSession.Level.MANAGERS (and group_name="") for a level."""

    class Meta:
        model = ReflectionSession
        skip_postgeneration_save = True

    year = 2024
    level = ReflectionSession.Level.OTHER
    group_name = factory.Sequence(lambda n: f"Group {n}")
    date = factory.LazyAttribute(lambda o: datetime.date(o.year, 6, 2))
    facilitator = "Lauren Algra"

    @factory.post_generation
    def participants(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.participants.set(extracted)


class SessionSideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSide

    session = factory.SubFactory(ReflectionSessionFactory)
    side = Side.HET
    observations = "Er is een helder ritme van plannen, uitvoeren en reflecteren."
    other_points = "Goede voorbeelden in de etalage"
    summary = "Samenvatting"


class AttentionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttentionPoint
        skip_postgeneration_save = True

    session = factory.SubFactory(ReflectionSessionFactory)
    side = Side.WIJ
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Aandachtspunt {n}")
    description = ""

    @factory.post_generation
    def related(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.related.set(extracted)


class IngredientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ingredient

    attention_point = factory.SubFactory(AttentionPointFactory)
    text = factory.Sequence(lambda n: f"Ingrediënt {n}")
    order = factory.Sequence(lambda n: n)
