"""Computing every inventory alert of a large shop, against the best hand-written SQL.

Measured: `compute_alerts` as the Alerts page and the `alerts` command call it — stock
defaults, settings, acknowledgements, the one aggregation over order lines, judging every SKU
and building the alerts with their reasons. Baseline, in the same run on the same file: raw
sqlite3 fetching the same per-SKU figures (on hand, committed, units sold in the window, last
sale, the product's age, the channels listing it, the SKU's policy) with hand-written queries
of two shapes; the faster of them counts. Runs alternate between the two sides and the median
of each is kept, so that other work on the machine hurts both alike; the CPU time of both
(less sensitive to a busy machine) is in the note.

`python -m tests.bench.alerts_bench [SHOP]` (default: the cached large demo shop of
tests/bench/shop.py) prints one table; `--json` prints the rows for `python -m tests.bench`.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ecdesk.db import open_database
from ecdesk.services.stock.alerts import compute_alerts
from ecdesk.services.stock.defaults import StockDefaults, get_stock_defaults
from tests.bench.measure import median
from tests.bench.report import Row, Target, render

RATIO = Target(1.5, on_ratio=True)
RUNS = 9
STORED = "%Y-%m-%d %H:%M:%S.%f"  # how the shop file stores a (UTC) moment

# The sales of each SKU: one pass over the lines of recent or open orders (orders first:
# CROSS JOIN keeps SQLite from walking every line by SKU instead).
SALES = """
    SELECT ol.variant_id AS vid,
           sum(CASE WHEN o.status IN ('paid', 'shipped', 'completed', 'refunded')
                     AND o.ordered_at >= :window THEN ol.quantity ELSE 0 END) AS sold,
           max(CASE WHEN o.status IN ('paid', 'shipped', 'completed', 'refunded')
                    THEN o.ordered_at END) AS last_sale,
           sum(CASE WHEN o.status IN ('pending', 'paid') THEN ol.quantity ELSE 0 END) AS promised
    FROM orders o CROSS JOIN order_lines ol ON ol.order_id = o.id
    WHERE o.ordered_at >= :lookback OR o.status IN ('pending', 'paid')
    GROUP BY ol.variant_id"""
FIGURES = """
    SELECT v.id, v.sku, p.title, v.option1, v.option2, v.option3, v.on_hand,
           coalesce(s.promised, 0), s.last_sale, s.last_sale >= :dead, p.created_at < :dead,
           {listed}, coalesce(s.sold, 0), sp.reorder_point, sp.safety_stock, sp.max_stock,
           sp.lead_time_days, sp.pack_multiple, sp.min_order_qty
    FROM variants v JOIN products p ON p.id = v.product_id
    LEFT JOIN ({sales}) s ON s.vid = v.id
    LEFT JOIN stock_policies sp ON sp.variant_id = v.id
    {more}
    WHERE v.archived = 0 AND p.status <> 'archived'"""
# Shape 1: the channels listing a SKU looked up only for SKUs with nothing available.
LOOKED_UP = FIGURES.format(sales=SALES, more="", listed="""
           CASE WHEN v.on_hand - coalesce(s.promised, 0) <= 0 THEN
               (SELECT group_concat(c.name) FROM listings l JOIN channels c ON c.id = l.channel_id
                WHERE l.variant_id = v.id AND l.status = 'listed' AND c.archived = 0) END""")
# Shape 2: every SKU's listed channels grouped once and joined.
GROUPED = FIGURES.format(sales=SALES, listed="ls.names", more="""
    LEFT JOIN (SELECT l.variant_id AS vid, group_concat(c.name) AS names
               FROM listings l JOIN channels c ON c.id = l.channel_id
               WHERE l.status = 'listed' AND c.archived = 0 GROUP BY l.variant_id) ls
           ON ls.vid = v.id""")
BASELINES = {"listed channels looked up per SKU": LOOKED_UP,
             "listed channels grouped and joined": GROUPED}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.alerts_bench",
                                     description=__doc__)
    parser.add_argument("shop", nargs="?", type=Path,
                        help="shop file (default: the cached large demo shop)")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each (default {RUNS})")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    return parser.parse_args(argv)


def bounds(defaults: StockDefaults, now: datetime) -> dict[str, str]:
    def days_ago(days: int) -> str:
        return (now - timedelta(days=days)).astimezone(UTC).strftime(STORED)

    lookback = max(defaults.velocity_window_days, defaults.dead_stock_days)
    return {"window": days_ago(defaults.velocity_window_days),
            "dead": days_ago(defaults.dead_stock_days), "lookback": days_ago(lookback)}


def raw_query(shop: Path, sql: str, params: dict[str, str]) -> Callable[[], int]:
    def run() -> int:
        connection = sqlite3.connect(shop)
        try:
            return len(connection.execute(sql, params).fetchall())
        finally:
            connection.close()
    return run


def clock(action: Callable[[], object]) -> tuple[float, float, object]:
    """Wall-clock and CPU seconds of one call, and its result."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - started, time.process_time() - cpu, result


def counts(shop: Path, params: dict[str, str]) -> tuple[int, int, int]:
    connection = sqlite3.connect(shop)
    try:
        skus = connection.execute("SELECT count(*) FROM variants").fetchone()[0]
        lines = connection.execute("SELECT count(*) FROM order_lines").fetchone()[0]
        read = connection.execute(
            "SELECT count(*) FROM orders o CROSS JOIN order_lines ol ON ol.order_id = o.id "
            "WHERE o.ordered_at >= :lookback OR o.status IN ('pending', 'paid')",
            params).fetchone()[0]
    finally:
        connection.close()
    return skus, lines, read


def rows(shop: Path, runs: int) -> list[Row]:
    db = open_database(shop)  # migrated first, if it must be: not part of the figure
    try:
        now = datetime.now(UTC)
        params = bounds(get_stock_defaults(db.uow("bench")), now)
        baselines = {name: raw_query(shop, sql, params) for name, sql in BASELINES.items()}
        sizes = {name: run() for name, run in baselines.items()}  # warm the page cache
        report: Any = compute_alerts(db.uow("bench"), forget_resolved=False)
        times: dict[str, list[float]] = {name: [] for name in [*baselines, "compute"]}
        cpu: dict[str, list[float]] = {name: [] for name in times}
        for _ in range(runs):
            for name, run in baselines.items():
                wall, used, _rows = clock(run)
                times[name].append(wall)
                cpu[name].append(used)
            wall, used, report = clock(lambda: compute_alerts(db.uow("bench"),
                                                              forget_resolved=False))
            times["compute"].append(wall)
            cpu["compute"].append(used)
    finally:
        db.close()
    best_name = min(baselines, key=lambda name: median(times[name]))
    skus, lines, read = counts(shop, params)
    assert len(set(sizes.values())) == 1 and sizes[best_name] == report.skus_checked
    compute, base = median(times["compute"]), median(times[best_name])
    cpu_ratio = median(cpu["compute"]) / median(cpu[best_name])
    pairs = median([c / b for c, b in zip(times["compute"], times[best_name], strict=True)])
    others = ", ".join(f"{name} {median(times[name]) * 1000:,.0f} ms" for name in baselines)
    note = (f"{skus:,} SKUs ({report.skus_checked:,} not archived), {lines:,} order lines of "
            f"which {read:,} are read (placed within the lookback or open); "
            f"{len(report.alerts):,} alerts, {report.urgent_count:,} critical or warning; "
            f"medians of {runs} alternating runs (best {min(times['compute']):.2f} s vs "
            f"{min(times[best_name]):.2f} s; back-to-back pairs {pairs:.2f}x; CPU time "
            f"{median(cpu['compute']):.2f} s vs {median(cpu[best_name]):.2f} s, "
            f"{cpu_ratio:.2f}x); baselines: {others}")
    return [Row(f"alerts: compute all ({skus // 1000}k SKUs, {lines / 1e6:.1f}M lines)", "s",
                compute, base, "best hand-written SQL, raw sqlite3", RATIO, note)]


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
