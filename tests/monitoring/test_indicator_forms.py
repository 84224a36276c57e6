"""Staff write indicators, values, targets and stories: bad input gets a clear message and
nothing is saved; every write is in the audit trail."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from avk.models import AuditEntry
from monitoring.models import Indicator, IndicatorStory, Measurement, Target
from tests.factories import PartnerFactory
from tests.monitoring.factories_indicators import (
    IndicatorFactory,
    MeasurementFactory,
    region_areas,
)


@pytest.fixture
def areas(db):
    return region_areas()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def indicator(db):
    return IndicatorFactory(unit=Indicator.Unit.PERCENTAGE)


def add_value(client, indicator, **data):
    values = {"area_code": "GM0114", "year": "2020", "value": "8,4"} | data
    return client.post(reverse("measurement_create", args=[indicator.pk]), values)


def test_staff_add_an_indicator(staff_client, staff):
    response = staff_client.post(
        reverse("indicator_create"),
        {
            "name": "Kinderen in armoede",
            "definition": "Deel van de kinderen.",
            "unit": "percentage",
            "polarity": "lower",
            "source": "CBS",
            "source_url": "https://www.cbs.nl/",
            "visibility": "public",
            "order": 0,
        },
    )
    indicator = Indicator.objects.get()
    assert response["Location"] == reverse("indicator_detail", args=[indicator.pk])
    entry = AuditEntry.objects.get(action="indicator.created")
    assert entry.actor == staff and entry.group == f"indicator:{indicator.pk}"


def test_an_indicator_name_twice_is_refused(staff_client, indicator):
    data = {"name": indicator.name, "definition": "x", "unit": "count", "polarity": "higher"}
    response = staff_client.post(reverse("indicator_create"), data | {"source": "CBS"})
    assert response.status_code == 200 and Indicator.objects.count() == 1


def test_staff_add_a_value_with_a_decimal_comma(staff_client, staff, indicator, areas):
    response = add_value(staff_client, indicator, area_code=" gm0114 ", note="RTV Drenthe")
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert (measurement.area.code, measurement.value) == ("GM0114", Decimal("8.4"))
    assert (measurement.entered_by, measurement.origin) == (staff, "entered")
    assert AuditEntry.objects.filter(action="measurement.created").exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"value": "veel"}, "value", "Fill in a number, such as 9,6 or 1500."),
        ({"value": "9,6,1"}, "value", "Fill in a number"),
        ({"value": "NaN"}, "value", "Fill in a number"),
        ({"year": "1989"}, "year", "A year from 1990 up to 2100."),
        ({"year": "2101"}, "year", "A year from 1990 up to 2100."),
        ({"year": "twintig"}, "year", "Fill in a year, such as 2024."),
        ({"value": "100,5"}, "value", "A percentage is a number from 0 up to 100."),
        ({"value": "-1"}, "value", "A percentage is a number from 0 up to 100."),
        ({"area_code": "GM9999"}, "area_code", "The CBS code GM9999 is unknown in the portal."),
        ({"area_code": "GM0010", "year": "2022"}, "year", "Delfzijl merged in 2021"),
    ],
)
def test_bad_values_get_a_clear_message_and_nothing_is_saved(
    staff_client, indicator, areas, data, field, message
):
    response = add_value(staff_client, indicator, **data)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert not Measurement.objects.exists() and not AuditEntry.objects.exists()


def test_a_second_value_for_the_same_area_and_year_is_refused(staff_client, indicator, areas):
    MeasurementFactory(indicator=indicator, area=areas["GM0114"], year=2020, value=9)
    response = add_value(staff_client, indicator)
    assert (
        "There is already a value for Emmen in 2020" in response.context["form"].errors["year"][0]
    )
    assert Measurement.objects.get().value == 9


def test_a_count_may_be_above_100(staff_client, areas):
    indicator = IndicatorFactory(unit=Indicator.Unit.COUNT)
    assert add_value(staff_client, indicator, value="1500").status_code == 302


def test_the_dutch_message_for_a_percentage_above_100(client, staff, indicator, areas):
    client.force_login(staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    response = add_value(client, indicator, value="120", area_code="GM9999")
    page = response.content.decode()
    assert "Een percentage is een getal van 0 tot en met 100." in page
    assert "De CBS-code GM9999 is onbekend in het portaal." in page


def test_staff_change_and_delete_a_value(staff_client, indicator, areas):
    measurement = MeasurementFactory(indicator=indicator, area=areas["GM0114"], value=9)
    url = reverse("measurement_edit", args=[measurement.pk])
    page = staff_client.get(url).content.decode()
    assert 'value="GM0114"' in page
    staff_client.post(url, {"area_code": "GM0114", "year": "2020", "value": "9,1"})
    measurement.refresh_from_db()
    assert measurement.value == Decimal("9.1")
    assert AuditEntry.objects.get(action="measurement.updated").changes["value"] == [
        "9.00",
        "9.1",
    ]
    staff_client.post(reverse("measurement_delete", args=[measurement.pk]))
    assert not Measurement.objects.exists()
    assert AuditEntry.objects.filter(action="measurement.deleted").exists()


def test_a_target_per_milestone_year_replaces_the_one_before(staff_client, indicator, areas):
    url = reverse("target_set", args=[indicator.pk])
    assert (
        staff_client.post(url, {"area_code": "RGVK", "year": 2030, "value": "6"}).status_code == 302
    )
    staff_client.post(url, {"area_code": "RGVK", "year": 2030, "value": "5,5"})
    target = Target.objects.get()
    assert (target.area.code, target.value) == ("RGVK", Decimal("5.5"))
    assert AuditEntry.objects.filter(action="target.set").count() == 2
    for year in (2022, 2044):
        response = staff_client.post(url, {"area_code": "RGVK", "year": year, "value": "5"})
        assert "from 2023 up to 2043" in str(response.context["form"].errors["year"])
    response = staff_client.post(url, {"area_code": "RGVK", "year": 2031, "value": "101"})
    assert response.context["form"].errors["value"]
    assert Target.objects.count() == 1
    staff_client.post(reverse("target_delete", args=[target.pk]))
    assert not Target.objects.exists()


def test_staff_write_the_story_behind_the_curve(staff_client, staff, indicator):
    partner = PartnerFactory(name="CMO STAMM")
    url = reverse("story_create", args=[indicator.pk])
    data = {"year": 2024, "helps": "Samen optrekken", "hinders": "", "partners": [partner.pk]}
    assert staff_client.post(url, data).status_code == 302
    story = IndicatorStory.objects.get()
    assert story.written_by == staff and list(story.partners.all()) == [partner]
    response = staff_client.post(url, data)
    assert "There is already a story for 2024" in str(response.context["form"].errors["year"])
    response = staff_client.post(url, {"year": 2025, "helps": "", "hinders": ""})
    assert response.context["form"].non_field_errors()
    assert IndicatorStory.objects.count() == 1
    edit = reverse("story_edit", args=[story.pk])
    staff_client.post(edit, {"year": 2024, "helps": "Samen", "hinders": "Regels"})
    story.refresh_from_db()
    assert story.hinders == "Regels" and not story.partners.exists()
    assert AuditEntry.objects.filter(action="story.partners_changed").count() == 2


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    area_code=st.one_of(
        st.sampled_from(["GM0114", "RGVK", "GM0010", "NL01"]), st.text(max_size=12)
    ),
    year=st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.text(max_size=8)),
    value=st.one_of(st.decimals(allow_nan=True, allow_infinity=True), st.text(max_size=20)),
    numerator=st.one_of(st.text(max_size=20), st.integers(min_value=-(2**70), max_value=2**70)),
    note=st.text(max_size=400),
    is_break=st.one_of(st.booleans(), st.text(max_size=5)),
)
def test_measurement_form_garbage_never_breaks(
    staff_client, indicator, areas, area_code, year, value, numerator, note, is_break
):
    data = {
        "area_code": area_code,
        "year": year,
        "value": value,
        "numerator": numerator,
        "note": note,
        "is_break": is_break,
    }
    response = staff_client.post(reverse("measurement_create", args=[indicator.pk]), data)
    assert response.status_code in (200, 302)
    for measurement in Measurement.objects.all():
        assert 1990 <= measurement.year <= 2100 and 0 <= measurement.value <= 100
