"""Importing a generated 100,000-row Shopify product CSV, against pandas + raw sqlite3.

Baseline, in the same run: `pandas.read_csv(dtype=str)` of the same file plus a raw
`sqlite3.executemany` of the same rows into one table, in one transaction. Measured: ecdesk's
`read_import_file` + `import_products` into a new shop (encoding detection, cleaning, every
check, grouping into 25,000 products of 4 SKUs, the writes and the search index rebuild).
Memory: the peak resident memory of a child process that only does the import.

`python -m tests.bench.import_bench` prints the table; `--json` prints the rows as JSON (for
`python -m tests.bench`); `--child FILE SHOP` is the memory child.
"""

from __future__ import annotations

import csv
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.import_floor import required_writes
from tests.bench.measure import current_rss_mib, maxrss_to_mib
from tests.bench.report import Row, Target, emit

ROWS = 100_000
VARIANTS = 4
RATIO = Target(2, on_ratio=True)
MEMORY = Target(400)
HEADER = ["Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published",
          "Option1 Name", "Option1 Value", "Variant SKU", "Variant Grams",
          "Variant Inventory Qty", "Variant Price", "Variant Compare At Price", "Variant Barcode",
          "Cost per item", "Status"]
SIZES = ["S", "M", "L", "XL"]


def generate(path: Path, rows: int = ROWS) -> None:
    """A Shopify export: product fields on each product's first row, a size per row."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        for i in range(rows):
            product, size = divmod(i, VARIANTS)
            first = size == 0
            price = f"{(product % 400) + 9}.{(i * 7) % 100:02d}"
            writer.writerow([
                f"product-{product}", f"纯棉T恤 Cotton tee {product}" if first else "",
                f"<p>Soft cotton, <b>model {product}</b></p>" if first else "",
                "Muzi" if first else "", "T-shirts" if first else "",
                "summer, cotton" if first else "", "true" if first else "",
                "Size" if first else "", SIZES[size], f"TEE-{product:06d}-{SIZES[size]}",
                "200.0", str(i % 50), price, "", "", "12.00", "active" if first else ""])


def baseline(path: Path, folder: Path) -> float:
    import pandas as pd

    target = folder / "baseline.sqlite"
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    conn = sqlite3.connect(target)
    columns = ", ".join(f"c{i} TEXT" for i in range(len(frame.columns)))
    conn.execute(f"CREATE TABLE rows ({columns})")
    marks = ", ".join("?" * len(frame.columns))
    conn.executemany(f"INSERT INTO rows VALUES ({marks})", frame.itertuples(index=False))
    conn.commit()
    conn.close()
    return time.perf_counter() - started


def _required_writes(path: Path, folder: Path, run: int) -> float:
    from ecdesk.db import open_database

    shop = folder / f"floor{run}.ecdesk"
    open_database(shop).close()  # a new, empty shop: creating it is not part of the import
    return required_writes(path, shop)


def ecdesk_import(path: Path, shop: Path) -> tuple[float, str]:
    from ecdesk.db import open_database
    from ecdesk.services.catalog_io import import_products, read_import_file

    db = open_database(shop)  # creating the shop file is not part of the import
    try:
        started = time.perf_counter()
        parsed = read_import_file(path)
        result = import_products(db.uow("bench"), parsed)
        seconds = time.perf_counter() - started
    finally:
        db.close()
    return seconds, result.message


def child(path: Path, shop: Path) -> None:
    before = current_rss_mib()
    ecdesk_import(path, shop)
    peak = maxrss_to_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    print(json.dumps({"before": before, "peak": peak}))


def rows() -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "products_export.csv"
        generate(path)
        size_mib = path.stat().st_size / 2**20
        print(f"Generated {ROWS:,} rows ({size_mib:.1f} MiB); importing...", file=sys.stderr)
        base = min(baseline(path, folder) for _ in range(3))
        floor = min(_required_writes(path, folder, run) for run in range(3))
        times = []
        for run in range(3):
            seconds, message = ecdesk_import(path, folder / f"shop{run}.ecdesk")
            times.append(seconds)
        print(message, file=sys.stderr)
        done = subprocess.run([sys.executable, "-m", "tests.bench.import_bench", "--child",
                               str(path), str(folder / "memory.ecdesk")],
                              capture_output=True, text=True, check=True)
        memory = json.loads(done.stdout.strip().splitlines()[-1])
    note = (f"{ROWS:,} rows, 25,000 products x 4 SKUs, {size_mib:.0f} MiB file; best of 3; "
            f"memory: peak RSS of a process that only imports (it held {memory['before']:.0f} "
            "MiB before)")
    return [
        Row("import 100k-row Shopify CSV", "s", min(times), base,
            "pandas.read_csv + sqlite3.executemany", RATIO, note),
        Row("  its required writes alone, raw sqlite3", "s", floor, base,
            "pandas.read_csv + sqlite3.executemany", None,
            "products, SKUs, stock ledger, tags, indexes and search index written with raw "
            "sqlite3 (tests/bench/import_floor.py): the schema's share of the time"),
        Row("  ecdesk's own share (parse, check, plan)", "s", min(times), floor,
            "its required writes, raw", None,
            "the import against the same writes done raw: what ecdesk adds on top"),
        Row("import 100k-row Shopify CSV, peak memory", "MiB", memory["peak"], None, "",
            MEMORY),
    ]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(Path(argv[1]), Path(argv[2]))
        return 0
    return emit(rows(), "--json" in argv)


if __name__ == "__main__":
    sys.exit(main())
