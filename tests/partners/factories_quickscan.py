"""Factories for the quick scan "AVK-proof" (criteria, scans, answers)."""

import factory

from partners.models import QuickScan, QuickScanAnswer, QuickScanCriterion
from tests.factories import PartnerFactory


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuickScanCriterion

    text = factory.Sequence(lambda n: f"Randvoorwaarde {n} wordt uitgevoerd")
    explanation = "Uit het onderzoek van de RUG."
    order = factory.Sequence(lambda n: n)
    is_active = True


class QuickScanFactory(factory.django.DjangoModelFactory):
    """QuickScanFactory(answers={criterion: met, ...}) also makes the answers and the score."""

    class Meta:
        model = QuickScan
        skip_postgeneration_save = True

    partner = factory.SubFactory(PartnerFactory)
    year = 2025
    score = 0
    total = 0

    @factory.post_generation
    def answers(obj, create, extracted, **kwargs):
        if not create or not extracted:
            return
        QuickScanAnswer.objects.bulk_create(
            QuickScanAnswer(scan=obj, criterion=criterion, met=met)
            for criterion, met in extracted.items()
        )
        obj.score = sum(1 for met in extracted.values() if met)
        obj.total = len(extracted)
        obj.save(update_fields=["score", "total"])


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuickScanAnswer

    scan = factory.SubFactory(QuickScanFactory)
    criterion = factory.SubFactory(CriterionFactory)
    met = True
