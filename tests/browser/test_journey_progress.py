"""An effort's owner writes the quarterly update from a phone, and the plan's roll-up
changes at once."""

from playwright.sync_api import Page, expect

from reflection.models import Effort
from tests.browser.conftest import log_in

TIMEOUT = 10_000
PHONE = {"width": 360, "height": 740}


def rollup_count(page: Page, bucket: str) -> int:
    return int(page.locator(f'#plan-rollup [data-bucket="{bucket}"] .rollup-count').inner_text())


def test_owner_posts_an_update_from_a_phone(page: Page, live_server, demo, assert_accessible):
    effort = Effort.objects.select_related("plan").get(
        title="Elke partner tuigt een intern AVK-team op"
    )
    base = live_server.url
    page.set_viewport_size(PHONE)
    log_in(page, base, "programmaleider@avk.example")

    page.goto(f"{base}/reflectie/faseplannen/{effort.plan_id}/")
    at_risk, on_track = rollup_count(page, "at_risk"), rollup_count(page, "on_track")
    page.locator(f"#effort-{effort.pk}").get_by_role("link", name=effort.title, exact=True).click()
    expect(page.locator("h1")).to_have_text(effort.title, timeout=TIMEOUT)
    assert_accessible(page)

    form = page.locator("#effort-update-form")
    form.get_by_label("Loopt risico").check()
    form.get_by_label("Percentage klaar (mag je leeg laten)").fill("101")
    form.get_by_label("Wat is er gebeurd?").fill("Bij Cosis is het team nog niet compleet.")
    form.get_by_role("button", name="Update opslaan").click()
    expect(page.locator(".error-summary")).to_contain_text("Een percentage is hoogstens 100.")
    assert_accessible(page)

    form = page.locator("#effort-update-form")
    form.get_by_label("Percentage klaar (mag je leeg laten)").fill("75")
    form.get_by_role("button", name="Update opslaan").click()
    expect(page.locator(".alert-success")).to_be_visible(timeout=TIMEOUT)
    newest = page.locator("#effort-updates li").first
    expect(newest).to_contain_text("Bij Cosis is het team nog niet compleet.")
    expect(newest).to_contain_text("Loopt risico")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the effort page scrolls sideways: {width}px"
    assert_accessible(page)

    page.get_by_role("link", name=f"Faseplan: {effort.plan}").click()
    expect(page.locator("#plan-rollup")).to_be_visible(timeout=TIMEOUT)
    assert rollup_count(page, "at_risk") == at_risk + 1
    assert rollup_count(page, "on_track") == on_track - 1
