"""Staff import a file of values with one bad row (the preview shows it, nothing is saved),
import the corrected file, and see the trend against the province and the Netherlands."""

from playwright.sync_api import Page, expect

from monitoring.demo.indicators import CHILD_POVERTY
from monitoring.models import Indicator, Measurement
from tests.browser.conftest import log_in

STAFF = "programmaleider@avk.example"
TIMEOUT = 10_000
HEADER = "indicator;cbs-code;jaar;waarde;toelichting\n"


def test_staff_import_values_fix_a_bad_row_and_see_the_trend(
    page: Page, live_server, demo, assert_accessible, tmp_path
):
    base = live_server.url
    indicator = Indicator.objects.get(name=CHILD_POVERTY)
    rows = [
        f"{CHILD_POVERTY};GM0047;2022;9,1;Eigen meting Veendam",
        f"{CHILD_POVERTY};GM0047;2024;acht;Eigen meting Veendam",
    ]
    bad = tmp_path / "waarden.csv"
    bad.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    good = tmp_path / "waarden-goed.csv"
    good.write_text(HEADER + "\n".join(rows).replace(";acht;", ";8,2;") + "\n", encoding="utf-8")
    before = Measurement.objects.count()

    log_in(page, base, STAFF)
    page.goto(f"{base}/indicatoren/importeren/")
    assert_accessible(page)
    page.locator('input[name="file"]').set_input_files(str(bad))
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .alert-danger")).to_contain_text("1 fout", timeout=TIMEOUT)
    expect(page.locator("main")).to_contain_text("“acht” is geen getal")
    expect(page.locator("main form button[type=submit]")).to_have_count(0)
    assert_accessible(page)
    assert Measurement.objects.count() == before

    page.goto(f"{base}/indicatoren/importeren/")
    page.locator('input[name="file"]').set_input_files(str(good))
    page.locator("main form button[type=submit]").click()
    page.locator("main form button[type=submit]").click()  # "2 rijen importeren"
    expect(page.locator(".alert-success")).to_contain_text("2 waarden", timeout=TIMEOUT)
    assert Measurement.objects.count() == before + 2

    page.goto(f"{base}/indicatoren/{indicator.pk}/?plaats=GM0047")
    expect(page.locator("main h1")).to_have_text(CHILD_POVERTY)
    legend = page.locator("main .trend-legend")
    for line in ("Veendam", "Groningen", "Nederland"):
        expect(legend).to_contain_text(line)
    expect(page.locator("main table.trend-table")).to_contain_text("8,2%")
    assert_accessible(page)
    # The region (the default place) carries the alliance's targets.
    page.locator('select[name="plaats"]').select_option("RGVK")
    page.locator("#place-form button[type=submit]").click()
    expect(page.locator("main .trend-legend")).to_contain_text("Doel", timeout=TIMEOUT)
    expect(page.locator("main table.trend-table")).not_to_contain_text("9,1%")
