"""The sales report's "Customers" section: the period's sold orders and sales by the buyer's
RFM segment (rfm.py, as of the end of the period), and the repeat customers by the Dashboard's
rule (repeat_rate.py). Rows and totals come from their own SQL and add up to the cent; orders
without a known buyer are a row of their own, so the totals are the report's order count and
sales."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.i18n import _
from ecdesk.services.customers.repeat_rate import repeat_customers
from ecdesk.services.customers.rfm import rfm_query
from ecdesk.services.customers.segments import SEGMENTS, segment_label
from ecdesk.services.reports.model import (
    COUNT,
    MONEY,
    RATE,
    TEXT,
    Column,
    Paragraph,
    Section,
    Table,
    rate,
)
from ecdesk.services.reports.sales_queries import SalesScope
from ecdesk.services.reports.scope import ReportScope

if TYPE_CHECKING:
    import pandas as pd

UNKNOWN = "unknown"  # orders without a known buyer


def customer_section(session: Session, scope: ReportScope) -> Section:
    query = SalesScope(scope.period, scope.zone, scope.currency, scope.channel_id)
    as_of = min(scope.period.utc_range(scope.zone)[1], scope.generated_at)
    frame = _by_segment(session, query, as_of)
    total = _totals(session, query)
    buyers, repeat = repeat_customers(session, query)
    share = rate(repeat, buyers)
    repeat_text = _("Repeat customers: {repeat} of the {buyers} customers who bought in the "
                    "period had bought before it or bought more than once in it ({share}), "
                    "as the Dashboard counts them.").format(
        repeat=f"{repeat:,}", buyers=f"{buyers:,}",
        share="—" if share is None else f"{share * 100:.1f} %")
    columns = (Column("segment", _("Segment at the end of the period"), TEXT, 2.6),
               Column("customers", _("Customers"), COUNT, 1.1),
               Column("orders", _("Orders"), COUNT, 1.0),
               Column("sales", _("Sales"), MONEY, 1.5),
               Column("share", _("Share of sales"), RATE, 1.1))
    table = Table("customers", _("Sales by customer segment"), columns, frame,
                  {**total, "share": rate(total["sales"], total["sales"])},
                  note=_("RFM segments as of the period's end"), width=0.75)
    return Section(_("Customers"), (table, Paragraph(repeat_text)))


def _by_segment(session: Session, query: SalesScope, as_of: object) -> pd.DataFrame:
    import pandas as pd

    # From rfm to each customer's orders (CROSS JOIN keeps that order, see rfm_query), then
    # the orders whose buyer has no segment: not known, or none as of the period's end.
    rows = session.execute(rfm_query(f"""
        SELECT r.segment AS segment, count(DISTINCT o.customer_id) AS customers,
               count(*) AS orders, coalesce(sum(o.goods_total), 0) AS sales
        FROM rfm r CROSS JOIN orders o ON o.customer_id = r.customer_id
        WHERE {query.order_filter()} GROUP BY r.segment
        UNION ALL
        SELECT '{UNKNOWN}', 0, count(*), coalesce(sum(o.goods_total), 0) FROM orders o
        WHERE {query.order_filter()} AND (o.customer_id IS NULL
                                          OR o.customer_id NOT IN (SELECT customer_id FROM rfm))
        HAVING count(*) > 0"""),
        {**query.params(), "as_of": as_of}).all()
    found = {row.segment: row for row in rows}
    total = sum(int(row.sales) for row in rows)
    ordered = [*SEGMENTS, UNKNOWN]
    return pd.DataFrame([{
        "segment": segment_label(key) or _("Buyer not known"),
        "customers": int(found[key].customers), "orders": int(found[key].orders),
        "sales": int(found[key].sales), "share": rate(int(found[key].sales), total)}
        for key in ordered if key in found],
        columns=["segment", "customers", "orders", "sales", "share"], dtype=object)


def _totals(session: Session, query: SalesScope) -> dict[str, int]:
    customers, orders, sales = session.execute(text(f"""
        SELECT count(DISTINCT o.customer_id), count(*), coalesce(sum(o.goods_total), 0)
        FROM orders o WHERE {query.order_filter()}"""), query.params()).one()
    return {"customers": int(customers), "orders": int(orders), "sales": int(sales)}
