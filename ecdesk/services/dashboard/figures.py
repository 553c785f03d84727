"""The Dashboard's own figures (the rest come from the sales report's queries): the best and
worst selling SKUs, one SQL GROUP BY. Repeat customers: services/customers/repeat_rate.py."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.services.dashboard.model import SkuFigure
from ecdesk.services.reports.sales_queries import SalesScope


def sku_ranking(session: Session, scope: SalesScope, limit: int = 10
                ) -> tuple[list[SkuFigure], list[SkuFigure]]:
    """The SKUs with the most and the least sales in the period (among those that sold).

    One pass over the period's lines: the sums by SKU are materialized once and both ends
    are read from them (the two rankings each summed every line before)."""
    sql = f"""
        WITH ranked AS MATERIALIZED (
            SELECT v.sku, p.title, SUM(l.quantity) AS units, SUM(l.line_total) AS sales,
                   SUM(l.line_total - l.quantity * l.unit_cost) AS margin
            FROM orders o JOIN order_lines l ON l.order_id = o.id
            JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
            WHERE {scope.order_filter()}
            GROUP BY l.variant_id)
        SELECT * FROM (SELECT 0 AS side, * FROM ranked ORDER BY sales DESC, sku LIMIT :limit)
        UNION ALL
        SELECT * FROM (SELECT 1 AS side, * FROM ranked ORDER BY sales ASC, sku LIMIT :limit)"""
    params = {**scope.params(), "limit": limit}
    ranked: tuple[list[SkuFigure], list[SkuFigure]] = ([], [])
    for side, sku, title, units, sales, margin in session.execute(text(sql), params):
        ranked[side].append(SkuFigure(sku, title, int(units), int(sales), int(margin)))
    top, bottom = ranked  # (a UNION ALL keeps no order of its own: sort each end again)
    return (sorted(top, key=lambda s: (-s.sales, s.sku)),
            sorted(bottom, key=lambda s: (s.sales, s.sku)))
