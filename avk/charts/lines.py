"""Trend charts as server-rendered SVG (no script, no chart library): a series over the years
for a place, against its references (e.g. the province and the Netherlands), with a target and
the breaks in the series. The geometry is computed here; templates/includes/trend_chart.html
draws it, on the page and inside the PDFs alike. Every chart has a table that says the same.

"Colour follows polarity": the place's line is green when its last value is better than its
first (lower or higher, as the series says), warm red when worse. The colour is never the
only cue: the table and the description say it in words, and references are dashed with their
own marker shape.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
COMPACT_WIDTH, COMPACT_HEIGHT = 320, 160
COLOURS = {"better": "#2e6b3f", "worse": "#a4451a", "same": "#17455c", "unknown": "#17455c"}
REFERENCE_COLOURS = ["#5b6b73", "#8a6d1f", "#6a4c93"]
MARKERS = ["circle", "square", "triangle", "diamond"]
NOTHING = "\u2013"  # an en dash: no value that year


@dataclass(frozen=True)
class Point:
    year: int
    value: Decimal
    is_break: bool = False
    note: str = ""


@dataclass
class Series:
    label: str
    points: list[Point]
    reference: bool = False
    key: str = ""  # what the line is of (an area's code), for choosing lines; never drawn


@dataclass
class Tick:
    position: float
    label: str
    value: Decimal | int = 0


@dataclass
class DrawnPoint:
    x: float
    y: float
    year: int
    label: str


@dataclass
class DrawnSeries:
    label: str
    colour: str
    dashed: bool
    marker: str
    trend: str
    paths: list[str]
    points: list[DrawnPoint]


@dataclass
class Break:
    year: int
    x: float
    note: str


@dataclass
class Row:
    year: int
    cells: list


@dataclass
class Frame:
    """The size of a chart and the box its values are drawn in (shared with the bar chart)."""

    title: str
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float


@dataclass
class TrendChart(Frame):
    years: list[int]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    series: list[DrawnSeries]
    targets: list[DrawnPoint]
    breaks: list[Break]
    table_header: list
    table_rows: list[Row]
    compact: bool = False
    description: str = ""
    uid: str = field(default="trend")

    @property
    def is_empty(self) -> bool:
        return not any(s.points for s in self.series) and not self.targets


def format_value(value: Decimal, unit: str) -> str:
    """A value as Dutch (or English) readers write it: 9,6% · 1.500 · € 1.234,50."""
    if unit == "percentage":
        return f"{_number(value.normalize() if value == value.to_integral() else value)}%"
    if unit == "euro":
        return f"€ {number_format(value, 2, use_l10n=True, force_grouping=True)}"
    return _number(value)


def _number(value: Decimal) -> str:
    value = Decimal(value)
    places = max(-value.normalize().as_tuple().exponent, 0) if value != 0 else 0
    return number_format(value, min(places, 2), use_l10n=True, force_grouping=True)


def _nice_ceiling(value: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5, 5 times 10^k that is at least `value` (an honest axis top)."""
    if value <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(value))) - 1) if value >= 1 else Decimal("0.1")
    while magnitude > value:
        magnitude /= 10
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if magnitude * step >= value:
            return magnitude * step
    return magnitude * 10


def value_ticks(top_value: Decimal, unit: str, y) -> list[Tick]:
    """Five ticks from zero up to `top_value`, placed by `y` (value -> position)."""
    return [
        Tick(y(top_value * i / 4), format_value(top_value * i / 4, unit), top_value * i / 4)
        for i in range(5)
    ]


def _trend(points: list[Point], polarity: str) -> str:
    if len(points) < 2:
        return "unknown"
    first, last = points[0].value, points[-1].value
    if first == last:
        return "same"
    lower = last < first
    return "better" if lower == (polarity == "lower") else "worse"


def _num(value: float) -> float:
    return float(Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def trend_chart(
    *,
    series: list[Series],
    unit: str,
    polarity: str,
    title: str,
    targets: list[Point] | None = None,
    compact: bool = False,
    uid: str = "trend",
) -> TrendChart:
    """The geometry of one indicator's chart. `series[0]` is the place itself; the others
    are references. `targets` belong to the place."""
    targets = sorted(targets or [], key=lambda p: p.year)
    for one in series:
        one.points = sorted(one.points, key=lambda p: p.year)
    width, height = (COMPACT_WIDTH, COMPACT_HEIGHT) if compact else (WIDTH, HEIGHT)
    left, right, top, bottom = LEFT, width - RIGHT, TOP, height - BOTTOM
    all_points = [p for one in series for p in one.points] + targets
    years_seen = sorted({p.year for p in all_points})
    years = list(range(years_seen[0], years_seen[-1] + 1)) if years_seen else []
    highest = max((p.value for p in all_points), default=Decimal(1))
    top_value = _nice_ceiling(highest * Decimal("1.05"))

    def x(year: int) -> float:
        if len(years) <= 1:
            return _num((left + right) / 2)
        return _num(left + (year - years[0]) / (years[-1] - years[0]) * (right - left))

    def y(value: Decimal) -> float:
        return _num(bottom - float(value / top_value) * (bottom - top))

    step = 1 if len(years) <= (6 if compact else 12) else (2 if len(years) <= 24 else 5)
    x_ticks = [Tick(x(year), str(year), year) for year in years if (year - years[0]) % step == 0]
    if years and x_ticks[-1].value != years[-1] and not compact:
        x_ticks.append(Tick(x(years[-1]), str(years[-1]), years[-1]))
    y_ticks = value_ticks(top_value, unit, y)

    drawn, breaks, reference_index = [], {}, 0
    for index, one in enumerate(series):
        trend = "unknown" if one.reference else _trend(one.points, polarity)
        if one.reference:
            colour = REFERENCE_COLOURS[reference_index % len(REFERENCE_COLOURS)]
            reference_index += 1
        else:
            colour = COLOURS[trend]
        paths, current = [], []
        for point in one.points:
            if point.is_break:
                breaks.setdefault(point.year, Break(point.year, x(point.year), point.note))
                if current:
                    paths.append(current)
                current = []
            current.append(f"{x(point.year)},{y(point.value)}")
        if current:
            paths.append(current)
        drawn.append(
            DrawnSeries(
                label=one.label,
                colour=colour,
                dashed=one.reference,
                marker=MARKERS[index % len(MARKERS)],
                trend=trend,
                paths=["M" + " L".join(path) for path in paths if len(path) > 1],
                points=[
                    DrawnPoint(x(p.year), y(p.value), p.year, format_value(p.value, unit))
                    for p in one.points
                ],
            )
        )
    drawn_targets = [
        DrawnPoint(x(t.year), y(t.value), t.year, format_value(t.value, unit)) for t in targets
    ]

    header = [one.label for one in series] + ([_("Target")] if targets else [])
    rows = []
    # The table says what the points say: each value is formatted once (the costly part).
    by_series = [{p.year: p.label for p in one.points} for one in drawn]
    target_by_year = {t.year: t.label for t in drawn_targets}
    for year in years_seen:
        cells = [labels.get(year, NOTHING) for labels in by_series]
        if targets:
            cells.append(target_by_year.get(year, NOTHING))
        rows.append(Row(year, cells))
    return TrendChart(
        title=title,
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        years=years,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        series=drawn,
        targets=drawn_targets,
        breaks=sorted(breaks.values(), key=lambda b: b.year),
        table_header=header,
        table_rows=rows,
        compact=compact,
        uid=uid,
    )
