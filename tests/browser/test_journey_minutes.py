"""The minutes part of the board's cycle in a real browser: the DB's secretary drafts the
latest meeting's minutes and sends them to the members; they are adopted at the next
meeting, after a confirmation; the next meeting's book (PDF) holds its agenda and both
memos."""

import re

from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from governance.demo.memo_texts import OPEN_TITLE, SEED_TITLE, STAFF_EMAIL
from governance.models import Meeting, Minutes, Seat
from tests.browser.conftest import log_in

TIMEOUT = 10_000


def test_the_secretary_drafts_minutes_adopted_at_the_next_meeting(
    page: Page, live_server, demo, assert_accessible
):
    base = live_server.url
    latest = Meeting.objects.filter(starts_at__lt=timezone.now()).order_by("-starts_at").first()
    upcoming = Meeting.objects.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
    assert Seat.objects.filter(
        body=latest.body, role=Seat.Role.SECRETARY, person__email=STAFF_EMAIL
    ).exists(), "the programme leader is the DB's secretary in the demo"
    log_in(page, base, STAFF_EMAIL)

    # From the meeting page to the draft minutes.
    page.goto(f"{base}/bestuur/vergaderingen/{latest.pk}/")
    expect(page.locator("#meeting-minutes-status")).to_contain_text("Concept")
    assert_accessible(page)
    page.goto(f"{base}/bestuur/vergaderingen/{latest.pk}/verslag/")
    page.locator("#minutes-edit").click()
    assert_accessible(page)

    # An empty item is refused with a Dutch message; nothing is saved.
    first_item = page.locator("#minutes-item-fields textarea").first
    first_item.fill("")
    page.locator("#minutes-form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text("Schrijf op wat er")
    assert_accessible(page)
    first_item = page.locator("#minutes-item-fields textarea").first
    first_item.fill("Hilde Bakker opent de vergadering. Ruben meldt zich af voor januari.")
    page.locator("#minutes-attendance-fields input[value=excused]").first.check()
    page.locator("#minutes-form button[type=submit]").click()
    expect(page.locator(".alert-success").first).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("main")).to_contain_text("Ruben meldt zich af voor januari")
    assert_accessible(page)

    # Sent to the members: the next meeting gets "Vaststellen verslag".
    page.locator("#minutes-circulate").click()
    expect(page.locator("#minutes-status")).to_contain_text("naar de leden gestuurd")

    # Adopted at the next meeting, after the confirmation.
    page.locator("#minutes-adopt").click()
    expect(page.locator("#confirm-step")).to_contain_text("Dit kun je niet ongedaan maken")
    assert_accessible(page)
    page.locator("#confirm-step-form button[type=submit]").click()
    expect(page.locator("#minutes-status")).to_contain_text("Vastgesteld", timeout=TIMEOUT)
    expect(page.locator("#minutes-edit")).to_have_count(0)
    minutes = Minutes.objects.get(meeting=latest)
    assert minutes.is_adopted and minutes.adopted_in == upcoming

    # The next meeting's book: its agenda (with the adoption) and both memos.
    page.goto(f"{base}/bestuur/vergaderingen/{upcoming.pk}/")
    expect(page.locator("#agenda")).to_contain_text("Vaststellen verslag")
    assert_accessible(page)
    page.locator('form[action$="/documenten/meeting_book/aanvragen/"] button').click()
    link = page.locator('a[download][href$="/download/"]')
    expect(link).to_be_visible(timeout=30_000)
    with page.expect_download(timeout=30_000) as info:
        link.click()
    reader = PdfReader(info.value.path())
    text = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
    for expected in ["Inhoud", "Agenda", "Vaststellen verslag", OPEN_TITLE, SEED_TITLE]:
        assert expected in text, expected
    assert "Ruben meldt zich af voor januari" in text  # the previous meeting's minutes
    assert re.search(r"\b1 / \d+", text)  # page numbers in the footer
