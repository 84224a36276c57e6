"""Shared fixtures: the personas of the portal, and the run's honesty about its services."""

import os

import pytest
from django.conf import settings
from django.db import connection

from governance.models import Body, Seat
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    PartnerFactory,
    PersonFactory,
    SeatFactory,
    UserFactory,
)
from tests.matrix import PERSONAS  # noqa: F401 (re-exported for tests)

REQUIRE_SERVICES = os.environ.get("AVK_REQUIRE_SERVICES") == "1"


def pytest_report_header(config):
    db = settings.DATABASES["default"]
    return [
        f"avk: database {db['ENGINE'].rsplit('.', 1)[-1]} {db.get('HOST') or ''} "
        f"{db['NAME']}".replace("  ", " "),
        f"avk: celery broker {os.environ.get('CELERY_BROKER_URL') or '(none: eager tasks)'}",
        "avk: strict CI mode (no skips allowed)" if REQUIRE_SERVICES else "avk: local mode",
    ]


def pytest_sessionstart(session):
    if REQUIRE_SERVICES and settings.DATABASES["default"]["ENGINE"] != (
        "django.db.backends.postgresql"
    ):
        raise pytest.UsageError("AVK_REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # In CI every test must really run: a skip there means a service or tool is missing.
    if REQUIRE_SERVICES and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in strict CI mode: {report.longrepr}"
    return report


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def _empty_cache_for_transactional_tests(request):
    """A test that commits for real starts with an empty cache. Other tests roll back the
    database cache table with their transaction; a flush after a transactional test empties
    only the model tables, and rows made afresh get the old primary keys, so a page kept
    for the previous test could otherwise come back."""
    marker = request.node.get_closest_marker("django_db")
    if {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction")
    ):
        from django.core.cache import cache

        request.getfixturevalue("transactional_db")
        cache.clear()


# --- personas -------------------------------------------------------------------------


@pytest.fixture
def partner_a(db):
    return PartnerFactory(name="Partner A")


@pytest.fixture
def partner_b(db):
    return PartnerFactory(name="Partner B", kind="zorg")


@pytest.fixture
def staff(db):
    """The programme leader: programme staff."""
    user = UserFactory(email="programmaleider@example.org", full_name="Saskia", is_staff=True)
    PersonFactory(name="Saskia", email=user.email, user=user)
    return user


@pytest.fixture
def editor_a(partner_a):
    return MembershipFactory(
        partner=partner_a, user__email="editor.a@example.org", is_editor=True
    ).user


@pytest.fixture
def editor_b(partner_b):
    return MembershipFactory(
        partner=partner_b, user__email="editor.b@example.org", is_editor=True
    ).user


@pytest.fixture
def db_body(db):
    return BodyFactory(kind=Body.Kind.DB, name="Dagelijks Bestuur", short_name="DB")


@pytest.fixture
def sg_body(db):
    return BodyFactory(kind=Body.Kind.STUURGROEP, name="Stuurgroep", short_name="SG")


def _seat_holder(email, body, role=Seat.Role.MEMBER):
    user = UserFactory(email=email)
    SeatFactory(person=PersonFactory(email=email, user=user), body=body, role=role)
    return user


@pytest.fixture
def db_member(db_body):
    return _seat_holder("db-lid@example.org", db_body)


@pytest.fixture
def sg_member(sg_body):
    return _seat_holder("stuurgroep@example.org", sg_body)


@pytest.fixture
def outsider(db):
    """Logged in, linked to nothing."""
    return UserFactory(email="outsider@example.org")


@pytest.fixture
def personas(staff, editor_a, editor_b, db_member, sg_member, outsider):
    return {
        "anonymous": None,
        "staff": staff,
        "editor_a": editor_a,
        "editor_b": editor_b,
        "db_member": db_member,
        "sg_member": sg_member,
        "outsider": outsider,
    }


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client logged in as that user (None: anonymous)."""

    def make(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return make


def celery_reconnect(**conf):
    """Change the Celery app's broker settings and drop its cached connections.

    Returns the previous values, to pass back in when the test is done.
    """
    from avk.celery import app

    if "broker_url" in conf:
        # The CELERY_BROKER_URL environment variable outranks conf.broker_url in Celery;
        # conf.broker_write_url outranks the variable.
        conf.setdefault("broker_write_url", conf["broker_url"])
    previous = {key: app.conf[key] for key in conf}
    app.conf.update(conf)
    # Kombu keeps connection pools in a global registry: drop our references, never close
    # them (a closed pool in the registry breaks every later connection to that broker).
    app._pool = None
    app.amqp._producer_pool = None
    return previous
