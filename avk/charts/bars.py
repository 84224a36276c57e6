"""Bar charts as server-rendered SVG (no script, no chart library): counts or shares per
category (a year, a phase plan), one bar per category with its series stacked, or the series
side by side. The geometry is computed here; templates/includes/bar_chart.html
draws it on the page and inside the PDFs alike, and bar_table.html says the same in a table.

The colours come from one palette that tells series apart on white; colour is never the only
cue: the legend names every series, each bar has its own title, and the table gives the figures.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from avk.charts.lines import (
    NOTHING,
    Frame,
    Tick,
    _nice_ceiling,
    _num,
    format_value,
    value_ticks,
)

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
COMPACT_WIDTH, COMPACT_HEIGHT = 320, 160
# Distinct on white at 3:1 or more, in an order that keeps neighbours apart.
PALETTE = ["#17455c", "#a4451a", "#2e6b3f", "#6a4c93", "#8a6d1f", "#5b6b73", "#b0306a", "#1f6f8b"]
GAP = 0.25  # the share of a category's width left empty between bars


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass
class Category:
    label: str
    x: float
    bars: list[Bar]


@dataclass
class LegendItem:
    label: str
    colour: str


@dataclass
class Row:
    label: str
    cells: list[str]


@dataclass
class BarChart(Frame):
    categories: list[Category]
    y_ticks: list[Tick]
    legend: list[LegendItem]
    table_header: list
    table_rows: list[Row]
    stacked: bool = True
    compact: bool = False
    description: str = ""
    uid: str = field(default="bars")

    @property
    def is_empty(self) -> bool:
        return not any(bar.height for category in self.categories for bar in category.bars)


def bar_chart(
    *,
    categories: list[str],
    series: list[tuple[str, list]],
    title: str,
    unit: str = "count",
    stacked: bool = True,
    top_value=None,
    compact: bool = False,
    uid: str = "bars",
    description: str = "",
) -> BarChart:
    """The geometry of a bar chart. `series` is a list of (label, values), one value per
    category (None: nothing that category). Stacked, a category's bar is the sum of its
    series; otherwise the series stand side by side. `top_value` fixes the axis top (100
    for shares), else it rises just above the highest bar."""
    width, height = (COMPACT_WIDTH, COMPACT_HEIGHT) if compact else (WIDTH, HEIGHT)
    left, right, top, bottom = LEFT, width - RIGHT, TOP, height - BOTTOM
    values = [[Decimal(v) if v is not None else None for v in vals] for _label, vals in series]
    if stacked:
        sums = [sum((v[i] or 0 for v in values), Decimal(0)) for i in range(len(categories))]
        highest = max(sums, default=Decimal(0))
    else:
        highest = max((v for vals in values for v in vals if v is not None), default=Decimal(0))
    if top_value:
        top_value = Decimal(top_value)
    elif unit == "count":  # whole numbers on every one of the four steps
        top_value = 4 * Decimal(math.ceil(_nice_ceiling(max(highest, Decimal(1)) / Decimal(4))))
    else:
        top_value = _nice_ceiling(max(highest, Decimal(1)))

    def y(value: Decimal) -> float:
        return _num(bottom - float(value / top_value) * (bottom - top))

    slot = (right - left) / max(len(categories), 1)
    bar_room = slot * (1 - GAP)
    drawn = []
    for index, label in enumerate(categories):
        start = left + slot * index + slot * GAP / 2
        bars, base = [], Decimal(0)
        for number, (name, _vals) in enumerate(series):
            value = values[number][index]
            if value is None:
                continue
            colour = PALETTE[number % len(PALETTE)]
            text = f"{name} {label}: {format_value(value, unit)}"
            if stacked:
                lower, upper = y(base), y(base + value)
                bars.append(
                    Bar(_num(start), upper, _num(bar_room), _num(lower - upper), colour, text)
                )
                base += value
            else:
                each = bar_room / len(series)
                bars.append(
                    Bar(
                        _num(start + each * number),
                        y(value),
                        _num(each),
                        _num(bottom - y(value)),
                        colour,
                        text,
                    )
                )
        drawn.append(Category(label, _num(start + bar_room / 2), bars))
    y_ticks = value_ticks(top_value, unit, y)
    rows = [
        Row(label, [format_value(v[i], unit) if v[i] is not None else NOTHING for v in values])
        for i, label in enumerate(categories)
    ]
    return BarChart(
        title=title,
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        categories=drawn,
        y_ticks=y_ticks,
        legend=[
            LegendItem(name, PALETTE[number % len(PALETTE)])
            for number, (name, _v) in enumerate(series)
        ],
        table_header=[name for name, _v in series],
        table_rows=rows,
        stacked=stacked,
        compact=compact,
        description=description,
        uid=uid,
    )
