"""Checking the orders' stored line count, units and goods total against their lines.

Triggers keep the figures (ecdesk.models.order_totals); bulk loads suspend them through
ecdesk.services.shop_file.sqlite_only.order_totals_suspended.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ecdesk.models import order_totals


def order_total_mismatches(session: Session, limit: int = 20) -> list[tuple[int, str]]:
    """(id, number) of orders whose stored figures are not the sums of their lines."""
    rows = session.connection().exec_driver_sql(order_totals.MISMATCH_SQL, (limit,))
    return [(order_id, number) for order_id, number in rows]
