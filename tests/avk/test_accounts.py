import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"


@pytest.fixture
def member(db):
    return UserFactory(email="member@example.org")


def login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_by_email(client, member):
    response = login(client, "member@example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).context["user"] == member


def test_login_is_case_insensitive_on_email(client, member):
    assert login(client, "Member@Example.org", PASSWORD).status_code == 302


def test_wrong_password_shows_an_error_and_does_not_log_in(client, member):
    response = login(client, "member@example.org", "wrong-password")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not response.context["user"].is_authenticated


def test_login_is_throttled_after_repeated_failures(client, member):
    for _attempt in range(5):
        login(client, "member@example.org", "wrong-password")
    # Even the right password is refused while the limit holds.
    response = login(client, "member@example.org", PASSWORD)
    assert response.status_code in (200, 429)
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_unverified_email_cannot_log_in_but_gets_a_verification_mail(client, db):
    UserFactory(email="fresh@example.org", verified=False)
    response = login(client, "fresh@example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] != reverse("home")
    assert not client.get(reverse("home")).context["user"].is_authenticated
    assert len(mail.outbox) == 1
    assert "fresh@example.org" in mail.outbox[0].to


def test_no_self_signup_for_strangers(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "stranger@example.org",
            "password1": "x-Strong-pass-99",
            "password2": "x-Strong-pass-99",
        },
    )
    assert response.status_code in (200, 403)
    assert not EmailAddress.objects.filter(email="stranger@example.org").exists()


def test_password_reset_sends_a_link_that_sets_a_new_password(client, member, settings):
    client.post(reverse("account_reset_password"), {"email": "member@example.org"})
    assert len(mail.outbox) == 1
    pattern = re.escape(settings.SITE_URL) + r"(/account/password/reset/key/\S+/)"
    link = re.search(pattern, mail.outbox[0].body)
    assert link, mail.outbox[0].body
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": "a-New-password-2026", "password2": "a-New-password-2026"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("a-New-password-2026")


def test_mfa_totp_can_be_set_up_after_reauthentication(client, member):
    login(client, "member@example.org", PASSWORD)
    response = client.get(reverse("mfa_activate_totp"))
    if response.status_code == 302:  # allauth asks for the password again first
        assert reverse("account_reauthenticate") in response["Location"]
        client.post(response["Location"], {"password": PASSWORD})
        response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert response.context["totp_url"].startswith("otpauth://totp/")


def test_pages_carry_a_content_security_policy(client, member):
    response = client.get(reverse("account_login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


# --- joining is by invitation ----------------------------------------------------------------


def test_login_page_says_how_to_get_an_invitation_instead_of_signing_up(client, db):
    html = client.get(reverse("account_login")).content.decode()
    assert "<title>Inloggen · AVK-portaal</title>" in html
    assert reverse("account_signup") not in html
    assert "uitnodiging" in html
    assert "redacteur van je organisatie" in html and "programmateam" in html


def test_login_checkbox_is_stay_logged_in_not_abstain(client, db):
    html = client.get(reverse("account_login")).content.decode()
    assert "Ingelogd blijven" in html
    assert "Onthouden" not in html  # that word is the vote "abstain"


def test_reset_for_an_unknown_address_does_not_invite_to_sign_up(client, db):
    client.post(reverse("account_reset_password"), {"email": "stranger@example.org"})
    (message,) = mail.outbox
    assert reverse("account_signup") not in message.body
    assert "uitnodiging" in message.body


def test_closed_sign_up_page_says_how_to_get_an_invitation(client, db):
    response = client.get(reverse("account_signup"), follow=True)
    html = response.content.decode()
    assert "redacteur van je organisatie" in html and "programmateam" in html
    assert 'name="password1"' not in html
