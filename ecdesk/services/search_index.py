"""Keeping the catalog search index right during bulk writes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.models import search


@contextmanager
def search_index_suspended(session: Session) -> Iterator[None]:
    """Drop the per-row index triggers, let the caller bulk-write, then rebuild the index once.

    Everything runs inside the caller's transaction (SQLite DDL is transactional), so a failure
    or a rollback leaves triggers and index exactly as they were.
    """
    for statement in search.drop_trigger_statements():
        session.execute(text(statement))
    yield
    rebuild_search_index(session)
    for statement in search.create_trigger_statements():
        session.execute(text(statement))


def rebuild_search_index(session: Session) -> None:
    for statement in search.REBUILD:
        session.execute(text(statement))
