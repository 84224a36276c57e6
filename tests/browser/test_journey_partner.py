"""Journey 3 in a real browser: a partner editor keeps their own organisation up to date."""

from playwright.sync_api import Page, expect

from partners.demo.organisations import DEMO_PASSWORD
from partners.models import Intervention, Package, Partner
from tests.factories import package_of

EDITOR = "redacteur.cosis@avk.example"
TIMEOUT = 10_000


def test_editor_updates_commitment_team_and_interventions_and_is_refused_elsewhere(
    page: Page, live_server, demo, assert_accessible
):
    base = live_server.url
    cosis = Partner.objects.get(name="Cosis")
    lentis = Partner.objects.get(name="Lentis")
    assert package_of(cosis).code == "B"

    page.goto(f"{base}/account/login/")
    page.locator('input[name="login"]').fill(EDITOR)
    page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    page.locator('form:has(input[name="login"]) button[type="submit"]').click()
    expect(page).to_have_url(f"{base}/", timeout=TIMEOUT)

    # Their own organisation, from the navigation.
    page.locator(f'nav a[href="/partners/{cosis.pk}/"]').first.click()
    expect(page.locator("main h1")).to_have_text("Cosis")
    assert_accessible(page)

    # Package B -> A, recorded as signed. (Fields are found by name; axe checks their labels.)
    page.locator(f'a[href="/partners/{cosis.pk}/convenant/"]').click()
    expect(page.locator("main h1")).to_contain_text("Cosis", timeout=TIMEOUT)
    assert_accessible(page)
    page.locator('select[name="package"]').select_option(str(Package.objects.get(code="A").pk))
    page.locator('input[name="period_start"]').fill("2026-01-01")
    page.locator('input[name="signed_on"]').fill("2025-12-15")
    page.locator('input[name="signed_by"]').fill("A. Smit, bestuurder")
    page.locator('input[name="action"][value="record"]').check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("main ol")).to_contain_text("B → ")
    cosis.refresh_from_db()
    assert package_of(cosis).code == "A"

    # The team lacks a manager; adding one completes it.
    page.goto(f"{base}/partners/{cosis.pk}/team/")
    expect(page.locator("main")).to_contain_text("nog 1 manager nodig")
    assert_accessible(page)
    add_form = page.locator('form:has(input[name="action"][value="add"])')
    add_form.locator('input[name="name"]').fill("Eva Kok")
    add_form.locator('input[name="email"]').fill("eva.kok@avk.example")
    add_form.locator('select[name="role"]').select_option("manager")
    add_form.locator("button[type=submit]").click()
    expect(page.locator(".alert-success").first).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("main")).to_contain_text("Het team is compleet.")
    assert_accessible(page)

    # An intervention: who does what, where, with whom.
    page.goto(f"{base}/partners/{cosis.pk}/interventies/nieuw/")
    assert_accessible(page)
    page.locator('input[name="title"]').fill("Huiswerkhulp in Veendam")
    page.locator('textarea[name="description"]').fill("Twee middagen per week hulp bij huiswerk.")
    page.locator('select[name="target_group"]').select_option("kinderen")
    page.get_by_label("Veendam", exact=True).check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{base}/partners/{cosis.pk}/", timeout=TIMEOUT)
    expect(page.locator("main")).to_contain_text("Huiswerkhulp in Veendam")
    assert Intervention.objects.filter(partner=cosis, title="Huiswerkhulp in Veendam").exists()

    # Another partner's edit page: refused.
    response = page.goto(f"{base}/partners/{lentis.pk}/team/")
    assert response.status == 403
    expect(page.locator("main h1")).to_have_text("Je hebt geen toegang tot deze pagina")
    assert_accessible(page)
    response = page.goto(f"{base}/partners/{lentis.pk}/convenant/")
    assert response.status == 403
