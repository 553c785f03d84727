"""Editing the Stock cells of an exported ecdesk template as a spreadsheet user would."""

from __future__ import annotations

import csv
from pathlib import Path


def template_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of an exported template CSV."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


def set_stock_cells(path: Path, counts: dict[str, int]) -> dict[str, int]:
    """Set the `Stock` cell of these SKUs in a template (CSV or XLSX) and save it; return each
    edited SKU's row in the file (the header is row 1)."""
    if path.suffix == ".xlsx":
        return _set_xlsx(path, counts)
    fields, lines = template_rows(path)
    rows = {}
    for row, line in enumerate(lines, start=2):
        if line["SKU"] in counts:
            line["Stock"], rows[line["SKU"]] = str(counts[line["SKU"]]), row
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=fields)
        writer.writeheader()
        writer.writerows(lines)
    return rows


def _set_xlsx(path: Path, counts: dict[str, int]) -> dict[str, int]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    sku, stock = header.index("SKU") + 1, header.index("Stock") + 1
    rows = {}
    for row in range(2, sheet.max_row + 1):
        value = sheet.cell(row, sku).value
        if value in counts:
            sheet.cell(row, stock).value = counts[value]  # a number, as a user types it
            rows[value] = row
    book.save(path)
    return rows
