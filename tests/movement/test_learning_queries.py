"""The learning offer's pages cost a fixed number of queries, whatever the number of
courses and sign-ups, and the public ones never read a sign-up row."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from movement.models import Course, CourseSignup, SignupStatus

pytestmark = pytest.mark.django_db


def _count(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]


def _many(courses: int, signups: int):
    now = timezone.now()
    made = Course.objects.bulk_create(
        [
            Course(
                title=f"Leerbijeenkomst {i}",
                description="x",
                place="Veendam",
                starts_at=now + datetime.timedelta(days=1 + i % 300),
                ends_at=now + datetime.timedelta(days=1 + i % 300, hours=2),
                capacity=30,
                status=Course.Status.OPEN,
            )
            for i in range(courses)
        ]
    )
    statuses = [SignupStatus.REGISTERED, SignupStatus.WAITLISTED, SignupStatus.UNCONFIRMED]
    CourseSignup.objects.bulk_create(
        [
            CourseSignup(
                course=made[i % len(made)],
                name=f"Persoon {i}",
                email=f"p{i}-{made[0].pk}@example.org",
                consented_at=now,
                token_hash=f"{made[0].pk}-{i}",
                status=statuses[i % 3],
            )
            for i in range(signups)
        ]
    )
    return made


def test_public_list_and_page_stay_flat_with_200_courses_and_5000_sign_ups(client, staff):
    first = _many(3, 10)[0]
    urls = [
        reverse("movement:course_list"),
        reverse("movement:course_list") + "?page=2",
        reverse("movement:course_detail", args=[first.pk]),
    ]
    small = [len(_count(client, url)) for url in urls]
    _many(200, 5000)
    large = [_count(client, url) for url in urls]
    assert [len(queries) for queries in large] == small
    for queries in large:
        # The places are counted in one aggregate query; no sign-up row is ever read.
        touching = [sql for sql in queries if "movement_coursesignup" in sql]
        assert len(touching) == 1
        assert "COUNT(" in touching[0]
    page = client.get(reverse("movement:course_list")).content.decode()
    assert page.count('class="card mb-3"') == 20  # a page at a time

    client.force_login(staff)
    staff_urls = [
        reverse("movement:course_manage"),
        reverse("movement:course_participants", args=[first.pk]),
        reverse("movement:course_detail", args=[first.pk]),
    ]
    before = [len(_count(client, url)) for url in staff_urls]
    _many(20, 1000)
    assert [len(_count(client, url)) for url in staff_urls] == before


def test_the_attendance_page_is_flat_in_the_number_of_participants(client, staff):
    course = _many(1, 0)[0]
    Course.objects.filter(pk=course.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    client.force_login(staff)
    url = reverse("movement:course_attendance", args=[course.pk])
    now = timezone.now()

    def add(n, offset):
        CourseSignup.objects.bulk_create(
            [
                CourseSignup(
                    course=course,
                    name=f"Deelnemer {offset + i}",
                    email=f"d{offset + i}@example.org",
                    consented_at=now,
                    status=SignupStatus.REGISTERED,
                )
                for i in range(n)
            ]
        )

    add(2, 0)
    small = len(_count(client, url))
    add(25, 100)
    assert len(_count(client, url)) == small
