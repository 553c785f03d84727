"""Reorder suggestions for a large shop, against the alerts query they build on.

Measured: `suggest_purchase_orders` as the Purchasing page and `purchasing suggest` call it —
stock defaults, the alerts' one SQL pass over every SKU (alerts_figures.sku_rows), judging each
SKU, the preferred supplier items of those to order (with price breaks), EOQ and grouping by
supplier. Baseline, in the same run on the same file: that SQL pass alone (`sku_rows`, read to
the end). Runs alternate and the medians are compared, so other work on the machine hurts both
alike. Target: 1.5x.

`python -m tests.bench.suggestions_bench [SHOP]` (default: the cached large demo shop of
tests/bench/shop.py) prints one table; `--json` prints the rows.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from ecdesk.db import open_database
from ecdesk.services.purchasing.suggestions import suggest_purchase_orders
from ecdesk.services.stock.alerts_figures import sku_rows
from ecdesk.services.stock.defaults import read_stock_defaults
from tests.bench.alerts_bench import clock
from tests.bench.measure import median
from tests.bench.report import Row, Target, render

RATIO = Target(1.5, on_ratio=True)
RUNS = 7


def rows(shop: Path, runs: int) -> list[Row]:
    db = open_database(shop)  # migrated first, if it must be: not part of the figure
    try:
        now = datetime.now(UTC)

        def alerts_query() -> int:
            with db.uow("bench") as uow:
                return len(sku_rows(uow.session, read_stock_defaults(uow.session), now))

        def suggestions() -> object:
            return suggest_purchase_orders(db.uow("bench"), now=now)

        alerts_query()  # warm the page cache
        result = suggestions()
        times: dict[str, list[float]] = {"query": [], "suggest": []}
        for _ in range(runs):
            wall, _cpu, candidates = clock(alerts_query)
            times["query"].append(wall)
            wall, _cpu, result = clock(suggestions)
            times["suggest"].append(wall)
    finally:
        db.close()
    lines = sum(len(order.lines) for order in result.orders)  # type: ignore[attr-defined]
    note = (f"{result.skus_checked:,} SKUs checked, {candidates:,} candidate rows from the "  # type: ignore[attr-defined]
            f"alerts pass; {lines:,} SKUs to order from {len(result.orders)} suppliers, "  # type: ignore[attr-defined]
            f"{len(result.without_supplier):,} without a preferred supplier; medians of "  # type: ignore[attr-defined]
            f"{runs} alternating runs (best {min(times['suggest']):.2f} s vs "
            f"{min(times['query']):.2f} s)")
    return [Row(f"purchasing: suggest ({result.skus_checked // 1000}k SKUs)", "s",  # type: ignore[attr-defined]
                median(times["suggest"]), median(times["query"]),
                "the alerts' SQL pass it builds on", RATIO, note)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.suggestions_bench",
                                     description=__doc__)
    parser.add_argument("shop", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
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
