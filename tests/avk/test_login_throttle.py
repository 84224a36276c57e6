"""Login throttling behind the TLS proxy: one person's failures never lock out another.

Every request through the proxy arrives from the proxy's address (REMOTE_ADDR); the real
client is in X-Forwarded-For, which only counts when the deployment says the proxy is trusted.
"""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.avk.test_settings import manage
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"
PROXY = "10.0.0.2"


@pytest.fixture
def ann(db):
    return UserFactory(email="ann@example.org")


@pytest.fixture
def bob(db):
    return UserFactory(email="bob@example.org")


def login(client, email, password, forwarded_for=None):
    client.logout()
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded_for:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("home")


def test_ones_failures_do_not_lock_out_another_behind_the_same_proxy(client, ann, bob):
    for _attempt in range(8):
        assert not logged_in(login(client, "ann@example.org", "wrong-password"))
    assert logged_in(login(client, "bob@example.org", PASSWORD))
    # Ann herself is held back for a while (her own address, her own account).
    assert not logged_in(login(client, "ann@example.org", PASSWORD))


def test_failures_for_unknown_addresses_do_not_lock_out_a_colleague(client, bob):
    for number in range(12):
        login(client, f"nobody{number}@example.org", "wrong-password")
    assert logged_in(login(client, "bob@example.org", PASSWORD))


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_with_a_trusted_proxy_each_forwarded_client_is_counted_apart(client, ann):
    for _attempt in range(5):
        login(client, "ann@example.org", "wrong-password", forwarded_for="203.0.113.5")
    assert not logged_in(login(client, "ann@example.org", PASSWORD, "203.0.113.5"))
    # Someone guessing Ann's password elsewhere does not lock Ann out of her own laptop.
    assert logged_in(login(client, "ann@example.org", PASSWORD, "198.51.100.7"))


@override_settings(ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
def test_a_trusted_client_ip_header_counts_each_client_apart(client, ann):
    for _attempt in range(5):
        client.post(
            reverse("account_login"),
            {"login": "ann@example.org", "password": "wrong-password"},
            REMOTE_ADDR=PROXY,
            HTTP_X_REAL_IP="203.0.113.5",
        )
    client.logout()
    response = client.post(
        reverse("account_login"),
        {"login": "ann@example.org", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_REAL_IP="198.51.100.7",
    )
    assert logged_in(response)


def test_without_the_setting_a_forged_forwarded_for_is_ignored(client, ann):
    # Without a trusted proxy, an attacker cannot reset the count by inventing addresses.
    for number in range(5):
        login(client, "ann@example.org", "wrong-password", forwarded_for=f"192.0.2.{number}")
    assert not logged_in(login(client, "ann@example.org", PASSWORD, "192.0.2.200"))


def test_the_trusted_proxy_comes_from_the_environment_and_is_off_by_default():
    show = (
        "from django.conf import settings;"
        "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
    )
    assert manage("shell", "-v", "0", "-c", show).stdout.split() == ["0", "None"]
    configured = manage("shell", "-v", "0", "-c", show, AVK_TRUSTED_PROXY_COUNT="1")
    assert configured.stdout.split() == ["1", "None"], configured.stderr
    header = manage("shell", "-v", "0", "-c", show, AVK_TRUSTED_CLIENT_IP_HEADER="X-Real-IP")
    assert header.stdout.split() == ["0", "X-Real-IP"], header.stderr
