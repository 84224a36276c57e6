"""Browser journeys in a real Chromium (Playwright), with axe-core on every page.

Chromium comes from the system (`apt-get install chromium`), never from `playwright install`.
Without it these tests are skipped, unless AVK_REQUIRE_BROWSER=1 (CI), where they fail.
"""

import io
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from playwright.sync_api import Page, expect

from partners.demo.organisations import DEMO_PASSWORD

# Playwright's sync API runs an asyncio loop in this thread; the ORM calls made by the tests
# (call_command("demo")) would otherwise raise SynchronousOnlyOperation.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
REQUIRE_BROWSER = os.environ.get("AVK_REQUIRE_BROWSER") == "1"
NO_CHROMIUM = "no Chromium found: apt-get install chromium"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # Without these Chromium keeps calling home, which floods a closed network.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# What axe reports at these levels blocks people from using the portal: the tests fail on it.
BLOCKING_IMPACTS = {"serious", "critical"}


def find_chromium() -> str | None:
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    chromium = find_chromium()
    for item in items:
        if HERE not in Path(item.path).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        if chromium is None and not REQUIRE_BROWSER:
            item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = find_chromium()
    if chromium is None:
        # Only reached with AVK_REQUIRE_BROWSER=1: the collection hook skips otherwise.
        pytest.fail(f"AVK_REQUIRE_BROWSER=1 but {NO_CHROMIUM}", pytrace=False)
    return {
        **browser_type_launch_args,
        "executable_path": chromium,
        "args": CHROMIUM_ARGS,
    }


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} serious/critical accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation.get('helpUrl', '')})"
        )
        nodes = violation.get("nodes", [])
        for node in nodes[:3]:
            target = " ".join(str(part) for part in node.get("target", []))
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            if summary:
                lines.append(f"       {summary}")
        if len(nodes) > 3:
            lines.append(f"    … and {len(nodes) - 3} more element(s)")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """assert_accessible(page): no serious or critical axe-core violation on the page."""

    def check(page):
        # axe measures colours as they are drawn: let htmx settle and finish the fades
        # (Bootstrap's button transitions), so it sees the colours people end up seeing.
        # Polled from here: wait_for_function() polls with eval() inside the page when the
        # first check fails, which the portal's CSP (no 'unsafe-eval') refuses.
        settled = "!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
        deadline = time.monotonic() + 5
        while not page.evaluate(settled) and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        page.evaluate("document.getAnimations().forEach((a) => a.finish())")
        results = axe.run(page)
        blocking = [
            violation
            for violation in results.response["violations"]
            if violation.get("impact") in BLOCKING_IMPACTS
        ]
        assert not blocking, format_violations(page.url, blocking)

    return check


# The demo as built once in this test process (PostgreSQL): a schema holding a copy of
# every table, and a copy of the media folder (the demo's documents and logos).
DEMO_SCHEMA = "demo_snapshot"
_demo_media: list[Path] = []


def build_demo() -> None:
    """The demo alliance, as `make demo` builds it, in an empty test database.

    Building it takes some ten seconds, and every journey starts from it. On PostgreSQL it
    is built once per test process and copied aside; the next test gets the copy back in
    about a second: the same rows with the same ids, the same files, an empty cache (the
    kept pages start afresh) and the sequences after the highest ids. Elsewhere (SQLite,
    in memory) it is built for every test."""
    if connection.vendor != "postgresql":
        call_command("demo", stdout=io.StringIO())
        return
    if not _demo_media:
        call_command("demo", stdout=io.StringIO())
        _demo_keep()
    else:
        _demo_bring_back()


def _demo_tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _demo_keep() -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {DEMO_SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {DEMO_SCHEMA}")
        for table in _demo_tables():
            cursor.execute(
                f"CREATE UNLOGGED TABLE {DEMO_SCHEMA}.{quote(table)} AS TABLE {quote(table)}"
            )
    kept = Path(tempfile.mkdtemp(prefix="avk-demo-media-")) / "media"
    shutil.copytree(settings.MEDIA_ROOT, kept)
    _demo_media.append(kept)


def _demo_bring_back() -> None:
    quote = connection.ops.quote_name
    tables = _demo_tables()
    with connection.cursor() as cursor:
        # Without the foreign-key triggers: the tables are filled one after the other.
        cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute("TRUNCATE " + ", ".join(quote(table) for table in tables))
            for table in tables:
                # Table names from Django's introspection, quoted: no outside input.
                kept = f"{DEMO_SCHEMA}.{quote(table)}"
                cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {kept}")  # noqa: S608
        finally:
            cursor.execute("SET session_replication_role = DEFAULT")
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    ContentType.objects.clear_cache()  # the flush made new ones; these are the demo's again
    cache.clear()  # generations and kept pages of the previous test's data
    media = Path(settings.MEDIA_ROOT)
    shutil.rmtree(media, ignore_errors=True)
    shutil.copytree(_demo_media[0], media)


@pytest.fixture
def demo(transactional_db):
    """The demo alliance, as `make demo` builds it (build_demo)."""
    build_demo()


def log_in(page: Page, base: str, email: str, *, timeout: int = 15_000) -> None:
    """Log in through the login form as one of the demo logins."""
    page.goto(f"{base}/account/login/")
    form = page.locator('form:has(input[name="login"])')
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(DEMO_PASSWORD)
    form.locator('button[type="submit"]').click()
    expect(page).to_have_url(f"{base}/", timeout=timeout)


@pytest.fixture
def requests_in_turn_on_sqlite(live_server):
    """For a journey that sends two requests at once (a race). On an in-memory SQLite
    database the live server's request threads all use the test's one connection
    (Django's LiveServerThread shares it), so two requests at once would run inside one
    transaction, which no real server does. There the server takes one request at a time
    (the whole response, under a lock), as a real server on SQLite, whose writers wait for
    the file's write lock, would. On PostgreSQL nothing changes: every thread has its own
    connection, and the requests really run at once."""
    if connection.vendor != "sqlite":
        yield live_server
        return
    httpd = live_server.thread.httpd
    app = httpd.get_app()
    lock = threading.Lock()

    def in_turn(environ, start_response):
        with lock:
            response = app(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                if hasattr(response, "close"):
                    response.close()
        return [body]

    httpd.set_app(in_turn)
    try:
        yield live_server
    finally:
        httpd.set_app(app)
