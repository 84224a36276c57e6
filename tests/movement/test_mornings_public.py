"""Open mornings, the public side: the list and a morning's page without logging in,
"I'll join" with the shared double opt-in, withdrawing, the expiry of unconfirmed sign-ups,
the honeypot, the rate limit, and pages that never say who comes (their cost:
test_mornings_queries.py)."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import OutgoingMail
from movement.models import MorningSignup, SignupStatus, TeamMorning
from movement.services import mornings as services
from movement.services import signup_links
from movement.tasks import expire_morning_signups
from tests.factories import PartnerFactory
from tests.fuzz import garbage
from tests.movement.factories_mornings import MorningSignupFactory, TeamMorningFactory
from tests.plain_language import assert_plain_page

pytestmark = pytest.mark.django_db

LIST = reverse("movement:morning_list")
LINK = re.compile(r"https?://\S+/beweging/ochtenden/aanmelding/([\w-]+)/(bevestigen|afmelden)/")


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def form(**changes):
    data = {
        "name": "Jet Jansen",
        "email": "Jet.Jansen@example.org",
        "organisation": "Cosis",
        "municipality_text": "Veendam",
        "motivation": "Ik wil graag kennismaken.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def join(client, morning, capture, ip="192.0.2.1", **changes):
    with capture(execute=True):
        return client.post(
            reverse("movement:morning_detail", args=[morning.pk]), form(**changes), REMOTE_ADDR=ip
        )


def links(message):
    found = {kind: token for token, kind in LINK.findall(message.body)}
    return found.get("bevestigen"), found.get("afmelden")


def confirm(client, token, capture):
    with capture(execute=True):
        return client.post(reverse("movement:morning_signup_confirm", args=[token]))


def _unconfirmed(morning, n):
    return [
        services.morning_signup_create(
            morning=morning, name=f"Persoon {i}", email=f"persoon{i}@example.org", consent=True
        )[1]
        for i in range(n)
    ]


# --- the pages ------------------------------------------------------------------------


def test_the_list_shows_the_coming_mornings_with_host_place_and_times(client):
    host = PartnerFactory(name="Cosis")
    coming = TeamMorningFactory(date=days(2), host=host, place="Kerkstraat 1, Veendam")
    cancelled = TeamMorningFactory(date=days(9), status=TeamMorning.Status.CANCELLED)
    past = TeamMorningFactory(date=days(-5))
    response = client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"morning-{coming.pk}" in html and f"morning-{cancelled.pk}" in html
    assert f"morning-{past.pk}" not in html
    assert "Cosis" in html and "Kerkstraat 1, Veendam" in html and "Van 09:00 tot 12:30" in html
    assert "Afgelast" in html
    assert "3 plaatsen vrij" in html
    assert reverse("movement:morning_feed") in html and "webcal://" in html
    assert_plain_page(html)
    empty = client.get(LIST + "?page=99").content.decode()  # the last page, never a 500
    assert f"morning-{coming.pk}" in empty


def test_a_morning_page_takes_sign_ups_only_while_it_is_planned_and_to_come(
    client, django_capture_on_commit_callbacks
):
    open_one = TeamMorningFactory(note="Koffie staat klaar.")
    html = client.get(reverse("movement:morning_detail", args=[open_one.pk])).content.decode()
    assert 'id="signup-form"' in html and "Ik kom ook" in html and "Koffie staat klaar." in html
    assert_plain_page(html)
    for morning, text in [
        (TeamMorningFactory(status=TeamMorning.Status.CANCELLED), "Deze ochtend is afgelast"),
        (TeamMorningFactory(date=days(-1)), "Deze ochtend is voorbij"),
    ]:
        html = client.get(reverse("movement:morning_detail", args=[morning.pk])).content.decode()
        assert 'id="signup-form"' not in html and text in html
        response = join(client, morning, django_capture_on_commit_callbacks)
        assert response.status_code == 200
    assert not MorningSignup.objects.exists()
    assert client.get(reverse("movement:morning_detail", args=[2**70])).status_code == 404


def test_nothing_public_says_who_comes(client):
    morning = TeamMorningFactory(capacity=1)
    MorningSignupFactory(morning=morning, name="Geheime Naam", organisation="Geheime Organisatie")
    for url in (
        LIST,
        reverse("movement:morning_detail", args=[morning.pk]),
        reverse("movement:morning_signup_sent", args=[morning.pk]),
        reverse("movement:morning_feed"),
    ):
        page = client.get(url).content.decode()
        assert "Geheime" not in page
        assert "@example.org" not in page
    page = client.get(reverse("movement:morning_detail", args=[morning.pk])).content.decode()
    assert "Vol: je komt op de wachtlijst" in page


# --- "I'll join": double opt-in --------------------------------------------------------


def test_joining_mails_a_confirmation_link_and_counts_only_after_it(
    client, django_capture_on_commit_callbacks
):
    morning = TeamMorningFactory(capacity=2, host=PartnerFactory(name="Cosis"))
    response = join(client, morning, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == reverse("movement:morning_signup_sent", args=[morning.pk])
    signup = MorningSignup.objects.get()
    assert (signup.status, signup.email) == (SignupStatus.UNCONFIRMED, "jet.jansen@example.org")
    (message,) = mail.outbox
    assert message.subject == f"Bevestig je aanmelding voor “{morning.title}”"
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "binnen 7 dagen" in body
        assert "Cosis, Kerkstraat 1, Veendam" in body
        assert "09:00 \u2013 12:30" in body
    token, withdraw = links(message)
    assert token and withdraw
    assert signup.token_hash == signup_links.token_hash(token)
    assert OutgoingMail.objects.get().context["confirm_link"] == ""
    detail = reverse("movement:morning_detail", args=[morning.pk])
    assert "2 plaatsen vrij" in client.get(detail).content.decode()

    asked = client.get(reverse("movement:morning_signup_confirm", args=[token]))
    assert "Ja, bevestig mijn aanmelding" in asked.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.UNCONFIRMED  # opening the link changes nothing

    response = confirm(client, token, django_capture_on_commit_callbacks)
    assert "Je komt" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.REGISTERED and signup.confirmed_at
    assert "Je hebt een plek" in mail.outbox[1].subject
    assert "1 plaats vrij" in client.get(detail).content.decode()


def test_never_over_capacity_the_rest_waits():
    morning = TeamMorningFactory(capacity=2)
    outcomes = [services.morning_signup_confirm(token=t)[0] for t in _unconfirmed(morning, 3)]
    assert outcomes == ["registered", "registered", "waitlisted"]
    assert MorningSignup.objects.filter(status="registered").count() == 2


def test_consent_is_required_and_bad_input_gets_a_clear_message(
    client, django_capture_on_commit_callbacks
):
    morning = TeamMorningFactory()
    html = join(client, morning, django_capture_on_commit_callbacks, consent=None).content.decode()
    assert "Zet een vinkje" in html and "Jet Jansen" in html
    html = join(
        client, morning, django_capture_on_commit_callbacks, name=" ", email="geen-adres"
    ).content.decode()
    assert "Er is een probleem" in html
    assert not MorningSignup.objects.exists() and not mail.outbox


def test_a_replayed_or_forged_link_does_nothing(client, django_capture_on_commit_callbacks):
    morning = TeamMorningFactory(capacity=1)
    (token,) = _unconfirmed(morning, 1)
    confirm(client, token, django_capture_on_commit_callbacks)
    signup = MorningSignup.objects.get()
    before = (signup.status, signup.confirmed_at, signup.decided_at)
    sent = len(mail.outbox)
    response = confirm(client, token, django_capture_on_commit_callbacks)
    assert "Je hebt al bevestigd" in response.content.decode()
    signup.refresh_from_db()
    assert (signup.status, signup.confirmed_at, signup.decided_at) == before
    assert len(mail.outbox) == sent
    rows = list(MorningSignup.objects.values_list("status", "name").order_by("pk"))
    for forged in ("forged", "0-" + "0" * 32, "x" * 500, "99999999999999999999-ab"):
        for name in ("movement:morning_signup_confirm", "movement:morning_signup_withdraw"):
            url = reverse(name, args=[forged])
            assert client.get(url).status_code == 404
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(url, {"confirm": "yes"})
            assert response.status_code == 404
            assert "Deze link werkt niet" in response.content.decode()
    assert list(MorningSignup.objects.values_list("status", "name").order_by("pk")) == rows


def test_a_pilot_link_does_not_work_for_a_morning(client):
    from tests.movement.factories_pilots import PilotSignupFactory

    pilot_signup = PilotSignupFactory(status=SignupStatus.UNCONFIRMED, confirmed_at=None)
    token = signup_links.withdraw_token(pilot_signup)
    url = reverse("movement:morning_signup_withdraw", args=[token])
    assert client.post(url, {"confirm": "yes"}).status_code == 404
    pilot_signup.refresh_from_db()  # still there, untouched
    assert pilot_signup.status == SignupStatus.UNCONFIRMED


def test_a_morning_cancelled_before_the_confirmation_takes_no_one(client):
    morning = TeamMorningFactory()
    (token,) = _unconfirmed(morning, 1)
    TeamMorning.objects.filter(pk=morning.pk).update(status=TeamMorning.Status.CANCELLED)
    response = client.post(reverse("movement:morning_signup_confirm", args=[token]))
    assert "afgelast of voorbij" in response.content.decode()
    assert MorningSignup.objects.get().status == SignupStatus.UNCONFIRMED


def test_an_unconfirmed_sign_up_expires_after_7_days_daily_and_idempotent(
    client, django_capture_on_commit_callbacks
):
    morning = TeamMorningFactory()
    old_token, fresh_token = _unconfirmed(morning, 2)
    old = MorningSignup.objects.get(email="persoon0@example.org")
    MorningSignup.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=7, minutes=1)
    )
    response = confirm(client, old_token, django_capture_on_commit_callbacks)
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()

    assert expire_morning_signups.delay().get() == 1
    assert not MorningSignup.objects.filter(pk=old.pk).exists()
    assert not OutgoingMail.objects.filter(to="persoon0@example.org").exists()
    assert expire_morning_signups.delay().get() == 0  # idempotent
    assert services.morning_signup_confirm(token=fresh_token)[0] == "registered"


def test_the_expiry_runs_daily_from_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["morning-signups-expire"]
    assert entry["task"] == "movement.tasks.expire_morning_signups"


# --- withdrawing ----------------------------------------------------------------------


def test_withdrawing_deletes_the_data_and_moves_the_waiting_list_up(
    client, django_capture_on_commit_callbacks
):
    morning = TeamMorningFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        for token in _unconfirmed(morning, 2):
            services.morning_signup_confirm(token=token)
    holder = MorningSignup.objects.get(status="registered")
    waiting = MorningSignup.objects.get(status="waitlisted")
    _token, withdraw = links(next(m for m in mail.outbox if m.to == [holder.email]))
    mail.outbox.clear()
    url = reverse("movement:morning_signup_withdraw", args=[withdraw])
    assert "Ja, trek mijn aanmelding in" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "yes"})
    assert "We hebben je gegevens verwijderd" in response.content.decode()
    holder.refresh_from_db()
    assert holder.status == SignupStatus.WITHDRAWN
    assert (holder.name, holder.email, holder.motivation, holder.token_hash) == ("", "", "", None)
    assert not OutgoingMail.objects.filter(to="persoon0@example.org").exists()
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.REGISTERED
    (moved,) = mail.outbox
    assert moved.to == [waiting.email]
    assert client.post(url, {"confirm": "yes"}).status_code == 404  # used: nothing happens


def test_withdrawing_before_confirming_deletes_the_row():
    morning = TeamMorningFactory()
    (token,) = _unconfirmed(morning, 1)
    signup = MorningSignup.objects.get()
    assert services.morning_signup_withdraw(token=signup_links.withdraw_token(signup))
    assert not MorningSignup.objects.exists() and not OutgoingMail.objects.exists()
    assert services.morning_signup_confirm(token=token)[0] == "unknown"


# --- against bots ---------------------------------------------------------------------


def test_a_filled_honeypot_pretends_success_and_stores_nothing(
    client, django_capture_on_commit_callbacks
):
    morning = TeamMorningFactory()
    response = join(client, morning, django_capture_on_commit_callbacks, website="http://x.test")
    assert response.status_code == 302
    assert not MorningSignup.objects.exists() and not mail.outbox


def test_more_than_5_sign_ups_per_10_minutes_from_one_address_are_refused(client):
    morning = TeamMorningFactory(capacity=50)
    url = reverse("movement:morning_detail", args=[morning.pk])
    for i in range(5):
        response = client.post(url, form(email=f"p{i}@example.org"), REMOTE_ADDR="192.0.2.7")
        assert response.status_code == 302
    response = client.post(url, form(email="p6@example.org"), REMOTE_ADDR="192.0.2.7")
    assert "Wacht tien minuten en probeer het opnieuw" in response.content.decode()
    assert MorningSignup.objects.count() == 5
    other = client.post(url, form(email="ander@example.org"), REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 302


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.fixed_dictionaries(
        {
            "name": garbage(),
            "email": garbage("a@example.org", "x@" + "a" * 300 + ".org"),
            "organisation": garbage(),
            "municipality": garbage("1", str(2**70)),
            "municipality_text": garbage(),
            "motivation": st.one_of(garbage(), st.just("m" * 2500)),
            "consent": st.sampled_from(["", "on", "false", "1"]),
            "website": st.sampled_from(["", "x"]),
        }
    )
)
def test_the_public_join_form_never_breaks(client, values):
    cache.clear()  # the rate limit is not what this test is about
    morning = TeamMorning.objects.first() or TeamMorningFactory()
    before = MorningSignup.objects.count()
    response = client.post(reverse("movement:morning_detail", args=[morning.pk]), values)
    assert response.status_code in (200, 302)
    if response.status_code == 200 or values["website"]:
        assert MorningSignup.objects.count() == before
