"""The writes a product import must make, done with nothing but pandas and raw sqlite3.

The issue's baseline stores the file's rows as text in one table without an index. A real
import also writes what the rest of ecdesk relies on: products and SKUs with their money as
integers, the shop's indexes and foreign keys, a counted stock movement per SKU with stock
(the ledger), the product tags, and the search index. This measures that work alone, the
fastest way known (plain indexes and search triggers dropped, one rebuild after), so the bench
can tell the schema's share of the time from ecdesk's own (parsing, checking, planning).
"""

from __future__ import annotations

import sqlite3
import time
from decimal import Decimal
from pathlib import Path

from ecdesk.models import search

AT = "2026-12-01 00:00:00.000000"


def required_writes(path: Path, empty_shop: Path) -> float:
    """Seconds to read `path` with pandas and write its catalog into `empty_shop` (a new shop
    file, changed in place) in one transaction."""
    import pandas as pd

    started = time.perf_counter()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    products, variants, movements, tags = _rows(frame)
    conn = sqlite3.connect(empty_shop, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN")
    plain = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN "
        "('products', 'variants', 'stock_movements', 'product_tags')").fetchall()
    for name, _ in plain:
        conn.execute(f'DROP INDEX "{name}"')
    for statement in search.drop_trigger_statements():
        conn.execute(statement)
    _insert(conn, products, variants, movements, tags)
    rebuild = [*(sql for _, sql in plain), *search.REBUILD, *search.create_trigger_statements()]
    for statement in rebuild:
        conn.execute(statement)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - started


def _rows(frame) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple[int, str]]]:
    products: list[tuple] = []
    variants: list[tuple] = []
    movements: list[tuple] = []
    tags: list[tuple[int, str]] = []
    product_of: dict[str, int] = {}
    for row in frame.itertuples(index=False):
        handle, title, body, vendor, _type, tag_text, _published, option_name, option, sku, \
            grams, quantity, price, _compare, _barcode, cost, status = row
        product_id = product_of.get(handle)
        if product_id is None:
            product_id = product_of[handle] = len(product_of) + 1
            products.append((product_id, title, handle, body, vendor, status or "draft",
                             option_name, AT, AT))
            tags.extend((product_id, t.strip()) for t in tag_text.split(",") if t.strip())
        variant_id = len(variants) + 1
        variants.append((variant_id, product_id, variant_id, sku, option, int(float(grams)),
                         _cents(cost), _cents(price), int(quantity)))
        if int(quantity):
            movements.append((variant_id, AT, int(quantity), "Stock level from file", "file"))
    return products, variants, movements, tags


def _cents(text: str) -> int:
    return int(Decimal(text) * 100)


def _insert(conn: sqlite3.Connection, products: list[tuple], variants: list[tuple],
            movements: list[tuple], tags: list[tuple[int, str]]) -> None:
    conn.executemany(
        "INSERT INTO products (id, title, handle, description, brand, status, option1_name, "
        "option2_name, option3_name, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, '', '', ?, ?)", products)
    conn.executemany(
        "INSERT INTO variants (id, product_id, position, sku, option1, option2, option3, "
        "weight_grams, unit_cost, price, archived, on_hand) "
        "VALUES (?, ?, ?, ?, ?, '', '', ?, ?, ?, 0, ?)", variants)
    conn.executemany(
        "INSERT INTO stock_movements (variant_id, at, kind, quantity, reason, reference) "
        "VALUES (?, ?, 'counted', ?, ?, ?)", movements)
    names = sorted({name for _, name in tags})
    conn.executemany("INSERT INTO tags (name) VALUES (?)", [(n,) for n in names])
    tag_id = dict(conn.execute("SELECT name, id FROM tags"))
    conn.executemany("INSERT INTO product_tags (product_id, tag_id) VALUES (?, ?)",
                     [(pid, tag_id[name]) for pid, name in tags])
