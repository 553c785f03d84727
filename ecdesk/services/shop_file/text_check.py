"""Text that is not valid UTF-8 in a cell, found and named by its table, row and column.

SQLite stores whatever bytes it is given as text and its integrity check does not look inside:
one invalid byte in a product title passed `check` and `backup`, then every read of that row
failed (Python cannot decode it) and the window waited for a page that never came. The full
check (`check`, the daily and manual backups) reads each text column's bytes once: 0.3 s on
the small demo shop, 28 s on the large one (100,000 SKUs, 1M order lines) on a machine loaded
by other work, where its full integrity check took 87 s: a third more for the full check, which
runs off the GUI thread. It is left out of the quick check that the owner waits for.
"""

from __future__ import annotations

import sqlite3

from ecdesk.i18n import _

LIMIT = 20  # cells named per column; one is enough to act on


def _invalid(value: bytes | None) -> int:
    if value is None:
        return 0
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return 1
    return 0


def invalid_text_problems(conn: sqlite3.Connection) -> list[str]:
    """"table products row 12, column title: its text is not valid UTF-8" for each such cell."""
    conn.create_function("ecdesk_invalid_utf8", 1, _invalid, deterministic=True)
    problems: list[str] = []
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%'").fetchall()
    for table, sql in tables:
        info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        key = _row_key(info) if "WITHOUT ROWID" in sql.upper() else "rowid"
        for column in [row[1] for row in info if _holds_text(row[2])]:
            problems += [_("table {table} row {row}, column {column}: its text is not valid "
                           "UTF-8").format(table=table, row=row, column=column)
                         for (row,) in conn.execute(
                             f'SELECT {key} FROM "{table}" WHERE typeof("{column}") = \'text\' '
                             f'AND ecdesk_invalid_utf8(CAST("{column}" AS BLOB)) LIMIT {LIMIT}')]
    return problems


def _row_key(info: list[tuple]) -> str:
    """How a row of a table without rowid is named: its primary key (as hex: it may be the
    very text that does not decode)."""
    keys = [f'hex("{row[1]}")' for row in sorted(info, key=lambda r: r[5]) if row[5]]
    return " || '/' || ".join(keys) or "NULL"


def _holds_text(declared: str) -> bool:
    kind = declared.upper()
    return not kind or any(word in kind for word in ("CHAR", "TEXT", "CLOB", "JSON"))
