"""Keeping the order search index right during bulk writes (imports, the demo's year of orders)."""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from ecdesk.models import order_search
from ecdesk.services.shop_file.triggers_suspended import triggers_suspended


def order_search_suspended(session: Session, first_order_id: int
                           ) -> AbstractContextManager[None]:
    """Drop the per-order index triggers while the caller bulk-inserts orders numbered from
    `first_order_id` on, then index those in one statement: on a shop of 700,000 orders that
    takes 14 us an order, against 250 us through the trigger (measured with raw sqlite3).

    The caller must not change the searched columns (number, customer) of older orders
    meanwhile. Everything runs inside the caller's transaction (SQLite DDL is transactional),
    so a failure or a rollback leaves triggers and index exactly as they were.
    """
    return triggers_suspended(session, order_search.drop_trigger_statements(),
                              order_search.create_trigger_statements(),
                              [order_search.INDEX_FROM], {"first": first_order_id})
