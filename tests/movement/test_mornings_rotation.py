"""Who hosts next: the partners that never hosted first, then the one that hosted longest
ago; ties by name; a cancelled morning does not count; the proposal goes round."""

import datetime

import pytest
from django.utils import timezone

from movement.models import TeamMorning
from movement.selectors.mornings import free_dates, hosts_in_turn, next_host, plan_proposals
from tests.factories import PartnerFactory
from tests.movement.factories_mornings import TeamMorningFactory

pytestmark = pytest.mark.django_db

WEDNESDAY = datetime.date(2031, 1, 15)  # a Wednesday


def names(partners) -> list[str]:
    return [partner.name for partner in partners]


def test_partners_that_never_hosted_come_first_by_name_then_the_least_recent():
    cosis, lentis, vnn = (PartnerFactory(name=n) for n in ("Cosis", "Lentis", "VNN"))
    PartnerFactory(name="Afeer")
    PartnerFactory(name="Borg")
    TeamMorningFactory(host=lentis, date=datetime.date(2030, 5, 1))
    TeamMorningFactory(host=cosis, date=datetime.date(2030, 6, 1))
    TeamMorningFactory(host=vnn, date=datetime.date(2030, 4, 1))
    TeamMorningFactory(host=vnn, date=datetime.date(2030, 7, 1))  # VNN's latest counts
    assert names(hosts_in_turn()) == ["Afeer", "Borg", "Lentis", "Cosis", "VNN"]
    assert next_host().name == "Afeer"


def test_a_cancelled_morning_does_not_count_as_hosting():
    cosis, lentis = PartnerFactory(name="Cosis"), PartnerFactory(name="Lentis")
    TeamMorningFactory(host=cosis, date=datetime.date(2030, 5, 1))
    TeamMorningFactory(
        host=lentis, date=datetime.date(2030, 6, 1), status=TeamMorning.Status.CANCELLED
    )
    assert names(hosts_in_turn()) == ["Lentis", "Cosis"]


def test_a_planned_morning_in_the_future_is_already_that_partners_turn():
    cosis, lentis = PartnerFactory(name="Cosis"), PartnerFactory(name="Lentis")
    TeamMorningFactory(host=cosis, date=timezone.localdate() - datetime.timedelta(days=30))
    TeamMorningFactory(host=lentis, date=timezone.localdate() + datetime.timedelta(days=10))
    assert next_host() == cosis


def test_ties_among_those_that_never_hosted_go_by_name_and_inactive_ones_are_skipped():
    PartnerFactory(name="Zuid")
    PartnerFactory(name="Noord", is_active=False)
    cosis, afeer = PartnerFactory(name="Cosis"), PartnerFactory(name="Afeer")
    day = datetime.date(2030, 5, 1)
    TeamMorningFactory(host=cosis, date=day)
    TeamMorningFactory(
        host=afeer, date=day, status=TeamMorning.Status.CANCELLED
    )  # cancelled: Afeer never hosted
    assert names(hosts_in_turn()) == ["Afeer", "Zuid", "Cosis"]


def test_no_partners_no_proposal():
    assert next_host() is None
    proposals = plan_proposals(today=WEDNESDAY, count=2)
    assert [(p.host, p.place) for p in proposals] == [(None, ""), (None, "")]


def test_the_proposal_goes_round_before_anyone_hosts_twice_and_remembers_the_address():
    afeer, borg, cosis = (PartnerFactory(name=n) for n in ("Afeer", "Borg", "Cosis"))
    TeamMorningFactory(host=afeer, date=datetime.date(2030, 1, 1), place="Hoofdstraat 1, Emmen")
    proposals = plan_proposals(today=WEDNESDAY, count=7)
    assert [p.host for p in proposals] == [borg, cosis, afeer, borg, cosis, afeer, borg]
    assert proposals[2].place == "Hoofdstraat 1, Emmen"
    assert proposals[0].place == ""


def test_free_dates_skip_planned_mornings_but_not_cancelled_ones():
    TeamMorningFactory(date=WEDNESDAY)
    TeamMorningFactory(
        date=WEDNESDAY + datetime.timedelta(weeks=1), status=TeamMorning.Status.CANCELLED
    )
    assert free_dates(today=WEDNESDAY, count=3) == [
        WEDNESDAY + datetime.timedelta(weeks=1),
        WEDNESDAY + datetime.timedelta(weeks=2),
        WEDNESDAY + datetime.timedelta(weeks=3),
    ]
    # From a Thursday: the next Wednesday; on Monday (0) from that Thursday: four days on.
    thursday = WEDNESDAY + datetime.timedelta(days=1)
    assert free_dates(today=thursday, count=1) == [WEDNESDAY + datetime.timedelta(weeks=1)]
    assert free_dates(today=thursday, weekday=0, count=1) == [thursday + datetime.timedelta(days=4)]
    # Bounded: never more than 26 weeks at a time.
    assert len(free_dates(today=WEDNESDAY, count=500)) == 26


def test_the_rotation_reads_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    for index in range(30):
        partner = PartnerFactory()
        TeamMorningFactory(host=partner, date=datetime.date(2029, 1, 1) + datetime.timedelta(index))
    with django_assert_max_num_queries(2):
        proposals = plan_proposals(today=WEDNESDAY, count=26)
        assert len(proposals) == 26
