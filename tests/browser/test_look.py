"""The AVK's own look in a real browser: its colours on every main page, a menu on one line."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from governance.models import Memo
from partners.models import Partner, PartnerMembership
from reflection.models import ReflectionSession
from tests.browser.conftest import log_in

PROGRAMME_LEADER = "programmaleider@avk.example"
TIMEOUT = 10_000
BOOTSTRAP_BLUE = "rgb(13, 110, 253)"
AVK_BLUE = "rgb(23, 69, 92)"

# Every element's colours as the browser computes them; outlines and shadows belong to the
# focus styles, which have their own tests.
COLOURS_OF_EVERY_ELEMENT = """() => {
  const properties = ['color', 'background-color', 'border-top-color', 'border-right-color',
                      'border-bottom-color', 'border-left-color', 'fill', 'stroke',
                      'text-decoration-color', 'accent-color'];
  const found = [];
  for (const element of document.querySelectorAll('body, body *')) {
    const style = getComputedStyle(element);
    for (const property of properties) {
      found.push([element.tagName.toLowerCase() + '.' + element.classList.value, property,
                  style.getPropertyValue(property)]);
    }
  }
  return found;
}"""


def bootstrap_blue_on(page: Page) -> list:
    return [
        (element, property)
        for element, property, value in page.evaluate(COLOURS_OF_EVERY_ELEMENT)
        if value == BOOTSTRAP_BLUE
    ]


def test_no_bootstrap_blue_on_the_main_pages(page: Page, live_server, demo):
    base = live_server.url
    memo = Memo.objects.filter(status=Memo.Status.VOTING).first()
    partner = Partner.objects.get(name="Cosis")
    year = ReflectionSession.objects.order_by("year").values_list("year", flat=True).first()
    log_in(page, base, PROGRAMME_LEADER)
    pages = [
        "/",
        "/bestuur/",
        "/bestuur/memos/",
        f"/bestuur/memos/{memo.pk}/",
        f"/bestuur/memos/{memo.pk}/stemmen/",
        "/partners/",
        f"/partners/{partner.pk}/",
        f"/partners/{partner.pk}/convenant/",
        f"/reflectie/{year}/",
        "/reflectie/faseplannen/",
    ]
    for path in pages:
        page.goto(base + path)
        expect(page.locator("main h1")).to_be_visible(timeout=TIMEOUT)
        assert not bootstrap_blue_on(page), f"Bootstrap blue on {path}: {bootstrap_blue_on(page)}"

        # Links and primary buttons wear the AVK blue, also under the mouse.
        link = page.locator("main p a:visible, main li a:visible").first
        if link.count():
            assert link.evaluate("e => getComputedStyle(e).color") == AVK_BLUE, path
            link.hover()
            assert link.evaluate("e => getComputedStyle(e).color") != BOOTSTRAP_BLUE, path
        button = page.locator("main .btn-primary:visible").first
        if button.count():
            colour = button.evaluate("e => getComputedStyle(e).backgroundColor")
            assert colour == AVK_BLUE, f"{path}: primary button {colour}"
            button.hover()
            assert not bootstrap_blue_on(page), f"hovered button on {path}"

    # An open menu and its current item.
    page.goto(f"{base}/bestuur/")
    page.locator("#nav-governance button").click()
    expect(page.locator("#nav-governance .dropdown-menu")).to_be_visible()
    assert not bootstrap_blue_on(page)


def test_the_staff_menu_stays_on_one_line_at_1280_px_and_works_with_the_keyboard(
    page: Page, live_server, demo
):
    # The longest menu: staff who also keep two organisations up to date.
    leader = get_user_model().objects.get(email=PROGRAMME_LEADER)
    for partner in Partner.objects.order_by("-name")[:2]:
        PartnerMembership.objects.create(user=leader, partner=partner, is_editor=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, live_server.url, PROGRAMME_LEADER)
    expect(page.locator("#nav-own")).to_be_visible()
    navbar = page.locator("nav.navbar")
    expect(page.locator("#nav-manage")).to_be_visible()
    items = page.locator("#main-nav .navbar-nav > .nav-item")
    tops = {round(box["y"]) for box in (item.bounding_box() for item in items.all())}
    assert len(tops) == 1, f"the menu wraps over {len(tops)} lines"
    account = page.locator("#nav-account").bounding_box()
    assert account["y"] < 20, "the account menu went onto a second line"
    assert navbar.bounding_box()["height"] < 70

    # Keyboard alone: open the governance menu, walk into it, close it with Escape.
    toggle = page.locator("#nav-governance button")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#nav-governance .dropdown-item").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()


@pytest.mark.parametrize(("width", "most"), [(1280, 2_000), (360, 3_000)])
def test_the_islands_of_a_year_fold_so_the_page_reads_as_a_list(
    page: Page, live_server, demo, width, most, assert_accessible
):
    """The demo's 2024 page was 6,400 px long at 1280 px and 14,700 px at 360 px."""
    base = live_server.url
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, base, PROGRAMME_LEADER)
    page.goto(f"{base}/reflectie/2024/")
    islands = page.locator("#islands > details.reflection-island")
    expect(islands).to_have_count(3)
    expect(page.locator("#islands > details[open]")).to_have_count(0)
    for island in islands.all():
        expect(island.locator("> summary")).to_contain_text(re.compile(r"2024 · \d+ aandachtspunt"))
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < most, f"the year page is {height} px long at {width} px"
    assert_accessible(page)

    # The keyboard opens an island; a link to one of its attention points opens it too.
    first = islands.first
    first.locator("> summary").focus()
    page.keyboard.press("Enter")
    expect(first).to_have_attribute("open", "")
    expect(first.locator(".reflection-point").first).to_be_visible()
    assert_accessible(page)
    link = page.locator("#unanswered li a").first
    target = page.locator(link.get_attribute("href"))
    expect(target).to_be_hidden()
    link.click()
    expect(target).to_be_visible()
