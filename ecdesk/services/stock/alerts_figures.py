"""The one SQL pass behind inventory alerts: each SKU's stock, sales and policy in one row.

Order lines are read once, joined to their orders and grouped by SKU: units sold in the sales
window, the last sale and the units promised to open orders. Only orders placed within the
lookback (the longer of the sales window and the dead-stock period) or still open are read:
older lines cannot change any alert. Two covering indexes (migration 0003) make that a walk
over index pages: orders by (ordered_at, status) and order lines by (order_id, variant_id,
quantity).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from ecdesk.models.orders import OPEN_STATUSES, SOLD_STATUSES
from ecdesk.services.stock.defaults import StockDefaults

# Separates channel names in one column: a character no one types into a name.
NAME_SEPARATOR = "\x1f"
# How SQLAlchemy's SQLite DateTime stores a (naive UTC) moment: text that sorts as time does.
STORED_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def _in_list(statuses: tuple[object, ...]) -> str:
    return ", ".join(f"'{status}'" for status in statuses)  # enum values, never user text


SOLD, OPEN = _in_list(SOLD_STATUSES), _in_list(OPEN_STATUSES)

SKU_FIGURES_SQL = f"""
WITH sales AS (
    SELECT ol.variant_id AS variant_id,
           SUM(CASE WHEN o.status IN ({SOLD}) AND o.ordered_at >= :window_start
                    THEN ol.quantity END) AS sold,
           MAX(CASE WHEN o.status IN ({SOLD}) THEN o.ordered_at END) AS last_sold_at,
           SUM(CASE WHEN o.status IN ({OPEN}) THEN ol.quantity END) AS committed
    FROM orders AS o CROSS JOIN order_lines AS ol ON ol.order_id = o.id
    WHERE o.ordered_at >= :lookback_start OR o.status IN ({OPEN})
    GROUP BY ol.variant_id
)
SELECT v.id, v.sku, p.title, v.option1, v.option2, v.option3, v.on_hand,
       coalesce(s.committed, 0), s.last_sold_at, coalesce(s.last_sold_at >= :dead_start, 0),
       p.created_at < :dead_start,
       CASE WHEN v.on_hand - coalesce(s.committed, 0) <= 0 THEN (
           SELECT group_concat(c.name, char(31))
           FROM listings AS l JOIN channels AS c ON c.id = l.channel_id
           WHERE l.variant_id = v.id AND l.status = 'listed' AND c.archived = 0)
       END,
       coalesce(s.sold, 0), sp.reorder_point, sp.safety_stock, sp.max_stock, sp.lead_time_days,
       sp.pack_multiple, sp.min_order_qty
FROM variants AS v JOIN products AS p ON p.id = v.product_id
LEFT JOIN sales AS s ON s.variant_id = v.id
LEFT JOIN stock_policies AS sp ON sp.variant_id = v.id
WHERE v.archived = 0 AND p.status != 'archived'
"""


class SkuRow(NamedTuple):
    """One SKU as the query returns it. The loop reads the query's plain tuples by position;
    this names the positions (and builds rows in tests)."""

    variant_id: int
    sku: str
    title: str
    option1: str
    option2: str
    option3: str
    on_hand: int
    committed: int  # units on open orders
    last_sold_at: str | None  # as stored (naive UTC text); parsed only for SKUs with alerts
    sold_recently: int  # 1: sold within the dead-stock period
    established: int  # 1: the product is older than the dead-stock period
    listed_on: str | None  # channel names joined by NAME_SEPARATOR, only when none available
    # From here on, the SKU's "plan key": its sales and its policy (None: the shop default).
    sold: int  # units sold in the sales window
    reorder_point: int | None = None
    safety_stock: int | None = None
    max_stock: int | None = None
    lead_time_days: int | None = None
    pack_multiple: int | None = None
    min_order_qty: int | None = None


PLAN_KEY = slice(SkuRow._fields.index("sold"), len(SkuRow._fields))


def sku_rows(session: Session, defaults: StockDefaults, now: datetime
             ) -> Iterable[Sequence[Any]]:
    """Every non-archived SKU with its stock, sales and policy, in one query (rows laid out as
    SkuRow). Read through the driver: 100,000 rows are the whole point of this query."""
    params = {
        "window_start": stored_text(now - timedelta(days=defaults.velocity_window_days)),
        "dead_start": stored_text(now - timedelta(days=defaults.dead_stock_days)),
        "lookback_start": stored_text(now - timedelta(days=lookback_days(defaults))),
    }
    return session.connection().exec_driver_sql(SKU_FIGURES_SQL, params)  # type: ignore[no-any-return]


def stored_text(moment: datetime) -> str:
    """A moment as the shop file stores it (naive UTC text), to compare with stored times."""
    return moment.astimezone(UTC).strftime(STORED_FORMAT)


def lookback_days(defaults: StockDefaults) -> int:
    """How far back order lines can matter: the sales window or the dead-stock period."""
    return max(defaults.velocity_window_days, defaults.dead_stock_days)
