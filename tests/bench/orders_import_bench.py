"""Importing a generated 100,000-line Shopify order export into the large demo shop, against
pandas + raw sqlite3.

The file: 100,000 line rows in Shopify's order export layout (an order's fields on its first
row, 1 to 4 lines an order), SKUs of the large demo catalog, statuses as a shop sees them (most
fulfilled, some paid, pending, refunded or cancelled). Measured: ecdesk's `read_orders_file` +
`import_orders` into a copy of the large shop with a Shopify channel added (reading, every
check, the stock check, the writes, stock movements through the ledger), and apart from that
the verified backup the import takes before it writes (it grows with the shop, not the file).
Baseline, in the same run: `pandas.read_csv(dtype=str)` of the same file plus raw
`sqlite3.executemany` of the same orders, lines and stock movements into the same tables of
another copy, in one transaction, with no checks. Memory: the peak resident memory of a child
process that only does the import.

`python -m tests.bench.orders_import_bench` prints the table; `--json` prints the rows as JSON
(for `python -m tests.bench`); `--shop FILE` uses that shop instead of the cached large one;
`--child CSV SHOP` is the memory child.
"""

from __future__ import annotations

import csv
import json
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.bench.measure import current_rss_mib, maxrss_to_mib
from tests.bench.report import Row, Target, emit

LINES = 100_000
RATIO = Target(3, on_ratio=True)
MEMORY = Target(600)
COLUMNS = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
           "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Amount", "Created at",
           "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku",
           "Lineitem discount", "Billing Name", "Cancelled at", "Refunded Amount", "Id"]
# financial status, fulfillment status, cancelled, share of orders; the ecdesk status
STATUSES = [("paid", "fulfilled", False, 70), ("paid", "unfulfilled", False, 15),
            ("pending", "unfulfilled", False, 8), ("refunded", "fulfilled", True, 5),
            ("voided", "unfulfilled", True, 2)]
STATUS_OF = {("paid", "fulfilled"): "shipped", ("paid", "unfulfilled"): "paid",
             ("pending", "unfulfilled"): "pending", ("refunded", "fulfilled"): "refunded",
             ("voided", "unfulfilled"): "cancelled"}
CHANNEL = "Shopify bench"


def catalog_skus(shop: Path, count: int = 20_000) -> list[tuple[str, str]]:
    """(SKU, price) of every fifth SKU of the shop, up to `count`."""
    conn = sqlite3.connect(f"file:{shop}?mode=ro", uri=True)
    try:
        return [(sku, f"{price / 100:.2f}") for sku, price in conn.execute(
            "SELECT sku, price FROM variants WHERE id % 5 = 0 ORDER BY id LIMIT ?", (count,))]
    finally:
        conn.close()


def generate(path: Path, skus: list[tuple[str, str]], lines: int = LINES) -> int:
    """Write the export; returns the number of orders."""
    rng = random.Random(7)
    kinds = [s for s in STATUSES for _ in range(s[3])]
    written = orders = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        while written < lines:
            orders += 1
            count = min(rng.choice((1, 1, 2, 2, 3, 4)), lines - written)
            financial, fulfillment, cancelled, _ = rng.choice(kinds)
            picked = [skus[rng.randrange(len(skus))] for _ in range(count)]
            for i, (sku, price) in enumerate(picked):
                writer.writerow(_row(orders, i, sku, price, rng, financial, fulfillment,
                                     cancelled))
            written += count
    return orders


def _row(order: int, index: int, sku: str, price: str, rng: random.Random, financial: str,
         fulfillment: str, cancelled: bool) -> list[str]:
    day, minute = divmod(order * 7, 1440)
    created = f"2025-{1 + day // 28 % 12:02d}-{1 + day % 28:02d} {minute // 60:02d}:" \
              f"{minute % 60:02d}:10 -0500"
    line = [str(rng.choice((1, 1, 1, 2, 3))), f"Item {sku}", price, sku, "0.00"]
    name, email = f"#B{order:06d}", f"buyer{order % 9000}@example.com"
    if index:
        return [name, email, *[""] * 11, *line, "", "", "", ""]
    paid = created if financial != "pending" else ""
    fulfilled = created.replace(":10 ", ":50 ") if fulfillment == "fulfilled" else ""
    return [name, email, financial, paid, fulfillment, fulfilled, "USD", "", "5.00", "0.00", "",
            "0.00", created, *line, f"Buyer {order % 9000}", created if cancelled else "",
            "0.00", str(order)]


def prepare(source: Path, target: Path) -> None:
    """A copy of the shop with a Shopify channel and negative stock allowed (set up, untimed)."""
    from ecdesk.db import open_database
    from ecdesk.services.channels import save_channel
    from ecdesk.services.stock.defaults import StockDefaults, update_stock_defaults

    shutil.copyfile(source, target)
    db = open_database(target)
    try:
        save_channel(db.uow("bench"), name=CHANNEL, kind="shopify", currency="USD")
        update_stock_defaults(db.uow("bench"), StockDefaults(allow_negative=True))
    finally:
        db.close()


def baseline(path: Path, shop: Path) -> float:
    """pandas.read_csv + sqlite3.executemany of the same orders, lines and movements, the
    fastest known way: the order search and order totals triggers dropped, the new orders
    indexed and summed in one statement each."""
    import pandas as pd

    from ecdesk.models import order_search, order_totals

    started = time.perf_counter()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    conn = sqlite3.connect(shop, isolation_level=None)
    conn.execute("BEGIN")
    channel = conn.execute("SELECT id FROM channels WHERE name = ?", (CHANNEL,)).fetchone()[0]
    ids = dict(conn.execute("SELECT sku, id FROM variants"))
    next_id = conn.execute("SELECT coalesce(max(id), 0) FROM orders").fetchone()[0]
    orders, lines, moves = [], [], []
    position = 0
    for row in frame.itertuples(index=False):
        if row[12]:  # Created at: the order's own row
            next_id, position = next_id + 1, 0
            status = STATUS_OF[row[2], row[4]]
            orders.append((next_id, channel, row[0], row[12], row[3] or None, row[5] or None,
                           status, row[18], row[1], row[6], row[8], row[20],
                           status == "shipped", row[12], row[12]))
        variant = ids[row[16]]
        lines.append((next_id, position, variant, row[13], row[15], row[17], row[15], 0))
        if orders[-1][12]:
            moves.append((variant, orders[-1][5], "sold", row[13], row[0], next_id))
        position += 1
    first = orders[0][0]
    for statement in (*order_search.drop_trigger_statements(),
                      *order_totals.drop_trigger_statements()):
        conn.execute(statement)
    conn.executemany("INSERT INTO orders (id, channel_id, number, ordered_at, paid_at, "
                     "shipped_at, status, customer_name, customer_key, currency, shipping, "
                     "platform_fees, refunded, stock_issued, source, note, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'shopify', "
                     "'', ?, ?)", orders)
    conn.executemany("INSERT INTO order_lines (order_id, position, variant_id, quantity, "
                     "unit_price, discount, line_total, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?, "
                     "?)", lines)
    conn.executemany("INSERT INTO stock_movements (variant_id, at, kind, quantity, reason, "
                     "reference, order_id) VALUES (?, ?, ?, ?, 'Order shipped', ?, ?)", moves)
    for statement in (order_search.INDEX_FROM, order_totals.FILL_FROM):
        conn.execute(statement, {"first": first})
    for statement in (*order_search.create_trigger_statements(),
                      *order_totals.create_trigger_statements()):
        conn.execute(statement)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - started


@dataclass
class Timing:
    total: float  # reading and importing, as the user waits for it
    backup: float  # of which: the verified backup taken before the bulk write
    message: str

    @property
    def without_backup(self) -> float:
        return self.total - self.backup


def ecdesk_import(path: Path, shop: Path) -> Timing:
    from ecdesk.db import open_database
    from ecdesk.services.orders_io import import_orders, read_orders_file, writer
    from ecdesk.services.settings import get_settings

    backup = writer.back_up_before_bulk
    spent: list[float] = []

    def timed_backup(*args: Any) -> Any:  # the bench's own process: timed, not changed
        started = time.perf_counter()
        try:
            return backup(*args)
        finally:
            spent.append(time.perf_counter() - started)

    db = open_database(shop)  # opening the shop is not part of the import
    writer.back_up_before_bulk = timed_backup
    try:
        zone = get_settings(db.uow("bench")).timezone
        started = time.perf_counter()
        parsed = read_orders_file(path, timezone=zone)
        result = import_orders(db.uow("bench"), parsed, channel=CHANNEL)
        seconds = time.perf_counter() - started
    finally:
        writer.back_up_before_bulk = backup
        db.close()
    return Timing(seconds, sum(spent), result.message)


def child(path: Path, shop: Path) -> None:
    before = current_rss_mib()
    ecdesk_import(path, shop)
    peak = maxrss_to_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    print(json.dumps({"before": before, "peak": peak}))


def rows(source: Path) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "orders_export.csv"
        orders = generate(path, catalog_skus(source))
        size_mib = path.stat().st_size / 2**20
        print(f"Generated {LINES:,} order lines, {orders:,} orders ({size_mib:.1f} MiB); "
              "importing...", file=sys.stderr)
        base, times = [], []
        for run in range(3):
            shop = folder / f"shop{run}.ecdesk"
            prepare(source, shop)
            base.append(baseline(path, shop))
            prepare(source, shop)
            times.append(ecdesk_import(path, shop))
            _remove(shop)
        print(times[-1].message, file=sys.stderr)
        shop = folder / "memory.ecdesk"
        prepare(source, shop)
        done = subprocess.run([sys.executable, "-m", "tests.bench.orders_import_bench",
                               "--child", str(path), str(shop)],
                              capture_output=True, text=True, check=True)
        memory = json.loads(done.stdout.strip().splitlines()[-1])
    shop_mib = source.stat().st_size / 2**20
    best = min(times, key=lambda t: t.without_backup)
    note = (f"{LINES:,} lines, {orders:,} orders, {size_mib:.0f} MiB file, into a copy of the "
            f"{shop_mib:.0f} MiB large shop: reading, every check, the writes and the stock "
            "movements; best of 3")
    return [
        Row("import 100k-line Shopify order CSV", "s", best.without_backup, min(base),
            "pandas.read_csv + sqlite3.executemany", RATIO, note),
        Row("  + its backup before the bulk write", "s", min(t.backup for t in times),
            note=f"SQLite online backup of the {shop_mib:.0f} MiB shop, checked with PRAGMA "
            "quick_check (what back_up_before_bulk does); the baseline takes none"),
        Row("  = import as the user waits for it", "s", min(t.total for t in times)),
        Row("import 100k-line Shopify order CSV, peak memory", "MiB", memory["peak"], None, "",
            MEMORY, f"peak RSS of a process that only imports, backup included (it held "
            f"{memory['before']:.0f} MiB before)"),
    ]


def _remove(shop: Path) -> None:
    """The shop and its backups folder: three 100 MiB copies need not wait for the end."""
    shop.unlink(missing_ok=True)
    shutil.rmtree(shop.parent / "backups", ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child(Path(argv[1]), Path(argv[2]))
        return 0
    if "--shop" in argv:
        source = Path(argv[argv.index("--shop") + 1])
    else:
        from tests.bench.shop import large_shop

        source = large_shop(seed=1).path
    return emit(rows(source), "--json" in argv)


if __name__ == "__main__":
    sys.exit(main())
