"""Writing pricing's tables (the preview, the price history) to a CSV or XLSX file, as the
command line and the Pricing page export them: a header row, then one row per record; CSV in
UTF-8 with a byte order mark (Excel reads the Chinese), XLSX written streaming (openpyxl is
imported only when one is asked for)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path


def write_table(path: Path, header: Sequence[str], values: Sequence[Sequence[object]]) -> None:
    """`values` under `header` into `path`: XLSX for a .xlsx name, else CSV."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(path.stem[:31] or "sheet")
        sheet.append(list(header))
        for row in values:
            sheet.append(list(row))
        book.save(path)
        return
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(values)
