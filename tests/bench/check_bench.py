"""Inserting stock movements under the kind's CHECK written as IN (...) and as ORs (revision 0012).

`python -m tests.bench.check_bench [--rows 1000000] [--runs 3]`: raw sqlite3 `executemany` of
the same rows into the shop's stock_movements table as a new shop defines it (ORs), into the
same table with the rule written `kind IN (...)` (before 0012), and into one without the CHECK
(the floor). Medians of `--runs`, each into a fresh in-memory database.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

from ecdesk.db import open_database
from tests.bench.measure import median, time_once
from tests.bench.report import Row, render

KINDS = ("received", "sold", "returned", "adjusted", "counted", "written_off")


def movements_sql() -> str:
    """stock_movements as a new shop defines it, without its foreign keys (nothing to point
    at in an empty database)."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "new.ecdesk"
        open_database(path).close()
        conn = sqlite3.connect(path)
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'stock_movements'"
                              ).fetchone()
        conn.close()
    return re.sub(r",\s*CONSTRAINT fk_\w+ FOREIGN KEY\([^)]*\) REFERENCES \w+ \(id\)", "", sql)


def as_in(sql: str) -> str:
    ors = re.search(r"CHECK \(((?:kind = '[^']*'(?: OR )?)+)\)", sql)
    assert ors is not None, "the new shop's rule is not written as ORs"
    values = re.findall(r"'[^']*'", ors.group(1))
    return sql.replace(ors.group(0), f"CHECK (kind IN ({', '.join(values)}))")


def insert(sql: str, rows: list[tuple[object, ...]]) -> float:
    conn = sqlite3.connect(":memory:")
    conn.execute(sql)
    seconds = time_once(lambda: conn.executemany(
        "INSERT INTO stock_movements (variant_id, at, kind, quantity, reason, reference) "
        "VALUES (?, ?, ?, ?, ?, ?)", rows))
    conn.close()
    return seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.check_bench", description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    ors = movements_sql()
    plain = re.sub(r",\s*CONSTRAINT ck_\w+ CHECK \([^)]*\)", "", ors)
    rows = [(n % 1000 + 1, "2026-01-01 00:00:00.000000", KINDS[n % len(KINDS)], 1, "", "")
            for n in range(args.rows)]
    figures = {name: median([insert(sql, rows) for _ in range(args.runs)])
               for name, sql in (("or", ors), ("in", as_in(ors)), ("none", plain))}
    n = f"{args.rows:,} movements, median of {args.runs}"
    print(render([
        Row("insert movements, CHECK as ORs (now)", "s", figures["or"], figures["in"],
            "CHECK as kind IN (...), before", note=n),
        Row("  floor: the same table without the CHECK", "s", figures["none"], figures["in"],
            "CHECK as kind IN (...), before", note=n),
    ]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
