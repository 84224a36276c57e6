"""The start page and the showcase do not grow with the history: with 20 years of memos,
votes, decisions and meetings they are as large as with 2 years (counts, not lists; the
next meeting per body; a fixed number of spotlights and stories)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.governance.history import build_history, open_memo, years_back
from tests.monitoring.factories_experiences import SpotlightFactory, story

pytestmark = pytest.mark.django_db

SLACK = 1.15  # relative: counts and numbers get a digit longer
EXTRA = 1000  # absolute


def _sizes(clients) -> dict[str, int]:
    urls = {
        "start page, staff": (clients["staff"], reverse("home")),
        "start page, voter": (clients["voter"], reverse("home")),
        "showcase": (clients["anonymous"], reverse("showcase:index")),
    }
    sizes = {}
    for name, (client, url) in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        sizes[name] = len(response.content)
    return sizes


def test_the_start_page_and_showcase_do_not_grow_with_the_years(staff, db_member, db_body):
    clients = {"staff": Client(), "voter": Client(), "anonymous": Client()}
    clients["staff"].force_login(staff)
    clients["voter"].force_login(db_member)
    open_memo(db_body)
    build_history(db_body, years_back(2))
    for n in range(8):
        SpotlightFactory(is_public=True, experience=story(title=f"Verhaal {n}"))
    small = _sizes(clients)
    build_history(db_body, years_back(20, 3))
    for n in range(30):
        SpotlightFactory(is_public=True, experience=story(title=f"Ouder verhaal {n}"))
    large = _sizes(clients)
    grown = {
        name: (small[name], size)
        for name, size in large.items()
        if size > small[name] * SLACK + EXTRA
    }
    assert not grown, f"pages that grew with the years (2 years, 20 years): {grown}"
