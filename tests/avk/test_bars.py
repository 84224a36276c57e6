"""The bar chart: server-rendered SVG geometry for counts or shares per category, with a
legend and a table that says the same."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from avk.charts.bars import PALETTE, bar_chart
from avk.charts.lines import NOTHING


def chart(**kwargs):
    defaults = {
        "categories": ["2024", "2025", "2026"],
        "series": [("A", [2, 3, 3]), ("B", [10, 12, None]), ("C", [5, 4, 6])],
        "title": "Partners per pakket",
    }
    defaults.update(kwargs)
    return bar_chart(**defaults)


def test_stacked_bars_sit_on_top_of_each_other_and_the_axis_holds_the_highest_sum():
    result = chart()
    first = result.categories[0].bars
    assert [bar.colour for bar in first] == PALETTE[:3]
    # each next series starts where the one below it ends
    assert first[0].y == first[1].y + first[1].height
    assert first[1].y == first[2].y + first[2].height
    assert max(t.value for t in result.y_ticks) >= 19  # 3 + 12 + 4
    # a missing value draws no bar
    assert len(result.categories[2].bars) == 2


def test_side_by_side_bars_share_the_baseline():
    result = chart(stacked=False)
    bars = result.categories[0].bars
    assert len({round(bar.y + bar.height, 1) for bar in bars}) == 1
    assert bars[0].x < bars[1].x < bars[2].x
    assert bars[1].height > bars[2].height > bars[0].height


def test_counts_get_whole_ticks_and_shares_a_fixed_top():
    small = chart(series=[("A", [1, 0, 1])])
    assert [t.value for t in small.y_ticks] == [0, 1, 2, 3, 4]
    shares = chart(series=[("Share", [20, 50, 75])], unit="percentage", top_value=100)
    assert shares.y_ticks[-1].value == 100
    with translation.override("nl"):
        assert str(shares.table_rows[1].cells[0]) == "50%"


def test_the_table_has_a_row_per_category_and_a_column_per_series():
    result = chart()
    assert result.table_header == ["A", "B", "C"]
    assert [row.label for row in result.table_rows] == ["2024", "2025", "2026"]
    assert result.table_rows[2].cells == ["3", NOTHING, "6"]


def test_nothing_to_draw_is_empty_not_an_error():
    assert chart(series=[("A", [0, 0, 0])]).is_empty
    assert bar_chart(categories=[], series=[], title="Leeg").is_empty


def test_each_bar_says_what_it_is():
    bar = chart().categories[1].bars[1]
    assert bar.title == "B 2025: 12"


def test_it_renders_as_an_accessible_svg_on_a_page_and_with_a_fixed_size_in_a_pdf():
    result = chart(uid="packages")
    with translation.override("nl"):
        html = render_to_string("includes/bar_chart.html", {"chart": result})
        table = render_to_string("includes/bar_table.html", {"chart": result, "head": "Jaar"})
        pdf = render_to_string("includes/bar_chart.html", {"chart": result, "pdf": True})
    assert 'role="img"' in html and 'aria-labelledby="packages-title packages-desc"' in html
    assert "<title>B 2025: 12</title>" in html
    assert "<script" not in html and "style=" not in html
    assert 'width="100%"' in html and f'width="{result.width}" height="{result.height}"' in pdf
    assert "<caption>Partners per pakket: de cijfers</caption>" in table or "<caption>" in table
    assert 'role="region"' in table and '<th scope="col">Jaar</th>' in table


def test_values_are_decimals_and_shares_keep_their_unit():
    result = chart(series=[("Aandeel", [Decimal("33.3"), None, 50])], unit="percentage")
    with translation.override("nl"):
        assert str(result.table_rows[0].cells[0]) == "33,3%"


def test_coordinates_are_svg_numbers_in_dutch_too():
    import re

    from avk.charts.lines import Point, Series, trend_chart

    trend = trend_chart(
        series=[Series("Emmen", [Point(2018, Decimal("9.6")), Point(2020, Decimal("8.4"))])],
        unit="percentage",
        polarity="lower",
        title="Kinderen",
    )
    with translation.override("nl"):
        bars = render_to_string("includes/bar_chart.html", {"chart": chart()})
        lines = render_to_string("includes/trend_chart.html", {"chart": trend})
    for html in (bars, lines):
        coordinates = re.findall(r'\b(?:x|y|x1|y1|x2|y2|cx|cy|width|height|d)="([^"]*)"', html)
        assert coordinates and not any(
            "," in c and " " not in c and "M" not in c for c in coordinates
        )
        assert not re.search(r'(?:x|y|width|height)="\d+,\d', html)
