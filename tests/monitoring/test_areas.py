"""Areas keyed on CBS codes: made and kept in step with the municipalities, mergers
included, so a series runs on across a merger."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from monitoring.models import Area, Measurement
from monitoring.selectors.areas import references_of, with_mergers
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
    merged = {a.code: a for a in with_mergers(Area.objects.all())}
    for code in ("GM0010", "GM0003", "GM0024"):
        assert (merged[code].successor_area_id, merged[code].merged_in) == (
            areas["GM1979"].pk,
            2021,
        )
    assert (merged["GM0018"].successor_area_id, merged["GM0018"].merged_in) == (
        areas["GM1952"].pk,
        2018,
    )
    assert (merged["GM1979"].successor_area_id, merged["PV20"].merged_in) == (None, None)
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


def _two_villages_series():
    """Oud Dorp's area with a value before the merger, Nieuw Dorp (not merged yet, without a
    code) with none: a merger recorded later on the municipalities decides the series."""
    areas_sync()
    old = Municipality.objects.create(name="Oud Dorp", province="Groningen", cbs_code="GM0998")
    new = Municipality.objects.create(name="Nieuw Dorp", province="Groningen")
    indicator = IndicatorFactory()
    Measurement.objects.create(
        indicator=indicator, area=Area.objects.get(code="GM0998"), year=2019, value=Decimal("14")
    )
    return old, new, indicator


def _labels(indicator, code):
    with translation.override("en"):
        return [s.label for s in indicator_trend(indicator, Area.objects.get(code=code)).series]


def test_a_merger_recorded_before_the_successor_has_a_code_is_followed_by_the_series(db):
    old, new, indicator = _two_villages_series()
    old.successor, old.merged_in = new, 2021
    old.save()
    new.cbs_code = "GM0999"
    new.save()
    assert _labels(indicator, "GM0999") == ["Nieuw Dorp", "Oud Dorp (until 2021)"]


def test_a_merger_written_on_the_municipality_alone_is_followed_by_the_series(db):
    old, new, indicator = _two_villages_series()
    new.cbs_code = "GM0999"
    new.save()
    # A bulk write (no signal): the municipality is the one place a merger is kept.
    Municipality.objects.filter(pk=old.pk).update(successor=new, merged_in=2021)
    assert _labels(indicator, "GM0999") == ["Nieuw Dorp", "Oud Dorp (until 2021)"]
    measurement = Measurement(
        indicator=indicator, area=Area.objects.get(code="GM0998"), year=2021, value=Decimal("9")
    )
    with pytest.raises(ValidationError):
        measurement.full_clean()


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


BEFORE_ONE_HOME = [("monitoring", "0001_indicators_experiences_spotlights")]
ONE_HOME = [("monitoring", "0002_mergers_kept_on_the_municipality")]


def _old_areas(apps):
    Old = apps.get_model("partners", "Municipality")
    OldArea = apps.get_model("monitoring", "Area")
    new = Old.objects.create(name="Nieuw Dorp", cbs_code="GM0999")
    old = Old.objects.create(name="Oud Dorp", cbs_code="GM0998")
    new_area = OldArea.objects.create(
        code="GM0999", name="Nieuw Dorp", kind="municipality", municipality=new
    )
    OldArea.objects.create(
        code="GM0998",
        name="Oud Dorp",
        kind="municipality",
        municipality=old,
        successor=new_area,
        merged_in=2021,
    )
    return OldArea


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_an_areas_merger_onto_its_municipality():
    from tests.migrating import migrate, migrate_to_latest

    _old_areas(migrate(BEFORE_ONE_HOME))
    apps = migrate(ONE_HOME)
    old = apps.get_model("partners", "Municipality").objects.get(name="Oud Dorp")
    assert (old.successor.name, old.merged_in) == ("Nieuw Dorp", 2021)
    migrate_to_latest()
    assert [a.code for a in references_of(Area.objects.get(code="GM0999"))] == ["GM0998"]


@pytest.mark.django_db(transaction=True)
def test_the_migration_refuses_to_drop_a_merger_no_municipality_can_hold():
    from tests.migrating import migrate, migrate_to_latest

    OldArea = _old_areas(migrate(BEFORE_ONE_HOME))
    OldArea.objects.filter(code="GM0998").update(municipality=None)
    with pytest.raises(RuntimeError, match="GM0998"):
        migrate(ONE_HOME)
    OldArea.objects.filter(code="GM0998").update(successor=None, merged_in=None)
    migrate_to_latest()
