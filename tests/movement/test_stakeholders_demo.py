"""The demo stakeholder picture: the demo partners over 2023 to 2026, built once."""

import datetime

import pytest

from movement.demo import stakeholders as stakeholders_demo
from movement.models import StakeholderEntry
from movement.selectors.stakeholders import movement_per_year
from partners.demo import organisations as partners_demo

pytestmark = pytest.mark.django_db


def test_the_demo_records_the_demo_partners_once():
    partners = partners_demo.build()
    added = stakeholders_demo.build()
    assert added == StakeholderEntry.objects.count() > 20
    assert stakeholders_demo.build() == 0
    # Only the demo partners, every one of them named in the builder.
    assert set(stakeholders_demo.ENTRIES) <= set(partners)
    names = set(StakeholderEntry.objects.values_list("partner__name", flat=True))
    assert names == set(stakeholders_demo.ENTRIES)
    years = {e.recorded_on.year for e in StakeholderEntry.objects.all()}
    assert years <= {2023, 2024, 2025, 2026}
    # Afeer moves back a step; the chart shows every year from 2023 on.
    afeer = list(
        StakeholderEntry.objects.filter(partner__name="Afeer")
        .order_by("recorded_on")
        .values_list("stage", flat=True)
    )
    assert afeer == ["aware", "involved", "aware"]
    assert movement_per_year(datetime.date(2026, 6, 1)).years[0] == 2023
