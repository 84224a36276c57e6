"""The open mornings' pages stay flat: the same queries, no sign-up row read on the public
pages, and a bounded page, whatever the number of mornings and sign-ups."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from movement.models import MorningSignup, SignupStatus, TeamMorning
from tests.factories import PartnerFactory
from tests.movement.test_mornings_public import LIST, days

pytestmark = pytest.mark.django_db


def _many(mornings: int, signups_each: int, start: int):
    made = TeamMorning.objects.bulk_create(
        [
            TeamMorning(date=days(start + i), host=PartnerFactory(), place="Veendam")
            for i in range(mornings)
        ]
    )
    now = timezone.now()
    statuses = [SignupStatus.REGISTERED, SignupStatus.WAITLISTED, SignupStatus.UNCONFIRMED]
    MorningSignup.objects.bulk_create(
        [
            MorningSignup(
                morning=morning,
                name=f"Persoon {i}",
                email=f"p{morning.pk}-{i}@example.org",
                consented_at=now,
                token_hash=f"{morning.pk}-{i}",
                status=statuses[i % 3],
            )
            for morning in made
            for i in range(signups_each)
        ]
    )
    return made


def _count(client, url) -> list[str]:
    """The queries of a visit once what the page keeps (avk.cache) is built."""
    cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries]


def test_the_public_pages_stay_flat_with_many_mornings_and_sign_ups(
    client, staff, django_assert_max_num_queries
):
    first = _many(3, 2, start=1)[0]
    public = [
        LIST,
        LIST + "?page=2",
        reverse("movement:morning_detail", args=[first.pk]),
        reverse("movement:morning_feed"),
    ]
    small = [len(_count(client, url)) for url in public]
    _many(150, 20, start=10)
    for url, before in zip(public, small, strict=True):
        # The page count and one page with its hosts and places; no sign-up row is read.
        client.get(url)  # what the page keeps is built again after the change
        with django_assert_max_num_queries(before) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert len(queries.captured_queries) <= 2
        touching = [
            q["sql"]
            for q in queries.captured_queries
            if "morningsignup" in q["sql"] and "avk_cache" not in q["sql"]  # not a cache key
        ]
        assert all("COUNT(" in sql for sql in touching)
        assert len(response.content) < 60_000

    client.force_login(staff)
    staff_urls = [
        reverse("movement:morning_manage"),
        reverse("movement:morning_participants", args=[first.pk]),
        reverse("movement:morning_plan"),
    ]
    before = [len(_count(client, url)) for url in staff_urls]
    _many(40, 30, start=400)
    MorningSignup.objects.bulk_create(
        [
            MorningSignup(
                morning=first,
                name=f"Extra {i}",
                email=f"extra{i}@example.org",
                consented_at=timezone.now(),
                token_hash=f"extra-{i}",
                status=SignupStatus.REGISTERED,
            )
            for i in range(60)
        ]
    )
    assert [len(_count(client, url)) for url in staff_urls] == before
