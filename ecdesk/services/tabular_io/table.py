"""A file as a header and a stream of rows of text cells (CSV in any delimiter, or XLSX).

Rows are numbered as a spreadsheet shows them: the header is row 1. Nothing is held in memory
but the row being read (an XLSX sheet's cells are held by calamine, outside Python's heap, while
it is read): callers keep only what they need from each row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecdesk.errors import CancelledError, Problem
from ecdesk.i18n import _
from ecdesk.services.common.progress import Progress
from ecdesk.services.tabular_io.encoding import Encoding, check_encoding_name, detect_encoding

XLSX_SUFFIXES = (".xlsx", ".xlsm")
# Excel keeps at most this many characters in a cell; openpyxl cuts longer text to it when
# writing. A cell of exactly this length read from an XLSX file may be the start of a longer
# text.
XLSX_CELL_LIMIT = 32_767
DELIMITERS = (",", "\t", ";", "|")
PROGRESS_EVERY = 2000  # rows between progress callbacks
FILE = "File"  # the "column" of problems with the file as a whole

csv.field_size_limit(1 << 28)  # product descriptions are long HTML


class ImportCancelledError(CancelledError):
    """The user cancelled reading, importing or exporting a file; nothing was written."""


class TableError(Exception):
    """The file cannot be read as a table; the message is for the user."""


@dataclass
class Table:
    header: list[str]
    encoding: str
    rows: Iterator[tuple[int, list[str]]]
    _closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for closer in self._closers:
            closer()


class SwallowedCells(list[str]):
    """A CSV row whose quote ran on over `lines` lines of the file, taking in what look like
    whole rows: reported as a problem with this row, never imported as it is."""

    def __init__(self, cells: list[str], lines: int) -> None:
        super().__init__(cells)
        self.lines = lines


def _swallowed_rows(cells: list[str], width: int, delimiter: str) -> bool:
    """Whether a multi-line cell holds lines that read as (most of) a row of their own. A
    product description's line breaks rarely hold as many delimiters as the header has."""
    return any(line.count(delimiter) >= max(width - 2, 3) for cell in cells if "\n" in cell
               for line in cell.splitlines())


class CheckedRows:
    """Passes rows through, counting them and reporting rows longer than the header (their
    values may have shifted into the wrong columns: such a row is left out)."""

    def __init__(self, rows: Iterator[tuple[int, list[str]]], width: int,
                 problems: list[Problem]) -> None:
        self.rows, self.width, self.problems, self.count = rows, width, problems, 0

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        for row, cells in self.rows:
            self.count += 1
            if isinstance(cells, SwallowedCells):
                self.problems.append(Problem(FILE, _(
                    "a quote (\") in this row is not closed where the row ends, so the next "
                    "{lines} line(s) of the file were read into one of its cells: check the "
                    "quotes in this row").format(lines=cells.lines - 1), row))
                continue
            if len(cells) > self.width and any(c.strip() for c in cells[self.width:]):
                self.problems.append(
                    Problem(
                        FILE,
                        _(
                            "the row has {cells_count} values but the header has {width} columns: "
                            "values may have shifted into the wrong columns"
                        ).format(cells_count=len(cells), width=self.width),
                        row,
                    )
                )
                continue
            yield row, cells


def open_table(path: Path, encoding: str | None = None, progress: Progress | None = None
               ) -> Table:
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _open_xlsx(path, progress)
    if path.suffix.lower() == ".xls":
        raise TableError(_("Old Excel .xls files cannot be read: save it as .xlsx or CSV UTF-8"))
    with open(path, "rb") as probe:
        if probe.read(4) == b"PK\x03\x04":
            return _open_xlsx(path, progress)
    found: Encoding = check_encoding_name(encoding) if encoding else detect_encoding(path)
    if found.name is None:
        raise TableError(found.reason)
    binary = open(path, "rb")  # noqa: SIM115 - closed by Table.close
    text = io.TextIOWrapper(binary, encoding=found.name, errors="strict", newline="")
    try:
        first = text.readline()
    except UnicodeDecodeError as error:
        binary.close()
        raise TableError(
            _("The file is not valid {label}: {reason}").format(
                label=found.label, reason=error.reason
            )
        ) from None
    if not first.strip():
        binary.close()
        raise TableError(_("The file is empty: the first line should hold the column names"))
    delimiter = max(DELIMITERS, key=first.count)
    lines = _chain_first(first, text)
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    header = next(reader)
    size = path.stat().st_size
    shape = (len(header), delimiter)
    return Table([h.strip().lstrip("\ufeff") for h in header], found.label,
                 _csv_rows(reader, binary, size, found.label, progress, shape), [binary.close])


def _chain_first(first: str, rest: io.TextIOWrapper) -> Iterator[str]:
    yield first
    yield from rest


def _csv_rows(reader: Any, binary: io.BufferedReader, size: int, label: str,
              progress: Progress | None, shape: tuple[int, str]
              ) -> Iterator[tuple[int, list[str]]]:
    """The rows with their spreadsheet numbers; a row whose quote swallowed the lines of the
    rows after it comes as SwallowedCells (every line of the file is accounted for)."""
    row, line = 1, reader.line_num
    width, delimiter = shape
    try:
        for cells in reader:
            row += 1
            lines, line = reader.line_num - line, reader.line_num
            if progress is not None and row % PROGRESS_EVERY == 0:
                _report(progress, binary.tell(), size)
            if lines > 1 and _swallowed_rows(cells, width, delimiter):
                cells = SwallowedCells(cells, lines)
            if any(cell.strip() for cell in cells):  # thousands of blank lines are no rows
                yield row, cells
    except UnicodeDecodeError as error:
        raise TableError(
            _("The file is not valid {label} after row {row}: {reason}").format(
                label=label, row=row, reason=error.reason
            )
        ) from None
    except csv.Error as error:
        raise TableError(
            _("Row {value} cannot be read as CSV: {error}").format(value=row + 1, error=error)
        ) from None
    if progress is not None:
        _report(progress, size, size)


def _report(progress: Progress, done: int, total: int) -> None:
    if progress(done, total) is False:
        raise ImportCancelledError(_("Import cancelled: nothing was written"))


def _open_xlsx(path: Path, progress: Progress | None) -> Table:
    """The first sheet, read with python-calamine (Rust): 100,000 rows in about a second where
    openpyxl took about 30 (tests/bench/xlsx_bench.py). It gives the values the workbook
    stores (formulas' cached results, as openpyxl's `data_only`); a date cell is a `date`
    (2024-01-05, where openpyxl gave midnight of it), numbers are floats (`_cell_text` shows
    whole ones without a decimal point)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)
    except Exception as error:  # calamine raises its own kinds for a damaged file
        raise TableError(_("The spreadsheet cannot be opened: {error}").format(
            error=error)) from None
    rows = iter(sheet.iter_rows())
    try:
        header = [_cell_text(v).strip() for v in next(rows)]
    except StopIteration:
        book.close()
        raise TableError(_("The spreadsheet is empty: the first row should hold the column names")
                         ) from None
    while header and not header[-1]:
        header.pop()
    total = sheet.height or 0
    return Table(header, "XLSX", _xlsx_rows(rows, total, progress), [book.close])


def _xlsx_rows(rows: Iterator[tuple], total: int, progress: Progress | None
               ) -> Iterator[tuple[int, list[str]]]:
    row = 1
    for values in rows:
        row += 1
        if progress is not None and row % PROGRESS_EVERY == 0:
            _report(progress, row, max(total, row))
        cells = [_cell_text(v) for v in values]
        if any(cells):
            yield row, cells
    if progress is not None:
        _report(progress, max(total, row), max(total, row))


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text a person sees; numbers never go through float math."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)  # the shortest text that reads back as the same binary number
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
