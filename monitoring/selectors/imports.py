"""Reading and checking a file of measurements keyed on the CBS code. Nothing here writes.

The file is read by `avk.tables.read_table()` (limits on size, rows and cells); each row is
one value: indicator (by name), CBS code of the area, year, value, and optionally numerator,
denominator, note and whether the series breaks that year. The export (selectors/exports.py)
writes the same columns, so an exported file imports unchanged.

A value for an (indicator, area, year) that is already in the portal is updated: published
figures get corrected, and a re-import of an export must not fail. The preview says per row
whether it is new, an update (with the value it replaces) or unchanged.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from avk.charts.lines import format_value
from avk.forms import parse_decimal
from avk.imports import CREATE, UNCHANGED, UPDATE, RowResult
from avk.tables import MAX_ROWS, Column, read_table
from avk.text import without_bidi_controls
from monitoring.models import Area, Indicator, Measurement
from partners.selectors.imports import name_key, parse_bool

COLUMNS = [
    Column("indicator", gettext_lazy("Indicator"), ("indicator", "indicator"), required=True),
    Column(
        "cbs_code",
        gettext_lazy("CBS code"),
        ("cbs-code", "cbs_code", "code", "gebiedscode", "area code"),
        required=True,
    ),
    Column("year", gettext_lazy("Year"), ("jaar", "year"), required=True),
    Column("value", gettext_lazy("Value"), ("waarde", "value"), required=True),
    Column("numerator", gettext_lazy("Numerator"), ("teller", "numerator")),
    Column("denominator", gettext_lazy("Denominator"), ("noemer", "denominator")),
    Column("note", gettext_lazy("Note"), ("toelichting", "note", "opmerking")),
    Column("is_break", gettext_lazy("Break"), ("breuk", "break", "trendbreuk")),
]
# The model's fields that have a column of the same name (a model error goes under it).
CHECKED_FIELDS = ("year", "value", "numerator", "denominator", "note")
# What a re-import compares: a row equal in all of these leaves the value unchanged.
SAVED_FIELDS = ("value", "numerator", "denominator", "note", "is_break")


def read_upload(upload) -> dict:
    """The rows of an uploaded .csv or .xlsx file (JSON-able, for the session), or
    ImportFileError with one message for the whole file."""
    table = read_table(upload, columns=COLUMNS, max_rows=MAX_ROWS)
    rows = [
        row | {"values": {name: without_bidi_controls(v) for name, v in row["values"].items()}}
        for row in table.rows
    ]
    return {"headers": table.headers, "rows": rows}


def parse_year(text: str) -> int | None:
    text = text.strip().removesuffix(".0")
    return int(text) if text.isdigit() and len(text) <= 4 else None


def validate_rows(rows: list[dict], headers: dict[str, str]) -> list[RowResult]:
    """Check each row against the database as it is now. Three queries for any file."""
    indicators = {name_key(i.name): i for i in Indicator.objects.all()}
    # With the municipality: a value's check reads the merger from there.
    areas = {a.code: a for a in Area.objects.select_related("municipality")}
    column = headers.get
    parsed = []
    for row in rows:
        values = {name: str(row["values"].get(name, "")) for name in headers}
        result = RowResult(number=row["number"], values=values)
        parsed.append((result, _parse(result, values, column, indicators, areas)))

    wanted = [m for _r, m in parsed if m is not None]
    existing = {
        (m.indicator_id, m.area_id, m.year): m
        for m in Measurement.objects.filter(
            indicator__in={m.indicator_id for m in wanted},
            area__in={m.area_id for m in wanted},
            year__in={m.year for m in wanted},
        )
    }
    seen: dict[tuple, int] = {}
    for result, measurement in parsed:
        if measurement is None:
            continue
        key = (measurement.indicator_id, measurement.area_id, measurement.year)
        if key in seen:
            result.error(
                column("year"),
                _("The same indicator, area and year are also in row %(row)s.")
                % {"row": seen[key]},
            )
            continue
        seen[key] = result.number
        old = existing.get(key)
        if old is None:
            result.action = CREATE
        elif all(getattr(old, f) == getattr(measurement, f) for f in SAVED_FIELDS):
            result.action = UNCHANGED
        else:
            result.action = UPDATE
            result.clean["was"] = format_value(old.value, measurement.indicator.unit)
        result.clean["pk"] = old.pk if old else None
    return [result for result, _measurement in parsed]


def _parse(result, values, column, indicators, areas) -> Measurement | None:
    """The row as an unsaved Measurement, or None with the row's errors recorded."""
    indicator = indicators.get(name_key(values.get("indicator", "")))
    if indicator is None:
        result.error(
            column("indicator"),
            _("The indicator “%(value)s” is not in the portal. Add it first, or check the name.")
            % {"value": values.get("indicator", "")[:100]},
        )
    code = "".join(values.get("cbs_code", "").split()).upper()
    area = areas.get(code)
    if area is None:
        result.error(
            column("cbs_code"),
            _("The CBS code “%(value)s” is unknown in the portal.")
            % {"value": values.get("cbs_code", "")[:20]},
        )
    year = parse_year(values.get("year", ""))
    if year is None:
        result.error(column("year"), _("Fill in a year, such as 2024."))
    numbers = {}
    for name in ("value", "numerator", "denominator"):
        text = values.get(name, "")
        numbers[name] = parse_decimal(text) if text else None
        if text and numbers[name] is None:
            result.error(
                column(name),
                _("“%(value)s” is not a number. Fill in a number, such as 9,6.")
                % {"value": text[:20]},
            )
        elif name == "value" and not text:
            result.error(column(name), _("Fill in the value."))
    is_break = parse_bool(values.get("is_break", ""))
    if is_break is None:
        result.error(column("is_break"), _("Fill in ja or nee (yes or no), or leave it empty."))
    measurement = Measurement(
        indicator=indicator,
        area=area,
        year=year,
        value=numbers["value"],
        numerator=numbers["numerator"],
        denominator=numbers["denominator"],
        note=values.get("note", ""),
        is_break=bool(is_break),
        origin=Measurement.Origin.IMPORTED,
    )
    try:
        measurement.clean_fields(exclude=_excluded(result, column))
        if indicator is not None and area is not None and year is not None:
            measurement.clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                result.error(column(name if name in CHECKED_FIELDS else "value") or name, message)
    if not result.ok:
        return None
    result.clean = {
        "indicator_id": indicator.pk,
        "area_id": area.pk,
        "year": year,
        "value": str(measurement.value),
        "numerator": None if measurement.numerator is None else str(measurement.numerator),
        "denominator": None if measurement.denominator is None else str(measurement.denominator),
        "note": measurement.note,
        "is_break": measurement.is_break,
    }
    return measurement


def _excluded(result: RowResult, column) -> list[str]:
    """Fields not to check again: the relations (checked above) and the ones whose cell
    already has an error (one message per cell)."""
    failed = {c for c, _m in result.errors}
    excluded = ["indicator", "area", "entered_by", "origin"]
    excluded += [name for name in CHECKED_FIELDS if column(name) in failed]
    if result.values.get("value", "") == "" or "value" in excluded:
        excluded.append("value")
    return excluded
