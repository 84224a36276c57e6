"""The public offer pages keep what is costly and the same for everyone: the sign-up form's
fields while nobody typed in them, and the mornings' calendar feed. What they keep changes
on the next visit after a change, and nobody's own values are ever kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from movement.forms.signups import SignupForm
from movement.templatetags.signup_tags import signup_fields
from partners.models import Municipality
from tests.movement.factories_mornings import TeamMorningFactory
from tests.movement.factories_pilots import PilotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()


def test_the_kept_fields_are_the_fields_as_rendered_afresh():
    Municipality.objects.create(name="Pekela", cbs_code="GM0765")
    kept = signup_fields(SignupForm())
    from django.template.loader import render_to_string

    assert kept == render_to_string(
        "movement/includes/signup_field_list.html", {"form": SignupForm()}
    )
    assert "Pekela" in kept


def test_a_new_municipality_shows_on_the_next_visit(client):
    pilot = PilotFactory()
    url = reverse("movement:pilot_detail", args=[pilot.pk])
    assert "Midden-Groningen" not in client.get(url).content.decode()
    Municipality.objects.create(name="Midden-Groningen", cbs_code="GM1952")
    assert "Midden-Groningen" in client.get(url).content.decode()


def test_a_form_with_errors_shows_the_visitors_own_values_and_they_are_never_kept(client):
    pilot = PilotFactory()
    url = reverse("movement:pilot_detail", args=[pilot.pk])
    client.get(url)  # the untouched fields are kept now
    sent = client.post(url, {"name": "Jet Geheim", "email": "geen-adres"})
    assert sent.status_code == 200
    assert 'value="Jet Geheim"' in sent.content.decode()
    # The next visitor gets the empty form, not Jet's values.
    assert "Jet Geheim" not in client.get(url).content.decode()


def test_a_prefilled_form_is_rendered_for_its_visitor_only():
    form = SignupForm(initial={"name": "Sanne Visser", "email": "sanne@example.org"})
    assert "Sanne Visser" in signup_fields(form)
    assert "Sanne Visser" not in signup_fields(SignupForm())


def test_the_feed_shows_a_change_of_a_morning_or_its_host_on_the_next_request(client):
    morning = TeamMorningFactory(date=timezone.localdate() + datetime.timedelta(days=7))
    feed = reverse("movement:morning_feed")
    first = client.get(feed).content.decode()
    assert morning.host.name in first
    assert client.get(feed).content.decode() == first  # kept
    morning.host.name = "Lentis Zuidlaren"
    morning.host.save()
    assert "Lentis Zuidlaren" in client.get(feed).content.decode()
    morning.status = morning.Status.CANCELLED
    morning.save()
    assert "STATUS:CANCELLED" in client.get(feed).content.decode()


def test_the_pilot_list_shows_a_taken_place_and_a_new_pilot_on_the_next_visit(client):
    from tests.movement.factories_pilots import PilotSignupFactory

    pilot = PilotFactory(capacity=3)
    url = reverse("movement:pilot_list")
    assert "3 plaatsen vrij" in client.get(url).content.decode()
    PilotSignupFactory(pilot=pilot)
    assert "2 plaatsen vrij" in client.get(url).content.decode()
    PilotFactory(title="Pilot in Oldambt")
    assert "Pilot in Oldambt" in client.get(url).content.decode()


def test_the_kept_pilot_list_pages_like_before(client):
    for n in range(25):
        PilotFactory(title=f"Pilot {n:02d}")
    first = client.get(reverse("movement:pilot_list")).content.decode()
    second = client.get(reverse("movement:pilot_list"), {"page": "2"}).content.decode()
    assert "Pagina 1 van 2" in first and "Pagina 2 van 2" in second
    assert "Pilot 24" in second and "Pilot 24" not in first
    bad = client.get(reverse("movement:pilot_list"), {"page": "x" * 500})
    assert bad.status_code == 200 and "Pagina 1 van 2" in bad.content.decode()


def test_the_morning_list_shows_a_taken_place_on_the_next_visit(client):
    from tests.movement.factories_mornings import MorningSignupFactory

    morning = TeamMorningFactory(date=timezone.localdate() + datetime.timedelta(days=7))
    url = reverse("movement:morning_list")
    before = client.get(url).content.decode()
    MorningSignupFactory(morning=morning)
    after = client.get(url).content.decode()
    assert before != after
    morning.host.name = "Cosis Winschoten"
    morning.host.save()
    assert "Cosis Winschoten" in client.get(url).content.decode()
