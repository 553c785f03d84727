"""RFM scores and segments, in SQL: one home for what the Customers page, the CLI, the export,
the Dashboard tile and the sales report call a customer's segment.

Over every customer (not merged away) with at least one sold order (paid, shipped, completed
or refunded), as of a moment:
- recency R: whole days since the latest sold order; frequency F: sold orders; monetary M:
  goods + shipping - refunded, in minor units, summed over those in the shop's currency
  (an order in another currency counts for R and F only: amounts are never added across
  currencies).
- Each becomes a score 1-5 by its rank among all customers: 1 + int(5 x percent rank), 5 at
  most, where percent rank = (rank - 1) / (customers - 1) and recency is ranked oldest first.
  Equal values get equal scores (a rank, not a tile), so the many one-order buyers share F = 1.
- The segment is the first that fits, in this order:
  new (one order, placed within NEW_DAYS), high_value 高价值 (R, F and M >= 4),
  potential 潜在高价值 (R >= 4 and M >= 4, F <= 3: recent, high value, infrequent),
  at_risk (R <= 2 with F >= 4 or M >= 4: used to be good, not seen lately),
  lost 流失 (R, F and M <= 2: not recent, infrequent, low value), else regular.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

from ecdesk.models.base import UtcDateTime, utc_now
from ecdesk.services.customers.segments import SEGMENTS
from ecdesk.services.reports.sql import SOLD_SQL
from ecdesk.services.settings import read_settings

NEW_DAYS = 30

_SCORE = "min(5, 1 + CAST(5 * percent_rank() OVER (ORDER BY {value}) AS INTEGER))"

# The CTE `rfm` (customer_id, last_order_at, orders, spent, recency_days, r, f, m, segment);
# binds :as_of (UtcDateTime) and :currency (the shop's).
RFM_CTE = f"""
    sold AS (
        SELECT o.customer_id, max(o.ordered_at) AS last_order_at, count(*) AS orders,
               coalesce(sum(CASE WHEN o.currency = :currency
                                 THEN o.goods_total + o.shipping - o.refunded END), 0) AS spent
        FROM orders o JOIN customers c ON c.id = o.customer_id AND c.merged_into_id IS NULL
        WHERE o.customer_id IS NOT NULL AND o.status IN ({SOLD_SQL}) AND o.ordered_at < :as_of
          AND o.replaces_ticket_id IS NULL
        GROUP BY o.customer_id),
    aged AS (
        SELECT s.*, CAST(julianday(:as_of) - julianday(s.last_order_at) AS INTEGER)
                        AS recency_days
        FROM sold s),
    scored AS (
        SELECT a.*, {_SCORE.format(value="a.recency_days DESC")} AS r,
               {_SCORE.format(value="a.orders")} AS f,
               {_SCORE.format(value="a.spent")} AS m
        FROM aged a),
    rfm AS (
        SELECT s.*, CASE
            WHEN s.orders = 1 AND s.recency_days < {NEW_DAYS} THEN 'new'
            WHEN s.r >= 4 AND s.f >= 4 AND s.m >= 4 THEN 'high_value'
            WHEN s.r >= 4 AND s.m >= 4 AND s.f <= 3 THEN 'potential'
            WHEN s.r <= 2 AND (s.f >= 4 OR s.m >= 4) THEN 'at_risk'
            WHEN s.r <= 2 AND s.f <= 2 AND s.m <= 2 THEN 'lost'
            ELSE 'regular' END AS segment
        FROM scored s)"""

# The CTE `listed` after RFM_CTE: every live customer once, those who bought with their RFM,
# then those who never did (0 orders, no scores, segment ''). What rfm_store.py stores.
LISTED_CTE = f"""
    listed AS (
        SELECT r.customer_id AS id, r.orders, r.spent, r.last_order_at, r.recency_days,
               r.r, r.f, r.m, r.segment FROM rfm r
        UNION ALL
        SELECT c.id, 0, 0, NULL, NULL, NULL, NULL, NULL, '' FROM customers c
        WHERE c.merged_into_id IS NULL AND NOT EXISTS (
            SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status IN ({SOLD_SQL})
            AND o.ordered_at < :as_of AND o.replaces_ticket_id IS NULL))"""


def rfm_query(select_sql: str, more_ctes: str = "") -> TextClause:
    """`WITH <the RFM CTE>[, more_ctes] <select_sql>` as a text clause, :as_of bound as a UTC
    moment. (Join from `rfm` to a table, not the other way: SQLite scans a CTE with window
    functions in full for each row of an outer loop.)"""
    ctes = f"{RFM_CTE}, {more_ctes}" if more_ctes else RFM_CTE
    return text(f"WITH {ctes} {select_sql}").bindparams(
        bindparam("as_of", type_=UtcDateTime()))


def rfm_params(session: Session, as_of: datetime | None = None) -> dict[str, object]:
    """The CTE's binds: now (or `as_of`) and the shop's currency."""
    return {"as_of": as_of or utc_now(), "currency": read_settings(session).currency}


def segment_counts(session: Session, as_of: datetime | None = None) -> dict[str, int]:
    """How many customers each segment has as of any moment, computed over every order (the
    Dashboard's previous period; now is read from the stored table, rfm_store.stored_counts)."""
    rows = session.execute(rfm_query("SELECT segment, count(*) FROM rfm GROUP BY segment"),
                           rfm_params(session, as_of)).tuples().all()
    found = dict(rows)
    return {segment: int(found.get(segment, 0)) for segment in SEGMENTS}

