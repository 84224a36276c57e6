"""The last two steps of the movement journey (tests/browser/test_journey_movement.py): a
partner editor gives the onboarding kit their own logo and colour and takes the PDF home;
staff record where a partner stands and the movement chart changes."""

import io
import re

from django.utils import timezone
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from movement.models import StakeholderEntry
from partners.models import Partner
from tests.browser.conftest import log_in

TIMEOUT = 10_000
PDF_TIMEOUT = 30_000
DESKTOP = {"width": 1280, "height": 800}
EDITOR = "redacteur.cosis@avk.example"
LOGO_SIZE = (300, 100)
LOGO_RGB = (200, 30, 60)
COLOUR = "#C81E3C"


# --- 4. a partner editor brands the onboarding kit ------------------------------------


def _logo_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", LOGO_SIZE, LOGO_RGB).save(out, format="PNG")
    return out.getvalue()


def editor_brands_the_onboarding_kit(browser: Browser, base: str, assert_accessible) -> None:
    """The editor of Cosis sets their logo (PNG) and colour on the library's house style
    page, then takes the kit home as a PDF with their logo in it."""
    cosis = Partner.objects.get(name="Cosis")
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    try:
        context.set_default_timeout(TIMEOUT)
        page = context.new_page()
        log_in(page, base, EDITOR)
        page.goto(f"{base}/bibliotheek/")
        page.get_by_role("link", name="Huisstijl en onboardingpakket van Cosis").click()
        expect(page).to_have_url(f"{base}/bibliotheek/huisstijl/{cosis.pk}/")
        assert_accessible(page)

        form = page.locator("#house-style-form")
        form.get_by_label("Je kleur").fill(COLOUR)
        form.get_by_label("Je logo").set_input_files(
            files=[{"name": "cosis-logo.png", "mimeType": "image/png", "buffer": _logo_png()}]
        )
        form.get_by_role("button", name="Opslaan").click()
        expect(page.locator(".alert-success")).to_have_text("Je huisstijl is opgeslagen.")
        expect(page.locator("#current-colour")).to_have_text(COLOUR)
        logo = page.locator("#current-logo")
        expect(logo).to_be_visible()
        # The logo is served back (checked and written again by the portal) and shows.
        expect(logo).to_have_js_property("naturalWidth", LOGO_SIZE[0])
        assert_accessible(page)

        page.get_by_role("button", name="Download het onboardingpakket").click()
        expect(page).to_have_url(re.compile(rf"^{re.escape(base)}/documenten/[0-9a-f-]{{36}}/$"))
        link = page.locator('a[download][href$="/download/"]')
        expect(link).to_be_visible(timeout=PDF_TIMEOUT)
        assert_accessible(page)
        with page.expect_download(timeout=PDF_TIMEOUT) as info:
            link.click()
        download = info.value
        assert download.failure() is None, download.failure()
        assert download.suggested_filename == "avk-onboarding-cosis.pdf"
        reader = PdfReader(download.path())
    finally:
        context.close()

    text = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
    assert "Onboardingpakket van Cosis" in text
    assert COLOUR in text
    # Their own logo is in it: a picture of its size and colour.
    pictures = [image.image for p in reader.pages for image in p.images]
    logos = [picture for picture in pictures if picture.size == LOGO_SIZE]
    assert logos, [picture.size for picture in pictures]
    middle = logos[0].convert("RGB").getpixel((LOGO_SIZE[0] // 2, LOGO_SIZE[1] // 2))
    assert all(abs(a - b) <= 8 for a, b in zip(middle, LOGO_RGB, strict=True)), middle


# --- 5. staff record where a partner stands; the movement chart changes ---------------


def _this_year(page: Page) -> dict[str, int]:
    """This year's row of the movement chart's figures: stage -> partners."""
    section = page.locator("#movement")
    headers = section.locator("table thead th").all_inner_texts()[1:]
    year = str(timezone.localdate().year)
    row = section.locator("table tbody tr", has=page.locator("th", has_text=year))
    cells = row.locator("td").all_inner_texts()
    return {name.strip(): int(cell) for name, cell in zip(headers, cells, strict=True)}


def staff_record_a_stakeholder_stage(page: Page, base: str, assert_accessible) -> None:
    """Staff find a partner whose place is not recorded yet, record it as involved, and
    this year's bar of the movement chart counts one more partner involved."""
    page.locator("#nav-partners > button").click()
    page.locator("#nav-partners").get_by_role("link", name="Waar de partners staan").click()
    expect(page).to_have_url(f"{base}/beweging/")
    assert_accessible(page)
    page.locator("#movement summary").click()  # the figures under the chart
    before = _this_year(page)

    page.locator('select[name="stage"]').select_option("none")
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(r"\?stage=none"))
    assert_accessible(page)
    first = page.locator("main table tbody tr th a").first
    name = first.inner_text()
    partner = Partner.objects.get(name=name)
    assert not StakeholderEntry.objects.filter(partner=partner).exists()
    first.click()
    expect(page).to_have_url(f"{base}/beweging/partners/{partner.pk}/")
    expect(page.locator("main h1")).to_have_text(f"{name} in de beweging")
    assert_accessible(page)

    page.get_by_label("Betrokken", exact=True).check()
    page.locator('input[name="recorded_on"]').fill(f"{timezone.localdate():%Y-%m-%d}")
    page.locator('input[name="working_on"]').fill("Doet mee aan de pilot in Pekela")
    page.locator("main form").get_by_role("button", name="Opslaan").click()
    expect(page.locator(".alert-success").first).to_contain_text(name)
    expect(page.locator("main")).to_contain_text("Staat nu op: Betrokken")
    assert_accessible(page)
    entry = StakeholderEntry.objects.get(partner=partner)
    assert (entry.stage, entry.recorded_on) == ("involved", timezone.localdate())

    page.goto(f"{base}/beweging/")
    page.locator("#movement summary").click()
    after = _this_year(page)
    assert after["Betrokken"] == before["Betrokken"] + 1
    assert after["Nog niet vastgelegd"] == before["Nog niet vastgelegd"] - 1
    unchanged = set(before) - {"Betrokken", "Nog niet vastgelegd"}
    assert {k: after[k] for k in unchanged} == {k: before[k] for k in unchanged}
    year = timezone.localdate().year
    expect(page.locator("#movement svg rect title", has_text=f"Betrokken {year}:")).to_have_text(
        f"Betrokken {year}: {after['Betrokken']}"
    )
    assert_accessible(page)
