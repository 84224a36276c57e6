"""Links people follow from outside the portal (mails, calendar feeds) use one address."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


def make_print(variable: str, *args: str) -> str:
    """What a recipe of the Makefile sees in its environment as `variable`."""
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    env = {k: v for k, v in os.environ.items() if k not in {"PORT", "AVK_SITE_URL"}}
    recipe = f"avk-print: ; @echo $${variable}"
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "--eval", recipe, "avk-print", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_make_run_points_links_at_the_port_it_serves_on():
    assert make_print("AVK_SITE_URL") == "http://127.0.0.1:8000"
    assert make_print("AVK_SITE_URL", "PORT=8123") == "http://127.0.0.1:8123"


def test_password_reset_mail_links_to_the_configured_site_address(client, settings, db):
    settings.SITE_URL = "https://portaal.avk.example"
    UserFactory(email="member@example.org")
    client.post(reverse("account_reset_password"), {"email": "member@example.org"})
    (message,) = mail.outbox
    assert re.search(r"https://portaal\.avk\.example/account/password/reset/key/\S+/", message.body)
    assert "testserver" not in message.body


def test_verification_mail_links_to_the_configured_site_address(client, settings, db):
    settings.SITE_URL = "https://portaal.avk.example"
    UserFactory(email="fresh@example.org", verified=False)
    client.post(reverse("account_login"), {"login": "fresh@example.org", "password": "x"})
    client.post(
        reverse("account_login"),
        {"login": "fresh@example.org", "password": "correct-horse-battery"},
    )
    (message,) = mail.outbox
    assert "https://portaal.avk.example/account/confirm-email/" in message.body
    assert "testserver" not in message.body
