"""Scrolling the big tables by keyset, on the large shop, against raw sqlite3 in the same run.

`python -m tests.bench.paging [SHOP] [--runs 3] [--offset-before]` (default shop: the cached
large demo shop of tests/bench/shop.py) prints one table; `--json` prints the rows.

- Scrolling the Listings to its end (95,270 SKUs, 373 pages) through the real table model and
  service, against raw sqlite3 reading the same pages by keyset (row values after the last row)
  with each page's listings (the channel cells): target 2x. `--offset-before` also times the
  old way, the model paging by OFFSET to row 50,000 (what the issue measured at 10.9 s), once.
- Scrolling the Orders 100,000 rows deep (newest first), the same way.
- Every sort column of Listings, Orders and Inventory: the first page and a page 90% of the way
  down, read after the previous page's last row; the worst must stay within 50 ms.
Each figure is the median of `--runs` runs (the machine is shared: read ratios, not times).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ecdesk.db import Database, open_database
from ecdesk.services.catalog.dto import VariantQuery
from ecdesk.services.catalog.queries import filter_options, list_variants
from ecdesk.services.catalog.rows import LISTINGS_OF
from ecdesk.services.orders.filters import SORT_KEYS as ORDER_SORTS
from ecdesk.services.orders.filters import OrderQuery
from ecdesk.services.orders.queries import list_orders
from ecdesk.services.stock.inventory_dto import InventoryQuery
from ecdesk.services.stock.queries import list_inventory
from tests.bench.measure import median, time_once
from tests.bench.report import Row, Target, render

PAGE = 256
PAGE_TARGET = Target(50)  # ms: any page, wherever it is
SCROLL_TARGET = Target(2, on_ratio=True)
ORDERS_DEPTH = 100_000
OFFSET_DEPTH = 50_000
LISTINGS_SORTS = ["title", "sku", "options", "status", "category", "price", "cost", "margin",
                  "stock", "channel:1"]
INVENTORY_SORTS = ["title", "sku", "options", "on_hand", "committed", "available", "on_order",
                   "velocity", "cover", "reorder_point", "value"]

# The Listings' default order read by hand, page after page (row values after the last row).
_LISTINGS = ("SELECT v.id, v.product_id, p.title, v.sku, v.option1, v.option2, v.option3, "
             "p.status, p.category_id, v.price, v.unit_cost, v.on_hand, v.barcode, v.position "
             "FROM variants v JOIN products p ON p.id = v.product_id "
             "WHERE v.archived = 0 AND p.status != 'archived' {after} "
             f"ORDER BY p.title, p.id, v.position, v.id LIMIT {PAGE}")
_LISTINGS_AFTER = "AND (p.title, p.id, v.position, v.id) > (?, ?, ?, ?)"
_ORDERS = ("SELECT id, channel_id, number, ordered_at, status, customer_name, currency, shipping,"
           " line_count, units, goods_total FROM orders {after} "
           f"ORDER BY ordered_at DESC, id DESC LIMIT {PAGE}")
_ORDERS_AFTER = "WHERE (ordered_at, id) < (?, ?)"


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def raw_listings_scroll(conn: sqlite3.Connection) -> int:
    """The SKUs page after page, each page with its listings (the cells the table shows)."""
    rows = conn.execute(_LISTINGS.format(after="")).fetchall()
    seen = len(rows)
    while rows:
        conn.execute(LISTINGS_OF, (json.dumps([row[0] for row in rows]),)).fetchall()
        if len(rows) < PAGE:
            break
        last = rows[-1]
        rows = conn.execute(_LISTINGS.format(after=_LISTINGS_AFTER),
                            (last[2], last[1], last[13], last[0])).fetchall()
        seen += len(rows)
    return seen


def raw_orders_scroll(conn: sqlite3.Connection, depth: int) -> int:
    rows = conn.execute(_ORDERS.format(after="")).fetchall()
    seen = len(rows)
    while len(rows) == PAGE and seen < depth:
        rows = conn.execute(_ORDERS.format(after=_ORDERS_AFTER),
                            (rows[-1][3], rows[-1][0])).fetchall()
        seen += len(rows)
    return seen


def model_scroll(model: Any, query: Any, depth: int | None) -> int:
    """Load the model's first page, then fetchMore page after page (as the view does while the
    user drags the scroll bar down) until `depth` rows, or the end."""
    model.set_query(query)
    if depth is None:
        model.fetch_until(lambda _row: False)
    else:
        while model.rowCount() < depth and model.canFetchMore():
            model.fetchMore()
    return model.rowCount()


def medians(action: Callable[[], int], runs: int, label: str) -> tuple[float, int]:
    """Median seconds of `runs` calls of `action`, and the rows the last one read."""
    times, counts = [], []
    for _ in range(runs):
        times.append(time_once(lambda: counts.append(action())))
        log(f"  {label}: {times[-1]:.2f} s ({counts[-1]:,} rows)")
    rows = counts[-1]
    return median(times), rows


def scroll_rows(db: Database, conn: sqlite3.Connection, runs: int, before: bool) -> list[Row]:
    from ecdesk.views.catalog.listings_model import ListingsTableModel
    from ecdesk.views.orders.orders_model import OrdersTableModel

    channels = filter_options(db.uow()).channels

    def listings(q: VariantQuery, off: int, lim: int, after: Any = None) -> Any:
        return list_variants(db.uow(), q, offset=off, limit=lim, count=False, after=after)

    def orders(q: OrderQuery, off: int, lim: int, after: Any = None) -> Any:
        return list_orders(db.uow(), q, offset=off, limit=lim, count=False, after=after)

    raw_l, _n = medians(lambda: raw_listings_scroll(conn), runs, "raw keyset, Listings to end")
    ours_l, n_l = medians(lambda: model_scroll(ListingsTableModel(listings, channels),
                                               VariantQuery(), None), runs,
                          "Listings model to end")
    raw_o, _n = medians(lambda: raw_orders_scroll(conn, ORDERS_DEPTH), runs,
                        "raw keyset, Orders 100,000 deep")
    ours_o, n_o = medians(lambda: model_scroll(OrdersTableModel(orders, channels),
                                               OrderQuery(), ORDERS_DEPTH), runs,
                          "Orders model 100,000 deep")
    rows = [
        Row("scroll Listings to the end (keyset)", "s", ours_l, raw_l,
            "raw sqlite3 keyset + listings",
            SCROLL_TARGET, f"{n_l:,} rows, {n_l // PAGE + 1} pages through ListingsTableModel "
            f"and list_variants; median of {runs}"),
        Row("scroll Orders 100,000 rows (keyset)", "s", ours_o, raw_o, "raw sqlite3 keyset",
            SCROLL_TARGET, f"{n_o:,} rows newest first through OrdersTableModel and "
            f"list_orders; median of {runs}"),
    ]
    if before:
        def by_offset(q: VariantQuery, off: int, lim: int) -> Any:  # (three arguments: OFFSET)
            return list_variants(db.uow(), q, offset=off, limit=lim, count=False)

        seconds, n = medians(lambda: model_scroll(ListingsTableModel(by_offset, channels),
                                                  VariantQuery(), OFFSET_DEPTH), 1,
                             "Listings model by OFFSET to row 50,000")
        rows.append(Row("scroll Listings to row 50,000 by OFFSET (before)", "s", seconds, None,
                        note=f"{n:,} rows; the same model with a loader without `after`"))
    return rows


def deep_page(read: Callable[..., Any], query: Any, depth: int, runs: int) -> tuple[float, float]:
    """(first page, a page `depth` rows down read after the one before it), medians in s."""
    first = median([time_once(lambda: read(query, 0, None)) for _ in range(runs)])
    cursor = read(query, depth - PAGE, None).cursor  # (by offset, once, untimed)
    deep = median([time_once(lambda: read(query, 0, cursor)) for _ in range(runs)])
    return first, deep


def sort_rows(db: Database, runs: int) -> list[Row]:
    tables: list[tuple[str, Callable[..., Any], Callable[[str, bool], Any], list[str], int]] = [
        ("Listings", lambda q, off, after: list_variants(db.uow(), q, offset=off, limit=PAGE,
                                                           count=False, after=after),
         lambda s, d: VariantQuery(sort=s, descending=d), LISTINGS_SORTS, 90_000),
        ("Orders", lambda q, off, after: list_orders(db.uow(), q, offset=off, limit=PAGE,
                                                       count=False, after=after),
         lambda s, d: OrderQuery(sort=s, descending=d), list(ORDER_SORTS), 630_000),
        ("Inventory", lambda q, off, after: list_inventory(db.uow(), q, offset=off, limit=PAGE,
                                                             count=False, after=after),
         lambda s, d: InventoryQuery(sort=s, descending=d), INVENTORY_SORTS, 90_000),
    ]
    rows = []
    for name, read, make, sorts, depth in tables:
        figures: dict[str, float] = {}
        for sort in sorts:
            for descending in (False, True):
                first, deep = deep_page(read, make(sort, descending), depth, runs)
                label = f"{sort}{' desc' if descending else ''}"
                figures[label] = max(first, deep)
                log(f"  {name} {label}: first page {first * 1000:.0f} ms, "
                    f"{depth:,} deep {deep * 1000:.0f} ms")
        worst = max(figures, key=figures.__getitem__)
        detail = ", ".join(f"{k} {v * 1000:.0f}" for k, v in figures.items())
        rows.append(Row(f"{name}: slowest page of any sort, first or {depth:,} deep", "ms",
                        figures[worst], target=PAGE_TARGET,
                        note=f"slowest: {worst}; per sort, worse of first/deep (ms): {detail}"))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.paging", description=__doc__)
    parser.add_argument("shop", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--offset-before", action="store_true")
    parser.add_argument("--skip-sorts", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tests.bench.shop import large_shop

    shop = args.shop or large_shop(1).path
    app = QApplication(sys.argv[:1])
    db, conn = open_database(shop), sqlite3.connect(shop)
    try:
        rows = scroll_rows(db, conn, args.runs, args.offset_before)
        if not args.skip_sorts:
            rows += sort_rows(db, args.runs)
    finally:
        conn.close()
        db.close()
    app.quit()
    print(json.dumps([r.to_json() for r in rows]) if args.json else render(rows))
    return 1 if any(r.verdict == "FAIL" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
