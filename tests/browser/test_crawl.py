"""Every page of the portal, as every demo persona and logged out, in Chromium.

The crawl starts at the home page and follows same-origin links and search or filter forms
(GET only), so a new page is checked as soon as something links to it. Each page is checked
at 1280 and 360 px with axe-core (no serious or critical finding) and for sideways scroll, and
at 320 px for sideways scroll only. URLs that differ only in their ids (or query values) are
one URL pattern: a few samples per pattern keep the crawl complete over the pages without
visiting every object. The demo gets one draft memo, so that the memo editor is crawled too.

Each page is loaded once per persona and checked at the three widths by resizing the viewport:
the HTML does not depend on the width, only the layout does, and a resize lays the page out
again exactly as a load at that width would.
"""

import time
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import Resolver404, resolve
from django.utils import timezone
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from governance.models import Body
from governance.services.memo_parts import decision_save, section_save
from governance.services.memos import memo_create
from partners.demo.organisations import DEMO_LOGINS
from tests.browser.conftest import BLOCKING_IMPACTS, build_demo, format_violations, log_in

AXE_WIDTHS = (1280, 360)
SCROLL_WIDTHS = (1280, 360, 320)  # the sideways-scroll check also runs at the smallest phones
HEIGHT = 800
TIMEOUT = 15_000
SAMPLES_PER_PATTERN = 2
# axe calls repeated landmark names "moderate"; the crawl fails on them all the same: a screen
# reader's list of regions is of no use when several have one name.
FAILING_RULES = {"landmark-unique"}
# A safety bound, not a sample: a persona that reaches more pages than this fails the test
# (a pattern that is not collapsed would otherwise make the crawl run for ever).
MAX_VISITS_PER_PERSONA = 300

ANONYMOUS = "logged out"
PERSONAS = [ANONYMOUS] + [email for email, _who, _staff, _partner in DEMO_LOGINS]

# Pages a crawl must not open: they end the session, switch the language, belong to the raw
# admin, or are files rather than pages.
SKIPPED_URL_NAMES = {"account_logout", "language_switch", "document_download"}
SKIPPED_PREFIXES = ("/beheer/", "/static/", "/media/")
FILE_SUFFIXES = (".csv", ".ics", ".pdf", ".xlsx", ".zip", ".png", ".jpg", ".svg")

AXE_RUN = "axe.run(document, {resultTypes: ['violations']})"
# Links, and what a search or filter form (method GET) asks for with its values as they are.
LINKS_JS = """() => [
    ...Array.from(document.querySelectorAll('a[href]'), a => ({
        href: a.href, download: a.hasAttribute('download'),
    })),
    ...Array.from(document.querySelectorAll('form'))
        .filter(form => form.method === 'get' && !form.hasAttribute('hx-get'))
        .map(form => {
            const url = new URL(form.action);
            url.search = new URLSearchParams(new FormData(form)).toString();
            return {href: url.href, download: false};
        }),
]"""
OVERFLOW_JS = """() => {
    const width = window.innerWidth;
    // Is the box clipped by an ancestor's overflow? An absolutely positioned box escapes
    // every ancestor up to its containing block (its nearest positioned ancestor).
    const clipped = (el) => {
        let escaping = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            const style = getComputedStyle(up);
            const isContainingBlock = !escaping || style.position !== 'static';
            if (isContainingBlock && style.overflowX !== 'visible') return true;
            if (isContainingBlock) escaping = ['absolute', 'fixed'].includes(style.position);
        }
        return false;
    };
    const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    // What sticks out furthest to the right, to say where to look: a box or a long word.
    let worst = '', right = width + 0.5;
    for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.right > right && !clipped(el)) {
            right = box.right;
            worst = describe(el) + ': ' + (el.textContent || '').trim().slice(0, 60);
        }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        range.selectNodeContents(text);
        const box = range.getBoundingClientRect();
        if (box.right > right && !clipped(text.parentElement)) {
            right = box.right;
            worst = `text in ${describe(text.parentElement)}: ${text.data.trim().slice(0, 60)}`;
        }
    }
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: width,
        culprit: worst ? `${worst} (right edge ${Math.round(right)}px)` : '',
    };
}"""


@dataclass
class Crawl:
    visits: int = 0
    axe_runs: int = 0
    findings: list[str] = field(default_factory=list)
    # What axe reports below "serious": printed, so that it can be seen going up or down.
    minor: dict[str, list[str]] = field(default_factory=dict)


@pytest.fixture
def demo(transactional_db, settings):
    # As `make run` shows the demo: seat-holders reach the vote form without an authenticator.
    settings.AVK_VOTE_REQUIRE_MFA = False
    build_demo()
    add_a_draft_memo()


def add_a_draft_memo():
    """The demo's memos are decided or in voting: a draft brings the memo editor in."""
    leader = get_user_model().objects.get(email="programmaleider@avk.example")
    memo = memo_create(
        user=leader,
        body=Body.objects.get(short_name="DB"),
        title="Concept: kwartiermakers in de regio's",
        author="Saskia Duursma, programmaleider",
        memo_date=timezone.localdate(),
        introduction="Een voorstel voor kwartiermakers in elke regio.",
    )
    parts = [
        (
            section_save,
            {
                "title": "Inzet van kwartiermakers",
                "text": "De partners willen in elke regio een kwartiermaker.",
                "inputs": "Kwartiermakers uit de eigen regio",
                "summary": "Twee kwartiermakers per regio",
            },
        ),
        (decision_save, {"kind": "approve", "text": "de inzet van twee kwartiermakers per regio"}),
    ]
    for save, values in parts:
        memo.refresh_from_db()  # each save is a new version
        save(memo=memo, user=leader, expected_version=memo.version, **values)


def pattern_of(path: str, query: str) -> tuple | None:
    """The URL pattern a link belongs to, or None for a link the crawl leaves alone."""
    if path.startswith(SKIPPED_PREFIXES) or path.lower().endswith(FILE_SUFFIXES):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return ("unresolved", path)  # visited once: a broken link shows as a 404 finding
    if match.url_name in SKIPPED_URL_NAMES:
        return None
    keys = tuple(sorted({key for key, _value in parse_qsl(query, keep_blank_values=True)}))
    return (match.route, keys)


def check_page(page: Page, axe, crawl: Crawl, persona: str, url: str):
    page.evaluate(axe.axe_script)  # once per page load, for the runs at every width
    for width in SCROLL_WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        where = f"{persona} at {width}px: {url}"
        if width in AXE_WIDTHS:
            crawl.axe_runs += 1
            violations = page.evaluate(AXE_RUN)["violations"]
            blocking = [
                v
                for v in violations
                if v.get("impact") in BLOCKING_IMPACTS or v["id"] in FAILING_RULES
            ]
            for violation in violations:
                if violation not in blocking:
                    rule = f"{violation['id']} ({violation.get('impact')})"
                    crawl.minor.setdefault(rule, []).append(where)
            if blocking:
                crawl.findings.append(format_violations(where, blocking))
        overflow = page.evaluate(OVERFLOW_JS)
        if overflow["scrollWidth"] > overflow["innerWidth"]:
            crawl.findings.append(
                f"{where} scrolls sideways (scrollWidth {overflow['scrollWidth']}px > "
                f"{overflow['innerWidth']}px); widest: {overflow['culprit']}"
            )


def crawl_as(browser: Browser, base: str, persona: str, axe, crawl: Crawl):
    context = browser.new_context(viewport={"width": SCROLL_WIDTHS[0], "height": HEIGHT})
    context.set_default_timeout(TIMEOUT)
    try:
        page = context.new_page()
        if persona != ANONYMOUS:
            log_in(page, base, persona)
        origin = urlsplit(base).netloc
        queue = deque(["/"])
        queued = {"/"}
        samples = Counter()
        visits = 0
        while queue:
            path = queue.popleft()
            visits += 1
            assert visits <= MAX_VISITS_PER_PERSONA, (
                f"{persona} reached more than {MAX_VISITS_PER_PERSONA} pages: collapse the "
                f"URL pattern of {path} or raise the bound"
            )
            try:
                response = page.goto(base + path, wait_until="load")
            except PlaywrightError as error:
                if "Download is starting" in str(error):
                    continue  # a file behind a link that does not say so
                raise
            crawl.visits += 1
            status = response.status if response else 0
            if status >= 400:
                crawl.findings.append(f"{persona}: {path} answered HTTP {status}")
            check_page(page, axe, crawl, persona, path)
            for link in page.evaluate(LINKS_JS):
                url = urlsplit(urldefrag(link["href"])[0])
                if link["download"] or url.scheme not in ("http", "https"):
                    continue
                if url.netloc != origin:
                    continue
                target = url.path + (f"?{url.query}" if url.query else "")
                if target in queued:
                    continue
                pattern = pattern_of(url.path, url.query)
                if pattern is None or samples[pattern] >= SAMPLES_PER_PATTERN:
                    continue
                samples[pattern] += 1
                queued.add(target)
                queue.append(target)
    finally:
        context.close()


def test_every_page_as_every_persona_is_accessible_and_fits_the_screen(
    browser: Browser, live_server, demo, axe, capsys
):
    started = time.monotonic()
    crawl = Crawl()
    for persona in PERSONAS:
        crawl_as(browser, live_server.url, persona, axe, crawl)
    seconds = time.monotonic() - started
    minor = crawl.minor.items()
    with capsys.disabled():
        print(
            f"\ncrawl: {crawl.visits} visits, {crawl.axe_runs} axe runs, "
            f"{len(crawl.findings)} findings, {seconds:.0f} s; below serious: "
            + (
                "; ".join(f"{rule} x{len(where)} (first: {where[0]})" for rule, where in minor)
                or "none"
            )
        )
    assert not crawl.findings, f"{len(crawl.findings)} finding(s):\n" + "\n".join(crawl.findings)
