"""The demo resources: the funds the 2023 seed memo names, a small lobby, a budget of the
light support structure, money on two efforts and one SROI worksheet; every amount marked
as an example (the memo gives none for the programme)."""

from decimal import Decimal

import pytest

from resources.demo import funding as demo
from resources.models import (
    Allocation,
    BudgetLine,
    FundingApplication,
    FundingSource,
    SroiInput,
    SroiOutcome,
)
from resources.selectors.efforts import effort_worksheet

pytestmark = pytest.mark.django_db

MODELS = [FundingSource, FundingApplication, BudgetLine, Allocation, SroiInput, SroiOutcome]


def _counts():
    return [model.objects.count() for model in MODELS]


def test_the_demo_resources_come_from_the_memo_and_are_examples():
    from governance.demo import bodies
    from partners.demo import organisations
    from reflection.demo import builder

    organisations.build()
    bodies.build()
    builder.build()
    demo.build()
    first = _counts()
    demo.build()
    assert _counts() == first

    kinds = set(FundingSource.objects.values_list("kind", flat=True))
    assert kinds == {"npg", "regiodeal", "ivf", "municipal"}
    municipal = FundingSource.objects.get(kind="municipal")
    assert "€ 85 miljoen" in municipal.description  # the memo's own figure, with its source
    for application in FundingApplication.objects.all():
        assert "voorbeeld" in application.note.lower()
        application.full_clean()
    for line in BudgetLine.objects.all():
        assert "voorbeeld" in line.description.lower()
    assert Allocation.objects.values("effort").distinct().count() == 2
    for allocation in Allocation.objects.all():
        assert "voorbeeld" in allocation.note.lower()
        allocation.full_clean()
    outcome = SroiOutcome.objects.get()
    assert "voorbeeld" in outcome.source.lower()
    assert effort_worksheet(outcome.effort).ratio == Decimal("1.67")
