"""CSV exports made for opening in Excel, with every cell safe from formula injection.

UTF-8 with a byte order mark and ";" between the cells: what Dutch Excel expects.
"""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone

# A cell starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The value as text a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def to_csv(header: list[str], rows) -> str:
    """The header and the rows (iterables of values) as one CSV text."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def csv_response(content: str, name: str):
    """A CSV download named avk-<name>-<today>.csv."""
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"avk-{name}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
