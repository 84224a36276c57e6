"""Public sign-ups for a course or learning meeting: the form (no account), double opt-in,
places and the waiting list, withdrawing (AVG), the expiry of unconfirmed sign-ups, the
link to a partner's person, and a logged-in person's own verified address."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import AuditEntry, OutgoingMail
from movement.models import Course, CourseSignup, SignupStatus
from movement.services import learning as services
from movement.services import signup_links
from movement.tasks import expire_course_signups
from tests.factories import PartnerFactory, PersonFactory, UserFactory
from tests.fuzz import garbage
from tests.movement.factories_learning import CourseFactory, CourseSignupFactory, in_days

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/beweging/leren/aanmelding/([\w-]+)/(bevestigen|afmelden)/")


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def form(**changes):
    data = {
        "name": "Jet Jansen",
        "email": "Jet.Jansen@example.org",
        "organisation": "Cosis",
        "municipality_text": "Veendam",
        "motivation": "Ik wil meer weten over generatiearmoede.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def sign_up(client, course, capture, ip="192.0.2.1", **changes):
    with capture(execute=True):
        return client.post(
            reverse("movement:course_detail", args=[course.pk]), form(**changes), REMOTE_ADDR=ip
        )


def links(message):
    found = {kind: token for token, kind in LINK.findall(message.body)}
    return found.get("bevestigen"), found.get("afmelden")


def _unconfirmed(course, n):
    return [
        services.course_signup_create(
            course=course, name=f"Persoon {i}", email=f"persoon{i}@example.org", consent=True
        )[1]
        for i in range(n)
    ]


# --- the public form ------------------------------------------------------------------


def test_anyone_signs_up_without_an_account_and_counts_after_confirming(
    client, django_capture_on_commit_callbacks
):
    course = CourseFactory(capacity=2)
    response = sign_up(client, course, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == reverse("movement:course_signup_sent", args=[course.pk])
    signup = CourseSignup.objects.get()
    assert (signup.status, signup.email, signup.person) == (
        SignupStatus.UNCONFIRMED,
        "jet.jansen@example.org",
        None,
    )
    (message,) = mail.outbox
    assert message.subject == f"Bevestig je aanmelding voor “{course.title}”"
    assert course.period in message.body
    token, withdraw = links(message)
    assert token and withdraw
    assert token in message.alternatives[0][0]
    page = client.get(reverse("movement:course_detail", args=[course.pk])).content.decode()
    assert "2 plaatsen vrij" in page

    url = reverse("movement:course_signup_confirm", args=[token])
    assert "Ja, bevestig mijn aanmelding" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert "Je bent aangemeld" in response.content.decode()
    assert "Naar het leeraanbod" in response.content.decode()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.REGISTERED
    page = client.get(reverse("movement:course_detail", args=[course.pk])).content.decode()
    assert "1 plaats vrij" in page


def test_bad_input_gets_a_clear_message_and_nothing_is_stored(
    client, django_capture_on_commit_callbacks
):
    course = CourseFactory()
    response = sign_up(
        client, course, django_capture_on_commit_callbacks, name=" ", email="x", consent=None
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Er is een probleem" in page
    assert "Zet een vinkje" in page
    assert not CourseSignup.objects.exists() and not mail.outbox


def test_drafts_are_hidden_and_closed_or_started_courses_take_no_sign_ups(
    client, staff, django_capture_on_commit_callbacks
):
    draft = CourseFactory(status=Course.Status.DRAFT, title="Nog geheim")
    closed = CourseFactory(status=Course.Status.CLOSED, title="Al dicht")
    started = CourseFactory(title="Al begonnen", starts_at=in_days(0, 0), ends_at=in_days(1, 23))
    assert client.get(reverse("movement:course_detail", args=[draft.pk])).status_code == 404
    listing = client.get(reverse("movement:course_list")).content.decode()
    for title in ("Nog geheim", "Al dicht", "Al begonnen"):
        assert title not in listing
    for course in (closed, started):
        response = sign_up(client, course, django_capture_on_commit_callbacks)
        assert response.status_code == 200
        assert "Aanmelden is hiervoor gesloten" in response.content.decode()
    assert not CourseSignup.objects.exists()
    client.force_login(staff)
    assert client.get(reverse("movement:course_detail", args=[draft.pk])).status_code == 200


def test_nothing_public_says_who_signed_up(client):
    course = CourseFactory(capacity=1)
    CourseSignupFactory(course=course, name="Geheime Naam", organisation="Geheime Organisatie")
    for url in (
        reverse("movement:course_list"),
        reverse("movement:course_detail", args=[course.pk]),
        reverse("movement:course_signup_sent", args=[course.pk]),
        reverse("movement:course_ical", args=[course.pk]),
    ):
        page = client.get(url).content.decode()
        assert "Geheime" not in page
        assert "@example.org" not in page
    page = client.get(reverse("movement:course_detail", args=[course.pk])).content.decode()
    assert "Vol: je komt op de wachtlijst" in page


def test_the_course_goes_into_a_calendar(client):
    course = CourseFactory(title="Halve maan", place="Cosis, Veendam")
    response = client.get(reverse("movement:course_ical", args=[course.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert "SUMMARY:Halve maan" in body and "LOCATION:Cosis\\, Veendam" in body
    assert f"UID:movement-course-{course.pk}@" in body
    assert course.starts_at.astimezone(datetime.UTC).strftime("DTSTART:%Y%m%dT%H%M%SZ") in body


def test_a_filled_honeypot_pretends_success_and_stores_nothing(
    client, django_capture_on_commit_callbacks
):
    course = CourseFactory()
    response = sign_up(client, course, django_capture_on_commit_callbacks, website="spam")
    assert response.status_code == 302
    assert not CourseSignup.objects.exists() and not OutgoingMail.objects.exists()


def test_more_than_5_sign_ups_per_10_minutes_from_one_address_are_refused(client):
    course = CourseFactory(capacity=50)
    url = reverse("movement:course_detail", args=[course.pk])
    for i in range(5):
        assert client.post(url, form(email=f"p{i}@example.org")).status_code == 302
    response = client.post(url, form(email="p6@example.org"))
    assert "Wacht tien minuten en probeer het opnieuw" in response.content.decode()
    assert CourseSignup.objects.count() == 5


# --- places, links, expiry ------------------------------------------------------------


def test_the_places_fill_first_come_then_the_waiting_list_never_over_capacity():
    course = CourseFactory(capacity=2)
    outcomes = [services.course_signup_confirm(token=t)[0] for t in _unconfirmed(course, 4)]
    assert outcomes == ["registered", "registered", "waitlisted", "waitlisted"]
    assert CourseSignup.objects.filter(status="registered").count() == 2


@pytest.mark.parametrize("token", ["forged", "a" * 43, "0-" + "0" * 32, "x" * 500])
def test_a_replayed_or_forged_link_does_nothing(client, token, django_capture_on_commit_callbacks):
    course = CourseFactory(capacity=1)
    (real,) = _unconfirmed(course, 1)
    assert services.course_signup_confirm(token=real)[0] == "registered"
    before = list(CourseSignup.objects.values_list("status", "confirmed_at", "decided_at"))
    sent = OutgoingMail.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(reverse("movement:course_signup_confirm", args=[real]))
    assert "Je hebt al bevestigd" in again.content.decode()
    for name in ("movement:course_signup_confirm", "movement:course_signup_withdraw"):
        response = client.post(reverse(name, args=[token]), {"confirm": "yes"})
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.content.decode()
    assert list(CourseSignup.objects.values_list("status", "confirmed_at", "decided_at")) == before
    assert OutgoingMail.objects.count() == sent


def test_unconfirmed_sign_ups_expire_after_7_days_and_are_removed_daily():
    course = CourseFactory()
    old_token, fresh_token = _unconfirmed(course, 2)
    old = CourseSignup.objects.get(email="persoon0@example.org")
    CourseSignup.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=7, minutes=1)
    )
    assert services.course_signup_confirm(token=old_token)[0] == "expired"
    assert expire_course_signups.delay().get() == 1
    assert not CourseSignup.objects.filter(pk=old.pk).exists()
    assert not OutgoingMail.objects.filter(to="persoon0@example.org").exists()
    assert expire_course_signups.delay().get() == 0  # idempotent
    assert services.course_signup_confirm(token=fresh_token)[0] == "registered"


def test_withdrawing_deletes_the_data_and_the_link_to_the_person(
    client, django_capture_on_commit_callbacks
):
    course = CourseFactory(capacity=1)
    person = PersonFactory(email="jet.jansen@example.org", partner=PartnerFactory())
    sign_up(client, course, django_capture_on_commit_callbacks)
    waiting = CourseSignupFactory(
        course=course, status=SignupStatus.WAITLISTED, queued_at=timezone.now()
    )
    token, withdraw = links(mail.outbox[0])
    holder = CourseSignup.objects.get(email="jet.jansen@example.org")
    assert holder.person == person  # the address is the person's
    services.course_signup_confirm(token=token)
    url = reverse("movement:course_signup_withdraw", args=[withdraw])
    assert "Ja, trek mijn aanmelding in" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"confirm": "yes"})
    assert "We hebben je gegevens verwijderd" in response.content.decode()
    holder.refresh_from_db()
    assert (holder.status, holder.name, holder.email, holder.person, holder.token_hash) == (
        SignupStatus.WITHDRAWN,
        "",
        "",
        None,
        None,
    )
    assert not OutgoingMail.objects.filter(to="jet.jansen@example.org").exists()
    assert not AuditEntry.objects.filter(object_repr__icontains="jet").exists()
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.REGISTERED  # the waiting list moved up
    assert client.post(url, {"confirm": "yes"}).status_code == 404  # the link is spent


def test_an_unconfirmed_sign_up_withdrawn_is_deleted():
    course = CourseFactory()
    (token,) = _unconfirmed(course, 1)
    signup = CourseSignup.objects.get()
    assert services.course_signup_withdraw(token=signup_links.withdraw_token(signup))
    assert not CourseSignup.objects.exists()
    assert services.course_signup_confirm(token=token)[0] == "unknown"


# --- a logged-in person ---------------------------------------------------------------


@pytest.fixture
def member(db):
    """A logged-in person of a partner, with a verified address (allauth)."""
    user = UserFactory(email="bas.meijer@example.org")
    person = PersonFactory(
        name="Bas Meijer", email=user.email, user=user, partner=PartnerFactory(name="Cosis")
    )
    return user, person


def test_a_logged_in_person_sees_their_details_and_signs_up_at_once(
    client, member, django_capture_on_commit_callbacks
):
    user, person = member
    course = CourseFactory(capacity=1)
    client.force_login(user)
    url = reverse("movement:course_detail", args=[course.pk])
    page = client.get(url).content.decode()
    assert 'value="Bas Meijer"' in page and 'value="bas.meijer@example.org"' in page
    assert 'value="Cosis"' in page
    values = form(name="Bas Meijer", email="Bas.Meijer@example.org", organisation="Cosis")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, values, follow=True)
    page = response.content.decode()
    assert "Je bent aangemeld voor" in page
    assert 'id="own-signup"' in page and 'id="signup-form"' not in page
    signup = CourseSignup.objects.get()
    assert (signup.status, signup.person, signup.confirmed_at is not None) == (
        SignupStatus.REGISTERED,
        person,
        True,
    )
    # No mail to prove the address (the login did); the mail about the place, with the
    # withdraw link.
    (message,) = mail.outbox
    assert message.subject.startswith("Je hebt een plek in")
    _confirm, withdraw = links(message)
    assert withdraw and not _confirm
    assert AuditEntry.objects.filter(action="signup.confirmed").count() == 1
    # The next one finds it full: the waiting list, also for a verified login.
    other_user = UserFactory(email="lotte@example.org")
    client.force_login(other_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form(email="lotte@example.org"), follow=True)
    assert "vol, dus je staat op de wachtlijst" in response.content.decode()
    assert CourseSignup.objects.get(email="lotte@example.org").status == "waitlisted"


def test_a_logged_in_person_signing_up_twice_is_told_so(
    client, member, django_capture_on_commit_callbacks
):
    user, _person = member
    course = CourseFactory()
    CourseSignupFactory(course=course, email=user.email)
    client.force_login(user)
    response = client.post(
        reverse("movement:course_detail", args=[course.pk]),
        form(email=user.email),
        follow=True,
    )
    assert "Je was al aangemeld" in response.content.decode()
    assert CourseSignup.objects.count() == 1


def test_another_or_unverified_address_still_needs_the_confirmation(
    client, member, django_capture_on_commit_callbacks
):
    user, _person = member
    EmailAddress.objects.create(user=user, email="tweede@example.org", verified=False)
    course = CourseFactory()
    client.force_login(user)
    for address in ("collega@example.org", "tweede@example.org"):
        response = sign_up(client, course, django_capture_on_commit_callbacks, email=address)
        assert response["Location"] == reverse("movement:course_signup_sent", args=[course.pk])
        signup = CourseSignup.objects.get(email=address)
        assert signup.status == SignupStatus.UNCONFIRMED
        assert signup.person is None  # someone else's sign-up is not linked to the login
    assert [m.subject.startswith("Bevestig") for m in mail.outbox] == [True, True]


def test_the_verified_service_refuses_an_address_that_is_not_the_users(member):
    user, _person = member
    with pytest.raises(ValidationError):
        services.course_signup_create_verified(
            course=CourseFactory(), user=user, name="X", email="niet@example.org", consent=True
        )
    assert not CourseSignup.objects.exists()


# --- fuzzing --------------------------------------------------------------------------


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
def test_the_public_sign_up_form_never_breaks(client, values):
    cache.clear()  # the rate limit is not what this test is about
    course = Course.objects.first() or CourseFactory()
    before = CourseSignup.objects.count()
    response = client.post(reverse("movement:course_detail", args=[course.pk]), values)
    assert response.status_code in (200, 302)
    if response.status_code == 200 or values["website"]:
        assert CourseSignup.objects.count() == before
