"""A report's CSV or XLSX twin: the same tables with the same figures as its PDF.

XLSX has a "Report" sheet (shop, title, period, channel, generation time, currency) and one
sheet per table, amounts as exact numbers with two decimals. CSV has the same facts at the top
and the tables one after another, each under its title line and separated by an empty line;
amounts are plain numbers (`1234.50`) so a spreadsheet reads them as numbers. Either way, text a
spreadsheet would run as a formula gets a leading apostrophe. Paragraphs and charts are not
repeated in the twin; the chart's figures are in its table.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ecdesk.errors import CancelledError
from ecdesk.i18n import _
from ecdesk.money import format_rate
from ecdesk.private_files import owner_only
from ecdesk.services.common.progress import Progress
from ecdesk.services.reports.model import (
    MONEY,
    RATE,
    STYLE,
    SUBTOTAL,
    TEXT,
    Report,
    Table,
    cell_value,
    column_heading,
)
from ecdesk.services.tabular_io.values import neutralize

PROGRESS_EVERY = 2000
MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.0%"
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")


def facts(report: Report) -> list[tuple[str, str]]:
    return [(_("Shop"), report.shop_name), (_("Report"), _(report.title)),
            (_("Period"), report.period.label()), (_("Covers"), report.scope),
            (_("Generated"), report.generated_label()), (_("Currency"), report.currency),
            *report.facts]


def write_twin(report: Report, path: Path, progress: Progress | None = None) -> None:
    """Write `report` as CSV or XLSX (by the suffix), via a temporary file."""
    report.check_totals()
    partial = path.with_name(path.name + ".partial")
    counter = _Counter(sum(len(t.rows) + (t.total is not None) for t in report.tables()),
                       progress)
    try:
        if path.suffix.lower() == ".xlsx":
            _write_xlsx(report, partial, counter)
        else:
            _write_csv(report, partial, counter)
        owner_only(partial).replace(path)
    finally:
        partial.unlink(missing_ok=True)


class _Counter:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = max(total, 1), 0, progress

    def tick(self, rows: int = 1) -> None:
        before, self.done = self.done, self.done + rows
        if self.progress is None or (before // PROGRESS_EVERY == self.done // PROGRESS_EVERY
                                     and self.done < self.total):
            return
        if self.progress(min(self.done, self.total), self.total) is False:
            raise CancelledError(_("The report was cancelled: no file was written"))


Row = tuple[bool, list[Any], list[str]]  # (a subtotal or the total?, values, kinds)


def table_rows(table: Table) -> Iterator[Row]:
    """Each row as values for a spreadsheet, with its cells' kinds, then the totals row."""
    subtotal = table.rows[STYLE].to_numpy() == SUBTOTAL if STYLE in table.rows.columns else None
    columns = [(table.rows[column.key].tolist(), table.kinds(column, 0, len(table.rows)))
               for column in table.columns]
    for index in range(len(table.rows)):
        kinds = [kinds[index] for _values, kinds in columns]
        yield (bool(subtotal[index]) if subtotal is not None else False,
               [cell_value(values[index], kinds[index]) for values, kinds in columns], kinds)
    if table.total is not None:
        kinds = [column.kind for column in table.columns]
        yield True, [(_(table.total_label) if position == 0 else None) if column.kind == TEXT
                     else cell_value(table.total.get(column.key), column.kind)
                     for position, column in enumerate(table.columns)], kinds


def header(table: Table, currency: str) -> list[str]:
    return [column_heading(c, currency) for c in table.columns]


def _csv_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == RATE:
        return format_rate(value)
    if kind == TEXT:
        return neutralize(str(value))
    return str(value)


def _write_csv(report: Report, path: Path, counter: _Counter) -> None:
    # UTF-8 with a BOM: Excel then opens Chinese text correctly.
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, lineterminator="\r\n")
        for name, value in facts(report):
            writer.writerow([name, neutralize(value)])
        for table in report.tables():
            writer.writerow([])
            writer.writerow([neutralize(_(table.title))])
            writer.writerow(header(table, report.currency))
            for _emphasis, values, kinds in table_rows(table):
                writer.writerow([_csv_cell(v, kind) for v, kind in zip(values, kinds,
                                                                       strict=True)])
                counter.tick()


def _write_xlsx(report: Report, path: Path, counter: _Counter) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    cover = book.create_sheet("Report")
    for name, value in facts(report):
        cover.append([name, neutralize(value)])
    names: set[str] = {"Report"}
    bold = Font(bold=True)
    try:
        for table in report.tables():
            sheet = book.create_sheet(_sheet_name(_(table.title), names))
            sheet.append([neutralize(_(table.title))])
            sheet.append([_styled(WriteOnlyCell(sheet, text), font=bold)
                          for text in header(table, report.currency)])
            for emphasis, values, kinds in table_rows(table):
                sheet.append([_xlsx_cell(sheet, value, kind, bold if emphasis else None)
                              for value, kind in zip(values, kinds, strict=True)])
                counter.tick()
    except BaseException:
        for sheet in book.worksheets:  # end each sheet's writer, whose file is then dropped
            sheet.close()
        raise
    book.save(path)
    _fix_times(path, report.generated_at)


# A zip entry's time is its own field; 1980-01-01 is the earliest a zip can hold.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _fix_times(path: Path, moment: datetime) -> None:
    """Make the workbook's bytes depend on the report alone, like the PDF and CSV twins:
    openpyxl stamps the file's properties with the time of saving and each zip entry with the
    computer's clock, so two runs of one report differed. The properties say the report's own
    generation time; the entries the zip epoch."""
    stamp = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, _ZIP_EPOCH)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)


def _xlsx_cell(sheet: Any, value: Any, kind: str, font: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if kind == TEXT and value is not None:
        value = neutralize(str(value))
    if font is None and kind not in (MONEY, RATE):
        return value  # a plain cell is much cheaper than a styled one
    cell = WriteOnlyCell(sheet, value)
    if kind == MONEY:
        cell.number_format = MONEY_FORMAT
    elif kind == RATE:
        cell.number_format = RATE_FORMAT
    return _styled(cell, font=font)


def _styled(cell: Any, font: Any = None) -> Any:
    if font is not None:
        cell.font = font
    return cell


def _sheet_name(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = _SHEET_UNSAFE.sub(" ", title).strip()[:31] or "Table"
    name, number = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" {number}"
        name, number = base[:31 - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name
