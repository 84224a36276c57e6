"""Reading an uploaded spreadsheet (.csv or .xlsx) into rows of plain strings.

`read_table()` knows no domain. The caller lists the `Column`s a file may hold, each with
the header names it goes by; everything else is the same for every import:

- the file is at most `max_bytes` and is either CSV in UTF-8 (";", "," or tab between
  the cells, whichever the first line uses most) or an Excel workbook (its first sheet);
- the header is the first row that is not blank; it names each column once, by one of
  its aliases (case, spaces and underscores do not matter), and names every required one;
- blank rows are skipped, at most `max_rows` rows with content are read, and reading stops
  after `max_physical_rows` rows whatever they hold;
- a cell is stripped; a row may fill at most `max_columns` columns and a cell may hold at
  most `max_cell_chars` characters (more is refused, never cut off silently);
- a workbook is a zip of XML parts that may unpack to far more than the upload weighs, so
  before it is parsed its parts are counted, their unpacked sizes and packing ratio
  checked, and the XML tags in them counted as they unpack (`_check_workbook()`); it is
  then read in openpyxl's read-only mode, row by row.

A file that cannot be read as a whole raises `ImportFileError` with one message for the
user. The result is JSON-able, so a view can keep it in the session between a preview and
the confirmation.
"""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.utils.formats import number_format
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
MAX_COLUMNS = 30
MAX_CELL_CHARS = 1000
# What a workbook may unpack to. Excel writes about ten parts; an import sheet of
# MAX_ROWS x MAX_COLUMNS with its shared strings has about 250,000 tags. Each tag costs
# openpyxl microseconds and hundreds of bytes, so the tag count bounds time and memory.
MAX_XLSX_PARTS = 100
MAX_XLSX_UNPACKED_BYTES = 25 * 1024 * 1024
MAX_XLSX_RATIO = 100  # unpacked / packed, for a part over RATIO_FROM_BYTES unpacked
RATIO_FROM_BYTES = 1024 * 1024
MAX_XLSX_TAGS = 400_000


@dataclass(frozen=True)
class Column:
    """A column a file may hold: read into `field`, recognised by any of its aliases."""

    field: str
    label: object  # a lazy translation
    aliases: tuple[str, ...]  # normalised header names, Dutch and English
    required: bool = False

    @property
    def expected(self) -> str:
        """How the header is described to the user: 'naam (name)'."""
        return f"{self.aliases[0]} ({self.aliases[1]})"


class ImportFileError(Exception):
    """The file as a whole cannot be imported; `message` says why, for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Table:
    """What `read_table()` found: plain strings only."""

    headers: dict[str, str]  # field -> the header as written in the file
    rows: list[dict]  # {"number": row number in the file, "values": {field: str}}


def read_table(
    upload,
    *,
    columns: Sequence[Column],
    max_bytes: int = MAX_UPLOAD_BYTES,
    max_rows: int = MAX_ROWS,
    max_physical_rows: int | None = None,
    max_columns: int = MAX_COLUMNS,
    max_cell_chars: int = MAX_CELL_CHARS,
) -> Table:
    """Read an uploaded .csv or .xlsx file (a Django UploadedFile) into a `Table`.

    The values of each row are keyed by `Column.field`; a column the file leaves out reads
    as "". A wrong header is reported before any row under it is read.
    `max_physical_rows` defaults to ten times `max_rows`.
    """
    if max_physical_rows is None:
        max_physical_rows = 10 * max_rows
    if upload.size > max_bytes:
        raise ImportFileError(
            _("The file is larger than %(size)s MB. Split it into smaller files.")
            % {"size": max_bytes // (1024 * 1024)}
        )
    suffix = Path(upload.name or "").suffix.lower()
    if suffix == ".csv":
        upload.seek(0)
        raw_rows = _csv_rows(upload.read(max_bytes + 1), max_columns=max_columns)
    elif suffix == ".xlsx":
        _check_workbook(upload)
        raw_rows = _xlsx_rows(upload, max_columns=max_columns)
    elif suffix == ".xls":
        raise ImportFileError(
            _(
                "Old Excel files (.xls) cannot be read. Save the file as an Excel workbook "
                "(.xlsx) or as CSV UTF-8 and try again."
            )
        )
    else:
        raise ImportFileError(_("Upload a CSV file (.csv) or an Excel workbook (.xlsx)."))
    return _table(
        raw_rows,
        columns=columns,
        max_rows=max_rows,
        max_physical_rows=max_physical_rows,
        max_cell_chars=max_cell_chars,
    )


def _csv_rows(data: bytes, *, max_columns: int) -> Iterator[list[str]]:
    if b"\x00" in data:
        raise ImportFileError(
            _("This is not a CSV file. Save the sheet as CSV UTF-8 and try again.")
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                'The file is not in UTF-8. In Excel, save it as "CSV UTF-8 (comma '
                'delimited)" and try again.'
            )
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            yield _within_columns(row, max_columns)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            # The csv module's own limit (128 KiB) is far above MAX_CELL_CHARS.
            raise _cell_too_long(reader.line_num, None) from None
        raise ImportFileError(
            _("The CSV file is damaged (a quote is not closed). Check the file and try again.")
        ) from None


def _within_columns(cells: list[str], max_columns: int) -> list[str]:
    """The row's first `max_columns` cells; refused when a cell after them holds text."""
    if len(cells) > max_columns and any(cell.strip() for cell in cells[max_columns:]):
        raise ImportFileError(
            _(
                "The file has more than %(limit)s columns. Remove the columns that are not "
                "needed and try again."
            )
            % {"limit": max_columns}
        )
    return cells[:max_columns]


def _check_workbook(upload) -> None:
    """Refuse a workbook that would take openpyxl far more time or memory than its size
    suggests: too many parts, too much unpacked, packed too tightly, or too many XML tags.
    A zip never unpacks a part beyond the size it declares, so the declared sizes bound
    what the parser can be given; the tags are counted on the way, a megabyte at a time."""
    upload.seek(0)
    if upload.read(4) != b"PK\x03\x04":
        raise _not_a_workbook()
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            parts = archive.infolist()
            too_much = (
                len(parts) > MAX_XLSX_PARTS
                or sum(part.file_size for part in parts) > MAX_XLSX_UNPACKED_BYTES
                or any(
                    part.file_size > RATIO_FROM_BYTES
                    and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1)
                    for part in parts
                )
                or _tags_over_limit(archive, parts)
            )
    except Exception:  # BadZipFile, zlib.error, NotImplementedError, RuntimeError, ...
        raise _not_a_workbook() from None
    if too_much:
        raise ImportFileError(
            _(
                "The Excel workbook is too large or too complex to read (it holds far more "
                "than a list to import). Copy the list into a new workbook or save it as "
                "CSV UTF-8 and try again."
            )
        )


def _tags_over_limit(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> bool:
    # Every part is counted, whatever its name: a workbook may point to a part by any name.
    tags = 0
    for part in parts:
        with archive.open(part) as stream:
            while chunk := stream.read(1024 * 1024):
                tags += chunk.count(b"<")
                if tags > MAX_XLSX_TAGS:
                    return True
    return False


def _xlsx_rows(upload, *, max_columns: int) -> Iterator[list[str]]:
    # Imported here: openpyxl is only needed when someone uploads a workbook.
    from openpyxl import load_workbook

    upload.seek(0)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # BadZipFile, KeyError, ValueError, ...: openpyxl raises many kinds
        raise _not_a_workbook() from None
    try:
        sheet = workbook.worksheets[0]
        # One column more than allowed, to see whether the row goes beyond the limit.
        rows = sheet.iter_rows(max_col=max_columns + 1, values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except Exception:  # a damaged sheet inside a valid zip
                raise _not_a_workbook() from None
            yield _within_columns([_cell_text(value) for value in row], max_columns)
    finally:
        workbook.close()


def _not_a_workbook() -> ImportFileError:
    return ImportFileError(
        _(
            "The file could not be read as an Excel workbook (.xlsx). Open it in Excel, "
            "save it as an Excel workbook and try again."
        )
    )


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(
    raw_rows: Iterable[list[str]],
    *,
    columns: Sequence[Column],
    max_rows: int,
    max_physical_rows: int,
    max_cell_chars: int,
) -> Table:
    raw_rows = iter(raw_rows)
    header = None
    number = 0
    for cells in raw_rows:
        number += 1
        if any(cell.strip() for cell in cells):
            header = cells
            break
        if number >= max_physical_rows:
            break
    if header is None:
        raise ImportFileError(_("The file is empty."))
    positions = _header_positions(columns, header)

    rows = []
    for cells in raw_rows:
        number += 1
        if number > max_physical_rows or len(rows) >= max_rows:
            if any(cell.strip() for cell in cells) or number > max_physical_rows:
                raise ImportFileError(_too_many_rows(max_rows))
            continue
        if not any(cell.strip() for cell in cells):
            continue
        values = {}
        for name, index in positions.items():
            values[name] = cells[index].strip() if index < len(cells) else ""
            if len(values[name]) > max_cell_chars:
                raise _cell_too_long(number, header[index], max_cell_chars)
        rows.append({"number": number, "values": values})
    if not rows:
        raise ImportFileError(_("The file has no rows to import under its header."))
    headers = {name: header[index].strip() for name, index in positions.items()}
    return Table(headers=headers, rows=rows)


def _normalise_header(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").strip().lower().replace("_", " ").split())


def _header_positions(columns: Sequence[Column], header: list[str]) -> dict[str, int]:
    aliases = {
        _normalise_header(alias): column.field for column in columns for alias in column.aliases
    }
    positions: dict[str, int] = {}
    unknown = []
    for index, cell in enumerate(header):
        name = _normalise_header(cell)
        if not name:
            continue
        if name not in aliases:
            unknown.append(cell.strip()[:50])
            continue
        if aliases[name] in positions:
            raise ImportFileError(
                _("The column %(column)s appears twice in the first row.")
                % {"column": cell.strip()[:50]}
            )
        positions[aliases[name]] = index
    missing = [c for c in columns if c.required and c.field not in positions]
    if unknown or missing:
        problems = []
        if unknown:
            problems.append(_("unknown: %(columns)s") % {"columns": ", ".join(unknown[:10])})
        if missing:
            problems.append(
                _("missing: %(columns)s") % {"columns": ", ".join(c.expected for c in missing)}
            )
        raise ImportFileError(
            _(
                "The first row of the file must hold the column names. Expected: "
                "%(expected)s (Dutch or English names); %(problems)s."
            )
            % {
                "expected": ", ".join(column.expected for column in columns),
                "problems": "; ".join(problems),
            }
        )
    return positions


def _cell_too_long(row: int, column: str | None, limit: int = MAX_CELL_CHARS) -> ImportFileError:
    limit_text = number_format(limit, force_grouping=True)
    if column is None:
        return ImportFileError(
            _("Row %(row)s: a cell holds more than %(limit)s characters. Shorten it and try again.")
            % {"row": row, "limit": limit_text}
        )
    return ImportFileError(
        _(
            "Row %(row)s, column %(column)s: the cell holds more than %(limit)s characters. "
            "Shorten it and try again."
        )
        % {"row": row, "column": column.strip()[:50], "limit": limit_text}
    )


def _too_many_rows(max_rows: int) -> str:
    return _(
        "The file has more than %(limit)s rows. Split it into files of at most %(limit)s "
        "rows and import them one by one."
    ) % {"limit": number_format(max_rows, force_grouping=True)}
