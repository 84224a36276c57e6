"""Spotlights (partner en acties uitgelicht): staff keep them; the start page and the public
showcase show the current ones, a story only to who may read it."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitoring.models import Experience, Spotlight
from monitoring.models.indicators import Visibility
from monitoring.selectors.spotlights import public_spotlights, spotlights_for
from monitoring.services.spotlights import spotlight_end
from tests.factories import PartnerFactory, UserFactory
from tests.monitoring.factories_experiences import SpotlightFactory, story
from tests.partners.factories_interventions import InterventionFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("monitoring:spotlight_create")
TODAY = datetime.date(2026, 6, 1)


def data(**featured):
    return {
        "title": "Samen sterk",
        "text": "Dit werkt goed.",
        "starts_on": "2026-01-01",
        **featured,
    }


def test_staff_feature_exactly_one_thing(client, staff, partner_a):
    client.force_login(staff)
    intervention = InterventionFactory(partner=partner_a)
    experience = story()
    for refused in (
        data(),
        data(partner=partner_a.pk, intervention=intervention.pk),
        data(partner=partner_a.pk, experience=experience.pk),
        data(partner=partner_a.pk, intervention=intervention.pk, experience=experience.pk),
    ):
        response = client.post(CREATE, refused)
        assert response.status_code == 200
        assert "Kies precies één ding" in response.content.decode()
    assert not Spotlight.objects.exists()
    response = client.post(CREATE, data(partner=partner_a.pk, is_public="on"))
    assert response.status_code == 302
    spotlight = Spotlight.objects.get()
    assert (spotlight.partner, spotlight.is_public, spotlight.created_by) == (
        partner_a,
        True,
        staff,
    )


def test_an_end_before_the_start_is_refused(client, staff, partner_a):
    client.force_login(staff)
    response = client.post(CREATE, data(partner=partner_a.pk, ends_on="2025-01-01"))
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"]
    assert not Spotlight.objects.exists()


def test_staff_edit_and_end_a_spotlight(client, staff, partner_a):
    spotlight = SpotlightFactory(partner=partner_a, starts_on=timezone.localdate())
    client.force_login(staff)
    url = reverse("monitoring:spotlight_edit", args=[spotlight.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, data(partner=partner_a.pk, title="Nieuw")).status_code == 302
    spotlight.refresh_from_db()
    assert spotlight.title == "Nieuw"
    assert spotlights_for(staff) == [spotlight]
    end = reverse("monitoring:spotlight_end", args=[spotlight.pk])
    assert client.post(end).status_code == 302
    assert spotlights_for(staff) == []
    spotlight.refresh_from_db()
    assert spotlight.ends_on < timezone.localdate()


def test_ending_a_spotlight_that_has_not_started_yet(staff, partner_a):
    spotlight = SpotlightFactory(partner=partner_a, starts_on=datetime.date(2026, 7, 1))
    spotlight = spotlight_end(spotlight=spotlight, user=staff, today=TODAY)
    assert spotlight.starts_on == spotlight.ends_on == datetime.date(2026, 5, 31)
    assert spotlights_for(staff, datetime.date(2026, 7, 2)) == []


def test_only_staff_keep_spotlights(client, editor_a, partner_a):
    spotlight = SpotlightFactory(partner=partner_a)
    client.force_login(editor_a)
    assert client.post(CREATE, data(partner=partner_a.pk)).status_code == 403
    end = reverse("monitoring:spotlight_end", args=[spotlight.pk])
    assert client.post(end).status_code == 403
    spotlight.refresh_from_db()
    assert spotlight.ends_on is None


def test_what_is_shown_where():
    partner = PartnerFactory()
    gone = PartnerFactory(is_active=False)
    inside = SpotlightFactory(partner=partner, is_public=False)
    public = SpotlightFactory(intervention=InterventionFactory(partner=partner), is_public=True)
    SpotlightFactory(partner=gone, is_public=True)
    SpotlightFactory(partner=partner, is_public=True, starts_on=datetime.date(2026, 7, 1))
    SpotlightFactory(
        partner=partner,
        is_public=True,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
    )
    shared = SpotlightFactory(experience=story(scope=Visibility.PARTNERS), is_public=True)
    public_story = SpotlightFactory(experience=story(scope=Visibility.PUBLIC), is_public=True)
    SpotlightFactory(experience=story(review=Experience.Review.WAITING))
    reader = UserFactory()
    assert set(spotlights_for(reader, TODAY)) == {inside, public, shared, public_story}
    assert set(public_spotlights(TODAY)) == {public, public_story}


def test_the_start_page_shows_a_story_spotlight_only_to_who_may_read_it(client, outsider):
    internal = story(scope=Visibility.INTERNAL)
    SpotlightFactory(experience=internal, title="Alleen voor het team")
    client.force_login(outsider)
    assert "Alleen voor het team" not in client.get(reverse("home")).content.decode()
    client.force_login(UserFactory(is_staff=True))
    assert "Alleen voor het team" in client.get(reverse("home")).content.decode()


def _count(client, url):
    cache.clear()  # measure pages built afresh (avk.cache keeps the showcase otherwise)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_spotlights(client, staff, partner_a):
    client.force_login(staff)
    urls = [reverse("monitoring:spotlight_list"), reverse("home"), reverse("showcase:index")]

    def add(n):
        for i in range(n):
            kind = i % 3
            SpotlightFactory(
                is_public=bool(i % 2),
                partner=PartnerFactory() if kind == 0 else None,
                intervention=InterventionFactory() if kind == 1 else None,
                experience=story() if kind == 2 else None,
            )

    add(3)
    small = [_count(client, url) for url in urls]
    add(40)
    assert [_count(client, url) for url in urls] == small


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    featured=st.dictionaries(
        st.sampled_from(["partner", "intervention", "experience"]),
        st.one_of(st.text(max_size=12), st.integers(min_value=-(2**70), max_value=2**70)),
    ),
    starts_on=st.one_of(st.dates().map(str), st.text(max_size=12)),
    ends_on=st.one_of(st.dates().map(str), st.text(max_size=12)),
    title=st.text(max_size=250),
)
def test_spotlight_form_garbage_never_breaks(client, staff, featured, starts_on, ends_on, title):
    client.force_login(staff)
    before = Spotlight.objects.count()
    payload = {"title": title, "text": "x", "starts_on": starts_on, "ends_on": ends_on}
    response = client.post(CREATE, payload | {k: str(v) for k, v in featured.items()})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Spotlight.objects.count() == before
