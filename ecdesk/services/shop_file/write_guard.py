"""The check that guards an import: the tables it reads and writes, indexes included.

The quick check a bulk change's backup runs skips the indexes, and an import of 300 rows or
fewer takes no backup at all: imports wrote into shops whose SKU indexes `check` called damaged,
and reported success. Before an import writes, `PRAGMA integrity_check(<table>)` runs on the
tables it looks SKUs and products up in: each table's pages, rows and every one of its indexes.
Measured on the large shop (100,000 SKUs, 1M order lines; 2 cores, loaded by other work at the
time): products 0.5 s, variants 1.9 s, listings 3.0 s, but orders 40 s, order_lines 12 s,
stock_movements 33 s (the whole file's quick_check 17 s, integrity_check 87 s). So the catalog
tables are checked before every import, and the order tables, too large to check each time,
are left to the daily backup's full check and to `check`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ecdesk.db import UnitOfWork, read_only_uri
from ecdesk.errors import DamagedShopError
from ecdesk.sqlite_errors import damaged_message

PRODUCT_IMPORT_TABLES = ("products", "variants", "listings")
ORDER_IMPORT_TABLES = ("variants",)  # the order lines' SKUs are looked up there


def table_problems(shop: Path, tables: tuple[str, ...]) -> list[str]:
    """What `PRAGMA integrity_check(table)` finds wrong in each of `tables` and its indexes."""
    conn = sqlite3.connect(read_only_uri(shop), uri=True)
    try:
        problems: list[str] = []
        for table in tables:
            problems += [row[0] for row in conn.execute(f"PRAGMA integrity_check({table})")
                         if row[0] != "ok"]
        return problems
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()


def refuse_to_write_into_damage(uow: UnitOfWork, tables: tuple[str, ...]) -> None:
    """Raise DamagedShopError, before anything is written, when `tables` are damaged."""
    if uow.db_path is None:
        return
    problems = table_problems(uow.db_path, tables)
    if problems:
        raise DamagedShopError(damaged_message(uow.db_path.name, problems[0]))
