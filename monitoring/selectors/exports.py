"""Measurements as CSV for Excel, in the columns the import reads: an exported file imports
unchanged (numbers with a decimal comma, a break as ja)."""

from avk.csv import to_csv
from monitoring.models import Measurement
from monitoring.selectors.imports import COLUMNS


def _number(value) -> str:
    return "" if value is None else str(value).replace(".", ",")


def measurements_csv(measurements=None) -> str:
    """One line per value, ordered by indicator, area and year. One query."""
    measurements = Measurement.objects.all() if measurements is None else measurements
    rows = (
        [
            m.indicator.name,
            m.area.code,
            m.year,
            _number(m.value),
            _number(m.numerator),
            _number(m.denominator),
            m.note,
            "ja" if m.is_break else "",
        ]
        for m in measurements.select_related("indicator", "area").order_by(
            "indicator__order", "indicator__name", "area__code", "year"
        )
    )
    return to_csv([column.aliases[0] for column in COLUMNS], rows)
