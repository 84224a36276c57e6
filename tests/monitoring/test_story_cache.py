"""The stories behind the curve are kept rendered (avk.cache) until a story changes: a story
keeps its writer's name, so a login (which saves the user's last_login) keeps them."""

import pytest
from django.urls import reverse

from avk.cache import generation
from monitoring.models import IndicatorStory
from monitoring.selectors.indicators import STORY_READ
from tests.factories import UserFactory
from tests.monitoring.factories_indicators import IndicatorFactory


def test_a_login_keeps_the_stories_rendered_and_an_edit_shows_at_once(client, staff):
    indicator = IndicatorFactory()
    client.force_login(staff)
    page = reverse("indicator_detail", args=[indicator.pk])
    data = {"year": 2024, "helps": "Samen optrekken.", "hinders": ""}
    client.post(reverse("story_create", args=[indicator.pk]), data)
    story = IndicatorStory.objects.get()
    assert story.written_by_name == "Saskia"
    html = client.get(page).content.decode()
    assert "Samen optrekken." in html and "Geschreven door Saskia" in html

    kept = generation(STORY_READ)
    client.force_login(UserFactory())  # a login saves last_login
    staff.full_name = "Saskia Duursma"
    staff.save()
    assert generation(STORY_READ) == kept

    client.force_login(staff)
    data["helps"] = "Scholen en schuldhulp werken samen."
    client.post(reverse("story_edit", args=[story.pk]), data)
    assert generation(STORY_READ) != kept
    html = client.get(page).content.decode()
    assert "Scholen en schuldhulp werken samen." in html
    assert "Geschreven door Saskia Duursma" in html


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_the_stories_there_are_their_writers_name():
    from tests.migrating import migrate, migrate_to_latest

    apps = migrate([("monitoring", "0002_mergers_kept_on_the_municipality")])
    User = apps.get_model("avk", "User")
    Indicator = apps.get_model("monitoring", "Indicator")
    IndicatorStory = apps.get_model("monitoring", "IndicatorStory")
    indicator = Indicator.objects.create(
        name="Kinderen in armoede", definition=".", unit="percentage", polarity="lower", source="."
    )
    named = User.objects.create(email="saskia@example.org", full_name="Saskia")
    unnamed = User.objects.create(email="joost@example.org")
    for year, writer in [(2023, named), (2024, unnamed), (2025, None)]:
        IndicatorStory.objects.create(indicator=indicator, year=year, written_by=writer)
    apps = migrate([("monitoring", "0003_story_keeps_its_writers_name")])
    stories = apps.get_model("monitoring", "IndicatorStory").objects.order_by("year")
    assert [s.written_by_name for s in stories] == ["Saskia", "joost@example.org", ""]
    migrate_to_latest()
