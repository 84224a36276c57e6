"""The keyboard alone, in a real Chromium: the focus ring can be seen on every background,
a seat-holder votes with Tab, Space and Enter, and a partner editor adds a team member,
meeting the error summary on the way. No clicks: only page.keyboard."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from governance.models import Body, ProposedDecision, Vote
from partners.models import TeamMember
from tests.factories import BodyFactory, MembershipFactory, PartnerFactory
from tests.governance.factories_voting import voter, voting_memo

TIMEOUT = 10_000
MAX_TABS = 80

# The focus indicator and what lies behind it, read from the computed styles: the outline
# (drawn on the element) and the box-shadow ring (drawn around it), each with its colour
# blended over the first opaque background among the ancestors.
FOCUS_RING_JS = """
(el) => {
  // Bootstrap fades the box-shadow in: read the ring as it ends up, not half-way.
  el.getAnimations().forEach((animation) => animation.finish());
  const parse = (text) => {
    const m = text.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  const layers = [];
  for (let node = el.parentElement; node; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour && colour.a > 0) {
      layers.push(colour);
      if (colour.a >= 1) break;
    }
  }
  let background = {r: 255, g: 255, b: 255, a: 1};
  for (const layer of layers.reverse()) background = over(layer, background);
  const style = getComputedStyle(el);
  const rings = [];
  const outlineWidth = parseFloat(style.outlineWidth) || 0;
  if (style.outlineStyle !== "none" && outlineWidth > 0) {
    rings.push({where: "outline", width: outlineWidth, colour: parse(style.outlineColor)});
  }
  if (style.boxShadow && style.boxShadow !== "none") {
    const colour = parse(style.boxShadow);
    const lengths = style.boxShadow.replace(/rgba?\\([^)]*\\)/, "").match(/-?[\\d.]+px/g) || [];
    const spread = lengths.length > 3 ? parseFloat(lengths[3]) : 0;
    // The part of the shadow the outline does not paint over.
    const visible = spread - (rings.length ? outlineWidth : 0);
    if (colour && visible > 0) rings.push({where: "box-shadow", width: visible, colour});
  }
  return {
    rings: rings.map((ring) => ({...ring, colour: over(ring.colour, background)})),
    background,
    tag: el.tagName,
    text: (el.innerText || el.value || el.id || "").trim().slice(0, 40),
  };
}
"""


def luminance(colour: dict) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour["r"])
        + 0.7152 * channel(colour["g"])
        + 0.0722 * channel(colour["b"])
    )


def contrast(one: dict, other: dict) -> float:
    light, dark = sorted([luminance(one), luminance(other)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def log_in(page: Page, base: str, user):
    """Log in through a session made by Django's test client: the login form is not what
    these tests are about."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base}]
    )


def focused(page: Page) -> str:
    """A short description of the focused element: its id, else tag and text."""
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return el.id || (el.tagName + ':' + (el.innerText || '').trim().slice(0, 30)); }"
    )


def tab_to(page: Page, selector: str, *, backwards: bool = False) -> list[str]:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`; returns what
    was focused on the way. Fails when Tab never gets there."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        seen.append(focused(page))
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return seen
    raise AssertionError(f"Tab never reached {selector}; focused on the way: {seen}")


def focus_ring(page: Page) -> dict:
    return page.evaluate_handle("() => document.activeElement").evaluate(FOCUS_RING_JS)


def assert_visible_focus(page: Page, what: str):
    ring = focus_ring(page)
    assert ring["rings"], f"{what}: no focus indicator drawn ({ring})"
    assert max(r["width"] for r in ring["rings"]) >= 2, f"{what}: ring too thin ({ring})"
    best = max(contrast(r["colour"], ring["background"]) for r in ring["rings"])
    assert best >= 3, f"{what}: focus ring contrast {best:.2f}:1 < 3:1 ({ring})"


def open_voting_page(page: Page, live_server, member, memo) -> str:
    """The member's voting page of the memo; returns the live server's base URL."""
    base = live_server.url
    page.set_default_timeout(TIMEOUT)
    log_in(page, base, member)
    page.goto(f"{base}/bestuur/memos/{memo.pk}/stemmen/")
    expect(page.locator("h1")).to_be_visible()
    return base


@pytest.fixture
def voting(transactional_db, settings):
    # The live server runs in this process: the setting reaches it. MFA has its own tests.
    settings.AVK_VOTE_REQUIRE_MFA = False
    body = BodyFactory(kind=Body.Kind.DB, name="Dagelijks Bestuur", short_name="DB")
    member = voter(body, mfa=False, name="Hilde Bakker")
    voter(body, mfa=False)  # someone who has not voted yet
    memo = voting_memo(body, decisions=[ProposedDecision.Kind.APPROVE, ProposedDecision.Kind.NOTE])
    return member, memo


def test_focus_ring_has_3_to_1_contrast_on_every_background(page: Page, live_server, voting):
    member, memo = voting
    member.is_staff = True  # staff also see the <details> of who has not voted
    member.save(update_fields=["is_staff"])
    approve = memo.decisions.get(kind=ProposedDecision.Kind.APPROVE)
    base = open_voting_page(page, live_server, member, memo)

    targets = [
        ("a menu link on the dark bar", "nav a.nav-link"),
        ("the language picker on the dark bar", "#language-select"),
        ("a button on the dark bar", "nav form button"),
        ("a link in the page", "main a[href]"),
        ("a comment field", f"#comment-{approve.pk}"),
        ("a vote choice", f"#choice-{approve.pk}-for"),
        ("another vote choice", f"#choice-{approve.pk}-abstain"),
        ("a summary", "main details summary"),
        ("a dark button", "#memo-close, main .btn-primary"),
    ]
    for what, selector in targets:
        tab_to(page, selector)
        assert_visible_focus(page, what)

    # A text field, a checkbox and a button in a form of the portal.
    partner = PartnerFactory(name="Cosis")
    page.goto(f"{base}/partners/{partner.pk}/collega-uitnodigen/")
    expect(page.locator("h1")).to_be_visible()
    for what, selector in [
        ("a text field", "#id_name"),
        ("a checkbox", "#id_is_editor"),
        ("a form's button", "main form button[type=submit]"),
    ]:
        tab_to(page, selector)
        assert_visible_focus(page, what)


def test_vote_with_the_keyboard_alone(page: Page, live_server, voting, assert_accessible):
    member, memo = voting
    approve = memo.decisions.get(kind=ProposedDecision.Kind.APPROVE)
    note = memo.decisions.get(kind=ProposedDecision.Kind.NOTE)
    open_voting_page(page, live_server, member, memo)
    assert_accessible(page)
    # A marker on the live region: it must be the same element after the vote.
    page.evaluate("document.getElementById('vote-status').dataset.kept = 'yes'")

    tab_to(page, f"#comment-{approve.pk}")
    page.keyboard.type("Goed voorstel")
    # Every choice is reached by Tab, in order.
    seen = []
    for _ in range(3):
        page.keyboard.press("Tab")
        seen.append(focused(page))
    assert seen == [f"choice-{approve.pk}-{c}" for c in ["for", "against", "abstain"]], seen
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")

    confirmation = page.locator(f"#decision-{approve.pk}-confirmation")
    expect(confirmation).to_contain_text("Je stem is opgeslagen: Tegen", timeout=TIMEOUT)
    expect(confirmation).to_be_focused()
    status = page.locator("#vote-status")
    expect(status).to_have_text(confirmation.inner_text())
    assert status.get_attribute("data-kept") == "yes", "the live region was replaced"
    assert status.get_attribute("aria-live") == "polite"
    vote = Vote.objects.get(decision=approve)
    assert (vote.choice, vote.comment) == ("against", "Goed voorstel")

    # Changed with Enter, from where focus now is.
    tab_to(page, f"#choice-{approve.pk}-abstain")
    page.keyboard.press("Enter")
    expect(confirmation).to_contain_text("Je stem is opgeslagen: Onthouden", timeout=TIMEOUT)
    expect(confirmation).to_be_focused()
    expect(status).to_have_text(confirmation.inner_text())
    expect(page.locator(f"#choice-{approve.pk}-abstain")).to_contain_text("je stem nu")
    vote.refresh_from_db()
    assert vote.choice == "abstain"

    # Taking note, the same way.
    tab_to(page, f"#decision-{note.pk} button[value=acknowledged]")
    page.keyboard.press("Enter")
    noted = page.locator(f"#decision-{note.pk}-confirmation")
    expect(noted).to_contain_text("Je stem is opgeslagen", timeout=TIMEOUT)
    expect(noted).to_be_focused()
    expect(status).to_have_text(noted.inner_text())
    assert status.get_attribute("data-kept") == "yes"
    assert Vote.objects.get(decision=note).choice == "acknowledged"
    assert_accessible(page)


def test_add_a_team_member_with_the_keyboard_alone(
    page: Page, live_server, transactional_db, assert_accessible
):
    partner = PartnerFactory(name="Cosis")
    editor = MembershipFactory(partner=partner, is_editor=True).user
    base = live_server.url
    page.set_default_timeout(TIMEOUT)
    log_in(page, base, editor)
    page.goto(f"{base}/partners/{partner.pk}/team/")
    expect(page.locator("h1")).to_be_visible()
    add_button = 'form:has(input[name=action][value=add]) button[type="submit"]'

    # The name (required) left empty; the e-mail address filled in.
    tab_to(page, "#id_email")
    page.keyboard.type("eva.kok@avk.example")
    tab_to(page, add_button)
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused(timeout=TIMEOUT)
    expect(summary).to_contain_text("Naam: Dit veld is verplicht.")
    assert not TeamMember.objects.exists()
    assert_accessible(page)
    page.keyboard.press("Tab")
    expect(summary.locator('a[href="#id_name"]')).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#id_name")).to_be_focused()
    expect(page.locator("#id_email")).to_have_value("eva.kok@avk.example")

    page.keyboard.type("Eva Kok")
    tab_to(page, add_button)
    page.keyboard.press("Enter")
    expect(page.locator(".alert-success").first).to_contain_text("Eva Kok", timeout=TIMEOUT)
    member = TeamMember.objects.select_related("person").get(partner=partner)
    assert (member.person.name, member.person.email) == ("Eva Kok", "eva.kok@avk.example")
