"""Journey 4 (the reflection part) in a real browser: staff record an island of reflection,
an attention point with its ingredients, take the year's report home as PDF; a participant
gives their input from a phone."""

import re

from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from partners.models import Person
from reflection.models import AttentionPoint, Contribution, Effort, PhasePlan, ReflectionSession
from tests.browser.conftest import log_in

TIMEOUT = 10_000


def test_staff_record_a_session_and_export_the_report(
    page: Page, live_server, demo, assert_accessible
):
    base = live_server.url
    log_in(page, base, "programmaleider@avk.example")

    # The three islands of 2024 from the memo, side by side.
    page.goto(f"{base}/reflectie/2024/")
    expect(page.locator("main")).to_contain_text("Programmateam")
    expect(page.locator("main")).to_contain_text("Stuurgroep")
    assert_accessible(page)

    # A new session: the members' council, this year.
    page.goto(f"{base}/reflectie/sessies/nieuw/")
    assert_accessible(page)
    page.locator('input[name="year"]').fill("2026")
    page.locator('select[name="level"]').select_option("other")
    page.locator('input[name="group_name"]').fill("Ledenraad")
    page.locator('input[name="date"]').fill("2026-12-15")
    page.locator('input[name="facilitator"]').fill("Lauren Algra")
    ruben = Person.objects.get(email="db-lid@avk.example")
    page.locator('select[name="participants"]').select_option(str(ruben.pk))
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".alert-success").first).to_be_visible(timeout=TIMEOUT)
    session = ReflectionSession.objects.get(year=2026, group_name="Ledenraad")

    # An attention point on the WIJ side, with two ingredients.
    page.goto(f"{base}/reflectie/sessies/{session.pk}/aandachtspunten/nieuw/?side=wij")
    page.locator('select[name="side"]').select_option("wij")
    page.locator('input[name="title"]').fill("Elkaar vaker opzoeken tussen de overleggen")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator('textarea[name="ingredients"]')).to_be_visible(timeout=TIMEOUT)
    assert_accessible(page)
    page.locator('textarea[name="ingredients"]').fill(
        "Een appgroep per gemeente\nElk kwartaal een werkbezoek bij een partner"
    )
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(rf"{re.escape(base)}/reflectie/2026/"), timeout=TIMEOUT)
    point = AttentionPoint.objects.get(session=session)
    assert point.side == "wij" and point.ingredients.count() == 2
    # Not answered by any effort yet: the year page says so.
    expect(page.locator("#unanswered")).to_contain_text(point.title)
    assert_accessible(page)

    # Carried into the draft phase plan 3 as a new effort with an owner.
    page.locator(f'#unanswered a[href$="/aandachtspunten/{point.pk}/naar-faseplan/"]').click()
    assert_accessible(page)
    plan = PhasePlan.objects.get(number=3, status=PhasePlan.Status.DRAFT)
    page.locator('select[name="plan"]').select_option(str(plan.pk))
    page.locator('input[name="mode"][value="new"]').check()
    page.locator('input[name="title"]').fill("Werkbezoeken en appgroepen per gemeente")
    page.locator('select[name="owner"]').select_option(str(ruben.pk))
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(f"{base}/reflectie/faseplannen/{plan.pk}/", timeout=TIMEOUT)
    expect(page.locator("main")).to_contain_text("Werkbezoeken en appgroepen per gemeente")
    assert_accessible(page)
    effort = Effort.objects.get(plan=plan, title="Werkbezoeken en appgroepen per gemeente")
    assert effort.owner == ruben and list(effort.attention_points.all()) == [point]

    # The phase plan as PDF: the effort and the attention point it came from.
    page.locator('form[action$="/documenten/phase_plan/aanvragen/"] button').click()
    link = page.locator('a[download][href$="/download/"]')
    expect(link).to_be_visible(timeout=30_000)
    with page.expect_download(timeout=30_000) as info:
        link.click()
    text = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(info.value.path()).pages).split()
    )
    assert "Werkbezoeken en appgroepen per gemeente" in text
    assert point.title in text

    # The year's report as PDF, made in the background.
    page.goto(f"{base}/reflectie/2026/")
    page.locator('form[action$="/documenten/reflection_report/aanvragen/"] button').click()
    link = page.locator('a[download][href$="/download/"]')
    expect(link).to_be_visible(timeout=30_000)
    with page.expect_download(timeout=30_000) as info:
        link.click()
    text = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(info.value.path()).pages).split()
    )
    for expected in [
        "Ledenraad",
        point.title,
        "Een appgroep per gemeente",
        "Elk kwartaal een werkbezoek bij een partner",
    ]:
        assert expected in text, expected


def test_participant_gives_input_from_a_phone(page: Page, live_server, demo, assert_accessible):
    base = live_server.url
    upcoming = ReflectionSession.objects.filter(date__gt=timezone.localdate())
    session = upcoming.order_by("date").first()
    assert session is not None, "the demo has an upcoming session"
    participant = session.participants.exclude(user=None).first()
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, base, participant.user.email)
    page.goto(f"{base}/reflectie/sessies/{session.pk}/inbreng/")
    assert_accessible(page)
    page.locator('textarea[name="wij"]').fill("We leren veel van elkaar in de werkochtenden.")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".alert-success").first).to_be_visible(timeout=TIMEOUT)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert Contribution.objects.filter(
        session=session, author=participant.user, side="wij"
    ).exists()
