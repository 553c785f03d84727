"""The Dashboard on the large shop against raw sqlite3 producing the same figures, one pass each.

`python -m tests.bench.dashboard_bench [SHOP] [--runs 3] [--json]` (default shop: the cached
large demo shop of tests/bench/shop.py). For "Last 12 months" and "Last 30 days" (ending on the
shop's last order day), `load_dashboard` against the raw floor: sqlite3 running, once each,
the per-order sums of the period by day/week and channel, the previous period's totals, repeat
customers of both periods and the SKU ranking. The open alerts (their own benchmark:
tests/bench/alerts_bench.py) are left out of both sides. Target 1.5x; medians of `--runs`.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ecdesk.db import open_database
from ecdesk.services.common.period import Period
from ecdesk.services.dashboard import build
from ecdesk.services.dashboard.build import dashboard_scope, load_dashboard
from ecdesk.services.reports.sales_queries import SalesScope
from ecdesk.services.reports.sql import SOLD_SQL, bucket_of
from tests.bench.measure import median, time_once
from tests.bench.report import Row, Target, render

FLOOR_TARGET = Target(1.5, on_ratio=True)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _per_order(scope: SalesScope) -> str:
    return (f"WITH {scope.per_order_cte()}")


def floor_queries(scope: SalesScope, before: SalesScope) -> list[tuple[str, dict[str, Any]]]:
    """The SQL of each figure the Dashboard shows, once each (named parameters)."""
    params = scope.params()
    bucket = bucket_of(scope.period.buckets(), scope.zone, params)
    sums = "COUNT(p.id), SUM(p.sales), SUM(p.sales - p.refunds - p.cogs - p.fees), SUM(p.units)"
    by_bucket = (f"{_per_order(scope)} SELECT {bucket} AS n, p.channel_id, {sums} "
                 "FROM per_order p GROUP BY n, p.channel_id")
    totals = f"{_per_order(before)} SELECT {sums} FROM per_order p"
    repeat = """WITH buyers AS (SELECT o.customer_key AS who, COUNT(*) AS orders FROM orders o
        WHERE {where} AND o.customer_key != '' GROUP BY o.customer_key)
        SELECT COUNT(*), SUM(b.orders > 1 OR EXISTS (SELECT 1 FROM orders e
            WHERE e.customer_key = b.who AND e.status IN ({sold}) AND e.ordered_at < :start))
        FROM buyers b"""
    ranking = f"""SELECT l.variant_id, SUM(l.quantity), SUM(l.line_total) AS sales
        FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE {scope.order_filter()}
        GROUP BY l.variant_id ORDER BY sales DESC"""
    return [(by_bucket, params), (totals, before.params()),
            (repeat.format(where=scope.order_filter(), sold=SOLD_SQL), scope.params()),
            (repeat.format(where=before.order_filter(), sold=SOLD_SQL), before.params()),
            (ranking, scope.params())]


def raw_floor(conn: sqlite3.Connection, queries: list[tuple[str, dict[str, Any]]]) -> None:
    for sql, params in queries:
        conn.execute(sql, params).fetchall()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.dashboard_bench",
                                     description=__doc__)
    parser.add_argument("shop", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from tests.bench.shop import large_shop

    shop = args.shop or large_shop(1).path
    db = open_database(shop, read_only=True)
    conn = sqlite3.connect(f"{shop.resolve().as_uri()}?mode=ro", uri=True)
    (last,) = conn.execute("SELECT max(ordered_at) FROM orders").fetchone()
    today = date.fromisoformat(last[:10])
    build.compute_alerts = _no_alerts  # type: ignore[assignment]  # (both sides leave them out)
    rows = []
    for name, days in (("Last 12 months", 365), ("Last 30 days", 30)):
        period = Period(today - timedelta(days=days - 1), today)
        scope = dashboard_scope(db.uow(), period)
        sales = SalesScope(period, scope.zone, scope.currency)
        before = SalesScope(scope.previous, scope.zone, scope.currency)
        queries = floor_queries(sales, before)
        ours = [time_once(lambda s=scope: load_dashboard(db.uow(), s)) for _ in range(args.runs)]
        floor = [time_once(lambda q=queries: raw_floor(conn, q)) for _ in range(args.runs)]
        log(f"  {name}: load_dashboard {[round(t, 2) for t in ours]} s; raw floor "
            f"{[round(t, 2) for t in floor]} s")
        rows.append(Row(f"Dashboard '{name}'", "s", median(ours), median(floor),
                        "raw sqlite3, one pass per figure", FLOOR_TARGET,
                        f"median of {args.runs}; open alerts left out of both"))
    conn.close()
    db.close()
    print(json.dumps([r.to_json() for r in rows]) if args.json else render(rows))
    return 1 if any(r.verdict == "FAIL" for r in rows) else 0


class _NoAlerts:
    def __init__(self) -> None:
        self.open_counts: dict[Any, int] = {}


def _no_alerts(*_args: Any, **_kwargs: Any) -> _NoAlerts:
    return _NoAlerts()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
