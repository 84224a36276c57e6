"""Public sign-ups for a pilot: the form, double opt-in, places and the waiting list,
withdrawing (AVG), the expiry of unconfirmed sign-ups, honeypot and rate limit."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from avk.models import AuditEntry, OutgoingMail
from movement.models import Pilot, PilotSignup, SignupStatus
from movement.services import pilots as services
from movement.services import signup_links
from movement.tasks import expire_pilot_signups
from partners.models import Municipality
from tests.movement.factories_pilots import PilotFactory, PilotSignupFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/beweging/pilots/aanmelding/([\w-]+)/(bevestigen|afmelden)/")


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def form(**changes):
    data = {
        "name": "Jet Jansen",
        "email": "Jet.Jansen@example.org",
        "organisation": "Cosis",
        "municipality_text": "Veendam",
        "motivation": "Ik wil de visie vertalen naar de praktijk.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def sign_up(client, pilot, capture, ip="192.0.2.1", **changes):
    with capture(execute=True):
        return client.post(
            reverse("movement:pilot_detail", args=[pilot.pk]), form(**changes), REMOTE_ADDR=ip
        )


def links(message):
    found = {kind: token for token, kind in LINK.findall(message.body)}
    return found.get("bevestigen"), found.get("afmelden")


def confirm(client, token, capture):
    with capture(execute=True):
        return client.post(reverse("movement:pilot_signup_confirm", args=[token]))


# --- the form -------------------------------------------------------------------------


def test_signing_up_mails_a_confirmation_link_and_counts_only_after_it(
    client, django_capture_on_commit_callbacks
):
    pilot = PilotFactory(capacity=2)
    response = sign_up(client, pilot, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == reverse("movement:pilot_signup_sent", args=[pilot.pk])
    signup = PilotSignup.objects.get()
    assert (signup.status, signup.email, signup.consented_at is not None) == (
        SignupStatus.UNCONFIRMED,
        "jet.jansen@example.org",
        True,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jet.jansen@example.org"]
    assert message.subject == f"Bevestig je aanmelding voor “{pilot.title}”"
    html = message.alternatives[0][0]
    assert "binnen 7 dagen" in message.body
    assert "binnen 7 dagen" in html
    token, withdraw = links(message)
    assert token and withdraw
    assert token in html and withdraw in html
    # Only the hash of the secret is stored, and the sent mail forgets the links.
    assert signup.token_hash == signup_links.token_hash(token)
    assert token not in str(PilotSignup.objects.values_list().get())
    assert OutgoingMail.objects.get().context["confirm_link"] == ""
    # Unconfirmed: no place taken yet.
    page = client.get(reverse("movement:pilot_detail", args=[pilot.pk])).content.decode()
    assert "2 plaatsen vrij" in page

    response = client.get(reverse("movement:pilot_signup_confirm", args=[token]))
    assert response.status_code == 200
    assert "Ja, bevestig mijn aanmelding" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.UNCONFIRMED  # opening the link changes nothing

    response = confirm(client, token, django_capture_on_commit_callbacks)
    assert "Je bent aangemeld" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.REGISTERED and signup.confirmed_at
    assert "Je hebt een plek" in mail.outbox[1].subject
    page = client.get(reverse("movement:pilot_detail", args=[pilot.pk])).content.decode()
    assert "1 plaats vrij" in page


def test_consent_is_required(client, django_capture_on_commit_callbacks):
    pilot = PilotFactory()
    response = sign_up(client, pilot, django_capture_on_commit_callbacks, consent=None)
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "Zet een vinkje: we kunnen je alleen aanmelden als we contact met je mogen opnemen." in page
    )
    assert "Jet Jansen" in page  # nothing typed is lost
    assert not PilotSignup.objects.exists() and not mail.outbox
    with pytest.raises(ValidationError):
        services.pilot_signup_create(pilot=pilot, name="A", email="a@example.org", consent=False)


def test_bad_input_gets_a_clear_message(client, django_capture_on_commit_callbacks):
    pilot = PilotFactory()
    response = sign_up(
        client, pilot, django_capture_on_commit_callbacks, name="  ", email="geen-adres"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Er is een probleem" in page
    assert not PilotSignup.objects.exists()


def test_a_municipality_from_the_list_or_typed(client, django_capture_on_commit_callbacks):
    pilot = PilotFactory()
    veendam = Municipality.objects.create(name="Veendam", province="Groningen")
    sign_up(client, pilot, django_capture_on_commit_callbacks, municipality=str(veendam.pk))
    assert PilotSignup.objects.get().municipality == veendam
    assert PilotSignup.objects.get().municipality_text == ""


def test_draft_pilots_are_not_public_and_closed_ones_take_no_sign_ups(
    client, staff, django_capture_on_commit_callbacks
):
    draft = PilotFactory(status=Pilot.Status.DRAFT, title="Nog geheim")
    closed = PilotFactory(status=Pilot.Status.CLOSED, title="Al dicht")
    assert client.get(reverse("movement:pilot_detail", args=[draft.pk])).status_code == 404
    listing = client.get(reverse("movement:pilot_list")).content.decode()
    assert "Nog geheim" not in listing and "Al dicht" not in listing
    response = sign_up(client, closed, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Aanmelden voor deze pilot is gesloten" in response.content.decode()
    assert not PilotSignup.objects.exists()
    client.force_login(staff)
    assert client.get(reverse("movement:pilot_detail", args=[draft.pk])).status_code == 200


def test_nothing_public_says_who_signed_up(client):
    pilot = PilotFactory(capacity=1)
    PilotSignupFactory(pilot=pilot, name="Geheime Naam", organisation="Geheime Organisatie")
    for url in (
        reverse("movement:pilot_list"),
        reverse("movement:pilot_detail", args=[pilot.pk]),
        reverse("movement:pilot_signup_sent", args=[pilot.pk]),
    ):
        page = client.get(url).content.decode()
        assert "Geheime" not in page
        assert "@example.org" not in page
    page = client.get(reverse("movement:pilot_detail", args=[pilot.pk])).content.decode()
    assert "Vol: je komt op de wachtlijst" in page


# --- places and the waiting list ------------------------------------------------------


def _unconfirmed(pilot, n, **kwargs):
    made = []
    for i in range(n):
        _signup, token = services.pilot_signup_create(
            pilot=pilot, name=f"Persoon {i}", email=f"persoon{i}@example.org", consent=True
        )
        made.append(token)
    return made


def test_confirmations_fill_the_places_first_come_then_the_waiting_list():
    pilot = PilotFactory(capacity=2)
    tokens = _unconfirmed(pilot, 3)
    outcomes = [services.pilot_signup_confirm(token=t)[0] for t in tokens]
    assert outcomes == ["registered", "registered", "waitlisted"]
    assert PilotSignup.objects.filter(status__in=["registered", "accepted"]).count() == 2
    waiting = PilotSignup.objects.get(status="waitlisted")
    assert waiting.queued_at is not None


def test_a_replayed_link_changes_nothing(client, django_capture_on_commit_callbacks):
    pilot = PilotFactory(capacity=1)
    (token,) = _unconfirmed(pilot, 1)
    confirm(client, token, django_capture_on_commit_callbacks)
    signup = PilotSignup.objects.get()
    before = (signup.status, signup.confirmed_at, signup.decided_at)
    sent = len(mail.outbox)
    response = confirm(client, token, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Je hebt al bevestigd" in response.content.decode()
    signup.refresh_from_db()
    assert (signup.status, signup.confirmed_at, signup.decided_at) == before
    assert len(mail.outbox) == sent
    get = client.get(reverse("movement:pilot_signup_confirm", args=[token]))
    assert "Je hebt al bevestigd" in get.content.decode()


@pytest.mark.parametrize(
    "token", ["forged", "a" * 43, "0-" + "0" * 32, "-", "x" * 500, "99999999999999999999-ab"]
)
def test_a_forged_token_does_nothing(client, token, django_capture_on_commit_callbacks):
    pilot = PilotFactory()
    _unconfirmed(pilot, 1)
    PilotSignupFactory(pilot=pilot)
    before = list(PilotSignup.objects.values_list("status", "name").order_by("pk"))
    for name in ("movement:pilot_signup_confirm", "movement:pilot_signup_withdraw"):
        url = reverse(name, args=[token])
        assert client.get(url).status_code == 404
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"confirm": "yes"})
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.content.decode()
    assert list(PilotSignup.objects.values_list("status", "name").order_by("pk")) == before


def test_an_expired_link_does_nothing_and_the_sign_up_is_removed_after_7_days(
    client, django_capture_on_commit_callbacks
):
    pilot = PilotFactory()
    old_token, fresh_token = _unconfirmed(pilot, 2)
    old = PilotSignup.objects.get(email="persoon0@example.org")
    PilotSignup.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=7, minutes=1)
    )
    response = confirm(client, old_token, django_capture_on_commit_callbacks)
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()
    old.refresh_from_db()
    assert old.status == SignupStatus.UNCONFIRMED
    assert OutgoingMail.objects.filter(to="persoon0@example.org").exists()

    assert expire_pilot_signups.delay().get() == 1
    assert not PilotSignup.objects.filter(pk=old.pk).exists()
    assert not OutgoingMail.objects.filter(to="persoon0@example.org").exists()
    assert PilotSignup.objects.filter(email="persoon1@example.org").exists()  # 0 days old
    assert expire_pilot_signups.delay().get() == 0  # idempotent
    assert services.pilot_signup_confirm(token=fresh_token)[0] == "registered"
    assert services.pilot_signups_expire(now=timezone.now() + datetime.timedelta(days=30)) == 0


def test_signing_up_again_replaces_the_unconfirmed_one_and_a_second_confirmation_is_refused():
    pilot = PilotFactory(capacity=5)
    first, second = (
        services.pilot_signup_create(
            pilot=pilot, name="Jet", email="jet@example.org", consent=True
        )[1]
        for _ in range(2)
    )
    assert PilotSignup.objects.count() == 1
    assert services.pilot_signup_confirm(token=first)[0] == "unknown"
    assert services.pilot_signup_confirm(token=second)[0] == "registered"
    _s, third = services.pilot_signup_create(
        pilot=pilot, name="Jet", email="JET@example.org", consent=True
    )
    assert services.pilot_signup_confirm(token=third)[0] == "duplicate"
    assert PilotSignup.objects.count() == 1


def test_a_pilot_closed_before_the_confirmation_takes_no_one():
    pilot = PilotFactory()
    (token,) = _unconfirmed(pilot, 1)
    Pilot.objects.filter(pk=pilot.pk).update(status=Pilot.Status.CLOSED)
    assert services.pilot_signup_confirm(token=token)[0] == "closed"
    assert PilotSignup.objects.get().status == SignupStatus.UNCONFIRMED


# --- withdrawing ----------------------------------------------------------------------


def test_withdrawing_deletes_the_data_and_moves_the_first_on_the_waiting_list_up(
    client, django_capture_on_commit_callbacks
):
    pilot = PilotFactory(capacity=1)
    veendam = Municipality.objects.create(name="Veendam")
    with django_capture_on_commit_callbacks(execute=True):
        tokens = _unconfirmed(pilot, 3)
        for token in tokens:
            services.pilot_signup_confirm(token=token)
    holder = PilotSignup.objects.get(status="registered")
    PilotSignup.objects.filter(pk=holder.pk).update(municipality=veendam)
    first, second = PilotSignup.objects.filter(status="waitlisted").order_by("queued_at", "pk")
    confirm_mail = next(m for m in mail.outbox if m.to == [holder.email])
    _token, withdraw = links(confirm_mail)
    mail.outbox.clear()

    url = reverse("movement:pilot_signup_withdraw", args=[withdraw])
    asked = client.get(url)
    assert asked.status_code == 200
    assert "Ja, trek mijn aanmelding in en verwijder mijn gegevens" in asked.content.decode()
    client.post(url)  # without confirm=yes: only the question again
    assert PilotSignup.objects.get(pk=holder.pk).status == "registered"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 200
    assert "We hebben je gegevens verwijderd" in response.content.decode()

    holder.refresh_from_db()
    # Anonymised, not deleted: the counts stay true, nothing identifies the person.
    assert holder.status == SignupStatus.WITHDRAWN
    assert (
        holder.name,
        holder.email,
        holder.organisation,
        holder.municipality,
        holder.municipality_text,
        holder.motivation,
        holder.token_hash,
    ) == ("", "", "", None, "", "", None)
    assert not OutgoingMail.objects.filter(to="persoon0@example.org").exists()
    assert not AuditEntry.objects.filter(object_repr__icontains="persoon").exists()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == SignupStatus.REGISTERED
    assert second.status == SignupStatus.WAITLISTED
    (moved,) = mail.outbox
    assert moved.to == [first.email]
    assert "Er is een plek vrijgekomen" in moved.body
    assert "Er is een plek vrijgekomen" in moved.alternatives[0][0]

    # The link again: nothing happens, a clear page.
    again = client.post(url, {"confirm": "yes"})
    assert again.status_code == 404
    assert "Deze link werkt niet" in again.content.decode()


def test_withdrawing_before_confirming_deletes_the_row():
    pilot = PilotFactory()
    (token,) = _unconfirmed(pilot, 1)
    signup = PilotSignup.objects.get()
    assert services.pilot_signup_withdraw(token=signup_links.withdraw_token(signup))
    assert not PilotSignup.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert services.pilot_signup_confirm(token=token)[0] == "unknown"


# --- against bots ---------------------------------------------------------------------


def test_a_filled_honeypot_pretends_success_and_stores_nothing(
    client, django_capture_on_commit_callbacks
):
    pilot = PilotFactory()
    response = sign_up(
        client, pilot, django_capture_on_commit_callbacks, website="http://spam.example"
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("movement:pilot_signup_sent", args=[pilot.pk])
    assert not PilotSignup.objects.exists()
    assert not mail.outbox and not OutgoingMail.objects.exists()


def test_the_honeypot_is_hidden_from_people(client):
    page = client.get(reverse("movement:pilot_detail", args=[PilotFactory().pk])).content
    html = page.decode()
    assert 'aria-hidden="true"' in html and 'name="website"' in html and 'tabindex="-1"' in html


def test_more_than_5_sign_ups_per_10_minutes_from_one_address_are_refused(
    client, django_capture_on_commit_callbacks
):
    pilot = PilotFactory(capacity=50)
    url = reverse("movement:pilot_detail", args=[pilot.pk])
    for i in range(5):
        response = client.post(url, form(email=f"p{i}@example.org"), REMOTE_ADDR="192.0.2.7")
        assert response.status_code == 302
    response = client.post(url, form(email="p6@example.org"), REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 200
    assert "Wacht tien minuten en probeer het opnieuw" in response.content.decode()
    assert PilotSignup.objects.count() == 5
    # Someone else is not held back.
    other = client.post(url, form(email="ander@example.org"), REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 302
    # Once the window has passed, the address may sign up again.
    cache.clear()
    again = client.post(url, form(email="p7@example.org"), REMOTE_ADDR="192.0.2.7")
    assert again.status_code == 302
