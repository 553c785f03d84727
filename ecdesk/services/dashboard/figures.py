"""The Dashboard's own figures (the rest come from the sales report's queries): repeat
purchases and the best and worst selling SKUs. Each is one SQL GROUP BY."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.services.dashboard.model import SkuFigure
from ecdesk.services.reports.sales_queries import SalesScope
from ecdesk.services.reports.sql import SOLD_SQL


def repeat_customers(session: Session, scope: SalesScope) -> tuple[int, int]:
    """(customers who bought in the period, of them those who had bought before or bought
    more than once in it). Orders without a known customer are left out."""
    params = scope.params()
    sql = f"""
        WITH buyers AS (
            SELECT o.customer_key AS who, COUNT(*) AS orders FROM orders o
            WHERE {scope.order_filter()} AND o.customer_key != '' GROUP BY o.customer_key)
        SELECT COUNT(*),
               COALESCE(SUM(b.orders > 1 OR EXISTS (
                   SELECT 1 FROM orders e WHERE e.customer_key = b.who
                   AND e.status IN ({SOLD_SQL}) AND e.ordered_at < :start)), 0)
        FROM buyers b"""
    customers, repeat = session.execute(text(sql), params).one()
    return int(customers), int(repeat)


def sku_ranking(session: Session, scope: SalesScope, limit: int = 10
                ) -> tuple[list[SkuFigure], list[SkuFigure]]:
    """The SKUs with the most and the least sales in the period (among those that sold)."""
    sql = f"""
        SELECT v.sku, p.title, SUM(l.quantity) AS units, SUM(l.line_total) AS sales,
               SUM(l.line_total - l.quantity * l.unit_cost) AS margin
        FROM orders o JOIN order_lines l ON l.order_id = o.id
        JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
        WHERE {scope.order_filter()}
        GROUP BY l.variant_id ORDER BY sales {{direction}}, v.sku LIMIT :limit"""
    params = {**scope.params(), "limit": limit}
    ranked = []
    for direction in ("DESC", "ASC"):
        rows = session.execute(text(sql.format(direction=direction)), params)
        ranked.append([SkuFigure(sku, title, int(units), int(sales), int(margin))
                       for sku, title, units, sales, margin in rows])
    return ranked[0], ranked[1]
