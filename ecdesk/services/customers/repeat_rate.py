"""Repeat customers, one definition for the Dashboard tile, the Customers page and the sales
report: of the customers who bought in a period, those who had bought before it or bought more
than once in it. A customer is the customer record (handles merged into one count once); orders
without a known customer, and an exchange's replacement orders, are left out."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.services.reports.sales_queries import SalesScope
from ecdesk.services.reports.sql import SOLD_SQL


def repeat_customers(session: Session, scope: SalesScope) -> tuple[int, int]:
    """(customers who bought in the period, of them the repeat customers)."""
    sql = f"""
        WITH buyers AS (
            SELECT o.customer_id AS who, COUNT(*) AS orders FROM orders o
            WHERE {scope.order_filter()} AND o.customer_id IS NOT NULL
                  AND o.replaces_ticket_id IS NULL GROUP BY o.customer_id)
        SELECT COUNT(*),
               COALESCE(SUM(b.orders > 1 OR EXISTS (
                   SELECT 1 FROM orders e WHERE e.customer_id = b.who
                   AND e.status IN ({SOLD_SQL}) AND e.ordered_at < :start
                   AND e.replaces_ticket_id IS NULL)), 0)
        FROM buyers b"""
    customers, repeat = session.execute(text(sql), scope.params()).one()
    return int(customers), int(repeat)
