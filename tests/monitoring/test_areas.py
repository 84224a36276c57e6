"""Areas keyed on CBS codes: made and kept in step with the municipalities, mergers
included, so a series runs on across a merger."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from monitoring.models import Area, Measurement
from monitoring.selectors.indicators import indicator_trend
from monitoring.services.areas import areas_sync
from partners.models import Municipality
from tests.monitoring.factories_indicators import IndicatorFactory, region_areas


def test_sync_makes_the_country_provinces_region_and_every_municipality(db):
    areas = region_areas()
    assert areas["NL01"].kind == Area.Kind.COUNTRY
    assert (areas["PV20"].name, areas["PV22"].name) == ("Groningen", "Drenthe")
    emmen = areas["GM0114"]
    assert emmen.municipality.name == "Emmen" and emmen.province == areas["PV22"]
    region = areas["RGVK"]
    assert region.kind == Area.Kind.REGION
    assert emmen in region.members.all() and areas["GM0106"] not in region.members.all()
    assert region.members.count() == 9


def test_mergers_point_at_their_successor_with_the_year(db):
    areas = region_areas()
    for code in ("GM0010", "GM0003", "GM0024"):
        assert (areas[code].successor, areas[code].merged_in) == (areas["GM1979"], 2021)
    assert (areas["GM0018"].successor.code, areas["GM0018"].merged_in) == ("GM1952", 2018)
    assert Municipality.objects.get(name="Delfzijl").successor.name == "Eemsdelta"


def test_sync_is_safe_to_run_again(db):
    region_areas()
    before = Area.objects.count(), Municipality.objects.count()
    region_areas()
    assert (Area.objects.count(), Municipality.objects.count()) == before


def test_existing_municipalities_get_their_known_code_without_making_others(db):
    Municipality.objects.create(name="Veendam", province="Groningen")
    Municipality.objects.create(name="Ons Dorp")
    areas_sync()
    assert Municipality.objects.get(name="Veendam").cbs_code == "GM0047"
    assert Area.objects.get(code="GM0047").municipality.name == "Veendam"
    assert not Municipality.objects.filter(name="Emmen").exists()
    assert Area.objects.get(code="RGVK").members.get().code == "GM0047"


def test_staff_giving_a_municipality_a_code_gives_it_an_area(db):
    areas_sync()
    municipality = Municipality.objects.create(name="Ons Dorp", province="Drenthe")
    assert not Area.objects.filter(municipality=municipality).exists()
    municipality.cbs_code = "GM0999"
    municipality.save()
    area = Area.objects.get(municipality=municipality)
    assert (area.code, area.province.code) == ("GM0999", "PV22")
    municipality.cbs_code, municipality.name = "GM0998", "Ons Dorp (nieuw)"
    municipality.save()
    area.refresh_from_db()
    assert (area.code, area.name) == ("GM0998", "Ons Dorp (nieuw)")


def test_a_code_another_area_has_leaves_the_area_as_it_was(db):
    areas_sync()
    municipality = Municipality.objects.create(name="Ons Dorp", cbs_code="GM0999")
    Municipality.objects.filter(pk=municipality.pk).update(cbs_code="GM0998")
    Area.objects.create(code="GM0998", name="Al bezet", kind=Area.Kind.MUNICIPALITY)
    municipality.refresh_from_db()
    municipality.save()  # no 500: logged, the area keeps its old code
    assert Area.objects.get(municipality=municipality).code == "GM0999"


def test_eemsdelta_chart_continues_with_delfzijl_before_the_merger(db):
    areas = region_areas()
    indicator = IndicatorFactory()
    Measurement.objects.create(
        indicator=indicator, area=areas["GM0010"], year=2018, value=Decimal("14.3")
    )
    Measurement.objects.create(
        indicator=indicator, area=areas["GM1979"], year=2022, value=Decimal("11")
    )
    Measurement.objects.create(
        indicator=indicator, area=areas["PV20"], year=2018, value=Decimal("9.9")
    )
    with translation.override("en"):
        trend = indicator_trend(indicator, areas["GM1979"])
    labels = [s.label for s in trend.series]
    # Only former municipalities with values get a line: Appingedam and Loppersum have none.
    assert labels == ["Eemsdelta", "Delfzijl (until 2021)", "Groningen"]
    assert [p.year for p in trend.series[1].points] == [2018]
    chart = trend.chart()
    assert chart.years[0] == 2018 and chart.years[-1] == 2022


def test_a_merged_municipality_has_no_values_from_its_merger_on(db):
    areas = region_areas()
    measurement = Measurement(
        indicator=IndicatorFactory(), area=areas["GM0010"], year=2021, value=Decimal("10")
    )
    with pytest.raises(ValidationError) as refused:
        measurement.full_clean()
    assert "year" in refused.value.error_dict
    measurement.year = 2020
    measurement.full_clean()


def test_the_admin_lists_and_opens_the_indicator_tables(client, db):
    from django.urls import reverse

    from tests.factories import UserFactory
    from tests.monitoring.factories_indicators import MeasurementFactory

    areas = region_areas()
    measurement = MeasurementFactory(area=areas["GM0114"])
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name, obj in [
        ("area", areas["RGVK"]),
        ("indicator", measurement.indicator),
        ("measurement", measurement),
    ]:
        assert client.get(reverse(f"admin:monitoring_{name}_changelist")).status_code == 200
        url = reverse(f"admin:monitoring_{name}_change", args=[obj.pk])
        assert client.get(url).status_code == 200
    for name in ("target", "indicatorstory", "effortindicator"):
        assert client.get(reverse(f"admin:monitoring_{name}_changelist")).status_code == 200
