"""Building a table's plain indexes once after a bulk load, instead of key by key during it.

Inserting 100,000 SKUs into a table with four secondary indexes updates five B-trees per row;
creating an index afterwards sorts the keys once (measured: the SKU inserts of a 100,000-row
import take half the time). Unique indexes stay in place, since they enforce rules the load must
obey (one SKU per variant, one handle per product); only plain CREATE INDEX indexes are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection


@contextmanager
def indexes_built_after(conn: Connection, incoming: Mapping[str, int]) -> Iterator[None]:
    """Around the caller's inserts of `incoming` ({table: rows}), in the caller's transaction.

    A table's plain indexes are dropped only when it receives at least as many rows as it
    already holds: rebuilding reads the whole table, which is cheaper than row-by-row upkeep
    only when the load is that big. On an error the caller rolls back, which restores the
    dropped indexes with everything else (SQLite's DDL is transactional), so nothing is
    recreated here then.
    """
    big = [table for table, rows in incoming.items() if rows and rows >= _rows_held(conn, table)]
    with plain_indexes_dropped(conn, big):
        yield


@contextmanager
def plain_indexes_dropped(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    """Drop the tables' plain indexes around the caller's bulk load and create them again
    after it, in the caller's transaction (see indexes_built_after for why and on errors)."""
    indexes = [index for table in tables for index in plain_indexes(conn, table)]
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        conn.exec_driver_sql(sql)


def plain_indexes(conn: Connection, table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the table's non-unique indexes made by CREATE INDEX."""
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name", (table,))
    return [(name, sql) for name, sql in rows
            if not sql.lstrip().upper().startswith("CREATE UNIQUE")]


def _rows_held(conn: Connection, table: str) -> int:
    # The largest rowid bounds the row count and is read from the B-tree's edge, unlike
    # count(*), which scans a table of a million stock movements.
    return conn.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').scalar_one()
