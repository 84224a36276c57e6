"""The stakeholder pages read in a fixed number of queries and do not grow with the years."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement.models import Stage, StakeholderEntry
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("movement:stakeholder_overview")
SLACK = 1.15  # relative: counts get a digit longer
EXTRA = 1000  # absolute


def _history(partners, years: range, per_year: int = 3):
    """Entries for every partner, `per_year` a year, stages going up and down."""
    StakeholderEntry.objects.bulk_create(
        StakeholderEntry(
            partner=partner,
            stage=Stage.values[(n + year + i) % len(Stage.values)],
            recorded_on=datetime.date(year, 1 + 4 * i, 10),
            working_on=f"Werk {year}",
            note="Een notitie over wat er speelt bij deze partner." * 3,
        )
        for n, partner in enumerate(partners)
        for year in years
        for i in range(per_year)
    )


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.content)


def test_the_pages_read_in_a_fixed_number_of_queries(client, staff):
    client.force_login(staff)
    few = [PartnerFactory() for _ in range(3)]
    _history(few, range(2024, 2026))
    urls = [OVERVIEW, reverse("movement:partner_stakeholders", args=[few[0].pk])]
    [_get(client, url) for url in urls]  # warm up whatever a first request loads once
    small = [_get(client, url)[0] for url in urls]
    many = [PartnerFactory() for _ in range(60)]
    _history([*few, *many], range(2006, 2024))
    assert [_get(client, url)[0] for url in urls] == small


def test_twenty_years_of_entries_do_not_grow_the_pages(client, staff):
    client.force_login(staff)
    partners = [PartnerFactory(name=f"Partner {n:02}") for n in range(51)]
    this_year = datetime.date.today().year
    # Ten years fill the chart (it shows ten at most); ten more must change nothing.
    _history(partners, range(this_year - 10, this_year))
    urls = [OVERVIEW, reverse("movement:partner_stakeholders", args=[partners[0].pk])]
    small = [_get(client, url)[1] for url in urls]
    _history(partners, range(this_year - 20, this_year - 10))
    large = [_get(client, url)[1] for url in urls]
    grown = [
        (url, s, big)
        for url, s, big in zip(urls, small, large, strict=True)
        if big > s * SLACK + EXTRA
    ]
    assert not grown, f"pages that grew with the years (10 years, 20 years): {grown}"
