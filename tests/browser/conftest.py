"""Browser journeys in a real Chromium (Playwright), with axe-core on every page.

Chromium comes from the system (`apt-get install chromium`), never from `playwright install`.
Without it these tests are skipped, unless AVK_REQUIRE_BROWSER=1 (CI), where they fail.
"""

import io
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
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


@pytest.fixture
def demo(transactional_db):
    """The demo alliance, as `make demo` builds it."""
    call_command("demo", stdout=io.StringIO())


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
