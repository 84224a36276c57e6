"""Mail that people can tune, in a real browser on the demo alliance: a DB member turns
her vote mails to the weekly digest; the programme leader submits a memo to the DB and
the other two DB members who vote each get the opening mail at once, she does not (hers
waits for the digest); the adviser and the secretary get none. Then a member unsubscribes
from action reminders through the link in the mail, without logging in. axe-core checks
every page on the way."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from avk.models import NotificationPreference, OutgoingMail, User
from governance.models import ActionItem, Body, Meeting, Memo, ProposedDecision
from governance.services import reminders
from partners.models import Person
from tests.browser.conftest import build_demo, log_in

TIMEOUT = 10_000
WEEKLY_VOTER = "lineke@avk.example"
TOLD = ["db-lid@avk.example", "hilde.bakker@avk.example"]


@pytest.fixture
def demo(transactional_db, settings):
    settings.AVK_VOTE_REQUIRE_MFA = False  # the live server runs in this process
    build_demo()


def _path(link: str) -> str:
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_the_opening_mail_follows_the_preferences_and_one_click_unsubscribes(
    page: Page, browser: Browser, live_server, demo, assert_accessible
):
    base = live_server.url
    page.set_default_timeout(TIMEOUT)

    # 1. Lineke wants her vote mails once a week: through the account menu.
    log_in(page, base, WEEKLY_VOTER)
    page.locator("#nav-account > button").click()
    page.get_by_role("link", name="Mijn mailinstellingen").click()
    expect(page.locator("h1")).to_have_text("Mijn mailinstellingen")
    expect(page.locator("#notification-settings fieldset")).to_have_count(6)
    assert_accessible(page)
    page.locator("#kind-votes").get_by_label("Overzicht per week").check()
    page.get_by_role("button", name="Mijn keuzes opslaan").click()
    expect(page.locator(".messages")).to_contain_text("Je keuzes zijn opgeslagen.")
    expect(page.locator("#kind-votes").get_by_label("Overzicht per week")).to_be_checked()
    assert_accessible(page)
    page.context.clear_cookies()

    # 2. The programme leader submits a memo to the DB.
    memo = Memo.objects.create(
        body=Body.objects.get(short_name="DB"),
        title="Werkbudget voor de ervaringsdeskundigen 2027",
        author="Programmaleider",
        memo_date=timezone.localdate(),
    )
    ProposedDecision.objects.create(
        memo=memo, order=0, kind="approve", text="Het DB stelt het werkbudget vast."
    )
    mail.outbox.clear()
    log_in(page, base, "programmaleider@avk.example")
    page.goto(f"{base}/bestuur/memos/{memo.pk}/indienen/")
    deadline = timezone.localtime() + datetime.timedelta(days=14)
    page.locator('input[name="voting_deadline"]').fill(deadline.strftime("%Y-%m-%dT17:00"))
    page.get_by_role("button", name="Indienen voor een stemming").click()
    expect(page).to_have_url(f"{base}/bestuur/memos/{memo.pk}/stemmen/")
    assert_accessible(page)
    page.context.clear_cookies()

    opening = [m for m in mail.outbox if memo.title in m.subject]
    assert sorted(m.to[0] for m in opening) == TOLD
    for message in opening:
        assert "Het DB stelt het werkbudget vast." in message.body
        assert message.attachments[0][0] == "stemming.ics"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    held = OutgoingMail.objects.get(key__startswith=f"vote-opened:{memo.pk}:", to=WEEKLY_VOTER)
    assert held.status == OutgoingMail.Status.HELD and held.digest == "weekly"

    # 3. A reminder about an action of the DB member; she unsubscribes through its link.
    member = User.objects.get(email="db-lid@avk.example")
    ActionItem.objects.create(
        title="Begroting ervaringsdeskundigen nalopen",
        owner=Person.objects.get(user=member),
        due_date=timezone.localdate() + datetime.timedelta(days=1),
        meeting=Meeting.objects.filter(body__short_name="DB").first(),
    )
    mail.outbox.clear()
    reminders.reminder_digests_send()
    [actions_mail] = [m for m in mail.outbox if m.to == [member.email] and "Begroting" in m.body]
    link = actions_mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in actions_mail.body
    page.goto(base + _path(link))  # not logged in
    expect(page.locator("h1")).to_have_text("Afmelden")
    expect(page.locator("#unsubscribe-kinds")).to_contain_text("Acties")
    assert_accessible(page)
    assert not NotificationPreference.objects.filter(user=member).exists()  # GET: nothing
    page.get_by_role("button", name="Ja, stop deze mails").click()
    expect(page.locator("#unsubscribe-done")).to_contain_text("Acties")
    assert_accessible(page)
    assert NotificationPreference.objects.get(user=member, kind="actions").mode == "off"
    # Her vote mails stay as they were.
    assert not NotificationPreference.objects.filter(user=member, kind="votes").exists()
