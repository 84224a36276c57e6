"""The movement chart: per year, how many partners stood at each stage on 31 December
(this year: today), each partner at its newest entry on or before that day."""

import datetime

import pytest
from django.urls import reverse

from movement.selectors.stakeholders import MAX_YEARS, NOT_RECORDED, movement_per_year
from tests.factories import PartnerFactory
from tests.movement.factories_stakeholders import StakeholderEntryFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def entry(partner, stage, day):
    return StakeholderEntryFactory(
        partner=partner, stage=stage, recorded_on=datetime.date.fromisoformat(day)
    )


def per_year(movement) -> dict[int, dict[str, int]]:
    """Only the stages with partners, to keep the expectations readable."""
    return {
        year: {stage: n for stage, n in counts.items() if n}
        for year, counts in movement.counts.items()
    }


def test_partners_count_at_their_newest_stage_by_the_end_of_each_year():
    climber = PartnerFactory(name="Gemeente Veendam")
    entry(climber, "aware", "2023-06-19")
    entry(climber, "committed", "2023-12-11")
    entry(climber, "carrying", "2025-06-02")
    entry(climber, "ambassador", "2026-03-04")
    backslider = PartnerFactory(name="Afeer")
    entry(backslider, "aware", "2023-06-19")
    entry(backslider, "involved", "2024-05-22")
    entry(backslider, "aware", "2025-06-02")
    late = PartnerFactory(name="Gemeente Westerwolde")
    entry(late, "aware", "2025-12-31")  # 31 December still counts for that year
    PartnerFactory(name="VNN")  # never recorded
    # Not counted for 2026: after today (the service never lets one in; raw data might).
    entry(PartnerFactory(name="Lentis"), "involved", "2026-09-01")

    movement = movement_per_year(TODAY)

    assert movement.years == [2023, 2024, 2025, 2026]
    assert per_year(movement) == {
        2023: {"committed": 1, "aware": 1, NOT_RECORDED: 3},
        2024: {"committed": 1, "involved": 1, NOT_RECORDED: 3},
        2025: {"carrying": 1, "aware": 2, NOT_RECORDED: 2},
        2026: {"ambassador": 1, "aware": 2, NOT_RECORDED: 2},
    }
    # Every year adds up to every partner counted.
    assert {sum(counts.values()) for counts in movement.counts.values()} == {5}


def test_the_chart_and_its_table_say_the_same():
    partner = PartnerFactory()
    entry(partner, "involved", "2024-02-01")
    entry(partner, "committed", "2025-02-01")
    chart = movement_per_year(TODAY).chart
    assert [c.label for c in chart.categories] == ["2024", "2025", "2026"]
    assert chart.table_header == [
        "Bewust",
        "Betrokken",
        "Verbonden",
        "Draagt het uit in de eigen organisatie",
        "Ambassadeur",
        "Nog niet vastgelegd",
    ]
    assert [row.cells for row in chart.table_rows] == [
        ["0", "1", "0", "0", "0", "0"],
        ["0", "0", "1", "0", "0", "0"],
        ["0", "0", "1", "0", "0", "0"],
    ]


def test_at_most_the_last_ten_years_with_older_history_carried_in():
    partner = PartnerFactory()
    entry(partner, "aware", "2003-05-01")
    entry(partner, "involved", "2010-05-01")
    entry(partner, "committed", "2020-05-01")
    movement = movement_per_year(TODAY)
    assert len(movement.years) == MAX_YEARS
    assert movement.years[0] == 2017
    # In 2017 the partner stands where its entry of 2010 put it.
    assert per_year(movement)[2017] == {"involved": 1}
    assert per_year(movement)[2026] == {"committed": 1}


def test_without_entries_only_this_year_is_shown():
    PartnerFactory()
    movement = movement_per_year(TODAY)
    assert movement.years == [2026]
    assert per_year(movement) == {2026: {NOT_RECORDED: 1}}


def test_an_inactive_partner_counts_only_when_it_was_recorded():
    gone = PartnerFactory(is_active=False)
    entry(gone, "involved", "2024-02-01")
    PartnerFactory(is_active=False)
    assert per_year(movement_per_year(TODAY))[2026] == {"involved": 1}


def test_recording_a_stage_changes_the_chart(client, staff, partner_a):
    client.force_login(staff)
    before = client.get(reverse("movement:stakeholder_overview")).context["movement"]
    this_year = max(before.years)
    assert before.counts[this_year]["involved"] == 0
    client.post(
        reverse("movement:partner_stakeholders", args=[partner_a.pk]),
        {"stage": "involved", "recorded_on": datetime.date(this_year, 1, 1).isoformat()},
    )
    response = client.get(reverse("movement:stakeholder_overview"))
    after = response.context["movement"]
    assert after.counts[this_year]["involved"] == 1
    html = response.content.decode()
    assert 'role="img"' in html
    assert "Partners per fase van de beweging" in html
