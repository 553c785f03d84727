"""Ways a shop file gets damaged, for the tests of the checks that must notice (backups, check).

Each helper changes a closed file (or one whose writes are all committed) with plain sqlite3 or
raw bytes, the way a crash, a bad disk or a tool other than ecdesk would.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def trample_table_page(path: Path, table: str) -> None:
    """Overwrite the first page of `table` with 0xff bytes, as a bad sector would."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND "
                            "name = ?", (table,)).fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the page must be in the main file
    finally:
        conn.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * page_size)


def unbalance_on_hand(path: Path) -> str:
    """Add 5 to the first SKU's stored on-hand without a stock movement; return the SKU."""
    with sqlite3.connect(path) as conn:
        sku = conn.execute("SELECT sku FROM variants ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE variants SET on_hand = on_hand + 5 WHERE sku = ?", (sku,))
    conn.close()
    return sku


def point_index_at_another_column(path: Path, index: str, column: str) -> None:
    """Redeclare `index` over `column` while its entries stay those of its old column.

    Every page and record stays well formed, so only the full integrity_check, which compares
    each index with its table, notices: the one damage that `PRAGMA quick_check` lets through.
    """
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = substr(sql, 1, instr(sql, '(')) || ? || ')' "
                     "WHERE type = 'index' AND name = ?", (column, index))
        conn.commit()
    finally:
        conn.close()
