"""The trend chart: server-rendered SVG geometry for an indicator over the years, with its
references, target, breaks in the series and a table that says the same in words."""

import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from avk.charts.lines import NOTHING, Point, Series, trend_chart

D = Decimal


def emmen(*values, start=2018):
    return [Point(start + i * 2, D(v)) for i, v in enumerate(values)]


def chart(**kwargs):
    defaults = {
        "series": [
            Series("Emmen", emmen("9.6", "8.4")),
            Series("Drenthe", [Point(2018, D("7.3"))], reference=True),
            Series("Nederland", emmen("8.1", "6.9", "5.2"), reference=True),
        ],
        "unit": "percentage",
        "polarity": "lower",
        "title": "Kinderen in een gezin met een laag inkomen",
    }
    defaults.update(kwargs)
    return trend_chart(**defaults)


def test_the_years_run_from_the_first_to_the_last_point_or_target():
    result = chart(targets=[Point(2030, D("5"))])
    assert result.years == list(range(2018, 2031))
    assert result.x_ticks[0].label == "2018" and result.x_ticks[-1].label == "2030"


def test_the_value_axis_starts_at_zero_and_rises_above_the_highest_value():
    result = chart()
    assert result.y_ticks[0].label.startswith("0")
    highest = max(t.value for t in result.y_ticks)
    assert highest >= D("9.6")
    # a higher value is drawn higher (smaller y in SVG)
    main = result.series[0]
    assert float(main.points[0].y) < float(main.points[1].y)  # 9.6 above 8.4


def test_the_main_line_is_coloured_by_whether_it_got_better():
    lower_better = chart()
    assert lower_better.series[0].trend == "better"
    higher_better = chart(polarity="higher")
    assert higher_better.series[0].trend == "worse"
    flat = chart(series=[Series("Emmen", emmen("8.4", "8.4"))])
    assert flat.series[0].trend == "same"
    one_point = chart(series=[Series("Emmen", emmen("8.4"))])
    assert one_point.series[0].trend == "unknown"


def test_references_are_dashed_and_have_their_own_marker_shape():
    result = chart()
    main, province, country = result.series
    assert not main.dashed and province.dashed and country.dashed
    assert len({main.marker, province.marker, country.marker}) == 3


def test_a_break_splits_the_line_and_is_marked():
    points = [
        Point(2022, D("5.2")),
        Point(2023, D("5.0")),
        Point(2024, D("6.1"), is_break=True, note="Nieuwe armoedegrens"),
        Point(2025, D("6.0")),
    ]
    result = chart(series=[Series("Nederland", points)])
    assert len(result.series[0].paths) == 2
    assert [b.year for b in result.breaks] == [2024]
    assert "Nieuwe armoedegrens" in result.breaks[0].note


def test_the_table_says_the_same_per_year():
    # Values are formatted when the chart is made, in the language active then.
    with translation.override("nl"):
        result = chart(targets=[Point(2030, D("5"))])
        header = [str(h) for h in result.table_header]
        rows = {row.year: [str(c) for c in row.cells] for row in result.table_rows}
    assert header[:3] == ["Emmen", "Drenthe", "Nederland"]
    assert rows[2018][:3] == ["9,6%", "7,3%", "8,1%"]
    assert rows[2020][1] == NOTHING
    assert rows[2030][-1] == "5%"
    # years without any value or target are left out of the table
    assert 2019 not in rows


@pytest.mark.parametrize(
    ("unit", "value", "shown"),
    [("percentage", "9.60", "9,6%"), ("count", "1500", "1.500"), ("euro", "1234.5", "€ 1.234,50")],
)
def test_values_are_shown_in_dutch(unit, value, shown):
    with translation.override("nl"):
        result = chart(unit=unit, series=[Series("Emmen", [Point(2020, D(value))])])
        assert str(result.table_rows[0].cells[0]) == shown


def test_it_renders_as_an_accessible_svg():
    with translation.override("nl"):
        html = render_to_string("includes/trend_chart.html", {"chart": chart()})
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    assert "<script" not in html and "style=" not in html
    # coordinates are written with a decimal point, also when the page is in Dutch
    coordinates = re.findall(r'(?:cx|cy|x|y|x1|y1|x2|y2)="([^"]*)"', html)
    assert coordinates and all("," not in c for c in coordinates)
    assert re.search(r'd="M[0-9.]+,[0-9.]+ L', html)
    assert "Kinderen in een gezin met een laag inkomen" in html
    assert "van 9,6% in 2018 naar 8,4% in 2020 (beter)" in html
    table = render_to_string("monitoring/includes/trend_table.html", {"chart": chart()})
    assert "<caption>" in table and 'role="region"' in table


def test_nothing_to_draw_gives_an_empty_chart_not_an_error():
    result = chart(series=[Series("Emmen", [])])
    assert result.is_empty


def test_each_value_is_formatted_once_for_the_points_and_the_table(monkeypatch):
    from avk.charts import lines

    calls = []
    original = lines.format_value

    def counting(value, unit):
        calls.append(value)
        return original(value, unit)

    monkeypatch.setattr(lines, "format_value", counting)
    result = chart(targets=[Point(2030, D("5"))])
    points = sum(len(s.points) for s in result.series) + len(result.targets)
    axis = len(result.y_ticks)
    assert len(calls) == points + axis
    assert result.table_rows[0].cells[0] == result.series[0].points[0].label
