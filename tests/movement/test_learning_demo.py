"""The demo learning offer from the 2025 memo: idempotent, one past meeting with who of the
demo AVK teams attended (shown on their partner's page), one upcoming course."""

import pytest
from django.urls import reverse
from django.utils import timezone

from movement.demo import learning as demo
from movement.models import Course, CourseSignup
from movement.selectors.learning import team_attendance
from movement.selectors.signups import places_taken
from partners.models import Partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def built():
    from partners.demo import organisations as partners_demo

    partners = partners_demo.build()
    partners_demo.build_partner_work(partners)
    demo.build()
    demo.build()
    return partners


def test_the_demo_courses_are_built_once_one_past_one_upcoming(built):
    assert Course.objects.count() == 2
    past = Course.objects.get(title=demo.HALF_MOON)
    upcoming = Course.objects.get(title=demo.MORE_KNOWLEDGE)
    now = timezone.now()
    assert past.ends_at < now < upcoming.starts_at
    assert upcoming.takes_signups
    assert CourseSignup.objects.count() == len(demo.SIGNUPS)
    for course in (past, upcoming):
        assert places_taken(course) <= course.capacity
    assert not CourseSignup.objects.filter(course=upcoming).exclude(attended=None).exists()
    assert set(CourseSignup.objects.filter(course=past).values_list("attended", flat=True)) == {
        True,
        False,
    }
    # Everyone of the teams is linked to their person; the one from the network is not.
    assert CourseSignup.objects.filter(person=None).count() == 1
    assert CourseSignup.objects.get(person=None).email.endswith("@example.org")


def test_a_demo_partners_page_shows_its_team_at_the_meeting(built, client):
    from avk.models import User

    cosis = Partner.objects.get(name="Cosis")
    names = {row.person.name for row in team_attendance(cosis)}
    assert names == {"Anouk Smit", "Sanne Visser", "Bas Meijer"}
    assert {row.person.name for row in team_attendance(Partner.objects.get(name="Lentis"))} == {
        "Joost Bos"  # Noor Willems was absent
    }
    client.force_login(User.objects.get(email="redacteur.cosis@avk.example"))
    page = client.get(reverse("partners:partner_detail", args=[cosis.pk])).content.decode()
    assert demo.HALF_MOON in page and "Bas Meijer" in page
