import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avk.models import User
from partners.models import Invitation, PartnerMembership, Person
from partners.services import invitations as services

GOOD_PASSWORD = "Veenkolonien-2026!"


def invite(client, data):
    return client.post(reverse("partners:invitation_list"), data)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_staff_invites_an_editor_and_the_person_sets_a_password(
    staff_client, partner_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(
            staff_client,
            {
                "name": "Fenna de Vries",
                "email": "Fenna@Example.org",
                "partner": partner_a.pk,
                "is_editor": "on",
            },
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fenna@example.org"]
    html = message.alternatives[0][0]
    path = re.search(r"http://127\.0\.0\.1:8000(/partners/uitnodiging/[^/\s]+/)", message.body)
    assert path, message.body
    assert path.group(1) in html
    assert "Partner A" in message.body and "Partner A" in html

    staff_client.logout()
    assert staff_client.get(path.group(1)).status_code == 200
    response = staff_client.post(
        path.group(1), {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD}
    )
    assert response.status_code == 302
    user = User.objects.get(email="fenna@example.org")
    assert user.check_password(GOOD_PASSWORD)
    assert EmailAddress.objects.get(user=user).verified
    assert Person.objects.get(user=user).name == "Fenna de Vries"
    assert PartnerMembership.objects.get(user=user, partner=partner_a).is_editor
    assert staff_client.get(reverse("home")).context["user"] == user
    # The link works once.
    assert staff_client.get(path.group(1)).status_code == 410


def test_invitation_links_an_existing_person(staff, partner_a):
    person = Person.objects.create(
        name="Lineke", email="lineke@example.org", is_experience_expert=True
    )
    _invitation, token = services.invitation_create(
        invited_by=staff, email="lineke@example.org", name="Lineke"
    )
    user = services.invitation_accept(token=token, password=GOOD_PASSWORD)
    person.refresh_from_db()
    assert person.user == user
    assert person.is_experience_expert


def test_expired_invitation_is_refused_with_a_clear_page(client, staff):
    invitation, token = services.invitation_create(
        invited_by=staff, email="late@example.org", name="Late"
    )
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    url = reverse("partners:invitation_accept", args=[token])
    response = client.get(url)
    assert response.status_code == 410
    assert "expired" in response.content.decode() or "verlopen" in response.content.decode()
    response = client.post(url, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert response.status_code == 410
    assert not User.objects.filter(email="late@example.org").exists()


def test_unknown_token_is_404(client, db):
    assert client.get(reverse("partners:invitation_accept", args=["nope"])).status_code == 404


def test_a_new_invitation_replaces_the_open_one(staff):
    _first, first_token = services.invitation_create(
        invited_by=staff, email="twice@example.org", name="Twice"
    )
    _second, second_token = services.invitation_create(
        invited_by=staff, email="twice@example.org", name="Twice"
    )
    assert services.invitation_for_token(first_token).is_expired
    assert not services.invitation_for_token(second_token).is_expired


def test_weak_or_mismatched_password_keeps_the_invitation_open(client, staff):
    _invitation, token = services.invitation_create(
        invited_by=staff, email="weak@example.org", name="Weak"
    )
    url = reverse("partners:invitation_accept", args=[token])
    response = client.post(url, {"password1": "12345678", "password2": "12345678"})
    assert response.status_code == 200
    assert response.context["form"].errors
    response = client.post(url, {"password1": GOOD_PASSWORD, "password2": "other"})
    assert response.context["form"].errors["password2"]
    assert not User.objects.filter(email="weak@example.org").exists()
    assert client.get(url).status_code == 200


def test_inviting_an_existing_account_says_so(staff_client, staff):
    response = invite(staff_client, {"name": "Me", "email": staff.email})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not Invitation.objects.exists()


def test_editor_without_partner_is_refused(staff_client):
    response = invite(staff_client, {"name": "X", "email": "x@example.org", "is_editor": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["partner"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(max_size=300),
    email=st.text(max_size=300),
    partner=st.one_of(st.text(max_size=20), st.integers()),
    is_editor=st.sampled_from(["", "on", "garbage"]),
)
def test_invitation_form_garbage_never_breaks(staff_client, name, email, partner, is_editor):
    data = {
        "name": name.replace("\x00", ""),
        "email": email.replace("\x00", ""),
        "partner": str(partner),
        "is_editor": is_editor,
    }
    response = invite(staff_client, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors


def test_an_invitation_while_the_mail_server_is_down_is_kept_and_sent_later(
    staff_client, partner_a, settings, django_capture_on_commit_callbacks
):
    import contextlib

    from avk import emails
    from avk.models import OutgoingMail
    from tests.conftest import celery_reconnect

    previous = celery_reconnect(task_always_eager=False, broker_url="memory://")
    try:  # as on the real stack: the queue takes the task, a worker sends it later
        with django_capture_on_commit_callbacks(execute=True):
            response = invite(
                staff_client, {"name": "Fenna de Vries", "email": "fenna@example.org"}
            )
    finally:
        celery_reconnect(**previous)
    assert response.status_code == 302
    row = OutgoingMail.objects.get(template="invitation")
    assert row.status == OutgoingMail.Status.PENDING

    settings.EMAIL_BACKEND = "tests.avk.test_outbox.RefusingBackend"
    with contextlib.suppress(ConnectionRefusedError):  # the worker's first try fails
        emails.mail_deliver(mail_id=row.pk)
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingMail.Status.PENDING, 1)
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert emails.mail_deliver(mail_id=row.pk)  # the task's retry, or the sweep
    assert len(mail.outbox) == 1
    assert "/partners/uitnodiging/" in mail.outbox[0].body
    expires = Invitation.objects.get().expires_at
    assert str(timezone.localtime(expires).year) in mail.outbox[0].body
    row.refresh_from_db()
    assert row.status == OutgoingMail.Status.SENT
    assert row.context["link"] == ""  # the token does not outlive its mail
    assert "_forget_after_sending" not in row.context
