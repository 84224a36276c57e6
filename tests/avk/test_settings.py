"""The production switch and the environment helpers, run as a real `manage.py` would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from avk.settings import env_bool, env_int, env_str

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k3y-for-the-deploy-check-" + "x7Qp9Lm2Vb8Nc4Zr6Ht1Jw5" * 2


def manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AVK_"))}
    base.pop("DATABASE_URL", None)
    base["DJANGO_SETTINGS_MODULE"] = "avk.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": SECRET,
    "DJANGO_ALLOWED_HOSTS": "portaal.example.org",
}


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_requires_a_secret_key_and_hosts():
    result = manage("check", DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="x.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    result = manage("check", DJANGO_ENV="production", DJANGO_SECRET_KEY=SECRET)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_secret_can_come_from_a_file(tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text(SECRET + "\n")
    env = PRODUCTION | {"DJANGO_SECRET_KEY_FILE": str(secret_file)}
    del env["DJANGO_SECRET_KEY"]
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stderr


def test_demo_data_is_refused_in_production():
    result = manage("demo", **PRODUCTION)
    assert result.returncode != 0
    assert "never loaded under production" in result.stderr


def test_env_helpers_are_strict(monkeypatch):
    monkeypatch.setenv("AVK_FLAG", "yes")
    assert env_bool("AVK_FLAG", default=False) is True
    monkeypatch.setenv("AVK_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("AVK_FLAG", default=False)
    monkeypatch.setenv("AVK_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("AVK_NUMBER", 1)
    monkeypatch.delenv("AVK_NUMBER")
    assert env_int("AVK_NUMBER", 7) == 7
    assert env_str("AVK_NOT_SET", "fallback") == "fallback"
