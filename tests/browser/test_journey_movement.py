"""The movement in a real browser, on the demo alliance: staff publish a pilot and send the
call to the newsletter readers; a reader follows the link in it on a phone without logging
in, signs up, confirms through the link in the next mail and is accepted; the last free
place is taken by two people who confirm at the same moment (one gets it, the other
waits); a partner editor gives the onboarding kit their own logo and colour and takes the
PDF home; staff record where a partner stands and the movement chart
changes. axe-core checks every page on the way.

Each step is a function of its own, called in order by the test at the bottom; the call
for pilots to the newsletter readers, and what it brought, are in movement_mailing.py; the
kit and the stakeholder steps in movement_partners.py.

The race (step 3): both confirmation pages are open in two browser contexts (two people).
The sync Playwright API drives one page at a time, so the clicks are not made from the
test: each page is told (one evaluate() each, CLICK_AT) to click its own confirm button at
one wall-clock moment half a second ahead, and both pages click at that moment by
themselves. The test asserts that the two POSTs were in flight at the same time (the
second left before the answer to the first came back). The live server answers each
request in a thread of its own. On PostgreSQL each
thread has its own connection, so the two confirmations really run at once and the
pilot's row lock decides. On SQLite the live server's threads share the test's one
in-memory connection (Django's LiveServerThread does that for in-memory databases), which
no real server does and which interleaves two transactions on one connection; there the
requests are taken in turn (`requests_in_turn_on_sqlite`), as SQLite's write lock takes
them in turn on a real server.
"""

import datetime
import re
from urllib.parse import urlsplit

from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from movement.models import PLACE_HOLDING, Pilot, PilotSignup, SignupStatus
from reflection.models import Effort
from tests.browser.conftest import log_in
from tests.browser.movement_mailing import (
    SUBJECT,
    staff_see_what_the_mailing_brought,
    staff_send_call_to_readers,
)
from tests.browser.movement_partners import (
    editor_brands_the_onboarding_kit,
    staff_record_a_stakeholder_stage,
)

TIMEOUT = 10_000
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

STAFF = "programmaleider@avk.example"
READER = "jet.jansen@example.org"
RACERS = ["kees.koster@example.org", "lotte.leeuw@example.org"]
TITLE = "Visie in actie in Pekela"
CAPACITY = 2
CONFIRM_LINK = re.compile(r"https?://\S+/beweging/pilots/aanmelding/[\w-]+/bevestigen/")


def _path(link: str) -> str:
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _mails_to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def _confirm_path(address: str) -> str:
    """The confirmation link of the newest confirmation mail to `address`, as a path."""
    [message] = [m for m in _mails_to(address) if m.subject.startswith("Bevestig")]
    assert TITLE in message.subject
    return _path(CONFIRM_LINK.search(message.body).group(0))


def _no_sideways_scroll(page: Page) -> None:
    width = page.viewport_size["width"]
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} scrolls sideways at {width} px ({scroll} px)"


def _fill_signup_form(page: Page, name: str, email: str) -> None:
    form = page.locator("#signup-form")
    form.locator('input[name="name"]').fill(name)
    form.locator('input[name="email"]').fill(email)
    form.locator('input[name="organisation"]').fill("Cosis")
    form.locator('select[name="municipality"]').select_option(label="Pekela")
    form.locator('textarea[name="motivation"]').fill("Ik wil de visie vertalen naar ons team.")
    form.get_by_label("Het programmateam mag mij hierover mailen.").check()
    form.get_by_role("button", name="Aanmelden").click()


def _places_taken(pilot: Pilot) -> int:
    return PilotSignup.objects.filter(pilot=pilot, status__in=PLACE_HOLDING).count()


# --- 1. staff publish a pilot ---------------------------------------------------------


def staff_publish_pilot(page: Page, base: str, assert_accessible) -> Pilot:
    """Staff open a pilot for sign-ups through the menu and the manage pages."""
    log_in(page, base, STAFF)
    page.locator("#nav-manage > button").click()
    page.locator("#nav-manage").get_by_role("link", name="Pilots beheren").click()
    expect(page.locator("main h1")).to_have_text("Pilots beheren")
    assert_accessible(page)

    page.locator("#pilot-create").click()
    expect(page.locator("main h1")).to_have_text("Nieuwe pilot")
    assert_accessible(page)
    today = timezone.localdate()
    effort = Effort.objects.get(title="Onboarding en pilots visievorming")
    form = page.locator("#pilot-form")
    form.locator('input[name="title"]').fill(TITLE)
    form.locator('textarea[name="description"]').fill(
        "Samen met Cosis en de gemeente Pekela geven we de visie van de AVK handen en voeten."
    )
    form.locator('input[name="place"]').fill("Cosis, Pekela")
    form.locator('input[name="starts_on"]').fill(f"{today + datetime.timedelta(days=30):%Y-%m-%d}")
    form.locator('input[name="ends_on"]').fill(f"{today + datetime.timedelta(days=180):%Y-%m-%d}")
    form.locator('input[name="capacity"]').fill(str(CAPACITY))
    form.locator('select[name="effort"]').select_option(str(effort.pk))
    form.locator('select[name="status"]').select_option("open")
    form.get_by_role("button", name="Opslaan").click()

    pilot = Pilot.objects.get(title=TITLE)
    expect(page).to_have_url(f"{base}/beweging/pilots/beheer/{pilot.pk}/deelnemers/")
    expect(page.locator(".alert-success")).to_contain_text(TITLE)
    expect(page.locator("#pilot-counts")).to_contain_text(f"0 van {CAPACITY} plaatsen bezet")
    assert_accessible(page)
    assert (pilot.status, pilot.capacity, pilot.effort, pilot.created_by.email) == (
        Pilot.Status.OPEN,
        CAPACITY,
        effort,
        STAFF,
    )
    return pilot


# --- 2. a reader signs up from a phone, confirms, and is accepted ---------------------


def reader_signs_up_and_confirms(
    browser: Browser, base: str, pilot: Pilot, link: str, assert_accessible
):
    """A newsletter reader, not logged in, on a 360 px phone: the public list, then the
    link in the call she got (the pilot's page), the form, the mail, the confirmation."""
    context = browser.new_context(viewport=PHONE)
    try:
        context.set_default_timeout(TIMEOUT)
        phone = context.new_page()
        phone.goto(f"{base}/beweging/pilots/")
        card = phone.locator(f"#pilot-{pilot.pk}")
        expect(card).to_contain_text(f"{CAPACITY} plaatsen vrij")
        assert_accessible(phone)
        _no_sideways_scroll(phone)

        expect(card.get_by_role("link", name=TITLE)).to_be_visible()
        phone.goto(base + link)  # the button in the call for pilots
        expect(phone.locator("main h1")).to_have_text(TITLE)
        assert_accessible(phone)
        _no_sideways_scroll(phone)
        _fill_signup_form(phone, "Jet Jansen", READER)
        expect(phone.locator("main h1")).to_have_text("Kijk in je mail")
        expect(phone.locator("main h1")).to_be_focused()
        assert_accessible(phone)
        _no_sideways_scroll(phone)
        signup = PilotSignup.objects.get(pilot=pilot, email=READER)
        assert signup.status == SignupStatus.UNCONFIRMED

        phone.goto(base + _confirm_path(READER))
        expect(phone.locator("main h1")).to_have_text("Bevestig je aanmelding")
        assert_accessible(phone)
        _no_sideways_scroll(phone)
        signup.refresh_from_db()
        assert signup.status == SignupStatus.UNCONFIRMED  # opening the link changes nothing
        phone.get_by_role("button", name="Ja, bevestig mijn aanmelding").click()
        expect(phone.locator("main h1")).to_have_text("Je bent aangemeld")
        assert_accessible(phone)
        _no_sideways_scroll(phone)
    finally:
        context.close()
    signup.refresh_from_db()
    assert signup.status == SignupStatus.REGISTERED
    assert signup.mailing.subject == SUBJECT  # she came through the call
    [placed] = [m for m in _mails_to(READER) if m.subject.startswith("Je hebt een plek")]
    assert "Bedankt voor je bevestiging" in placed.body
    return signup


def staff_accept(page: Page, base: str, signup: PilotSignup, assert_accessible) -> None:
    """Staff accept the reader on the participants page; she gets the status mail."""
    sent = len(_mails_to(READER))
    page.goto(f"{base}/beweging/pilots/beheer/{signup.pilot_id}/deelnemers/")
    row = page.locator(f"#signup-{signup.pk}")
    expect(row).to_contain_text("Jet Jansen")
    assert_accessible(page)
    row.get_by_role("button", name="Accepteren").click()
    expect(page.locator(".alert-success")).to_have_text(
        "Jet Jansen is geaccepteerd en krijgt daarover een mail."
    )
    expect(row).to_contain_text("Geaccepteerd")
    assert_accessible(page)
    signup.refresh_from_db()
    assert signup.status == SignupStatus.ACCEPTED
    status_mail = _mails_to(READER)[sent:]
    assert len(status_mail) == 1, [m.subject for m in status_mail]
    assert status_mail[0].subject == f"Je hebt een plek in “{TITLE}”"
    assert "het programmateam heeft je aangenomen" in status_mail[0].body
    assert "het programmateam heeft je aangenomen" in status_mail[0].alternatives[0][0]


# --- 3. the last place, taken by two people at once -----------------------------------

# Run in each page: click its own confirm button at the wall-clock moment `at` (ms since
# the epoch; both pages run on this machine's one clock). A timer wakes the page 100 ms
# early and it waits out the rest in a loop: timers alone fire tens of ms late on a busy
# machine, the loop lets go within a millisecond.
CLICK_AT = """(at) => {
    const button = document.querySelector('#confirm-form button[type=submit]');
    setTimeout(() => {
        while (Date.now() < at) { /* wait for the moment */ }
        button.click();
    }, Math.max(0, at - Date.now() - 100));
}"""


def two_people_race_for_the_last_place(
    browser: Browser, base: str, pilot: Pilot, assert_accessible
) -> None:
    """Two people signed up and have their confirmation page open; one place is left.
    They click confirm at the same moment: one gets the place, the other waits."""
    assert pilot.capacity - _places_taken(pilot) == 1
    contexts = [browser.new_context(viewport=DESKTOP) for _ in RACERS]
    try:
        pages = []
        for context, (number, email) in zip(contexts, enumerate(RACERS), strict=True):
            context.set_default_timeout(TIMEOUT)
            person = context.new_page()
            person.goto(f"{base}/beweging/pilots/{pilot.pk}/")
            expect(person.locator("#pilot-places")).to_contain_text("1 plaats vrij")
            _fill_signup_form(person, f"Persoon {number + 1}", email)
            expect(person.locator("main h1")).to_have_text("Kijk in je mail")
            person.goto(base + _confirm_path(email))
            expect(person.locator("main h1")).to_have_text("Bevestig je aanmelding")
            assert_accessible(person)
            pages.append(person)
        first, second = pages

        def is_confirm_post(response):
            return response.request.method == "POST" and "/bevestigen/" in response.url

        at = first.evaluate("Date.now()") + 500
        with (
            first.expect_response(is_confirm_post) as first_response,
            second.expect_response(is_confirm_post) as second_response,
        ):
            first.evaluate(CLICK_AT, at)
            second.evaluate(CLICK_AT, at)
        timings = []
        for response in (first_response.value, second_response.value):
            assert response.status == 200
            response.finished()  # the timing is complete once the whole answer is in
            timing = response.request.timing
            timings.append((timing["startTime"], timing["startTime"] + timing["responseEnd"]))
        # Both requests were on their way at the same time: the second left the browser
        # before the answer to the first came back.
        assert max(start for start, _end in timings) < min(end for _start, end in timings), timings

        said = {}
        for email, person in zip(RACERS, pages, strict=True):
            heading = person.locator("main h1")
            expect(heading).to_have_text(
                re.compile("^(Je bent aangemeld|Je staat op de wachtlijst)$")
            )
            said[email] = heading.inner_text()
            assert_accessible(person)
        assert sorted(said.values()) == ["Je bent aangemeld", "Je staat op de wachtlijst"]
    finally:
        for context in contexts:
            context.close()

    # Never over-full: the places are all taken, exactly one of the two waits.
    racers = PilotSignup.objects.filter(pilot=pilot, email__in=RACERS)
    statuses = sorted(racers.values_list("status", flat=True))
    assert statuses == [SignupStatus.REGISTERED, SignupStatus.WAITLISTED]
    assert _places_taken(pilot) == pilot.capacity
    waiting = racers.get(status=SignupStatus.WAITLISTED)
    assert waiting.queued_at is not None
    placed = racers.get(status=SignupStatus.REGISTERED)
    # Each page told its own person the truth, and the mail says the same.
    assert said[placed.email] == "Je bent aangemeld"
    assert said[waiting.email] == "Je staat op de wachtlijst"
    assert any(m.subject.startswith("Je hebt een plek") for m in _mails_to(placed.email))
    assert any(m.subject.startswith("Je staat op de wachtlijst") for m in _mails_to(waiting.email))


def staff_see_a_full_pilot(page: Page, base: str, pilot: Pilot, assert_accessible) -> None:
    """Staff's counts and the public page both say: full, one waiting."""
    page.goto(f"{base}/beweging/pilots/beheer/{pilot.pk}/deelnemers/")
    expect(page.locator("#pilot-counts")).to_contain_text(
        f"{CAPACITY} van {CAPACITY} plaatsen bezet · 1 op de wachtlijst"
    )
    assert_accessible(page)
    page.goto(f"{base}/beweging/pilots/{pilot.pk}/")
    expect(page.locator("#pilot-places")).to_have_text("Vol: je komt op de wachtlijst")
    assert_accessible(page)


# --- the journey ----------------------------------------------------------------------


def test_the_movement_from_a_pilot_to_the_chart(
    page: Page, browser: Browser, live_server, requests_in_turn_on_sqlite, demo, assert_accessible
):
    base = live_server.url
    page.set_default_timeout(TIMEOUT)
    mail.outbox.clear()

    pilot = staff_publish_pilot(page, base, assert_accessible)
    link = staff_send_call_to_readers(page, base, pilot, READER, assert_accessible)
    signup = reader_signs_up_and_confirms(browser, base, pilot, link, assert_accessible)
    staff_accept(page, base, signup, assert_accessible)
    staff_see_what_the_mailing_brought(page, base, assert_accessible)
    two_people_race_for_the_last_place(browser, base, pilot, assert_accessible)
    staff_see_a_full_pilot(page, base, pilot, assert_accessible)
    editor_brands_the_onboarding_kit(browser, base, assert_accessible)
    staff_record_a_stakeholder_stage(page, base, assert_accessible)
