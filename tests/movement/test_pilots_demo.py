"""The demo pilots from the 2025 memo: idempotent, with fictional people and a waiting list."""

import pytest

from movement.demo import pilots as demo
from movement.models import Pilot, PilotSignup, SignupStatus
from movement.selectors.signups import places_taken
from reflection.demo import builder as reflection_demo

pytestmark = pytest.mark.django_db


def test_the_demo_pilots_are_built_once_and_never_over_full():
    from governance.demo import bodies as governance_demo
    from partners.demo import organisations as partners_demo

    partners_demo.build()
    governance_demo.build()
    reflection_demo.build()
    demo.build()
    demo.build()
    assert Pilot.objects.count() == 2
    assert all("Visie vorming en vertaling in actie" in p.title for p in Pilot.objects.all())
    assert Pilot.objects.filter(effort__title="Onboarding en pilots visievorming").count() == 2
    for pilot in Pilot.objects.all():
        assert places_taken(pilot) <= pilot.capacity
    assert PilotSignup.objects.filter(status=SignupStatus.WAITLISTED).count() == 1
    assert all(s.email.endswith("@example.org") for s in PilotSignup.objects.all())
    assert PilotSignup.objects.count() == len(demo.SIGNUPS)
