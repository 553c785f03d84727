"""Spreadsheets: reading and writing 100,000 rows as XLSX against the same rows as CSV.

`python -m tests.bench.xlsx_bench [--rows 100000] [--runs 3] [--json]`. The file is the product
import benchmark's Shopify CSV (tests/bench/import_bench.py). Reading: every row through
`open_table` (what an import reads), CSV against XLSX with openpyxl (before) and python-calamine
(now). Writing: the same rows with openpyxl's write-only workbook (before) and xlsxwriter
(`constant_memory`), against `csv.writer`. Medians of `--runs`; the ratio is to the CSV path.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ecdesk.services.tabular_io.table import _cell_text, open_table
from tests.bench.import_bench import generate
from tests.bench.measure import median, time_once
from tests.bench.report import Row, Target, render

READ_TARGET = Target(10, on_ratio=True)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def read_all(path: Path) -> int:
    table = open_table(path)
    try:
        return sum(1 for _ in table.rows)
    finally:
        table.close()


def read_with_openpyxl(path: Path) -> int:
    """What `open_table` did for XLSX before python-calamine: openpyxl's read-only workbook."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for values in book.worksheets[0].iter_rows(values_only=True)
                   if any(_cell_text(v) for v in values)) - 1
    finally:
        book.close()


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def write_csv(rows: list[list[str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)


def write_openpyxl(rows: list[list[str]], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_xlsxwriter(rows: list[list[str]], path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    sheet = book.add_worksheet()
    for n, row in enumerate(rows):
        sheet.write_row(n, 0, row)
    book.close()


def timed(action: Callable[[], object], runs: int, label: str) -> float:
    times = [time_once(action) for _ in range(runs)]
    log(f"  {label}: {', '.join(f'{t:.2f}' for t in times)} s")
    return median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.xlsx_bench", description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = folder / "products.csv"
        generate(source, args.rows)
        rows = rows_of(source)
        book = folder / "products.xlsx"
        write_xlsxwriter(rows, book)
        csv_read = timed(lambda: read_all(source), args.runs, "read CSV")
        calamine = timed(lambda: read_all(book), args.runs, "read XLSX (open_table)")
        openpyxl_read = timed(lambda: read_with_openpyxl(book), 1, "read XLSX with openpyxl")
        out = folder / "out"
        csv_write = timed(lambda: write_csv(rows, out.with_suffix(".csv")), args.runs,
                          "write CSV")
        xw = timed(lambda: write_xlsxwriter(rows, out.with_suffix(".xlsx")), args.runs,
                   "write XLSX with xlsxwriter")
        op = timed(lambda: write_openpyxl(rows, out.with_suffix(".xlsx")), 1,
                   "write XLSX with openpyxl")
    n = f"{args.rows:,} rows x {len(rows[0])} columns"
    result = [
        Row("read XLSX through open_table (python-calamine)", "s", calamine, csv_read,
            "the same rows as CSV", READ_TARGET, f"{n}; median of {args.runs}"),
        Row("  before: read XLSX with openpyxl (read-only)", "s", openpyxl_read, csv_read,
            "the same rows as CSV", note="once"),
        Row("write XLSX with xlsxwriter (constant_memory)", "s", xw, csv_write, "csv.writer",
            note=f"{n}; median of {args.runs}"),
        Row("  write XLSX with openpyxl (write-only)", "s", op, csv_write, "csv.writer",
            note="once"),
    ]
    print(json.dumps([r.to_json() for r in result]) if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
