"""The demo open mornings: Wednesdays at rotating partners, idempotent, fictional people."""

import datetime

import pytest
from django.utils import timezone

from movement.demo import mornings as demo
from movement.models import MorningSignup, TeamMorning
from movement.selectors.signups import places_taken

pytestmark = pytest.mark.django_db


def test_the_demo_mornings_are_built_once_with_rotating_hosts():
    from partners.demo import organisations as partners_demo

    partners_demo.build()
    today = timezone.localdate()
    demo.build()
    demo.build()
    mornings = list(TeamMorning.objects.order_by("date"))
    assert len(mornings) == demo.PAST_WEEKS + demo.COMING_WEEKS
    assert all(m.date.weekday() == 2 for m in mornings)
    assert sum(m.date < today for m in mornings) == demo.PAST_WEEKS
    assert all(m.host is not None for m in mornings)
    hosts = [m.host_id for m in mornings]
    assert len(set(hosts)) == len(hosts)  # enough partners: nobody hosts twice yet
    assert MorningSignup.objects.count() == len(demo.JOINERS)
    assert all(s.email.endswith("@example.org") for s in MorningSignup.objects.all())
    for morning in mornings:
        assert places_taken(morning) <= morning.capacity
    # A week later the next Wednesday is added, the rest stays; who joined the morning
    # that has passed now joins one of the next (the past sign-ups are kept).
    demo.build(today=today + datetime.timedelta(weeks=1))
    assert TeamMorning.objects.count() == len(mornings) + 1
    passed = sum(index == 0 for index, *_rest in demo.JOINERS)
    assert MorningSignup.objects.count() == len(demo.JOINERS) + passed
