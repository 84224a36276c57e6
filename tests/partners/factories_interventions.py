"""Factories for the interventions inventory (Municipality, Intervention)."""

import factory

from partners.models import Intervention, Municipality
from tests.factories import PartnerFactory


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    province = "Groningen"


class InterventionFactory(factory.django.DjangoModelFactory):
    """InterventionFactory(municipalities=[...], collaborators=[...]) sets the M2M rows."""

    class Meta:
        model = Intervention
        skip_postgeneration_save = True

    partner = factory.SubFactory(PartnerFactory)
    title = factory.Sequence(lambda n: f"Interventie {n}")
    description = "Samen met ouders en school werken aan een kansrijke start."
    target_group = Intervention.TargetGroup.FAMILIES
    status = Intervention.Status.RUNNING

    @factory.post_generation
    def municipalities(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.municipalities.set(extracted)

    @factory.post_generation
    def collaborators(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.collaborators.set(extracted)
