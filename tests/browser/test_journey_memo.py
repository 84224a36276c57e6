"""Journeys 1 and 2 in a real browser: the programme leader drafts a memo with two sections
and three proposed decisions (without page reloads) and submits it to the DB; three DB
members vote on a phone; the quorum is reached; staff close the voting; the decision list
shows the new numbers; the memo PDF holds the sections and the decisions with their results.
axe-core checks every page on the way."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from governance.models import Body, Decision, Memo, ProposedDecision
from tests.browser.conftest import build_demo, log_in

TIMEOUT = 10_000
PDF_TIMEOUT = 30_000
PHONE = {"width": 360, "height": 740}

MEMO_TITLE = "Kwartiermakers in de regio's"
SECTIONS = [
    {
        "title": "Werving van ervaringsdeskundigen",
        "text": "In het werkoverleg is **uitgebreid** gesproken over de werving.",
        "inputs": "Meer bekendheid via de cliëntenraden\nEen vaste vergoeding per dagdeel",
        "summary": "De werving loopt via de partners\nElke regio heeft een aanspreekpunt",
    },
    {
        "title": "Inzet van kwartiermakers",
        "text": "De partners willen in elke regio een kwartiermaker.",
        "inputs": "Kwartiermakers uit de eigen regio\nStart in het voorjaar",
        "summary": "Twee kwartiermakers per regio\nEvaluatie na een jaar",
    },
]
# (kind label as the editor shows it, text, kind)
DECISIONS = [
    ("kennis nemen van", "de voortgang van de werving van ervaringsdeskundigen", "note"),
    ("instemmen met", "de inzet van twee kwartiermakers per regio", "approve"),
    ("instemmen met", "een hogere bijdrage van de partners voor de kwartiermakers", "approve"),
]
# Each voter with what they choose on the three decisions, in order: the note is
# acknowledged; decision 2 is adopted 2-1; decision 3 is rejected (0 for, 2 against, 1 abstain).
VOTERS = [
    ("hilde.bakker@avk.example", ["acknowledged", "for", "against"]),
    ("db-lid@avk.example", ["acknowledged", "for", "abstain"]),
    ("lineke@avk.example", ["acknowledged", "against", "against"]),
]
CHOICE_LABELS = {
    "acknowledged": "Kennisgenomen",
    "for": "Voor",
    "against": "Tegen",
    "abstain": "Onthouden",
}
# What the voting page says about an "approve" decision before each voter votes (three
# people may vote, at least two must).
MISSING_BEFORE = [
    "Nog 2 stemmen nodig, dan hebben genoeg mensen gestemd.",
    "Nog 1 stem nodig, dan hebben genoeg mensen gestemd.",
    "Er hebben genoeg mensen gestemd.",
]
RESULTS = {"note": "Kennisgenomen", "adopted": "Aangenomen", "rejected": "Verworpen"}


@pytest.fixture
def demo(transactional_db, settings):
    # The live server runs in this process: the setting reaches it. MFA for voters has its
    # own tests; here the members have no authenticator.
    settings.AVK_VOTE_REQUIRE_MFA = False
    build_demo()


def label(text: str) -> re.Pattern:
    """A form label from its start: required fields end in an asterisk."""
    return re.compile(rf"^\s*{re.escape(text)}(?!\w)")


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def draft_and_submit(page: Page, base: str, assert_accessible) -> Memo:
    """The programme leader drafts the memo in the editor and submits it to the DB."""
    page.goto(f"{base}/bestuur/memos/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe memo").click()
    expect(page.locator("#memo-create-form")).to_be_visible(timeout=TIMEOUT)
    assert_accessible(page)
    form = page.locator("#memo-create-form")
    form.get_by_label(label("Aan")).select_option(label="Dagelijks Bestuur")
    form.get_by_label(label("Titel")).fill(MEMO_TITLE)
    form.get_by_label(label("Opsteller")).fill("Saskia Duursma, programmaleider")
    form.get_by_label(label("Datum")).fill(timezone.localdate().isoformat())
    form.get_by_label(label("Inleiding")).fill(
        "Het Dagelijks Bestuur heeft gevraagd om een voorstel voor de regio's."
    )
    page.get_by_role("button", name="Memo aanmaken").click()
    expect(page.locator("#memo-editor")).to_be_visible(timeout=TIMEOUT)
    memo = Memo.objects.get(title=MEMO_TITLE)
    assert memo.body.short_name == "DB" and memo.status == Memo.Status.DRAFT
    edit_url = page.url
    # A full page load would drop this marker: the parts are added through htmx.
    page.evaluate("window.__journeyNoReload = true")

    for section in SECTIONS:
        form = page.locator("#section-add")
        form.get_by_label(label("Titel van de sectie")).fill(section["title"])
        form.get_by_label(label("Tekst")).fill(section["text"])
        form.get_by_label("Inbreng (één punt per regel)").fill(section["inputs"])
        form.get_by_label("Samengevat (één punt per regel)").fill(section["summary"])
        form.get_by_role("button", name="Sectie toevoegen").click()
        expect(page.locator("#memo-section-list")).to_contain_text(
            section["title"], timeout=TIMEOUT
        )
        # The add form comes back empty for the next section.
        expect(
            page.locator("#section-add").get_by_label(label("Titel van de sectie"))
        ).to_have_value("", timeout=TIMEOUT)
    expect(page.locator("#memo-section-list > li")).to_have_count(2)

    for kind_label, text, _kind in DECISIONS:
        form = page.locator("#decision-add")
        form.get_by_label(label(kind_label)).check()
        form.get_by_label(label("Voorgesteld besluit")).fill(text)
        form.get_by_role("button", name="Voorgesteld besluit toevoegen").click()
        expect(page.locator("#memo-decision-list")).to_contain_text(text, timeout=TIMEOUT)
        expect(
            page.locator("#decision-add").get_by_label(label("Voorgesteld besluit"))
        ).to_have_value("", timeout=TIMEOUT)
    expect(page.locator("#memo-decision-list > li")).to_have_count(3)
    assert page.url == edit_url
    assert page.evaluate("window.__journeyNoReload === true"), "the editor reloaded the page"
    assert_accessible(page)

    assert list(memo.sections.order_by("order", "pk").values_list("title", flat=True)) == [
        s["title"] for s in SECTIONS
    ]
    assert list(memo.decisions.order_by("order", "pk").values_list("kind", "text")) == [
        (kind, text) for _label, text, kind in DECISIONS
    ]

    # The memo as the members will read it.
    page.get_by_role("link", name="Memo bekijken").click()
    expect(page.locator("#memo")).to_contain_text(SECTIONS[1]["title"], timeout=TIMEOUT)
    assert_accessible(page)

    # Submitted with a deadline a week from now.
    page.get_by_role("link", name="Indienen bij het bestuur").click()
    expect(page.locator("#memo-submit-form")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("#submit-decisions > li")).to_have_count(3)
    assert_accessible(page)
    deadline = timezone.localtime() + datetime.timedelta(days=7)
    page.locator('input[name="voting_deadline"]').fill(deadline.strftime("%Y-%m-%dT17:00"))
    page.get_by_role("button", name="Indienen voor een stemming").click()
    expect(page).to_have_url(f"{base}/bestuur/memos/{memo.pk}/stemmen/", timeout=TIMEOUT)
    expect(page.locator(".alert-success").first).to_be_visible(timeout=TIMEOUT)
    assert_accessible(page)
    memo.refresh_from_db()
    assert memo.status == Memo.Status.VOTING
    assert timezone.localtime(memo.voting_deadline).date() == deadline.date()
    return memo


def vote_on_a_phone(browser: Browser, base: str, memo: Memo, voter: int, assert_accessible):
    """One DB member votes on the three decisions on a 360 px wide screen."""
    email, choices = VOTERS[voter]
    decisions = list(memo.decisions.order_by("order", "pk"))
    context = browser.new_context(viewport=PHONE)
    try:
        context.set_default_timeout(TIMEOUT)
        page = context.new_page()
        log_in(page, base, email)
        assert_accessible(page)
        # "Awaiting my vote" lists the memo with its three decisions and leads to the voting.
        page.goto(f"{base}/bestuur/mijn-stemmen/")
        awaiting = page.locator(f"#memo-{memo.pk}-heading")
        expect(awaiting).to_have_text(MEMO_TITLE)
        card = page.locator("section.card").filter(has=awaiting)
        expect(card.locator("li")).to_have_count(len(decisions))
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert_accessible(page)
        awaiting.get_by_role("link").click()
        expect(page).to_have_url(f"{base}/bestuur/memos/{memo.pk}/stemmen/", timeout=TIMEOUT)
        expect(page.locator("#vote-window")).to_be_visible()
        # What is still missing, or that the quorum is there, before this member votes.
        for decision in decisions[1:]:
            expect(page.locator(f"#decision-{decision.pk}-missing")).to_contain_text(
                MISSING_BEFORE[voter]
            )
            expect(page.locator(f"#decision-{decision.pk}-missing")).to_contain_text(
                re.compile(rf"\b{voter} van (de )?3 ")
            )
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        for decision, choice in zip(decisions, choices, strict=True):
            block = page.locator(f"#decision-{decision.pk}")
            if decision.kind == ProposedDecision.Kind.NOTE:
                block.get_by_role("button", name="Ik heb hiervan kennisgenomen").click()
            else:
                # Each choice is a button: one tap casts the vote.
                block.get_by_role("button", name=CHOICE_LABELS[choice], exact=True).click()
            confirmation = page.locator(f"#decision-{decision.pk}-confirmation")
            expect(confirmation).to_contain_text("Je stem is opgeslagen", timeout=TIMEOUT)
            expect(confirmation).to_contain_text(CHOICE_LABELS[choice])
            # The block now marks the vote on its button; another button changes it.
            if decision.kind == ProposedDecision.Kind.APPROVE:
                chosen = block.locator(f"#choice-{decision.pk}-{choice}")
                expect(chosen).to_contain_text("je stem nu")
                expect(chosen).to_have_class(re.compile(r"\bbtn-primary\b"))
                expect(block.locator("legend")).to_have_text("Stem wijzigen")
                # htmx fades it from outline to filled: axe measures the settled colours.
                page.evaluate("document.getAnimations().forEach((a) => a.finish())")

        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert_accessible(page)

        # Nothing of this memo awaits this member's vote any more.
        page.goto(f"{base}/bestuur/mijn-stemmen/")
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator(f"#memo-{memo.pk}-heading")).to_have_count(0)
        assert_accessible(page)
    finally:
        context.close()


def test_memo_from_draft_to_decision_list_and_pdf(
    page: Page, browser: Browser, live_server, demo, assert_accessible
):
    base = live_server.url
    body = Body.objects.get(short_name="DB")
    numbers_before = set(Decision.objects.filter(body=body).values_list("number", flat=True))

    # 1. The programme leader drafts the memo and submits it.
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{base}/account/login/")
    assert_accessible(page)
    log_in(page, base, "programmaleider@avk.example")
    assert_accessible(page)
    memo = draft_and_submit(page, base, assert_accessible)

    # 2. The three voting members vote, each on a phone.
    for voter in range(len(VOTERS)):
        vote_on_a_phone(browser, base, memo, voter, assert_accessible)

    # 3. Everyone has voted: staff close the voting early and see the results.
    page.goto(f"{base}/bestuur/memos/{memo.pk}/stemmen/")
    close = page.get_by_role("link", name="Stemming nu sluiten")
    expect(close).to_be_visible(timeout=TIMEOUT)
    assert_accessible(page)
    close.click()
    # A step that cannot be undone asks first, and says what will happen.
    expect(page.locator("#confirm-step-heading")).to_have_text("Stemming nu sluiten?")
    expect(page.locator("#confirm-step-warning")).to_contain_text("niet ongedaan maken")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, sluit de stemming").click()
    expect(page.locator("#vote-closed")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(".alert-success").first).to_contain_text("De stemming is gesloten")
    memo.refresh_from_db()
    assert memo.status == Memo.Status.DECIDED
    noted, adopted, rejected = memo.decisions.order_by("order", "pk")
    assert (noted.result, noted.acknowledgements) == ("noted", 3)
    assert (adopted.result, adopted.votes_for, adopted.votes_against) == ("adopted", 2, 1)
    assert (rejected.result, rejected.votes_for, rejected.votes_against) == ("rejected", 0, 2)
    assert rejected.votes_abstain == 1
    for decision, result in [
        (noted, RESULTS["note"]),
        (adopted, RESULTS["adopted"]),
        (rejected, RESULTS["rejected"]),
    ]:
        expect(page.locator(f"#decision-{decision.pk}-result")).to_have_text(result)
    assert_accessible(page)

    # The adopted and the noted decision are numbered on the DB's list; the rejected is not.
    listed = {
        d.proposed_decision_id: d.number
        for d in Decision.objects.filter(proposed_decision__memo=memo)
    }
    assert set(listed) == {noted.pk, adopted.pk}
    year = timezone.localdate().year
    expected = sorted(listed.values())
    assert all(n.startswith(f"DB-{year}-") for n in expected), expected
    assert not set(expected) & numbers_before
    # Numbered in the order of the memo, after the ones the body already had this year.
    previous = [int(n.rsplit("-", 1)[1]) for n in numbers_before if n.startswith(f"DB-{year}-")]
    first = max(previous, default=0) + 1
    assert [listed[noted.pk], listed[adopted.pk]] == [
        f"DB-{year}-{first:03d}",
        f"DB-{year}-{first + 1:03d}",
    ]
    expect(page.locator(f"#decision-{adopted.pk}")).to_contain_text(listed[adopted.pk])

    # 4. The decision list of the DB shows the new numbers with their results.
    page.goto(f"{base}/bestuur/organen/{body.pk}/besluitenlijst/")
    table = page.locator("#decision-list")
    expect(table).to_be_visible(timeout=TIMEOUT)
    for pk, number in listed.items():
        row = table.locator("tbody tr").filter(has_text=number)
        expect(row).to_have_count(1)
        expect(row).to_contain_text(MEMO_TITLE)
        result = RESULTS["note"] if pk == noted.pk else RESULTS["adopted"]
        expect(row).to_contain_text(result)
    expect(table).to_contain_text("de inzet van twee kwartiermakers per regio")
    expect(table).not_to_contain_text(DECISIONS[2][1])
    assert_accessible(page)

    # 5. The memo as PDF, made in the background: sections, decisions, results, numbers.
    page.goto(f"{base}/bestuur/memos/{memo.pk}/")
    expect(page.locator("#memo")).to_contain_text(listed[adopted.pk], timeout=TIMEOUT)
    assert_accessible(page)
    page.locator('form[action$="/documenten/memo/aanvragen/"] button').click()
    link = page.locator('a[download][href$="/download/"]')
    expect(link).to_be_visible(timeout=PDF_TIMEOUT)
    assert_accessible(page)
    with page.expect_download(timeout=PDF_TIMEOUT) as info:
        link.click()
    text = pdf_text(info.value.path())
    for expected_text in [
        MEMO_TITLE,
        *(s["title"] for s in SECTIONS),
        *(decision_text for _label, decision_text, _kind in DECISIONS),
        *RESULTS.values(),
        *listed.values(),
    ]:
        assert expected_text in text, f"{expected_text!r} not in the memo PDF: {text}"
    # The summary points are numbered across the memo.
    assert "4. Evaluatie na een jaar" in text, text
    # Each decision is followed by its result, the votes and (when listed) its number.
    for decision_text, after in [
        (DECISIONS[0][1], rf"{RESULTS['note']} \(door 3 leden\) · Besluit {listed[noted.pk]}"),
        (
            DECISIONS[1][1],
            rf"{RESULTS['adopted']} \(2 voor, 1 tegen, 0 onthouden\) · "
            rf"Besluit {listed[adopted.pk]}",
        ),
        (DECISIONS[2][1], rf"{RESULTS['rejected']} \(0 voor, 2 tegen, 1 onthouden\)"),
    ]:
        pattern = rf"{re.escape(decision_text)} {after}"
        assert re.search(pattern, text), f"{pattern!r} not in the memo PDF: {text}"
