"""Reading an uploaded spreadsheet is bounded in memory and time, not only in file size:
a workbook that unpacks to far more than it weighs is refused before it is parsed, and a
CSV over the limits is refused with a message that says which limit."""

import os
import time
import zipfile

import pytest
from django.utils import translation

from avk import tables
from avk.tables import Column, ImportFileError, read_table
from tests.partners.factories_imports import (
    csv_upload,
    shared_strings,
    workbook_with,
    xlsx_upload,
)

COLUMNS = [
    Column("name", "name", ("naam", "name"), required=True),
    Column("kind", "kind", ("soort", "kind")),
]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def sheet(rows: list[bytes]) -> list[bytes]:
    return [
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
        *rows,
        b"</sheetData></worksheet>",
    ]


def refused_quickly(upload) -> str:
    started = time.monotonic()
    with pytest.raises(ImportFileError) as error:
        read_table(upload, columns=COLUMNS)
    elapsed = time.monotonic() - started
    assert elapsed < 1, elapsed  # refused before openpyxl parses a thing
    return error.value.message


# --- workbooks ----------------------------------------------------------------------------


def test_a_normal_workbook_is_read():
    table = read_table(xlsx_upload([["Naam", "Soort"], ["Lefier", "wonen"]]), columns=COLUMNS)
    assert table.rows == [{"number": 2, "values": {"name": "Lefier", "kind": "wonen"}}]


def test_millions_of_shared_strings_in_a_small_file_are_refused():
    # Two million tiny strings: about 100 kB packed, 34 MB unpacked (the parser would
    # take half a minute and hundreds of megabytes).
    upload = workbook_with({"xl/sharedStrings.xml": shared_strings(2_000_000)})
    assert upload.size < 300_000
    message = refused_quickly(upload)
    assert "too large or too complex" in message


def test_a_sheet_row_of_a_million_cells_is_refused():
    row = b'<row r="1">' + b"<c/>" * 1_000_000 + b"</row>"
    upload = workbook_with({"xl/worksheets/sheet1.xml": sheet([row])})
    assert upload.size < 100_000
    assert "too large or too complex" in refused_quickly(upload)


def test_many_elements_that_pack_poorly_are_refused_too():
    # Random bytes between the cells keep the packing ratio low: the element count
    # still gives it away.
    noise = os.urandom(500_000).hex().encode()
    cells = b"".join(b"<c/>" + noise[i : i + 2] for i in range(0, len(noise), 2))
    upload = workbook_with({"xl/worksheets/sheet1.xml": sheet([b"<row>", cells, b"</row>"])})
    assert upload.size < tables.MAX_UPLOAD_BYTES
    part = zipfile.ZipFile(upload).getinfo("xl/worksheets/sheet1.xml")
    assert part.file_size < 10 * part.compress_size
    message = refused_quickly(upload)
    assert "too large or too complex" in message


def test_a_workbook_of_too_many_parts_is_refused():
    upload = workbook_with({}, extra=tables.MAX_XLSX_PARTS)
    assert "too large or too complex" in refused_quickly(upload)


def test_a_workbook_over_the_unpacked_size_is_refused(monkeypatch):
    # Incompressible data, so only the total unpacked size is over its limit.
    monkeypatch.setattr(tables, "MAX_XLSX_UNPACKED_BYTES", 100_000)
    upload = workbook_with({"xl/media/image1.bin": [os.urandom(150_000)]})
    assert "too large or too complex" in refused_quickly(upload)


def test_a_workbook_with_more_columns_than_allowed_is_refused():
    header = ["naam", "soort"] + [f"extra {n}" for n in range(tables.MAX_COLUMNS)]
    with pytest.raises(ImportFileError) as error:
        read_table(xlsx_upload([header, ["Lefier", "wonen"]]), columns=COLUMNS)
    assert "more than 30 columns" in error.value.message


def test_a_workbook_cell_over_the_length_limit_is_named_not_cut():
    upload = xlsx_upload([["naam", "soort"], ["Lefier", "x" * 1001]])
    with pytest.raises(ImportFileError) as error:
        read_table(upload, columns=COLUMNS)
    assert "Row 2" in error.value.message and "soort" in error.value.message
    assert "1,000 characters" in error.value.message


# --- CSV ---------------------------------------------------------------------------------


def test_csv_with_more_columns_than_allowed_is_refused():
    text = "naam;soort" + ";extra" * 40 + "\nLefier;wonen\n"
    with pytest.raises(ImportFileError) as error:
        read_table(csv_upload(text), columns=COLUMNS)
    assert "more than 30 columns" in error.value.message


def test_a_csv_row_of_a_million_cells_is_refused_quickly():
    text = "naam;soort\nLefier;wonen\n" + ";" * 1_000_000 + "x\n"
    started = time.monotonic()
    with pytest.raises(ImportFileError) as error:
        read_table(csv_upload(text), columns=COLUMNS)
    assert time.monotonic() - started < 1
    assert "more than 30 columns" in error.value.message


@pytest.mark.parametrize("length", [1001, 200_000])
def test_a_csv_cell_over_the_length_limit_is_named_not_cut(length):
    # 200,000 characters is also over the csv module's own field limit.
    text = "naam;soort\nLefier;wonen\nLefier;" + "x" * length + "\n"
    with pytest.raises(ImportFileError) as error:
        read_table(csv_upload(text), columns=COLUMNS)
    assert "Row 3" in error.value.message and "1,000 characters" in error.value.message


def test_csv_at_the_limits_is_read():
    cell = "x" * tables.MAX_CELL_CHARS
    padding = ";" * (tables.MAX_COLUMNS - 2) + "leeg"  # a cell in the last column allowed
    text = "naam;soort\n" + "".join(f"P{n};{cell}{padding}\n" for n in range(tables.MAX_ROWS))
    table = read_table(csv_upload(text), columns=COLUMNS)
    assert len(table.rows) == tables.MAX_ROWS
    assert table.rows[0]["values"]["kind"] == cell
