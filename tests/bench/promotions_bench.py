"""The checks before promotions start on the large shop: 200 promotions over 100,000 SKUs.

On a copy of the large shop, 200 scheduled promotions are written (deterministic per seed):
windows of 2 to 9 days starting every 1.5 days from tomorrow, so each meets a few others; one
or two of the four channels; scopes of every kind (a few over the whole shop, categories,
brands, tags, products, SKUs); percent off, amount off, promotional prices, 满减 tiers and
multi-buys; some stackable. Every SKU's compare-at price is what the demo gave it.

- ecdesk: `check_promotions` (the three checks' SQL, the promotions' names, the margin floor,
  findings grouped per promotion and channel), median of `--runs`;
- baseline: one hand-written SQL per check through raw sqlite3 on the same file in the same
  run (written here, not taken from ecdesk: scope expansion, pairs, prices and fees, the seven
  days before), its rows fetched; the median of the sum of the three.
The two must find the same rows (overlapping SKUs, SKUs under cost or floor, misleading "was"
prices), or the benchmark fails. Target: ecdesk within 2x of the baseline.

`python -m tests.bench.promotions_bench [SHOP] [--runs 3] [--promotions 200] [--json]`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from ecdesk.db import open_database
from ecdesk.services.promotions.checks import Check, check_promotions, stored_time
from ecdesk.services.promotions.terms import Terms, Tier
from tests.bench.measure import median
from tests.bench.report import Row, Target, render

RATIO = Target(2.0, on_ratio=True)
PROMOTIONS = 200
M = 1_000_000

# -- the promotions ----------------------------------------------------------------------------
INSERT = (
    "INSERT INTO promotions (id, name, status, kind, params, starts_at, ends_at, time_zone, "
    "daily_from, daily_to, scope, scope_id, scope_text, funded_by, seller_share, stacking, "
    "priority, coupon_code, notes, created_at, updated_at) VALUES (?, ?, 'scheduled', ?, ?, ?, "
    "?, 'Asia/Shanghai', '', '', ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?)")


def _scope(n: int, rng: random.Random, conn: sqlite3.Connection) -> tuple[str, int | None, str]:
    if n % 50 == 0:
        return "all", None, ""
    kind = ("category", "brand", "tag", "product", "sku")[n % 5]
    if kind == "brand":
        brands = [b for (b,) in conn.execute("SELECT DISTINCT brand FROM products "
                                             "WHERE brand != '' ORDER BY brand")]
        return kind, None, rng.choice(brands)
    table = {"category": "categories", "tag": "tags", "product": "products",
             "sku": "variants"}[kind]
    (count,) = conn.execute(f"SELECT max(id) FROM {table}").fetchone()
    return kind, rng.randint(1, count), ""


def _terms(n: int, rng: random.Random) -> tuple[str, Terms]:
    kind = ("percent_off", "amount_off", "fixed_price", "basket_tiers", "multi_buy")[n % 5]
    if kind == "percent_off":
        return kind, Terms(rate=Decimal(rng.choice((10, 20, 30, 50))) / 100)
    if kind == "amount_off":
        return kind, Terms(amount=Decimal(rng.choice((5, 10, 20))))
    if kind == "fixed_price":
        return kind, Terms(amount=Decimal(rng.choice((9, 19, 49, 99))) + Decimal("0.90"))
    if kind == "basket_tiers":
        return kind, Terms(tiers=(Tier(Decimal(200), Decimal(30)), Tier(Decimal(300),
                                                                        Decimal(50))))
    return kind, Terms(every=2, rate=Decimal("0.5"))


def add_promotions(path: Path, seed: int, now: datetime, count: int = PROMOTIONS) -> None:
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    channels = [c for (c,) in conn.execute("SELECT id FROM channels ORDER BY id")]
    stamp = stored_time(now)
    rows, links = [], []
    for n in range(1, count + 1):
        starts = now + timedelta(days=1 + 1.5 * n)
        ends = starts + timedelta(days=rng.randint(2, 9))
        kind, terms = _terms(n, rng)
        scope, scope_id, scope_text = _scope(n, rng, conn)
        funded = rng.choice(("seller", "seller", "platform", "shared"))
        share = {"seller": M, "platform": 0}.get(funded, 600_000)
        rows.append((n, f"Bench promotion {n}", kind, terms.to_json(), stored_time(starts),
                     stored_time(ends), scope, scope_id, scope_text, funded, share,
                     rng.choice(("exclusive", "stackable")), rng.randint(1, 3), stamp, stamp))
        links += [(n, c) for c in rng.sample(channels, rng.choice((1, 2)))]
    with conn:
        conn.execute("DELETE FROM promotion_channels")
        conn.execute("DELETE FROM promotions")
        conn.executemany(INSERT, rows)
        conn.executemany("INSERT INTO promotion_channels (promotion_id, channel_id) "
                         "VALUES (?, ?)", links)
    conn.close()


# -- the baseline: one hand-written SQL per check ------------------------------------------------
EXPANDED = """
WITH RECURSIVE p AS (SELECT * FROM promotions WHERE status <> 'cancelled' AND ends_at > :now),
tree(root, id) AS (SELECT id, id FROM categories
                   UNION ALL SELECT tree.root, c.id FROM categories c JOIN tree
                   ON c.parent_id = tree.id),
pv(pid, vid) AS (
    SELECT p.id, v.id FROM p CROSS JOIN variants v WHERE p.scope = 'all'
    UNION ALL SELECT p.id, p.scope_id FROM p WHERE p.scope = 'sku'
    UNION ALL SELECT p.id, v.id FROM p JOIN variants v ON v.product_id = p.scope_id
        WHERE p.scope = 'product'
    UNION ALL SELECT p.id, v.id FROM p JOIN products pr ON p.scope = 'brand'
        AND lower(pr.brand) = lower(p.scope_text) JOIN variants v ON v.product_id = pr.id
    UNION ALL SELECT p.id, v.id FROM p JOIN tree t ON p.scope = 'category' AND t.root = p.scope_id
        JOIN products pr ON pr.category_id = t.id JOIN variants v ON v.product_id = pr.id
    UNION ALL SELECT p.id, v.id FROM p JOIN product_tags pt ON p.scope = 'tag'
        AND pt.tag_id = p.scope_id JOIN variants v ON v.product_id = pt.product_id),
pl AS (
    SELECT pv.pid, pc.channel_id AS ch, v.id AS vid, v.sku, v.unit_cost AS cost,
           v.compare_at_price AS was, coalesce(l.channel_price, v.price) AS regular
    FROM pv JOIN variants v ON v.id = pv.vid AND v.archived = 0
    JOIN products pr ON pr.id = v.product_id AND pr.status <> 'archived'
    JOIN promotion_channels pc ON pc.promotion_id = pv.pid
    JOIN listings l ON l.variant_id = v.id AND l.channel_id = pc.channel_id)"""

BASE_OVERLAPS = EXPANDED + """
SELECT a.id, b.id, x.ch, x.sku FROM p a JOIN p b ON a.id < b.id
    AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
JOIN pl x ON x.pid = a.id JOIN pl y ON y.pid = b.id AND y.ch = x.ch AND y.vid = x.vid"""

# The unit's promotional price; what the seller receives of it (the platform's part of the
# discount added back); fees on the price after discounts or before, as the channel says.
BASE_FLOOR = EXPANDED + """,
q AS (
    SELECT p.id, x.ch, x.sku, x.cost, x.regular, p.seller_share AS share,
        CASE p.kind
            WHEN 'percent_off' THEN (x.regular * (1000000 - CAST(round(json_extract(p.params,
                '$.rate') * 1000000) AS INTEGER)) + 500000) / 1000000
            WHEN 'amount_off' THEN max(x.regular - CAST(round(json_extract(p.params,
                '$.amount') * 100) AS INTEGER), 0)
            ELSE min(x.regular, CAST(round(json_extract(p.params, '$.amount') * 100)
                AS INTEGER)) END AS promo
    FROM p JOIN pl x ON x.pid = p.id
    WHERE p.kind IN ('percent_off', 'amount_off', 'fixed_price')),
r AS (
    SELECT q.*, q.regular - ((q.regular - q.promo) * q.share + 500000) / 1000000 AS got,
        CASE c.fee_basis WHEN 'before_discounts' THEN q.regular ELSE q.promo END AS base,
        c.commission_rate AS cr, c.payment_fee_rate AS pr, c.per_order_fee + c.per_unit_fee
            AS fixed
    FROM q JOIN channels c ON c.id = q.ch)
SELECT id, ch, sku FROM r
WHERE cost > 0 AND (got <= 0 OR (got - cost - ((base * cr + 500000) / 1000000
    + (base * pr + 500000) / 1000000 + fixed)) * 1000000 < got * :floor)"""

BASE_REFERENCE = EXPANDED + """,
w AS (SELECT p.id, x.ch, x.vid, x.sku, x.was, p.starts_at FROM p JOIN pl x ON x.pid = p.id
      WHERE x.was IS NOT NULL),
ref AS (
    SELECT w.*, (SELECT min(ol.line_total * 1.0 / ol.quantity) FROM order_lines ol
                 JOIN orders o ON o.id = ol.order_id
                 WHERE ol.variant_id = w.vid AND o.channel_id = w.ch
                   AND o.status <> 'cancelled' AND ol.quantity > 0
                   AND o.ordered_at >= datetime(w.starts_at, '-7 days')
                   AND o.ordered_at < w.starts_at) AS low7,
                (SELECT ol.line_total * 1.0 / ol.quantity FROM order_lines ol
                 JOIN orders o ON o.id = ol.order_id
                 WHERE ol.variant_id = w.vid AND o.channel_id = w.ch
                   AND o.status <> 'cancelled' AND ol.quantity > 0
                   AND o.ordered_at < w.starts_at
                 ORDER BY o.ordered_at DESC, ol.id DESC LIMIT 1) AS last
    FROM w)
SELECT id, ch, sku FROM ref WHERE coalesce(low7, last) IS NOT NULL
    AND was > coalesce(low7, last)"""


def baseline(path: Path, now: datetime, floor: int) -> tuple[float, dict[str, int]]:
    """Seconds for the three hand-written queries, and the rows each found."""
    conn = sqlite3.connect(path)
    params = {"now": stored_time(now), "floor": floor}
    start = time.perf_counter()
    found = {name: len(conn.execute(sql, params).fetchall()) for name, sql in (
        ("overlap", BASE_OVERLAPS), ("floor", BASE_FLOOR), ("reference", BASE_REFERENCE))}
    seconds = time.perf_counter() - start
    conn.close()
    return seconds, found


def ecdesk_checks(path: Path, now: datetime) -> tuple[float, dict[str, int]]:
    db = open_database(path)
    try:
        start = time.perf_counter()
        findings = check_promotions(db.uow("bench"), now=now)
        seconds = time.perf_counter() - start
    finally:
        db.close()
    found = {"overlap": 0, "floor": 0, "reference": 0}
    for finding in findings:
        key = {Check.OVERLAP: "overlap", Check.REFERENCE_PRICE: "reference"}.get(
            finding.check, "floor")
        found[key] += len(finding.skus)
    return seconds, found


def floor_of(path: Path) -> int:
    db = open_database(path)
    try:
        from ecdesk.services.pricing.price_settings import read_price_settings

        with db.uow("bench") as uow:
            return int(read_price_settings(uow.session).min_margin * M)
    finally:
        db.close()


def measure(shop: Path, runs: int, seed: int, count: int = PROMOTIONS) -> list[Row]:
    now = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory() as folder:
        print(f"Copying {shop.name} and writing {count} promotions ...", file=sys.stderr,
              flush=True)
        copy = Path(folder) / "promotions.ecdesk"
        shutil.copyfile(shop, copy)
        open_database(copy).close()  # migrated to this schema before anything is timed
        add_promotions(copy, seed, now, count)
        floor = floor_of(copy)
        ours, theirs = [], []
        for run in range(runs):
            seconds, found = ecdesk_checks(copy, now)
            ours.append(seconds)
            base_seconds, base_found = baseline(copy, now, floor)
            theirs.append(base_seconds)
            print(f"run {run + 1}: ecdesk {seconds:.1f} s, hand-written SQL "
                  f"{base_seconds:.1f} s", file=sys.stderr, flush=True)
            if found != base_found:
                raise SystemExit(f"the checks disagree: ecdesk {found}, hand-written SQL "
                                 f"{base_found}")
    note = (f"{count} promotions, median of {runs}; rows found: "
            + ", ".join(f"{k} {v:,}" for k, v in found.items()))
    return [Row("promotion checks (overlaps, floor, reference price)", "s", median(ours),
                median(theirs), "hand-written SQL per check, raw sqlite3", RATIO, note)]


def main(argv: list[str]) -> int:
    from tests.bench.shop import CACHE

    parser = argparse.ArgumentParser(prog="python -m tests.bench.promotions_bench",
                                     description=__doc__)
    parser.add_argument("shop", nargs="?", type=Path, default=CACHE / "large.ecdesk")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--promotions", type=int, default=PROMOTIONS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = measure(args.shop, args.runs, args.seed, args.promotions)
    if args.json:
        print(json.dumps([row.to_json() for row in rows]))
    else:
        print(render(rows))
    return 0 if all(row.verdict != "FAIL" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
