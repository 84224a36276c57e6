#!/usr/bin/env python
"""Take the README screenshot: the governance overview as the demo programme leader sees it.

Needs a running portal with the demo data (manage.py demo) and Chromium from the system:

    .venv/bin/python scripts/screenshot.py [http://127.0.0.1:8000] [--output docs/screenshot.png]

Playwright drives /usr/bin/chromium (or `chromium` on PATH); `playwright install` is not needed.
"""

import argparse
import os
import shutil
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DEMO_EMAIL = "programmaleider@avk.example"
DEMO_PASSWORD = "avk-demo-2026"  # noqa: S105 - partners.demo.DEMO_PASSWORD, demo data only
VIEWPORT = {"width": 1280, "height": 900}
MAX_BYTES = 400 * 1024
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium() -> str:
    chromium = os.environ.get("AVK_CHROMIUM") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else shutil.which("chromium")
    )
    if not chromium:
        sys.exit("no Chromium found: apt-get install chromium (or set AVK_CHROMIUM)")
    return chromium


def take(url: str, output: Path, email: str, password: str, full_page: bool) -> int:
    url = url.rstrip("/")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT, locale="nl-NL")
            page.goto(f"{url}/account/login/")
            form = page.locator('form:has(input[name="login"])')
            form.locator('input[name="login"]').fill(email)
            form.locator('input[name="password"]').fill(password)
            form.locator('button[type="submit"]').click()
            expect(page).to_have_url(f"{url}/", timeout=15_000)

            page.goto(f"{url}/bestuur/")
            expect(page.locator("main h1")).to_be_visible(timeout=15_000)
            page.evaluate("document.fonts.ready")
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output), full_page=full_page)
        finally:
            browser.close()
    return output.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--email", default=DEMO_EMAIL)
    parser.add_argument("--password", default=DEMO_PASSWORD)
    args = parser.parse_args()

    size = take(args.url, args.output, args.email, args.password, full_page=True)
    if size > MAX_BYTES:  # a long page: keep the README light with the first screen only
        size = take(args.url, args.output, args.email, args.password, full_page=False)
    print(f"{args.output} ({size // 1024} KB)")


if __name__ == "__main__":
    main()
