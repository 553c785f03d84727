"""RFM scores and segments of every customer of the large shop, against one raw SQL.

Measured, on the cached large demo shop (about 500,000 customers from 700,000 orders):
- `segment_counts`: the RFM of every customer and its segment, counted per segment (what the
  Dashboard tile, the Customers page's filter and `customers` print), through SQLAlchemy;
- `list_customers` first page (256 rows, biggest spenders first) and the first page of one
  segment ("lost"): the same RFM pass, sorted and cut in SQL.
Baseline, in the same run on the same file: raw sqlite3 running one GROUP BY over the sold
orders per customer (count, latest order, amount): the aggregation any RFM needs, without
the ranks and segments. Runs alternate between the sides and the median of each is kept, so
other work on the machine hurts both alike; CPU times are in the note.

`python -m tests.bench.customers_bench [SHOP]` (default: the cached large shop of
tests/bench/shop.py) prints the table; `--json` prints the rows.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ecdesk.db import open_database
from ecdesk.services.customers.dto import CustomerQuery
from ecdesk.services.customers.queries import list_customers
from ecdesk.services.customers.rfm import segment_counts
from tests.bench.measure import median
from tests.bench.report import Row, Target, render

RATIO = Target(4, on_ratio=True)
RUNS = 5
RAW = """
    SELECT customer_id, count(*), max(ordered_at),
           sum(CASE WHEN currency = ? THEN goods_total + shipping - refunded END)
    FROM orders
    WHERE customer_id IS NOT NULL AND status IN ('paid', 'shipped', 'completed', 'refunded')
    GROUP BY customer_id"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.customers_bench")
    parser.add_argument("shop", type=Path, nargs="?", default=None)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--json", action="store_true")
    return parser.parse_args(argv)


def clock(action: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def rows(shop: Path, runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "shop.ecdesk"  # (opening migrates; the cache stays as it is)
        shutil.copyfile(shop, copy)
        db = open_database(copy)
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            return _measure(db, conn, runs)
        finally:
            conn.close()
            db.close()


def _measure(db: object, conn: sqlite3.Connection, runs: int) -> list[Row]:
    currency = conn.execute("SELECT coalesce((SELECT value FROM settings WHERE key = "
                            "'currency'), 'CNY')").fetchone()[0]

    def counts() -> dict[str, int]:
        with db.uow() as uow:  # type: ignore[attr-defined]
            return segment_counts(uow.session)

    sides: dict[str, Callable[[], object]] = {
        "counts": counts,
        "page": lambda: list_customers(db.uow(), CustomerQuery()),  # type: ignore[attr-defined]
        "lost": lambda: list_customers(db.uow(),  # type: ignore[attr-defined]
                                       CustomerQuery(segment="lost")),
        "raw": lambda: conn.execute(RAW, (currency,)).fetchall(),
    }
    times: dict[str, list[float]] = {name: [] for name in sides}
    cpu: dict[str, list[float]] = {name: [] for name in sides}
    results: dict[str, object] = {}
    for _ in range(runs):
        for name, action in sides.items():
            wall, used, results[name] = clock(action)
            print(f"{name}: {wall:.2f} s", file=sys.stderr, flush=True)
            times[name].append(wall)
            cpu[name].append(used)
    customers = len(results["raw"])  # type: ignore[arg-type]
    segments = results["counts"]
    assert isinstance(segments, dict) and sum(segments.values()) == customers
    base = median(times["raw"])

    def note(name: str) -> str:
        return (f"medians of {runs} alternating runs; CPU {median(cpu[name]):.2f} s vs "
                f"{median(cpu['raw']):.2f} s raw")

    label = f"{customers // 1000}k customers"
    return [
        Row(f"customers: RFM segments of all ({label})", "s", median(times["counts"]), base,
            "one GROUP BY per customer, raw sqlite3", RATIO,
            note("counts") + "; " + ", ".join(f"{k} {v:,}" for k, v in segments.items())),
        Row("customers: first page, by amount spent", "s", median(times["page"]), base,
            "the same GROUP BY", RATIO, note("page")),
        Row("customers: first page of one segment (lost)", "s", median(times["lost"]), base,
            "the same GROUP BY", RATIO, note("lost")),
    ]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    shop = args.shop
    if shop is None:
        from tests.bench.shop import large_shop

        shop = large_shop(seed=1).path
    result = rows(shop, args.runs)
    if args.json:
        json.dump([row.to_json() for row in result], sys.stdout)
    else:
        print(render(result))
    return 0 if all(row.verdict == "PASS" for row in result) else 1


if __name__ == "__main__":
    sys.exit(main())
