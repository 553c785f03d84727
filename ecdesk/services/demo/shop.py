"""A realistic, deterministic demo shop: the same seed and moment give the same shop.

`DEMO_GENERATORS` lists what fills it, in order, one generator per capability: the shop's
settings, the catalog (Core executemany of tuples: the ORM would be 10x slower; the search
index rebuilt once at the end), then a year of orders and the stock ledger around them (one
generator: the stock planner is told of every movement the orders cause). A new capability
adds its generator to the list; each draws from its own random stream, so one added at the end
changes nothing before it. The file is built under a temporary name and renamed into place, so
an interrupted run never leaves a half-made shop behind.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import Connection

from ecdesk.db import Database, open_database, read_only_uri
from ecdesk.errors import EcdeskError
from ecdesk.models.audit import record_bulk
from ecdesk.money import to_minor_units
from ecdesk.services.catalog.barcodes import check_digit
from ecdesk.services.demo.catalog import assign_popularity, read_catalog
from ecdesk.services.demo.customer_profiles import add_customers
from ecdesk.services.demo.orders import DemoClock, OrderWriter
from ecdesk.services.demo.pricing import add_pricing
from ecdesk.services.demo.promotions import add_promotions
from ecdesk.services.demo.purchasing import write_purchasing
from ecdesk.services.demo.stock import (
    StockPlanner,
    cache_on_hand,
    date_new_products,
    write_stock,
)
from ecdesk.services.demo.targets import choose_targets
from ecdesk.services.demo.tickets import add_after_sales
from ecdesk.services.settings import update_settings
from ecdesk.services.shop_file.bulk_indexes import plain_indexes_dropped
from ecdesk.services.shop_file.sqlite_only import (
    catalog_search_suspended,
    order_search_suspended,
    order_totals_suspended,
)

# Bump when the generated content changes: the benchmark's cached large shop is keyed on it.
DEMO_VERSION = 8
TIMEZONE = "Asia/Shanghai"
GENERATED_AT = "demo.generated_at"  # setting: the moment the demo year ends
BULK_TABLES = ("orders", "order_lines", "stock_movements")


@dataclass(frozen=True)
class DemoScale:
    skus: int  # a product has 1 to 6 of them
    order_lines: int  # over the year


SCALES = {"small": DemoScale(800, 12_000), "large": DemoScale(100_000, 1_000_000)}
# The catalog was set up before the year of orders began.
CATALOG_SET_UP = datetime(2025, 1, 5, 1, 0, tzinfo=UTC)

CATEGORIES = {
    "服装 Clothing": {
        "T恤 T-shirts": ["纯棉圆领T恤 Cotton crew tee", "宽松印花T恤 Oversized print tee",
                         "速干运动T恤 Quick-dry sports tee", "亚麻短袖衫 Linen shirt"],
        "卫衣 Hoodies": ["加绒连帽卫衣 Fleece hoodie", "拉链开衫卫衣 Zip hoodie"],
        "裤子 Trousers": ["直筒牛仔裤 Straight jeans", "休闲工装裤 Cargo trousers"],
    },
    "家居 Home": {
        "厨房 Kitchen": ["不锈钢保温杯 Steel vacuum flask", "陶瓷马克杯 Ceramic mug",
                         "竹制砧板 Bamboo chopping board"],
        "收纳 Storage": ["折叠收纳箱 Folding storage box", "桌面收纳盒 Desk organiser"],
    },
    "数码配件 Electronics": {
        "手机配件 Phone accessories": ["氮化镓快充头 GaN charger", "磁吸手机壳 Magnetic phone case",
                                       "编织数据线 Braided USB-C cable"],
        "音频 Audio": ["蓝牙耳机 Bluetooth earbuds", "便携音箱 Portable speaker"],
    },
    "美妆 Beauty": {
        "护肤 Skincare": ["玻尿酸精华 Hyaluronic serum", "氨基酸洁面 Amino cleanser",
                          "防晒霜 SPF50 Sunscreen"],
    },
    "运动户外 Outdoor": {
        "骑行 Cycling": ["骑行手套 Cycling gloves", "自行车尾灯 Bike rear light"],
        "露营 Camping": ["轻量帐篷 Lightweight tent", "折叠露营椅 Folding camp chair"],
    },
}
BRANDS = ["山河 Shanhe", "木子 Muzi", "Northwind", "青禾 Qinghe", "Polar Fox", "小满 Xiaoman"]
COLOURS = ["黑 Black", "白 White", "灰 Grey", "藏青 Navy", "绿 Green", "红 Red"]
SIZES = ["S", "M", "L", "XL", "XXL"]
CAPACITIES = ["350ml", "500ml", "750ml"]
TAGS = ["新品 new", "爆款 bestseller", "清仓 clearance", "礼品 gift", "618", "双11"]
CHANNELS = [  # name, kind, commission, payment fee, share of SKUs listed
    ("天猫旗舰店 Tmall", "tmall", "0.050", "0.006", 0.9),
    ("京东 JD", "jd", "0.080", "0.006", 0.7),
    ("拼多多 Pinduoduo", "pinduoduo", "0.006", "0.000", 0.6),
    ("官网 Own site", "own_site", "0.000", "0.029", 0.5),
]


@dataclass(frozen=True)
class DemoSummary:
    path: Path
    products: int
    variants: int
    listings: int
    orders: int = 0
    order_lines: int = 0
    customers: int = 0
    tickets: int = 0
    returns: int = 0
    refunds: int = 0


@dataclass(frozen=True)
class DemoJob:
    """What every demo generator is given: the shop being made and what it is made from."""

    db: Database
    seed: int
    scale: DemoScale
    clock: DemoClock


@dataclass(frozen=True)
class DemoGenerator:
    capability: str
    run: Callable[[DemoJob], Mapping[str, int]]  # writes its part; returns what it counted


def create_demo_shop(path: Path, *, scale: str | DemoScale = "small", seed: int = 1,
                     force: bool = False, now: datetime | None = None) -> DemoSummary:
    """Write a demo shop to `path`: its year of orders ends at `now` (default: this minute)."""
    size = SCALES.get(scale) if isinstance(scale, str) else scale
    if size is None:
        raise EcdeskError(f"Unknown scale '{scale}': use small or large")
    path = Path(path)
    if path.exists() and not force:
        raise EcdeskError(f"{path} already exists; choose another file or use --force")
    if now is not None and now.tzinfo is None:
        raise EcdeskError("The demo's end moment needs a time zone")
    clock = DemoClock.at(now or datetime.now(UTC).replace(second=0, microsecond=0), TIMEZONE)
    partial = path.with_name(path.name + ".partial")
    for leftover in _sqlite_files(partial):
        leftover.unlink(missing_ok=True)
    db = open_database(partial)
    counts: dict[str, int] = {}
    try:
        job = DemoJob(db, seed, size, clock)
        for generator in DEMO_GENERATORS:
            counts.update(generator.run(job))
        db.analyze()
    finally:
        db.close()
    for target in _sqlite_files(path):
        target.unlink(missing_ok=True)
    partial.replace(path)
    return DemoSummary(path, **{f.name: counts.get(f.name, 0) for f in fields(DemoSummary)
                                if f.name != "path"})


def generated_at(path: Path) -> datetime | None:
    """The moment a demo file's year of orders ends (None for a shop that is not a demo)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (GENERATED_AT,)).fetchone()
    finally:
        conn.close()
    return datetime.fromisoformat(row[0]) if row else None


def _catalog_stamp(clock: DemoClock) -> str:
    first_order = datetime.fromtimestamp(clock.midnight(clock.days()[0]), UTC)
    return min(CATALOG_SET_UP, first_order - timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S.%f")


def _write_settings(job: DemoJob) -> Mapping[str, int]:
    update_settings(job.db.uow("demo"), shop_name="演示小店 Demo Shop", currency="CNY",
                    timezone=TIMEZONE, min_margin="0.25")
    return {}


def _write_catalog(job: DemoJob) -> Mapping[str, int]:
    products, variants, listings = _fill(job.db, random.Random(job.seed), job.scale.skus,
                                         _catalog_stamp(job.clock))
    return {"products": products, "variants": variants, "listings": listings}


def _write_sales(job: DemoJob) -> Mapping[str, int]:
    orders, lines = _add_sales(job.db, random.Random(f"sales-{job.seed}"),
                               job.scale.order_lines, job.clock)
    return {"orders": orders, "order_lines": lines}


def _add_sales(db: Database, rng: random.Random, line_count: int,
               clock: DemoClock) -> tuple[int, int]:
    """A year of orders and the stock ledger around them, in one transaction."""
    with db.uow("demo") as uow:
        conn = uow.session.connection()
        catalog = read_catalog(conn)
        assign_popularity(rng, catalog)
        planner = StockPlanner(rng, catalog, clock)
        first = conn.exec_driver_sql("SELECT coalesce(max(id), 0) + 1 FROM orders").scalar_one()
        with (plain_indexes_dropped(conn, BULK_TABLES), order_search_suspended(uow.session, first),
              order_totals_suspended(uow.session, first)):
            tally = OrderWriter(conn, rng, catalog, clock, planner).write_year(line_count)
            planner.plan_losses()
            targets = choose_targets(rng, catalog, tally, planner.last_outflow)
            stock = write_stock(conn, planner, targets)
        cache_on_hand(conn, planner)
        date_new_products(conn, clock)
        moment = datetime.fromtimestamp(clock.now, UTC).isoformat()
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES (?, ?)",
                             (GENERATED_AT, moment))
        record_bulk(uow.session, "orders", {"orders": tally.orders, "order_lines": tally.lines,
                                            **stock})
        uow.commit()
    return tally.orders, tally.lines


def _write_after_sales(job: DemoJob) -> Mapping[str, int]:
    with job.db.uow("demo") as uow:
        counts = add_after_sales(uow.session, random.Random(f"tickets-{job.seed}"), job.clock)
        uow.commit()
    return counts


def _write_customers(job: DemoJob) -> Mapping[str, int]:
    with job.db.uow("demo") as uow:
        created = add_customers(uow.session, random.Random(f"customers-{job.seed}"))
        uow.commit()
    return {"customers": created}


def _write_purchasing(job: DemoJob) -> Mapping[str, int]:
    return write_purchasing(job.db, random.Random(f"purchasing-{job.seed}"), job.clock)


# In the order they run: each capability's rows can lean on those written before it.
DEMO_GENERATORS = (
    DemoGenerator("settings", _write_settings),
    DemoGenerator("catalog", _write_catalog),
    DemoGenerator("orders and stock", _write_sales),
    DemoGenerator("customers", _write_customers),
    DemoGenerator("after-sales", _write_after_sales),
    DemoGenerator("pricing", lambda job: add_pricing(job.db, job.seed)),
    DemoGenerator("purchasing", _write_purchasing),
    DemoGenerator("promotions", lambda job: add_promotions(job.db, job.seed, job.clock.today)),
)


def _sqlite_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _fill(db: Database, rng: random.Random, sku_count: int, now: str) -> tuple[int, int, int]:
    with db.uow("demo") as uow:
        conn = uow.session.connection()
        category_ids = _insert_categories(conn)
        tag_count = len(TAGS)
        _executemany(conn, "INSERT INTO tags (id, name) VALUES (?, ?)",
                     list(enumerate(TAGS, start=1)))
        _executemany(conn, "INSERT INTO channels (id, name, kind, currency, commission_rate, "
                     "payment_fee_rate, position, archived) VALUES (?, ?, ?, 'CNY', ?, ?, ?, 0)",
                     [(i, name, kind, _rate(comm), _rate(fee), i) for i, (name, kind, comm, fee, _)
                      in enumerate(CHANNELS, start=1)])
        products, variants, listings, tags = [], [], [], []
        product_id = 0
        while len(variants) < sku_count:
            product_id += 1
            product, product_variants = _product(rng, product_id, category_ids, now, len(variants))
            product_variants = product_variants[: sku_count - len(variants)]
            products.append(product)
            variants.extend(product_variants)
            for variant in product_variants:
                listings.extend(_listings(rng, variant, len(listings)))
            tags.extend((product_id, t) for t in rng.sample(range(1, tag_count + 1),
                                                              rng.choice((0, 1, 1, 2))))
        with catalog_search_suspended(uow.session):
            _executemany(conn, "INSERT INTO products (id, title, handle, description, brand, "
                         "category_id, status, option1_name, option2_name, option3_name, "
                         "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
                         products)
            _executemany(conn, "INSERT INTO variants (id, product_id, position, sku, option1, "
                         "option2, option3, barcode, weight_grams, unit_cost, price, "
                         "compare_at_price, archived, on_hand) "
                         "VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, 0, 0)",
                         [v[:11] for v in variants])
            _executemany(conn, "INSERT INTO listings (id, variant_id, channel_id, channel_item_id, "
                         "channel_title, channel_price, status, changed_at) "
                         f"VALUES (?, ?, ?, ?, ?, ?, ?, '{now}')", listings)
            _executemany(conn, "INSERT INTO product_tags (product_id, tag_id) VALUES (?, ?)", tags)
        record_bulk(uow.session, "demo", {"products": len(products), "variants": len(variants),
                                          "listings": len(listings)})
        uow.commit()
    return len(products), len(variants), len(listings)


def _executemany(conn: Connection, sql: str, rows: list[tuple]) -> None:
    conn.exec_driver_sql(sql, rows) if rows else None


def _rate(text_rate: str) -> int:
    return int(Decimal(text_rate) * 1_000_000)


def _insert_categories(conn: Connection) -> list[tuple[int, list[str]]]:
    """Insert the tree; return (leaf category id, product names) pairs."""
    rows, leaves, next_id = [], [], 1
    for top, children in CATEGORIES.items():
        top_id = next_id
        rows.append((top_id, None, top, top))
        next_id += 1
        for child, names in children.items():
            rows.append((next_id, top_id, child, f"{top} > {child}"))
            leaves.append((next_id, names))
            next_id += 1
    _executemany(conn, "INSERT INTO categories (id, parent_id, name, path) VALUES (?, ?, ?, ?)",
                 rows)
    return leaves


def _product(rng: random.Random, product_id: int, leaves: list[tuple[int, list[str]]], now: str,
             first_variant: int) -> tuple[tuple, list[tuple]]:
    category_id, names = rng.choice(leaves)
    name = rng.choice(names)
    brand = rng.choice(BRANDS)
    title = f"{brand.split()[0]} {name}" + (f" {product_id}" if product_id > len(names) else "")
    status = rng.choices(("active", "draft", "archived"), weights=(85, 10, 5))[0]
    option1, option2, values1, values2 = _options(rng, name)
    description = f"<p>{name}</p><ul><li>{brand}</li></ul>"
    product = (product_id, title, f"p-{product_id}", description, brand, category_id, status,
               option1, option2, now, now)
    base_price = Decimal(rng.choice((19, 29, 39, 49, 59, 69, 89, 99, 129, 159, 199, 299, 399)))
    base_price -= Decimal("0.10") if rng.random() < 0.5 else Decimal("0")
    variants = []
    combos = [(a, b) for a in values1 for b in values2][: rng.randint(1, 6)]
    for position, (value1, value2) in enumerate(combos):
        variant_id = first_variant + position + 1
        price = base_price + Decimal(position % 3) * 10
        cost = (price * Decimal(rng.uniform(0.35, 0.7)).quantize(Decimal("0.01"))
                ).quantize(Decimal("0.01"), ROUND_HALF_UP)
        if rng.random() < 0.01:
            cost = price + Decimal("5")  # a loss maker, flagged in the table
        compare = None
        if rng.random() < 0.3:  # a "was" price, rounded to whole units
            compare = to_minor_units(price * Decimal("1.3")) // 100 * 100
        variants.append((variant_id, product_id, position, f"SKU-{product_id:05d}-{position + 1}",
                         value1, value2, _barcode(variant_id), rng.randint(80, 2500),
                         to_minor_units(cost), to_minor_units(price), compare, price))
    return product, variants


def _options(rng: random.Random, name: str) -> tuple[str, str, list[str], list[str]]:
    words = set(name.lower().split())  # whole words: a "steel flask" is not a "tee"
    if words & {"tee", "shirt", "hoodie", "jeans", "trousers", "gloves"}:
        return "颜色 Colour", "尺码 Size", rng.sample(COLOURS, 2), rng.sample(SIZES, 3)
    if "flask" in name or "mug" in name:
        return "颜色 Colour", "容量 Capacity", rng.sample(COLOURS, 3), rng.sample(CAPACITIES, 2)
    return "颜色 Colour", "", rng.sample(COLOURS, rng.randint(1, 4)), [""]


def _barcode(variant_id: int) -> str:
    body = f"69{variant_id:010d}"
    return body + str(check_digit(body))


def _listings(rng: random.Random, variant: tuple, first_listing: int) -> Iterator[tuple]:
    variant_id, price = variant[0], variant[-1]
    number = first_listing
    for channel_id, (_, _, _, _, share) in enumerate(CHANNELS, start=1):
        if rng.random() > share:
            continue
        number += 1
        status = rng.choices(("listed", "paused", "unlisted"), weights=(85, 10, 5))[0]
        own_price = None
        if channel_id == 3:  # Pinduoduo sells a little cheaper
            own_price = to_minor_units((price * Decimal("0.92")).quantize(Decimal("0.1")))
        item_id = f"{channel_id}{variant_id * 7919 % 10**11:011d}"
        yield (number, variant_id, channel_id, item_id, "", own_price, status)

