"""A substitute in a real browser, on the demo's open memo to the DB: the DB member names a
substitute for his seat; she logs in on a phone (360 px), finds the memo under "awaiting my
vote" and votes for his seat; he sees that his substitute holds the vote; the programme
leader closes the voting and the decision list says the votes were cast on behalf of his
seat. axe-core checks every page on the way."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from governance.demo.memo_texts import OPEN_TITLE
from governance.models import Memo, Substitution, Vote
from tests.browser.conftest import build_demo, log_in

TIMEOUT = 10_000
PHONE = {"width": 360, "height": 740}
MEMBER = "db-lid@avk.example"  # Ruben Mulder, DB member
SUBSTITUTE = "redacteur.cosis@avk.example"  # Sanne Visser: not in the DB
ON_BEHALF = "Sanne Visser (plaatsvervanger) namens Ruben Mulder"


@pytest.fixture
def demo(transactional_db, settings):
    settings.AVK_VOTE_REQUIRE_MFA = False  # the live server runs in this process
    build_demo()


def label(text: str) -> re.Pattern:
    """A form label from its start: required fields end in an asterisk."""
    return re.compile(rf"^\s*{re.escape(text)}(?!\w)")


def fits(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_member_names_a_substitute_who_votes_for_his_seat_on_a_phone(
    page: Page, browser: Browser, live_server, demo, assert_accessible
):
    base = live_server.url
    memo = Memo.objects.get(title=OPEN_TITLE)
    note, second, third = memo.decisions.order_by("order", "pk")
    vote_page = f"{base}/bestuur/memos/{memo.pk}/stemmen/"
    page.set_default_timeout(TIMEOUT)

    # The DB member names his substitute from the voting page.
    log_in(page, base, MEMBER)
    page.goto(vote_page)
    page.locator("#substitute-link").click()
    expect(page.locator("h1")).to_have_text("Plaatsvervanger")
    assert_accessible(page)
    form = page.locator("#substitute-form")
    form.get_by_role("button", name="Plaatsvervanger opslaan").click()  # nothing filled in
    expect(page.locator(".error-summary")).to_be_focused()
    assert_accessible(page)
    today = timezone.localdate()
    form = page.locator("#substitute-form")
    form.get_by_label(label("E-mailadres van je plaatsvervanger")).fill(SUBSTITUTE)
    form.get_by_label(label("Eerste dag")).fill(today.isoformat())
    form.get_by_label(label("Laatste dag")).fill((today + datetime.timedelta(days=6)).isoformat())
    form.get_by_role("button", name="Plaatsvervanger opslaan").click()
    expect(page.locator("#substitute-list")).to_contain_text("Sanne Visser")
    assert_accessible(page)
    made = Substitution.objects.get(substitute__email=SUBSTITUTE)
    assert made.seat.person.email == MEMBER and made.ends_on == today + datetime.timedelta(6)

    # She votes for his seat on a phone.
    context = browser.new_context(viewport=PHONE)
    try:
        context.set_default_timeout(TIMEOUT)
        phone = context.new_page()
        log_in(phone, base, SUBSTITUTE)
        phone.goto(f"{base}/bestuur/mijn-stemmen/")
        assert_accessible(phone)
        phone.get_by_role("link", name="Naar de stemming").first.click()
        expect(phone.locator("#vote-acting-for")).to_contain_text(
            "Je bent de plaatsvervanger van Ruben Mulder"
        )
        assert fits(phone)
        assert_accessible(phone)
        phone.locator(f"#decision-{note.pk}").get_by_role(
            "button", name="Ik heb hiervan kennisgenomen"
        ).click()
        expect(phone.locator(f"#decision-{note.pk}-confirmation")).to_be_visible()
        for decision in (second, third):
            phone.locator(f"#choice-{decision.pk}-for").click()
            expect(phone.locator(f"#decision-{decision.pk}-confirmation")).to_be_visible()
            expect(phone.locator(f"#decision-{decision.pk}-mine")).to_contain_text(
                "De stem voor de zetel van Ruben Mulder:"
            )
        assert fits(phone)
        assert_accessible(phone)
    finally:
        context.close()
    votes = Vote.objects.filter(decision__memo=memo, seat=made.seat)
    assert votes.count() == 3
    assert {v.substitution_id for v in votes} == {made.pk}

    # He sees that his substitute holds the vote, and cannot vote himself.
    page.goto(vote_page)
    expect(page.locator("#vote-represented")).to_contain_text("Sanne Visser is je plaatsvervanger")
    expect(page.locator(f"#choice-{second.pk}-for")).to_have_count(0)
    assert_accessible(page)

    # The programme leader closes (every seat voted or stepped aside), after confirming.
    page.context.clear_cookies()
    log_in(page, base, "programmaleider@avk.example")
    page.goto(vote_page)
    page.get_by_role("link", name="Stemming nu sluiten").click()
    page.get_by_role("button", name="Ja, sluit de stemming").click()
    expect(page.locator("#vote-closed")).to_be_visible()
    # The decision list says who voted on behalf of whom.
    page.goto(f"{base}/bestuur/organen/{memo.body_id}/besluitenlijst/")
    for decision in (second, third):
        entry = decision.listed
        expect(page.locator(f"#decision-{entry.pk}-on-behalf")).to_contain_text(ON_BEHALF)
    assert_accessible(page)
