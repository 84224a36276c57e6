#!/usr/bin/env python
"""Take the README screenshots: the main pages on the demo data, at 1280 and 360 px wide.

Either against a portal that runs with the demo data (`make run` in another terminal):

    .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]

or on a throw-away demo of its own (a fresh SQLite database, the demo data and Django's
development server on a free port, all removed afterwards):

    .venv/bin/python scripts/screenshots.py --serve

The pictures go to docs/screenshots/<page>-<width>.png, as palette PNGs of at most 150 KB.
Playwright drives /usr/bin/chromium (or `chromium` on PATH), as the browser tests do;
`playwright install` is not needed.
"""

import argparse
import io
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The same Chromium, started the same way, as the browser tests.
from tests.browser.conftest import CHROMIUM_ARGS, NO_CHROMIUM, find_chromium  # noqa: E402

OUTPUT = ROOT / "docs" / "screenshots"
DEMO_PASSWORD = "avk-demo-2026"  # noqa: S105 - partners.demo.DEMO_PASSWORD, demo data only
PROGRAMME_LEADER = "programmaleider@avk.example"
EDITOR = "redacteur.cosis@avk.example"  # keeps Cosis up to date
VOTER = "lineke@avk.example"  # experience expert in the executive board (DB)
REFLECTION_YEAR = 2024  # the islands of the seed memo
# (width, viewport height, the most of a long page we keep)
SIZES = [(1280, 900, 1600), (360, 780, 2200)]
MAX_BYTES = 150 * 1024


def log_in(page: Page, base: str, email: str):
    page.context.clear_cookies()
    page.goto(f"{base}/account/login/")
    form = page.locator('form:has(input[name="login"])')
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(DEMO_PASSWORD)
    form.locator('button[type="submit"]').click()
    expect(page).to_have_url(f"{base}/", timeout=15_000)


def voting_memo_url(page: Page, base: str) -> str:
    page.goto(f"{base}/bestuur/memos/?status=voting")
    links = page.locator("main a").evaluate_all("links => links.map(a => a.pathname)")
    memos = [link for link in links if re.fullmatch(r"/bestuur/memos/\d+/", link)]
    if not memos:
        sys.exit("no memo is open for voting: is the demo data loaded (manage.py demo)?")
    return memos[0]


def own_partner_url(page: Page, base: str) -> str:
    page.goto(f"{base}/")
    links = page.locator("main a").evaluate_all("links => links.map(a => a.pathname)")
    return next(link for link in links if re.fullmatch(r"/partners/\d+/", link))


def save(png: bytes, path: Path) -> int:
    """Store as a palette PNG: the portal's flat colours survive 128 colours well."""
    for colours in (128, 64, 32):
        image = Image.open(io.BytesIO(png)).convert("RGB")
        image = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=0)
        image.save(path, optimize=True)
        if path.stat().st_size <= MAX_BYTES:
            break
    return path.stat().st_size


def shoot(page: Page, path: str, name: str, base: str, longest: int) -> None:
    page.goto(base + path)
    expect(page.locator("main h1")).to_be_visible(timeout=15_000)
    page.evaluate("document.fonts.ready")
    width = page.viewport_size["width"]
    height = min(page.evaluate("document.documentElement.scrollHeight"), longest)
    png = page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
    target = OUTPUT / f"{name}-{width}.png"
    size = save(png, target)
    print(f"{target.relative_to(ROOT)} ({size // 1024} KB)")


def take_all(base: str) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = find_chromium()
        if chromium is None:
            sys.exit(NO_CHROMIUM)
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for width, height, longest in SIZES:
                page = browser.new_page(viewport={"width": width, "height": height}, locale="nl-NL")
                log_in(page, base, PROGRAMME_LEADER)
                memo = voting_memo_url(page, base)
                shoot(page, "/", "dashboard", base, longest)
                shoot(page, "/bestuur/", "governance", base, longest)
                shoot(page, memo, "memo", base, longest)
                shoot(page, f"/reflectie/{REFLECTION_YEAR}/", "reflection-year", base, longest)
                log_in(page, base, VOTER)
                shoot(page, f"{memo}stemmen/", "voting", base, longest)
                log_in(page, base, EDITOR)
                shoot(page, own_partner_url(page, base), "partner", base, longest)
                page.close()
        finally:
            browser.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def demo_server():
    """Django's development server on a fresh SQLite database with the demo data."""
    with tempfile.TemporaryDirectory(prefix="avk-screenshots-") as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
            "AVK_VOTE_REQUIRE_MFA": "0",  # as `make run`: the demo's voters have no TOTP
        }
        for name in ("CELERY_BROKER_URL", "REDIS_URL", "DJANGO_ENV"):
            env.pop(name, None)  # tasks run eagerly, as in `make run`
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (["migrate", "--no-input"], ["createcachetable"], ["demo"]):
            subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
                [*manage, *command], env=env, check=True, stdout=subprocess.DEVNULL
            )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env["AVK_SITE_URL"] = base
        server = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _attempt in range(100):
                try:
                    urllib.request.urlopen(f"{base}/healthz/", timeout=1)  # noqa: S310 - our own
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                sys.exit("the demo server did not start")
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument(
        "--serve", action="store_true", help="start a throw-away demo server of its own"
    )
    args = parser.parse_args()
    if args.serve:
        with demo_server() as base:
            take_all(base)
    else:
        take_all(args.url.rstrip("/"))


if __name__ == "__main__":
    main()
