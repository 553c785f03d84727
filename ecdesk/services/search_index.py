"""Keeping the catalog search index right during bulk writes."""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.models import search
from ecdesk.services.shop_file.triggers_suspended import triggers_suspended


def search_index_suspended(session: Session) -> AbstractContextManager[None]:
    """Drop the per-row index triggers, let the caller bulk-write, then rebuild the index once."""
    return triggers_suspended(session, search.drop_trigger_statements(),
                              search.create_trigger_statements(), search.REBUILD)


def rebuild_search_index(session: Session) -> None:
    for statement in search.REBUILD:
        session.execute(text(statement))
