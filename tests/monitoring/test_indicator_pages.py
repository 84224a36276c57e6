"""The indicator list and an indicator's page: visibility, the chart for a chosen place
against its references, no league tables, and flat query counts and page sizes."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from avk.cache import touch
from avk.models import AuditEntry
from monitoring.access import indicators_visible_to
from monitoring.models import Area, EffortIndicator, Measurement, Target
from monitoring.selectors.indicators import INDICATOR_READ, indicator_trend
from tests.matrix import LOGIN
from tests.monitoring.factories_indicators import (
    AreaFactory,
    IndicatorFactory,
    MeasurementFactory,
    StoryFactory,
    region_areas,
)
from tests.reflection.factories_plans import EffortFactory


@pytest.fixture
def areas(db):
    return region_areas()


def detail(indicator, place=None):
    url = reverse("indicator_detail", args=[indicator.pk])
    return url + (f"?plaats={place}" if place else "")


def english(client, user=None):
    if user is not None:
        client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# --- visibility ----------------------------------------------------------------------------

VISIBILITY = {
    # visibility: (anonymous, logged in, staff)
    "internal": (LOGIN, 404, 200),
    "partners": (LOGIN, 200, 200),
    "public": (200, 200, 200),
}


@pytest.mark.parametrize("visibility", sorted(VISIBILITY))
def test_the_visibility_matrix_of_an_indicator_page(visibility, client_for, staff, outsider):
    indicator = IndicatorFactory(visibility=visibility)
    statuses = [
        client_for(user).get(detail(indicator)).status_code for user in (None, outsider, staff)
    ]
    assert tuple(statuses) == VISIBILITY[visibility]


def test_the_list_shows_only_what_the_person_may_see(client, staff, outsider):
    names = {v: IndicatorFactory(visibility=v, name=f"Ind {v}").name for v in VISIBILITY}
    client.force_login(outsider)
    page = client.get(reverse("indicator_list")).content.decode()
    assert names["public"] in page and names["partners"] in page
    assert names["internal"] not in page
    client.force_login(staff)
    assert names["internal"] in client.get(reverse("indicator_list")).content.decode()
    assert list(indicators_visible_to(client_anonymous_user())) == [
        i for i in indicators_visible_to(staff) if i.visibility == "public"
    ]


def client_anonymous_user():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_an_anonymous_visitor_asking_for_a_hidden_indicator_is_sent_to_log_in(client, db):
    indicator = IndicatorFactory(visibility="internal")
    response = client.get(detail(indicator))
    assert response.status_code == LOGIN
    assert response["Location"].startswith(reverse("account_login"))


def test_the_public_page_hides_staff_tools_and_the_efforts(client, areas):
    indicator = IndicatorFactory(visibility="public")
    EffortIndicator.objects.create(
        effort=EffortFactory(title="Interne inspanning"), indicator=indicator
    )
    page = client.get(detail(indicator)).content.decode()
    assert "Interne inspanning" not in page and 'id="inspanningen"' not in page
    assert reverse("indicator_edit", args=[indicator.pk]) not in page
    assert reverse("effort_link_add", args=[indicator.pk]) not in page


# --- the page ------------------------------------------------------------------------------


def test_the_region_against_its_provinces_and_the_netherlands_with_target_and_break(
    client, outsider, areas
):
    indicator = IndicatorFactory(source="CBS 85678NED", source_url="https://opendata.cbs.nl/")
    for code, year, value, is_break in [
        ("RGVK", 2018, "11.5", False),
        ("RGVK", 2024, "10.5", True),
        ("PV20", 2018, "9.9", False),
        ("PV22", 2018, "7.3", False),
        ("NL01", 2022, "5.2", False),
    ]:
        MeasurementFactory(
            indicator=indicator,
            area=areas[code],
            year=year,
            value=Decimal(value),
            is_break=is_break,
            note="Nieuwe armoedegrens" if is_break else "",
        )
    Target.objects.create(indicator=indicator, area=areas["RGVK"], year=2030, value=7)
    StoryFactory(indicator=indicator, year=2023, helps="Oud verhaal")
    StoryFactory(indicator=indicator, year=2025, helps="Nieuw verhaal")
    response = english(client, outsider).get(detail(indicator))
    page = response.content.decode()
    chart = response.context["chart"]
    assert [s.label for s in chart.series] == ["Veenkoloniën", "Drenthe", "Groningen", "Nederland"]
    assert chart.series[0].trend == "better" and chart.series[0].colour == "#2e6b3f"
    assert [b.year for b in chart.breaks] == [2024]
    assert "Nieuwe armoedegrens" in page
    assert [t.year for t in chart.targets] == [2030]
    assert "trend-table" in page and "<svg" in page
    assert 'href="https://opendata.cbs.nl/"' in page and "CBS 85678NED" in page
    assert page.index("Nieuw verhaal") < page.index("Oud verhaal")


def test_a_municipality_against_its_province_and_the_netherlands(client, outsider, areas):
    indicator = IndicatorFactory()
    MeasurementFactory(indicator=indicator, area=areas["GM0114"], year=2018, value=9.6)
    MeasurementFactory(indicator=indicator, area=areas["PV22"], year=2018, value=7.3)
    MeasurementFactory(indicator=indicator, area=areas["PV20"], year=2018, value=9.9)
    MeasurementFactory(indicator=indicator, area=areas["NL01"], year=2018, value=8.1)
    response = english(client, outsider).get(detail(indicator, "gm0114"))
    assert [s.label for s in response.context["chart"].series] == [
        "Emmen",
        "Drenthe",
        "Nederland",
    ]


@pytest.mark.parametrize("place", ["", "XX", "PV20", "NL01", "gm", "\x00", "GM" + "9" * 50])
def test_any_place_in_the_query_string_shows_the_region(client, outsider, areas, place):
    indicator = IndicatorFactory()
    response = client_for_user(client, outsider).get(detail(indicator, place))
    assert response.status_code == 200
    assert response.context["area"].code == "RGVK"


def client_for_user(client, user):
    client.force_login(user)
    return client


def test_no_league_table_another_municipality_is_never_shown_next_to_the_chosen_one(
    client, staff, areas
):
    """A place is compared with its own past and its references only: the values of the
    other municipalities never appear, on the region's page nor on a municipality's."""
    indicator = IndicatorFactory()
    own = {"GM0114": "11.11", "GM0047": "22.22", "GM0037": "33.33", "GM0106": "44.44"}
    for code, value in own.items():
        MeasurementFactory(indicator=indicator, area=areas[code], year=2020, value=value)
    MeasurementFactory(indicator=indicator, area=areas["RGVK"], year=2020, value="55.55")
    with translation.override("en"):
        for place in ["RGVK", *own]:
            page = english(client, staff).get(detail(indicator, place)).content.decode()
            shown = {code for code, value in own.items() if value.replace(".", ",") in page}
            shown |= {code for code, value in own.items() if value in page}
            assert shown <= {place}, f"{place} shows the values of {shown - {place}}"
    page = client.get(reverse("indicator_list")).content.decode()
    assert not any(value in page or value.replace(".", ",") in page for value in own.values())


def test_staff_link_and_unlink_an_effort(client, staff, areas):
    indicator = IndicatorFactory()
    effort = EffortFactory(title="Vroegsignalering schulden")
    client.force_login(staff)
    page = client.get(detail(indicator)).content.decode()
    assert reverse("effort_link_add", args=[indicator.pk]) in page  # a page of its own
    form_page = client.get(reverse("effort_link_add", args=[indicator.pk])).content.decode()
    assert "Vroegsignalering schulden" in form_page  # offered in the form
    response = client.post(
        reverse("effort_link_add", args=[indicator.pk]),
        {"effort": effort.pk, "expected_change": "Minder kinderen in armoede"},
    )
    assert response.status_code == 302
    link = EffortIndicator.objects.get()
    assert link.expected_change == "Minder kinderen in armoede"
    page = client.get(detail(indicator)).content.decode()
    assert "Minder kinderen in armoede" in page
    assert AuditEntry.objects.filter(action="effort_indicator.linked").exists()
    # Linking it twice (a forged or double POST) is a form error, not a second link.
    response = client.post(reverse("effort_link_add", args=[indicator.pk]), {"effort": effort.pk})
    assert response.status_code == 200 and EffortIndicator.objects.count() == 1
    client.post(reverse("effort_link_remove", args=[indicator.pk, link.pk]))
    assert not EffortIndicator.objects.exists()
    assert AuditEntry.objects.filter(action="effort_indicator.unlinked").exists()


def test_a_link_of_another_indicator_cannot_be_removed_through_this_one(client, staff):
    indicator, other = IndicatorFactory(), IndicatorFactory()
    link = EffortIndicator.objects.create(effort=EffortFactory(), indicator=other)
    client.force_login(staff)
    response = client.post(reverse("effort_link_remove", args=[indicator.pk, link.pk]))
    assert response.status_code == 404 and EffortIndicator.objects.filter(pk=link.pk).exists()


def test_non_staff_cannot_write_by_forged_posts(client_for, personas, areas):
    indicator = IndicatorFactory(visibility="public")
    effort = EffortFactory()
    measurement = MeasurementFactory(indicator=indicator, area=areas["GM0114"])
    posts = [
        (reverse("indicator_edit", args=[indicator.pk]), {"name": "Gekaapt"}),
        (reverse("measurement_create", args=[indicator.pk]), {"area_code": "GM0114"}),
        (reverse("measurement_delete", args=[measurement.pk]), {}),
        (reverse("target_set", args=[indicator.pk]), {"year": 2030, "value": 1}),
        (reverse("story_create", args=[indicator.pk]), {"year": 2024, "helps": "x"}),
        (reverse("effort_link_add", args=[indicator.pk]), {"effort": effort.pk}),
        (reverse("measurement_import"), {}),
    ]
    for persona in ["editor_a", "outsider", "db_member"]:
        for url, data in posts:
            assert client_for(personas[persona]).post(url, data).status_code == 403, url
    for url, data in posts:
        assert client_for(None).post(url, data).status_code == LOGIN
    assert Measurement.objects.count() == 1 and not EffortIndicator.objects.exists()
    assert not AuditEntry.objects.exists()


# --- queries and page size -----------------------------------------------------------------


def _fill(areas, *, years, municipalities, indicators):
    """years x areas x indicators values: the region, references and municipalities."""
    codes = ["RGVK", "PV20", "PV22", "NL01", "GM0114", "GM1979", "GM0010"]
    extra = [AreaFactory(province=areas["PV22"]) for _ in range(municipalities)]
    for area in extra:
        areas["RGVK"].members.add(area)
    made = [IndicatorFactory(visibility="public") for _ in range(indicators)]
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            area=areas.get(code, code),
            year=2000 + year,
            value=Decimal(5 + year % 4),
            is_break=year == 10,
        )
        for indicator in made
        for code in [*codes, *extra]
        for year in range(years)
        if not (code == "GM0010" and year >= 21)
    )
    for indicator in made:
        Target.objects.create(indicator=indicator, area=areas["RGVK"], year=2030, value=3)
        StoryFactory(indicator=indicator, year=2024)
        EffortIndicator.objects.create(effort=EffortFactory(), indicator=indicator)
    touch(*INDICATOR_READ)  # bulk writes send no signal (avk.cache)
    return made


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("user", ["staff", "outsider"])
def test_query_counts_do_not_grow_with_years_areas_and_indicators(client, areas, user, request):
    client.force_login(request.getfixturevalue(user))
    EffortFactory()  # an effort staff can link, so the link form shows in both runs
    first = _fill(areas, years=2, municipalities=1, indicators=1)[0]
    cache.clear()  # both runs measure pages built afresh (avk.cache keeps them otherwise)
    small = [
        _queries(client, reverse("indicator_list")),
        _queries(client, detail(first)),
        _queries(client, detail(first, "GM1979")),
    ]
    _fill(areas, years=20, municipalities=15, indicators=10)
    cache.clear()
    large = [
        _queries(client, reverse("indicator_list")),
        _queries(client, detail(first)),
        _queries(client, detail(first, "GM1979")),
    ]
    assert large == small


def test_the_page_grows_with_years_not_with_municipalities(client, staff, areas):
    client.force_login(staff)
    indicator = _fill(areas, years=20, municipalities=0, indicators=1)[0]
    size = len(client.get(detail(indicator, "GM0114")).content)
    region_size = len(client.get(detail(indicator)).content)
    # Fifty more municipalities with values, outside the region: the pages stay the same.
    for _ in range(50):
        area = AreaFactory(province=areas["PV22"])
        MeasurementFactory(indicator=indicator, area=area, year=2010, value=7)
    assert len(client.get(detail(indicator, "GM0114")).content) == size
    assert len(client.get(detail(indicator)).content) == region_size


def test_indicator_trend_is_three_queries(django_assert_num_queries, areas):
    indicator = IndicatorFactory()
    with django_assert_num_queries(3):
        indicator_trend(indicator, areas["GM1979"])
    region = Area.objects.get(code="RGVK")
    with django_assert_num_queries(4):  # the region also looks up its members' provinces
        indicator_trend(indicator, region)


def test_stories_for_many_indicators_in_two_queries(django_assert_num_queries, db):
    from monitoring.selectors.indicators import stories_by_indicator
    from tests.factories import PartnerFactory

    indicators = [IndicatorFactory() for _ in range(5)]
    for indicator in indicators:
        for year in (2023, 2024):
            StoryFactory(indicator=indicator, year=year).partners.add(PartnerFactory())
    with django_assert_num_queries(2):
        stories = stories_by_indicator(indicators)
        assert [s.year for s in stories[indicators[0].pk]] == [2024, 2023]
        assert all(len(s.partners.all()) == 1 for s in stories[indicators[1].pk])


def test_a_new_value_shows_on_the_next_request_of_the_list_and_the_page(client, staff, areas):
    """The list's rows and a page's chart are kept (avk.cache) until a value changes."""
    client.force_login(staff)
    indicator = IndicatorFactory(name="Kinderen in armoede")
    MeasurementFactory(indicator=indicator, area=areas["RGVK"], year=2020, value="8.30")
    assert "8,3%" in client.get(detail(indicator)).content.decode()
    assert "8,3%" in client.get(reverse("indicator_list")).content.decode()
    MeasurementFactory(indicator=indicator, area=areas["RGVK"], year=2022, value="7.10")
    assert "7,1%" in client.get(detail(indicator)).content.decode()
    assert "7,1%" in client.get(reverse("indicator_list")).content.decode()
    indicator.name = "Kinderen in een gezin met een laag inkomen"
    indicator.save()
    assert (
        "Kinderen in een gezin met een laag inkomen"
        in client.get(reverse("indicator_list")).content.decode()
    )


def test_a_changed_story_shows_on_the_next_request(client, staff, outsider, areas):
    """The stories are kept rendered per kind of reader (avk.cache) until one changes."""
    indicator = IndicatorFactory()
    story = StoryFactory(indicator=indicator, year=2024, helps="Samen optrekken.")
    client.force_login(outsider)
    assert "Samen optrekken." in client.get(detail(indicator)).content.decode()
    story.helps = "Scholen en schuldhulp werken samen."
    story.save()
    html = client.get(detail(indicator)).content.decode()
    assert "Scholen en schuldhulp werken samen." in html
    assert reverse("story_edit", args=[story.pk]) not in html  # staff only
    client.force_login(staff)
    assert reverse("story_edit", args=[story.pk]) in client.get(detail(indicator)).content.decode()


def test_the_kept_place_chooser_follows_the_region_and_the_names(client, outsider, areas):
    indicator = IndicatorFactory()
    client.force_login(outsider)
    assert ">Assen<" not in client.get(detail(indicator)).content.decode()
    region = areas["RGVK"]
    region.members.add(areas["GM0106"])  # Assen joins the region's picture
    page = client.get(detail(indicator)).content.decode()
    assert 'value="GM0106">Assen<' in page
    assen = areas["GM0106"]
    assen.name = "Assen (Drenthe)"
    assen.save()
    assert ">Assen (Drenthe)<" in client.get(detail(indicator)).content.decode()
    # The place shown is the one chosen, also when the rest of the fragment is kept.
    assert 'value="GM0106" selected>' in client.get(detail(indicator, "GM0106")).content.decode()
