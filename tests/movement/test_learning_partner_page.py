"""A partner's page shows who of its AVK team attended which courses and meetings: to staff
and the partner's own people, never to others; in a fixed number of queries."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from movement.models import Course, CourseSignup, SignupStatus
from movement.selectors.learning import TEAM_LEARNING_SHOWN
from partners.models import TeamMember
from tests.factories import MembershipFactory, PersonFactory
from tests.movement.factories_learning import CourseFactory, CourseSignupFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended(partner_a, partner_b):
    """Partner A's team: Anouk attended a past meeting, Bas was absent, Carla withdrew
    after attending; Dirk of partner B attended too."""
    past = CourseFactory(title="De halve maan", starts_at=in_days(-20), ends_at=in_days(-20, 16))
    people = {}
    for name, partner, role in [
        ("Anouk Smit", partner_a, "bestuurder"),
        ("Bas Meijer", partner_a, "uitvoering"),
        ("Carla Vos", partner_a, "manager"),
        ("Dirk de Groot", partner_b, "manager"),
    ]:
        person = PersonFactory(name=name, partner=partner)
        TeamMember.objects.create(partner=partner, person=person, role=role)
        people[name] = person
    CourseSignupFactory(course=past, person=people["Anouk Smit"], attended=True)
    CourseSignupFactory(course=past, person=people["Bas Meijer"], attended=False)
    CourseSignupFactory(
        course=past, person=people["Dirk de Groot"], attended=True, name="Dirk de Groot"
    )
    carla = CourseSignupFactory(course=past, person=people["Carla Vos"], attended=True)
    carla.status = SignupStatus.WITHDRAWN  # withdrawing deletes the link to the person
    carla.save()
    # Someone of the network with the same name as a team member, not linked: not shown.
    CourseSignupFactory(course=past, name="Anouk Smit", attended=True)
    return past, people


def _page(client, partner):
    response = client.get(reverse("partners:partner_detail", args=[partner.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_staff_and_the_partners_own_people_see_who_of_the_team_attended(
    client, staff, editor_a, partner_a, attended
):
    reader = MembershipFactory(partner=partner_a, is_editor=False).user  # not an editor
    for user in (staff, editor_a, reader):
        client.force_login(user)
        page = _page(client, partner_a)
        assert 'id="team-learning"' in page
        assert "Leeraanbod: wie van het AVK-team deed mee" in page
        assert "De halve maan" in page
        assert "Anouk Smit <span" in page and "(Bestuurder)" in page
        assert page.count("Anouk Smit <span") == 1  # the unlinked namesake is not counted
        assert "Bas Meijer" not in page.split('id="team-learning"')[1]  # absent
        assert "Carla Vos" not in page.split('id="team-learning"')[1]  # withdrew
        assert "Dirk de Groot" not in page  # another partner's team


def test_others_never_see_it(client, outsider, editor_b, db_member, partner_a, attended):
    for user in (outsider, editor_b, db_member):
        client.force_login(user)
        page = _page(client, partner_a)
        assert 'id="team-learning"' not in page
        assert "De halve maan" not in page
    client.logout()
    response = client.get(reverse("partners:partner_detail", args=[partner_a.pk]))
    assert response.status_code == 302  # the partner pages need a login at all


def test_a_team_without_attendance_says_so(client, staff, partner_b):
    client.force_login(staff)
    assert "Nog niemand van het AVK-team was bij een cursus" in _page(client, partner_b)


def _count(client, partner):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        _page(client, partner)
    return [q["sql"] for q in queries]


def _many_courses(partner, courses: int, people: int):
    now = timezone.now()
    made = Course.objects.bulk_create(
        [
            Course(
                title=f"Cursus {i}",
                description="x",
                place="Veendam",
                starts_at=now - datetime.timedelta(days=i + 1),
                ends_at=now - datetime.timedelta(days=i + 1) + datetime.timedelta(hours=2),
                capacity=50,
                status="closed",
            )
            for i in range(courses)
        ]
    )
    team = []
    for _i in range(people):
        person = PersonFactory(partner=partner)
        TeamMember.objects.create(partner=partner, person=person, role="uitvoering")
        team.append(person)
    CourseSignup.objects.bulk_create(
        [
            CourseSignup(
                course=course,
                person=person,
                name=person.name,
                email=f"{course.pk}-{person.pk}@example.org",
                consented_at=now,
                status=SignupStatus.REGISTERED,
                attended=True,
            )
            for course in made
            for person in team
        ]
    )


@pytest.mark.parametrize("persona", ["staff", "editor_a"])
def test_the_partner_page_stays_flat_with_many_courses(
    client, request, persona, partner_a, attended
):
    client.force_login(request.getfixturevalue(persona))
    small = _count(client, partner_a)
    _many_courses(partner_a, 60, 4)
    large = _count(client, partner_a)
    assert len(large) == len(small)
    page = _page(client, partner_a).split('id="team-learning"')[1]
    assert page.count("<tr>") == TEAM_LEARNING_SHOWN + 1  # the header and the latest 20
    assert "Je ziet de laatste 20." in page
    touching = [sql for sql in large if "movement_coursesignup" in sql]
    assert len(touching) == 1
