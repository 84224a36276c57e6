"""A conflict of interest in a real browser, on the demo's open memo to the DB: the DB
member reports a personal interest on a phone (360 px) and the quorum line of that
decision changes; he votes on the rest; the programme leader closes the voting after the
confirmation and the decision counts its quorum over the seats that remained.
axe-core checks every page on the way."""

import pytest
from playwright.sync_api import Browser, Page, expect

from governance.demo.memo_texts import OPEN_TITLE
from governance.models import ConflictOfInterest, Memo
from tests.browser.conftest import build_demo, log_in

TIMEOUT = 10_000
PHONE = {"width": 360, "height": 740}
REASON = "Mijn organisatie doet mee aan de aanbesteding."


@pytest.fixture
def demo(transactional_db, settings):
    settings.AVK_VOTE_REQUIRE_MFA = False  # the live server runs in this process
    build_demo()


def test_a_member_steps_aside_and_staff_close_with_confirmation(
    page: Page, browser: Browser, live_server, demo, assert_accessible
):
    base = live_server.url
    memo = Memo.objects.get(title=OPEN_TITLE)
    note, second, third = memo.decisions.order_by("order", "pk")

    context = browser.new_context(viewport=PHONE)
    try:
        context.set_default_timeout(TIMEOUT)
        phone = context.new_page()
        log_in(phone, base, "db-lid@avk.example")
        phone.goto(f"{base}/bestuur/memos/{memo.pk}/stemmen/")
        # The demo's experience expert stepped aside on the third decision already.
        expect(phone.locator(f"#decision-{third.pk}-aside")).to_contain_text("Lineke")
        missing = phone.locator(f"#decision-{second.pk}-missing")
        expect(missing).to_contain_text("2 van de 3 mensen")
        assert_accessible(phone)

        phone.locator(f"#decision-{second.pk}-declare").click()
        expect(phone.locator("h1")).to_have_text("Persoonlijk belang melden")
        assert_accessible(phone)
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        phone.get_by_role("button", name="Belang melden").click()  # no reason yet
        expect(phone.locator(".error-summary")).to_be_focused()
        assert_accessible(phone)
        phone.get_by_label("Waarom heb je een persoonlijk belang?").fill(REASON)
        phone.get_by_role("button", name="Belang melden").click()

        expect(phone.locator(f"#decision-{second.pk}-my-conflict")).to_be_visible()
        # The quorum line of that decision now counts the two seats that remain.
        expect(missing).to_contain_text("2 van de 2 mensen")
        expect(phone.locator(f"#decision-{second.pk}-quorum")).to_have_text(
            "Voor dit voorstel moeten minstens 2 mensen stemmen."
        )
        expect(phone.locator(f"#choice-{second.pk}-for")).to_have_count(0)
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert_accessible(phone)

        # He votes on what is left.
        phone.locator(f"#decision-{note.pk}").get_by_role(
            "button", name="Ik heb hiervan kennisgenomen"
        ).click()
        expect(phone.locator(f"#decision-{note.pk}-confirmation")).to_be_visible()
        phone.locator(f"#choice-{third.pk}-for").click()
        expect(phone.locator(f"#decision-{third.pk}-confirmation")).to_be_visible()
    finally:
        context.close()
    conflict = ConflictOfInterest.objects.get(decision=second)
    assert conflict.reason == REASON

    # The programme leader closes early: every seat voted or stepped aside. She is asked first.
    page.set_default_timeout(TIMEOUT)
    log_in(page, base, "programmaleider@avk.example")
    page.goto(f"{base}/bestuur/memos/{memo.pk}/stemmen/")
    expect(page.locator(f"#decision-{second.pk}-aside")).to_contain_text(REASON)
    page.get_by_role("link", name="Stemming nu sluiten").click()
    expect(page.locator("#confirm-step-heading")).to_have_text("Stemming nu sluiten?")
    expect(page.locator("#confirm-step-heading")).to_be_focused()
    assert_accessible(page)
    memo.refresh_from_db()
    assert memo.status == Memo.Status.VOTING  # nothing happened yet
    page.get_by_role("button", name="Ja, sluit de stemming").click()
    expect(page.locator("#vote-closed")).to_be_visible(timeout=TIMEOUT)
    assert_accessible(page)
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.voting_seats, second.quorum, second.result) == (2, 2, "adopted")
    assert (third.voting_seats, third.quorum, third.result) == (2, 2, "adopted")
    # The decision list says who stepped aside.
    page.goto(f"{base}/bestuur/organen/{memo.body_id}/besluitenlijst/")
    expect(page.locator("#decision-list")).to_contain_text("Niet meegestemd")
    assert_accessible(page)
