"""What the alliance achieves, in a real browser: staff record a story with the teller's
public consent, an experience expert approves it and the public showcase shows it; the
AVK-monitor PDF holds the indicator's chart and the story; the consent is withdrawn and the
story disappears at once — from the showcase and from the next monitor."""

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from monitoring.models import Experience
from tests.browser.conftest import log_in

TIMEOUT = 10_000
TITLE = "Samen naar de voedselbank, en daarna verder"
STORY = (
    "Mijn buurvrouw ging mee naar de voedselbank. Daar hoorde ik van het spreekuur voor "
    "geldzorgen. Nu heb ik een plan voor mijn schulden en slaap ik weer."
)


def monitor_text(page: Page, base: str) -> str:
    """Ask for this year's AVK-monitor on the dashboard and read the PDF's text."""
    page.goto(f"{base}/wat-bereiken-we/")
    page.locator('form[action$="/documenten/avk_monitor/aanvragen/"] button').click()
    link = page.locator('a[download][href$="/download/"]')
    expect(link).to_be_visible(timeout=30_000)
    with page.expect_download(timeout=30_000) as info:
        link.click()
    return " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(info.value.path()).pages).split()
    )


def test_an_approved_story_goes_public_and_a_withdrawn_one_disappears(
    page: Page, browser, live_server, demo, assert_accessible
):
    base = live_server.url

    # Staff write down the story with the teller's consent for the public.
    log_in(page, base, "programmaleider@avk.example")
    page.goto(f"{base}/ervaringen/nieuw/")
    assert_accessible(page)
    page.locator('input[name="title"]').fill(TITLE)
    page.locator('textarea[name="story"]').fill(STORY)
    page.locator('select[name="scope"]').select_option("public")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".alert-success").first).to_be_visible(timeout=TIMEOUT)
    assert_accessible(page)
    experience = Experience.objects.get(title=TITLE)
    assert experience.review == Experience.Review.WAITING and experience.is_anonymous

    # Not public yet: it waits for the experience experts.
    anonymous = browser.new_page()
    anonymous.goto(f"{base}/etalage/")
    expect(anonymous.locator("main")).not_to_contain_text(TITLE)

    # Lineke, an experience expert with a seat in their body, approves it.
    expert = browser.new_page()
    log_in(expert, base, "lineke@avk.example")
    expert.goto(f"{base}/ervaringen/beoordelen/")
    assert_accessible(expert)
    expert.locator(f'main a[href$="/ervaringen/{experience.pk}/beoordelen/"]').click()
    assert_accessible(expert)
    expert.locator('input[name="decision"][value="approve"]').check()
    expert.locator("main form button[type=submit]").first.click()
    expect(expert.locator(".alert-success").first).to_be_visible(timeout=TIMEOUT)
    experience.refresh_from_db()
    assert experience.review == Experience.Review.APPROVED
    assert experience.reviewed_by.email == "lineke@avk.example"

    # Now the public showcase tells it, without a name.
    anonymous.goto(f"{base}/etalage/")
    expect(anonymous.locator("main")).to_contain_text(TITLE)
    assert_accessible(anonymous)

    # The AVK-monitor holds the indicator with its chart and the approved story.
    text = monitor_text(page, base)
    assert "Kinderen in een gezin met een laag inkomen" in text
    assert TITLE in text

    # The teller withdraws their consent: staff record it, with a confirmation step.
    page.goto(f"{base}/ervaringen/{experience.pk}/")
    page.locator(
        f'main a[href^="/ervaringen/{experience.pk}/toestemming/"][href$="/intrekken/"]'
    ).click()
    assert_accessible(page)
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".alert-success").first).to_be_visible(timeout=TIMEOUT)

    # Gone at once, on the showcase and from every monitor made after.
    anonymous.goto(f"{base}/etalage/")
    expect(anonymous.locator("main")).not_to_contain_text(TITLE)
    assert TITLE not in monitor_text(page, base)
