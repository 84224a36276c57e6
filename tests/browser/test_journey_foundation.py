"""The foundation journey in a real browser: log in, read the governance, take its PDF home.

The live server runs against the test database (transactional), Celery runs eagerly
(settings_test), so the PDF is made inside the request that asks for it.
"""

import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from partners.demo.organisations import DEMO_PASSWORD

PROGRAMME_LEADER = "programmaleider@avk.example"
BODY_NAMES = [
    "Dagelijks Bestuur",
    "Stuurgroep",
    "Programmateam",
    "Ledenraad",
    "Raad van Toezicht",
    "Medezeggenschap ervaringsdeskundigen",
]
TIMEOUT = 10_000  # ms for an ordinary page
PDF_TIMEOUT = 30_000  # ms for the document to be made

LOGIN_FORM = 'form:has(input[name="login"])'
PDF_BUTTON = 'form[action$="/documenten/governance_overview/aanvragen/"] button'
DOWNLOAD_LINK = 'a[download][href$="/download/"]'


def fill_login(page: Page, email: str, password: str):
    form = page.locator(LOGIN_FORM)
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(password)
    form.locator('button[type="submit"]').click()


def log_in(page: Page, base_url: str, assert_accessible=None):
    page.goto(f"{base_url}/account/login/")
    expect(page.locator(LOGIN_FORM)).to_be_visible(timeout=TIMEOUT)
    if assert_accessible:
        assert_accessible(page)
    fill_login(page, PROGRAMME_LEADER, DEMO_PASSWORD)
    expect(page).to_have_url(f"{base_url}/", timeout=TIMEOUT)


def pdf_text(path) -> str:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(text.split())  # names may wrap over two lines


def test_programme_leader_takes_the_governance_overview_home_as_pdf(
    page: Page, live_server, demo, assert_accessible
):
    base = live_server.url
    log_in(page, base, assert_accessible)

    # The dashboard, in Dutch whatever the browser asks for.
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("main h1")).to_have_text(re.compile(r"^Welkom"), timeout=TIMEOUT)
    assert_accessible(page)

    # The governance overview, through the main navigation's governance menu.
    page.locator("#nav-governance button").click()
    page.locator('#nav-governance a[href="/bestuur/"]').click()
    expect(page).to_have_url(f"{base}/bestuur/", timeout=TIMEOUT)
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    for name in BODY_NAMES:
        # Each body is a card under "The groups and the people in them".
        expect(page.locator("main h3.card-title", has_text=name)).to_be_visible()
    assert_accessible(page)

    # Ask for the PDF; the document page updates itself until the download link is there.
    page.locator(PDF_BUTTON).click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(base)}/documenten/[0-9a-f-]{{36}}/$"))
    link = page.locator(DOWNLOAD_LINK)
    expect(link).to_be_visible(timeout=PDF_TIMEOUT)
    assert_accessible(page)

    with page.expect_download(timeout=PDF_TIMEOUT) as download_info:
        link.click()
    download = download_info.value
    assert download.failure() is None, download.failure()
    assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
    text = pdf_text(download.path())
    missing = [name for name in BODY_NAMES if name not in text]
    assert not missing, f"bodies missing from the PDF: {missing}\n--- PDF text ---\n{text[:2000]}"


def test_wrong_password_shows_an_error_and_stays_on_the_login_page(
    page: Page, live_server, demo, assert_accessible
):
    base = live_server.url
    page.goto(f"{base}/account/login/")
    expect(page.locator(LOGIN_FORM)).to_be_visible(timeout=TIMEOUT)

    with page.expect_response(
        lambda response: response.request.method == "POST" and "/account/login/" in response.url,
        timeout=TIMEOUT,
    ) as response_info:
        fill_login(page, PROGRAMME_LEADER, "not-the-password-2026")
    assert response_info.value.status == 200, f"login POST answered {response_info.value.status}"

    expect(page).to_have_url(re.compile(rf"^{re.escape(base)}/account/login/"))
    error = page.locator(f"{LOGIN_FORM} .alert-danger, {LOGIN_FORM} .invalid-feedback").first
    expect(error).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(f'{LOGIN_FORM} input[name="password"]')).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert_accessible(page)


def test_dashboard_fits_a_small_phone(page: Page, live_server, demo):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server.url)

    expect(page.locator("main h1")).to_be_visible(timeout=TIMEOUT)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360, f"the dashboard scrolls sideways: scrollWidth {scroll_width}px"
    expect(page.locator(".navbar-toggler")).to_be_visible()


@pytest.mark.parametrize("width", [992, 1200, 1280])
@pytest.mark.parametrize("email", [PROGRAMME_LEADER, "redacteur.cosis@avk.example"])
def test_the_navigation_never_pushes_the_page_sideways(
    page: Page, live_server, demo, width, email, assert_accessible
):
    """Staff and editors have the longest menus: it folds into the menu button below
    1200 px, and from there on its links wrap instead of pushing the page sideways."""
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(f"{live_server.url}/account/login/")
    fill_login(page, email, DEMO_PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/", timeout=TIMEOUT)
    expect(page.locator("main h1")).to_be_visible(timeout=TIMEOUT)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{width}px wide: the page scrolls sideways ({scroll_width}px)"
    assert_accessible(page)
