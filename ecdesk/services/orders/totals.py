"""Keeping the orders' stored line count, units and goods total right during bulk writes."""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from ecdesk.models import order_totals
from ecdesk.services.shop_file.triggers_suspended import triggers_suspended


def order_totals_suspended(session: Session, first_order_id: int
                           ) -> AbstractContextManager[None]:
    """Drop the per-line triggers while the caller bulk-writes the lines of orders numbered
    from `first_order_id` on, then fill those orders' figures in one statement (a trigger
    updates the order once per line: 1,000,000 updates for the demo's year).

    The caller must not add lines to older orders meanwhile. Runs inside the caller's
    transaction (SQLite DDL is transactional), so a failure or a rollback leaves the triggers
    and the figures exactly as they were.
    """
    return triggers_suspended(session, order_totals.drop_trigger_statements(),
                              order_totals.create_trigger_statements(),
                              [order_totals.FILL_FROM], {"first": first_order_id})


def order_total_mismatches(session: Session, limit: int = 20) -> list[tuple[int, str]]:
    """(id, number) of orders whose stored figures are not the sums of their lines."""
    rows = session.connection().exec_driver_sql(order_totals.MISMATCH_SQL, (limit,))
    return [(order_id, number) for order_id, number in rows]
