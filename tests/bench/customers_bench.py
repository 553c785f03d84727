"""The stored RFM of the large shop (services/customers/rfm_store.py), against raw SQL.

Measured, on the cached large demo shop (about 470,000 customers from 700,000 orders):
- the refresh: `refresh_customer_rfm` (rfm.py's rule over every sold order, stored by one
  INSERT...SELECT with its stamp) against the very same DELETE + INSERT...SELECT + stamp run by
  raw sqlite3: what the service adds to the one statement;
- the segment counts, the first page (256 rows, biggest spenders first) and the first page of
  one segment ("lost") read from the stored table, against raw sqlite3 reading the same rows
  from customer_rfm by the same index.
Runs alternate between the sides and the median of each is kept, so other work on the machine
hurts both alike; CPU times are in the note.

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
from ecdesk.services.customers.rfm import LISTED_CTE, rfm_query
from ecdesk.services.customers.rfm_store import FILL_SQL, refresh_customer_rfm, stored_counts
from tests.bench.measure import median
from tests.bench.report import Row, Target, render

RATIO = Target(4, on_ratio=True)
RUNS = 3
RAW_FILL = rfm_query(FILL_SQL, LISTED_CTE).text  # the service's own statement, :named binds
RAW_PAGE = """
    SELECT c.id, c.name, r.orders, r.spent, r.last_order_at, r.recency_days, r.r, r.f, r.m,
           r.segment
    FROM customer_rfm r JOIN customers c ON c.id = r.customer_id
    WHERE c.merged_into_id IS NULL {where}
    ORDER BY r.spent DESC, r.customer_id DESC LIMIT 257"""
RAW_COUNTS = "SELECT segment, count(*) FROM customer_rfm WHERE segment != '' GROUP BY segment"


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
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            return _measure(db, conn, runs)
        finally:
            conn.close()
            db.close()


def _raw_fill(conn: sqlite3.Connection, as_of: str, currency: str) -> int:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM customer_rfm")
    conn.execute(RAW_FILL, {"as_of": as_of, "currency": currency})
    stored = conn.execute("SELECT count(*) FROM customer_rfm").fetchone()[0]
    conn.execute("UPDATE customer_rfm_state SET computed_changes = changes, as_of = ?, "
                 "currency = ? WHERE id = 1", (as_of, currency))
    conn.execute("COMMIT")
    return stored


def _measure(db: object, conn: sqlite3.Connection, runs: int) -> list[Row]:
    currency = conn.execute("SELECT coalesce((SELECT value FROM settings WHERE key = "
                            "'currency'), 'CNY')").fetchone()[0]
    refresh_customer_rfm(db.uow())  # type: ignore[attr-defined]  # (warms the page cache)
    as_of = conn.execute("SELECT as_of FROM customer_rfm_state").fetchone()[0]

    def counts() -> dict[str, int]:
        with db.uow() as uow:  # type: ignore[attr-defined]
            return stored_counts(uow.session)

    pairs: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "refresh": (lambda: refresh_customer_rfm(db.uow()),  # type: ignore[attr-defined]
                    lambda: _raw_fill(conn, as_of, currency)),
        "counts": (counts, lambda: conn.execute(RAW_COUNTS).fetchall()),
        # Uncounted, as the page asks (the segment summary it shows counts them).
        "page": (lambda: list_customers(db.uow(),  # type: ignore[attr-defined]
                                        CustomerQuery(), count=False),
                 lambda: conn.execute(RAW_PAGE.format(where="")).fetchall()),
        "lost": (lambda: list_customers(db.uow(),  # type: ignore[attr-defined]
                                        CustomerQuery(segment="lost"), count=False),
                 lambda: conn.execute(RAW_PAGE.format(where="AND r.segment = 'lost'"))
                 .fetchall()),
    }
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    results: dict[str, object] = {}
    for _ in range(runs):
        for name, (ours, raw) in pairs.items():
            for side, action in ((name, ours), (f"{name} raw", raw)):
                wall, used, results[side] = clock(action)
                print(f"{side}: {wall:.3f} s", file=sys.stderr, flush=True)
                times.setdefault(side, []).append(wall)
                cpu.setdefault(side, []).append(used)
    refreshed = results["refresh"]
    segments = results["counts"]
    assert isinstance(segments, dict) and dict(results["counts raw"]) == {  # type: ignore
        k: v for k, v in segments.items() if v}
    assert refreshed.customers == results["refresh raw"]  # type: ignore[attr-defined]

    def row(name: str, title: str, baseline: str) -> Row:
        return Row(title, "s", median(times[name]), median(times[f"{name} raw"]), baseline,
                   RATIO, f"medians of {runs} alternating runs; CPU {median(cpu[name]):.3f} s "
                   f"vs {median(cpu[name + ' raw']):.3f} s raw")

    label = f"{refreshed.customers // 1000}k customers"  # type: ignore[attr-defined]
    return [
        row("refresh", f"customers: stored RFM refresh ({label})",
            "the same DELETE + INSERT...SELECT + stamp, raw sqlite3"),
        row("counts", "customers: segment counts, stored",
            "GROUP BY segment on customer_rfm, raw sqlite3"),
        row("page", "customers: first page by amount spent, stored",
            "the same 257 rows from customer_rfm, raw sqlite3"),
        row("lost", "customers: first page of one segment (lost), stored",
            "the same 257 rows of the segment, raw sqlite3"),
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
