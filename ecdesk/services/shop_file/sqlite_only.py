"""What only SQLite has, behind names: the module a second database implements once more.

Services outside the shop-file home never spell these themselves; they call the functions here
(tests/integration/test_sqlite_only.py fails when `PRAGMA`, `MATCH`, `fts5` or `.backup(`
appears elsewhere). A PostgreSQL shop would get its own module with the same functions:
- text search: `fts_rowids` (FTS5 trigram indexes, ecdesk.models.search and .order_search;
  pg_trgm indexes there);
- derived data kept by triggers (the search indexes, the orders' stored totals), suspended
  during bulk loads: `catalog_search_suspended`, `order_search_suspended`,
  `order_totals_suspended`, with the trigger SQL itself in the models;
- the online backup API: `ecdesk.db.backup_copy`, kept there because db.py sits below the
  services and backs a file up before migrating it; the backups here call it;
- PRAGMAs: the connection's settings in ecdesk.db, the file checks in `backups`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from sqlalchemy import Select, column, select, table, text
from sqlalchemy.orm import Session

from ecdesk.models import order_search, order_totals, search
from ecdesk.services.common.text_search import fts_phrase


def fts_rowids(index: str, words: Sequence[str]) -> Select[Any]:
    """Row ids of the full-text `index` whose text contains every word (each word three
    characters or more: the index is of trigrams).

    Each word becomes a quoted FTS5 phrase (`fts_phrase`), matched literally: the user never sees
    FTS query syntax as an error.
    """
    fts = table(index, column("rowid"), column(index))
    phrases = " ".join(fts_phrase(word) for word in words)
    return select(fts.c.rowid).where(fts.c[index].op("MATCH")(phrases))


@contextmanager
def triggers_suspended(session: Session, drop: Sequence[str], create: Sequence[str],
                       catch_up: Sequence[str], params: dict[str, Any] | None = None
                       ) -> Iterator[None]:
    """Run `drop`, let the caller write, then `catch_up` (with `params`) and `create`.

    The catalog search index, the order search index and the orders' stored totals are kept by
    triggers that fire once per row; a bulk load drops them, writes, brings the derived data up
    to date in a statement or two, and creates them again. Everything runs inside the caller's
    transaction (SQLite DDL is transactional), so a failure or a rollback leaves the triggers
    and the derived data exactly as they were.
    """
    for statement in drop:
        session.execute(text(statement))
    yield
    for statement in (*catch_up, *create):
        session.execute(text(statement), params or {})


def catalog_search_suspended(session: Session) -> AbstractContextManager[None]:
    """Drop the catalog search index's per-row triggers, let the caller bulk-write, then
    rebuild the index once."""
    return triggers_suspended(session, search.drop_trigger_statements(),
                              search.create_trigger_statements(), search.REBUILD)


def order_search_suspended(session: Session, first_order_id: int
                           ) -> AbstractContextManager[None]:
    """Drop the per-order index triggers while the caller bulk-inserts orders numbered from
    `first_order_id` on, then index those in one statement: on a shop of 700,000 orders that
    takes 14 us an order, against 250 us through the trigger (measured with raw sqlite3).

    The caller must not change the searched columns (number, customer) of older orders
    meanwhile.
    """
    return triggers_suspended(session, order_search.drop_trigger_statements(),
                              order_search.create_trigger_statements(),
                              [order_search.INDEX_FROM], {"first": first_order_id})


def order_totals_suspended(session: Session, first_order_id: int
                           ) -> AbstractContextManager[None]:
    """Drop the per-line triggers while the caller bulk-writes the lines of orders numbered
    from `first_order_id` on, then fill those orders' figures in one statement (a trigger
    updates the order once per line: 1,000,000 updates for the demo's year).

    The caller must not add lines to older orders meanwhile.
    """
    return triggers_suspended(session, order_totals.drop_trigger_statements(),
                              order_totals.create_trigger_statements(),
                              [order_totals.FILL_FROM], {"first": first_order_id})
