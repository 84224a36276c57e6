"""The call for pilots in the movement journey (tests/browser/test_journey_movement.py):
staff write a mailing for the new pilot and send it to the newsletter readers; the reader
finds the link in her mail; afterwards staff see what the mailing brought."""

import datetime
import re
from urllib.parse import urlsplit

from django.core import mail
from playwright.sync_api import Page, expect

from movement.models import Mailing, Pilot, Reader

SUBJECT = "Oproep: doe mee met de pilot in Pekela"
# The demo's 4,000 readers are the bench's (bench/mailing.py, through a real worker): here
# the worker runs inside the test process, so the list is cut to a few before sending.
READERS_KEPT = 24
PILOT_LINK = re.compile(r"https?://\S+/beweging/pilots/\d+/\?via=\d+")


def staff_send_call_to_readers(
    page: Page, base: str, pilot: Pilot, reader: str, assert_accessible
) -> str:
    """Staff write the call for `pilot` and send it; returns the link in `reader`'s mail
    (as a path)."""
    keep = list(Reader.objects.filter(unsubscribed_at__isnull=True).values_list("pk", flat=True))
    Reader.objects.exclude(pk__in=keep[:READERS_KEPT]).delete()
    Reader.objects.create(
        email=reader,
        name="Jet Jansen",
        source="Nieuwsbrieflijst AVK (import)",
        consented_on=datetime.date(2024, 5, 1),
    )
    readers = READERS_KEPT + 1
    sent_before = len(mail.outbox)

    page.goto(f"{base}/")
    page.locator("#nav-manage > button").click()
    page.locator("#nav-manage").get_by_role("link", name="Lezers en mailings").click()
    expect(page.locator("main h1")).to_have_text("Mailings")
    assert_accessible(page)
    page.locator("#mailing-create").click()
    expect(page.locator("main h1")).to_have_text("Nieuwe mailing")
    assert_accessible(page)
    form = page.locator("#mailing-form")
    form.locator('input[name="subject"]').fill(SUBJECT)
    form.locator('textarea[name="body"]').fill(
        "Beste lezer,\n\nIn Pekela start een pilot visie vorming en vertaling in actie.\n\n"
        "Doe je mee?"
    )
    form.locator('select[name="pilot"]').select_option(label=pilot.title)
    form.get_by_role("button", name="Concept bewaren").click()

    mailing = Mailing.objects.get(subject=SUBJECT)
    expect(page).to_have_url(f"{base}/beweging/mailings/{mailing.pk}/")
    expect(page.locator("#mailing-preview")).to_contain_text("Doe je mee?")
    expect(page.locator("#mailing-preview")).to_contain_text(f"Meld je aan voor “{pilot.title}”")
    assert len(mail.outbox) == sent_before  # a draft sends nothing
    assert_accessible(page)

    page.locator("#mailing-send").click()
    expect(page.locator("#confirm-step-consequences")).to_contain_text(
        f"{readers} lezers krijgen deze mail, ieder één keer."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Ja, versturen").click()
    expect(page).to_have_url(f"{base}/beweging/mailings/{mailing.pk}/")
    expect(page.locator("#mailing-sent")).to_have_text(str(readers))
    assert_accessible(page)

    calls = [m for m in mail.outbox[sent_before:] if m.subject == SUBJECT]
    assert len(calls) == readers and len({m.to[0] for m in calls}) == readers
    [call] = [m for m in calls if m.to == [reader]]
    assert "List-Unsubscribe" in call.extra_headers
    link = PILOT_LINK.search(call.body).group(0)
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}"


def staff_see_what_the_mailing_brought(page: Page, base: str, assert_accessible) -> None:
    """The mailing's page counts the confirmed sign-up that came through its link."""
    mailing = Mailing.objects.get(subject=SUBJECT)
    page.goto(f"{base}/beweging/mailings/")
    row = page.locator(f"#mailing-{mailing.pk}")
    expect(row).to_contain_text(SUBJECT)
    assert_accessible(page)
    row.get_by_role("link", name=SUBJECT).click()
    expect(page.locator("#mailing-signed-up")).to_have_text("1")
    assert_accessible(page)
