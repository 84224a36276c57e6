"""Import of measurements keyed on the CBS code (upload, preview with row errors, confirm
all or nothing) and the CSV export that imports unchanged."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse

from avk.models import AuditEntry
from monitoring.models import Measurement
from monitoring.selectors import imports
from monitoring.views.imports import SESSION_KEY
from tests.monitoring.factories_indicators import IndicatorFactory, region_areas
from tests.partners.factories_imports import csv_upload, xlsx_upload

START = reverse("measurement_import")
HEADER = "indicator;cbs_code;jaar;waarde;teller;noemer;toelichting;breuk\n"
GOOD = (
    HEADER + "Kinderarmoede;GM0114;2018;9,6;;;RTV Drenthe;\n"
    "Kinderarmoede;gm0114;2020;8.4;1500;;RTV Drenthe;nee\n"
    "Kinderarmoede;NL01;2022;5,2;;;CBS 2023;ja\n"
    "Kinderarmoede;RGVK;2024;11;;;;\n"
)


@pytest.fixture
def indicator(db):
    region_areas()
    return IndicatorFactory(name="Kinderarmoede", unit="percentage")


@pytest.fixture
def staff_client(client, staff, indicator):
    client.force_login(staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def counts():
    return Measurement.objects.count(), AuditEntry.objects.count()


def upload(client, file):
    return client.post(START, {"file": file})


def preview_url(response):
    assert response.status_code == 302, response.content.decode()[:3000]
    return response["Location"]


def message_texts(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_good_file_previews_then_imports_every_row(staff_client, staff, indicator):
    url = preview_url(upload(staff_client, csv_upload(GOOD)))
    preview = staff_client.get(url)
    assert preview.context["can_confirm"] and preview.context["counts"]["create"] == 4
    assert counts() == (0, 0)  # the preview saves nothing
    response = staff_client.post(url)
    assert response.status_code == 302
    assert "4 values imported (4 new, 0 updated)." in message_texts(response)
    emmen = Measurement.objects.get(area__code="GM0114", year=2020)
    assert (emmen.value, emmen.numerator, emmen.origin) == (Decimal("8.4"), 1500, "imported")
    assert emmen.entered_by == staff
    nl = Measurement.objects.get(area__code="NL01")
    assert nl.is_break and nl.note == "CBS 2023"
    assert AuditEntry.objects.filter(action="measurement.imported").count() == 4
    assert SESSION_KEY not in staff_client.session


def test_one_bad_row_is_shown_and_nothing_is_saved_then_the_fixed_file_imports_all(
    staff_client,
):
    bad = GOOD.replace("gm0114;2020;8.4", "gm0114;2020;acht")
    url = preview_url(upload(staff_client, csv_upload(bad)))
    preview = staff_client.get(url)
    assert not preview.context["can_confirm"]
    assert preview.context["errors"] == [
        {
            "row": 3,
            "column": "waarde",
            "message": "“acht” is not a number. Fill in a number, such as 9,6.",
        }
    ]
    assert "Import 4 rows" not in preview.content.decode()
    # A forged confirm is refused as well, and saves nothing.
    assert staff_client.post(url).status_code == 400
    assert counts() == (0, 0)
    url = preview_url(upload(staff_client, csv_upload(GOOD)))
    assert staff_client.post(url).status_code == 302
    assert Measurement.objects.count() == 4


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("Onbekend;GM0114;2020;5", "indicator", "The indicator “Onbekend” is not in the portal"),
        ("Kinderarmoede;GM9999;2020;5", "cbs_code", "The CBS code “GM9999” is unknown"),
        ("Kinderarmoede;GM0114;1989;5", "jaar", "A year from 1990 up to 2100."),
        ("Kinderarmoede;GM0114;2101;5", "jaar", "A year from 1990 up to 2100."),
        ("Kinderarmoede;GM0114;twintig;5", "jaar", "Fill in a year, such as 2024."),
        ("Kinderarmoede;GM0114;2020;100,1", "waarde", "A percentage is a number from 0 up to 100."),
        ("Kinderarmoede;GM0114;2020;", "waarde", "Fill in the value."),
        ("Kinderarmoede;GM0114;2020;5;veel", "teller", "“veel” is not a number."),
        ("Kinderarmoede;GM0114;2020;5;;;;misschien", "breuk", "Fill in ja or nee"),
        ("Kinderarmoede;GM0010;2021;5", "jaar", "Delfzijl merged in 2021"),
        ("Kinderarmoede;GM0114;2020;5,123", "waarde", "2 decimal places"),
    ],
)
def test_row_errors_name_the_row_and_column(staff_client, row, column, message):
    text = HEADER + "Kinderarmoede;NL01;2020;6,9\n" + row + "\n"
    url = preview_url(upload(staff_client, csv_upload(text)))
    errors = staff_client.get(url).context["errors"]
    assert [(e["row"], e["column"]) for e in errors] == [(3, column)], errors
    assert message in errors[0]["message"]
    assert counts() == (0, 0)


def test_the_same_value_twice_in_a_file_is_an_error(staff_client):
    text = HEADER + "Kinderarmoede;GM0114;2020;5\nKinderarmoede;GM0114;2020;6\n"
    errors = staff_client.get(preview_url(upload(staff_client, csv_upload(text)))).context["errors"]
    assert errors[0]["row"] == 3 and "also in row 2" in errors[0]["message"]


def test_an_existing_value_is_updated_and_the_preview_shows_the_old_one(staff_client, indicator):
    staff_client.post(preview_url(upload(staff_client, csv_upload(GOOD))))
    changed = GOOD.replace("GM0114;2018;9,6", "GM0114;2018;9,7")
    url = preview_url(upload(staff_client, csv_upload(changed)))
    preview = staff_client.get(url)
    assert preview.context["counts"] == {"create": 0, "update": 1, "unchanged": 3}
    page = preview.content.decode()
    assert "was 9,6%" in page or "was 9.6%" in page
    response = staff_client.post(url)
    assert "1 value imported (0 new, 1 updated)." in message_texts(response)
    assert Measurement.objects.get(area__code="GM0114", year=2018).value == Decimal("9.7")
    assert AuditEntry.objects.filter(action="measurement.reimported").count() == 1


def test_excel_imports_too(staff_client):
    rows = [
        ["Indicator", "CBS code", "Year", "Value", "Note", "Break"],
        ["Kinderarmoede", "GM0114", 2018, 9.6, "RTV Drenthe", ""],
        ["Kinderarmoede", "PV22", 2018, 7.3, "", "yes"],
    ]
    url = preview_url(upload(staff_client, xlsx_upload(rows)))
    assert staff_client.post(url).status_code == 302
    assert Measurement.objects.get(area__code="PV22").is_break
    assert Measurement.objects.get(area__code="GM0114").value == Decimal("9.6")


def test_a_file_over_the_size_limit_is_refused_like_the_partner_import(staff_client):
    text = HEADER + "x" * (5 * 1024 * 1024)
    response = upload(staff_client, csv_upload(text))
    assert any("larger than 2 MB" in e for e in response.context["form"].errors["file"])
    assert SESSION_KEY not in staff_client.session and counts() == (0, 0)


def test_a_wrong_header_names_the_expected_columns(staff_client):
    response = upload(staff_client, csv_upload("gemeente;percentage\nEmmen;9\n"))
    error = response.context["form"].errors["file"][0]
    assert "cbs-code (cbs_code)" in error and "unknown: gemeente, percentage" in error


def test_confirm_rechecks_against_the_database(staff_client, indicator):
    url = preview_url(upload(staff_client, csv_upload(GOOD)))
    indicator.name = "Hernoemd"
    indicator.save()
    assert staff_client.post(url).status_code == 400
    assert counts() == (0, 0)


def test_a_batch_belongs_to_its_user(staff_client, client_for, db):
    url = preview_url(upload(staff_client, csv_upload(GOOD)))
    from tests.factories import UserFactory

    other = client_for(UserFactory(is_staff=True))
    assert other.get(url).status_code == 404 and other.post(url).status_code == 404
    assert counts() == (0, 0)


# --- export --------------------------------------------------------------------------------


def test_the_export_imports_unchanged(staff_client, indicator):
    staff_client.post(preview_url(upload(staff_client, csv_upload(GOOD))))
    Measurement.objects.filter(area__code="RGVK").update(value=Decimal("-0.5") + 1)
    response = staff_client.get(reverse("measurement_export"))
    assert response["Content-Type"].startswith("text/csv")
    exported = response.content.decode("utf-8")
    assert exported.startswith("\ufeffindicator;cbs-code;jaar;waarde")
    before = {
        (m.area.code, m.year): (m.value, m.numerator, m.note, m.is_break)
        for m in Measurement.objects.select_related("area")
    }
    # On top of what is there: every row unchanged.
    url = preview_url(upload(staff_client, csv_upload(exported)))
    assert staff_client.get(url).context["counts"] == {"create": 0, "update": 0, "unchanged": 4}
    # Into an empty portal: the same values again.
    Measurement.objects.all().delete()
    url = preview_url(upload(staff_client, csv_upload(exported)))
    assert staff_client.post(url).status_code == 302
    after = {
        (m.area.code, m.year): (m.value, m.numerator, m.note, m.is_break)
        for m in Measurement.objects.select_related("area")
    }
    assert after == before


def test_a_negative_value_survives_the_round_trip(staff_client):
    count = IndicatorFactory(name="Saldo", unit="euro")
    Measurement.objects.create(
        indicator=count, area_id=region_areas()["NL01"].pk, year=2020, value=Decimal("-3.25")
    )
    exported = staff_client.get(reverse("measurement_export")).content.decode()
    assert "'-3,25" in exported  # defused for Excel
    url = preview_url(upload(staff_client, csv_upload(exported)))
    assert staff_client.get(url).context["counts"]["unchanged"] == 1


def test_the_export_of_one_indicator_and_garbage_filters(staff_client, indicator):
    staff_client.post(preview_url(upload(staff_client, csv_upload(GOOD))))
    other = IndicatorFactory()
    url = reverse("measurement_export")
    assert staff_client.get(url, {"indicator": other.pk}).content.decode().count("\r\n") == 1
    for garbage in ["x", "-1", "9" * 40, "\x00"]:
        response = staff_client.get(url, {"indicator": garbage})
        assert response.status_code == 200 and response.content.decode().count("\r\n") == 5


def test_the_import_reads_three_queries_whatever_the_rows(django_assert_num_queries, indicator):
    rows = [
        {
            "number": n + 2,
            "values": {
                "indicator": "Kinderarmoede",
                "cbs_code": "GM0114",
                "year": str(1990 + n),
                "value": "5",
            },
        }
        for n in range(100)
    ]
    headers = {"indicator": "indicator", "cbs_code": "cbs_code", "year": "jaar", "value": "waarde"}
    with django_assert_num_queries(3):
        results = imports.validate_rows(rows, headers)
    assert all(r.ok for r in results)
