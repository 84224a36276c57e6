"""The phase plan's timeline on a small phone: every effort readable, nothing sideways."""

import pytest
from playwright.sync_api import Page, expect

from partners.demo.organisations import DEMO_PASSWORD
from reflection.models import PhasePlan
from tests.browser.conftest import build_demo

TIMEOUT = 10_000
PHONE = {"width": 360, "height": 740}
# Below this a line of text is too small to read without zooming.
MIN_TEXT_PX = 12
# The height of the smallest line box of an element's text as drawn on the screen (after any
# scaling, as of a chart squeezed into the phone's width).
TEXT_HEIGHT = """e => {
  const range = document.createRange();
  range.selectNodeContents(e);
  const heights = [...range.getClientRects()].map(r => r.height).filter(h => h > 0);
  return Math.min(...heights);
}"""


@pytest.fixture
def demo(transactional_db):
    build_demo()


def test_the_plan_timeline_reads_on_a_phone(page: Page, live_server, demo, assert_accessible):
    plan = PhasePlan.objects.filter(efforts__isnull=False).order_by("-number").first()
    titles = list(plan.efforts.values_list("title", flat=True))
    assert titles
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/account/login/")
    page.locator('input[name="login"]').fill("programmaleider@avk.example")
    page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    page.locator('form:has(input[name="login"]) button[type="submit"]').click()
    expect(page).to_have_url(f"{live_server.url}/", timeout=TIMEOUT)

    page.goto(f"{live_server.url}/reflectie/faseplannen/{plan.pk}/")
    timeline = page.locator("#plan-timeline")
    expect(timeline).to_be_visible(timeout=TIMEOUT)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"the plan page scrolls sideways: {scroll_width}px"
    for title in titles:
        # The whole title, as text people can read on the phone without zooming.
        label = timeline.get_by_text(title, exact=False).locator("visible=true").first
        expect(label).to_be_visible()
        box = label.bounding_box()
        size = label.evaluate(TEXT_HEIGHT)
        assert size >= MIN_TEXT_PX, f"{title!r} is drawn {size:.1f}px high"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (title, box)
    assert_accessible(page)

    # On a wide screen the chart itself, with the list out of the way.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(timeline.locator("svg[role=img]")).to_be_visible()
    expect(timeline.locator("ol")).to_be_hidden()
