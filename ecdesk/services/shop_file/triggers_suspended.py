"""Suspending the triggers that keep derived data in step, for the length of a bulk load.

The catalog search index, the order search index and the orders' stored totals are kept by
triggers that fire once per row; a bulk load drops them, writes, brings the derived data up to
date in a statement or two, and creates them again (see the callers for the measured gains).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session


@contextmanager
def triggers_suspended(session: Session, drop: Sequence[str], create: Sequence[str],
                       catch_up: Sequence[str], params: dict[str, Any] | None = None
                       ) -> Iterator[None]:
    """Run `drop`, let the caller write, then `catch_up` (with `params`) and `create`.

    Everything runs inside the caller's transaction (SQLite DDL is transactional), so a failure
    or a rollback leaves the triggers and the derived data exactly as they were.
    """
    for statement in drop:
        session.execute(text(statement))
    yield
    for statement in (*catch_up, *create):
        session.execute(text(statement), params or {})
