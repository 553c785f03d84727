"""The Orders page's queries on a large shop, against raw sqlite3 baselines in the same run.

`python -m tests.bench.orders_page [SHOP]` (default: the cached large demo shop of
tests/bench/shop.py) prints one table; `--json` prints the rows for `python -m tests.bench`.
Every figure is the median of several runs of the service call the page makes (a first page
of 256 orders without a count, the count on its own, one order's detail, SKU suggestions).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from ecdesk.db import Database, open_database
from ecdesk.services.orders.filters import OPEN, OrderQuery, period_days
from ecdesk.services.orders.form_queries import suggest_skus
from ecdesk.services.orders.queries import count_orders, get_order, list_orders
from tests.bench.measure import median, time_repeated
from tests.bench.report import Row, Target, render

PAGE = 256
PAGE_TARGET = Target(100)  # ms: opening the page or choosing a filter feels immediate
SORT_TARGET = Target(300)  # ms: a header click on a column without an index of its own
SEARCH_TARGET = Target(500)  # ms: a search runs once typing pauses (LIKE over every order)
COUNT_TARGET = Target(300)  # ms: counted on a worker, the table does not wait
DETAIL_TARGET = Target(20)  # ms: one order follows the selection
SUGGEST_TARGET = Target(100)  # ms: SKU suggestions after a pause in typing

NEWEST_SQL = f"SELECT id, channel_id, number, ordered_at FROM orders ORDER BY ordered_at DESC " \
             f"LIMIT {PAGE}"
COUNT_SQL = "SELECT count(*) FROM orders"


def page_cases(today: date) -> list[tuple[str, OrderQuery, Target]]:
    start, end = period_days("30_days", today)
    return [
        ("first page, newest first", OrderQuery(), PAGE_TARGET),
        ("to ship (pending or paid)", OrderQuery(status=OPEN), PAGE_TARGET),
        ("one channel, last 30 days", OrderQuery(channel_id=1, start=start, end=end),
         PAGE_TARGET),
        ("sorted by customer", OrderQuery(sort="customer"), SORT_TARGET),
        ("sorted by order number", OrderQuery(sort="number", descending=False), SORT_TARGET),
        ("sorted by total (indexed)", OrderQuery(sort="total"), PAGE_TARGET),
        ("sorted by units (stored)", OrderQuery(sort="units"), SORT_TARGET),
        ("search: a SKU", OrderQuery(search="SKU-00012"), SEARCH_TARGET),
        ("search: no match", OrderQuery(search="no-such-order"), SEARCH_TARGET),
    ]


def timed(action: Callable[[], object]) -> float:
    return median(time_repeated(action, repeats=5, budget_s=10.0))


def raw(shop: Path, sql: str) -> float:
    connection = sqlite3.connect(shop)
    try:
        return timed(lambda: connection.execute(sql).fetchall())
    finally:
        connection.close()


def newest_day(db: Database) -> date:
    with db.uow() as uow:
        newest = uow.session.connection().exec_driver_sql(
            "SELECT max(ordered_at) FROM orders").scalar()
    return date.fromisoformat(newest[:10]) if newest else date.today()


def measure(shop: Path) -> list[Row]:
    db = open_database(shop, read_only=True)
    try:
        orders = raw(shop, COUNT_SQL)
        newest = raw(shop, NEWEST_SQL)
        rows = []
        for name, spec, target in page_cases(newest_day(db) + timedelta(days=1)):
            seconds = timed(lambda s=spec: list_orders(db.uow(), s, limit=PAGE, count=False))
            rows.append(Row(f"orders: {name}", "ms", seconds, newest, "raw newest 256",
                            target))
        for name, spec in (("count all orders", OrderQuery()),
                           ("count a search", OrderQuery(search="SKU-00012"))):
            rows.append(Row(f"orders: {name}", "ms", timed(lambda s=spec: count_orders(
                db.uow(), s)), orders, "raw count(*)", COUNT_TARGET))
        first = list_orders(db.uow(), OrderQuery(), limit=1, count=False).rows
        if first:
            rows.append(Row("orders: one order's detail", "ms",
                            timed(lambda: get_order(db.uow(), first[0].id)), target=DETAIL_TARGET))
        for typed in ("S", "SKU-0001", "jeans"):
            rows.append(Row(f"order form: suggest SKUs for '{typed}'", "ms",
                            timed(lambda t=typed: suggest_skus(db.uow(), t, 1)),
                            target=SUGGEST_TARGET))
        return rows
    finally:
        db.close()


def default_shop() -> Path:
    from tests.bench.shop import large_shop

    return large_shop(seed=1).path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.orders_page",
                                     description=__doc__)
    parser.add_argument("shop", nargs="?", type=Path, help="a shop file (default: large demo)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    rows = measure(args.shop or default_shop())
    print(json.dumps([row.to_json() for row in rows]) if args.json else render(rows))
    return 1 if any(row.verdict == "FAIL" for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
