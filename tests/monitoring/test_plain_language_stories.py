"""The pages experience experts and partners read about stories are in plain Dutch (B1):
the list, sharing a story, a story, the review, the start page and the public showcase."""

import pytest
from django.urls import reverse

from monitoring.models import Experience
from monitoring.models.indicators import Visibility
from tests.monitoring.factories_experiences import SpotlightFactory, ed_member, story
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(partner_a, editor_a):
    public = story(scope=Visibility.PUBLIC, title="Een fiets voor school")
    SpotlightFactory(experience=public, is_public=True, title="Verhaal van de maand")
    SpotlightFactory(partner=partner_a, is_public=True, title="Partner in beeld")
    returned = story(
        review=Experience.Review.RETURNED,
        review_note="Haal de naam van de school weg.",
        partner=partner_a,
        submitted_by=editor_a,
    )
    return {"public": public, "returned": returned}


def test_the_pages_of_an_editor_are_plain(client, editor_a, stories):
    client.force_login(editor_a)
    for url in [
        reverse("monitoring:experience_list"),
        reverse("monitoring:experience_create"),
        reverse("monitoring:experience_detail", args=[stories["returned"].pk]),
        reverse("monitoring:experience_detail", args=[stories["public"].pk]),
        reverse("home"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_plain_page(response.content.decode())


def test_the_review_pages_are_plain(client, stories):
    waiting = story(review=Experience.Review.WAITING)
    client.force_login(ed_member())
    for url in [
        reverse("monitoring:review_list"),
        reverse("monitoring:experience_review", args=[waiting.pk]),
        reverse("home"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_plain_page(response.content.decode())


def test_the_showcase_is_plain(client, stories):
    html = client.get(reverse("showcase:index")).content.decode()
    assert "Een fiets voor school" in html and "Verhaal van de maand" in html
    assert_plain_page(html)
