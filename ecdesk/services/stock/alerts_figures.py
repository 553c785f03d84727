"""The one SQL pass behind inventory alerts: each SKU's stock, sales and policy in one row.

Order lines are read once, joined to their orders and grouped by SKU: units sold in the sales
window, the last sale and the units promised to open orders. Only orders placed within the
lookback (the longer of the sales window and the dead-stock period) or still open are read:
older lines cannot change any alert. Two covering indexes (migration 0003) make that a walk
over index pages: orders by (ordered_at, status) and order lines by (order_id, position,
variant_id, quantity).

Only "candidates" leave SQLite: SKUs for which some alert may hold (CANDIDATE_SQL, a cheap
integer test with a margin for rounding). A SKU that sells steadily with stock well between
its reorder point and the overstock level never reaches Python; alerts_rules judges the rest
exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import column, text
from sqlalchemy.orm import Session

from ecdesk.models.orders import OPEN_STATUSES, SOLD_STATUSES
from ecdesk.services.stock.defaults import StockDefaults
from ecdesk.services.stock.position import available
from ecdesk.services.stock.position_sql import on_order_text, supply_terms_text

# Separates channel names in one column: a character no one types into a name.
NAME_SEPARATOR = "\x1f"
# How SQLAlchemy's SQLite DateTime stores a (naive UTC) moment: text that sorts as time does.
STORED_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def _in_list(statuses: tuple[object, ...]) -> str:
    return ", ".join(f"'{status}'" for status in statuses)  # enum values, never user text


SOLD, OPEN = _in_list(SOLD_STATUSES), _in_list(OPEN_STATUSES)
# The stock position's available, written on this query's columns: "(on_hand - committed)".
AVAILABLE = f"({available(column('on_hand'), column('committed'))})"

# Whether any alert may hold for a SKU, on the columns of the query below. Without a policy of
# its own (those are always judged), a SKU that sold s units in a window of W days has
# velocity s / W; with a available (below reorder looks at projected stock, a + on order, which
# is never less than a: a test on a alone lets through every SKU that may be below it):
#   stockout risk needs cover a W / s < lead (+0.05 for cover's rounding to a tenth), and
#   below reorder needs a <= ceil(s lead / W) + ceil(s safety / W) < s (lead + safety) / W + 2:
#   both are inside a W < s (lead + safety + 1) + 2 W (lead: the SKU's own lead time, else
#   its preferred supplier's, else the shop default, as in position_sql.SUPPLY_TERMS);
#   overstock needs a W / s > overstock days - 0.05, inside a W > s (overstock days - 1).
CANDIDATE_SQL = f"""
    {AVAILABLE} <= 0 OR has_policy
    OR (on_hand > 0 AND NOT sold_recently AND established)
    OR (sold > 0 AND ({AVAILABLE} * :window_days
                          < sold * (coalesce(lead_time_days, :lead_days) + :safety_days + 1)
                            + 2 * :window_days
                      OR {AVAILABLE} * :window_days > sold * (:overstock_days - 1)))
"""

SKU_FIGURES_SQL = f"""
WITH sales AS (
    SELECT ol.variant_id AS variant_id,
           SUM(CASE WHEN o.status IN ({SOLD}) AND o.ordered_at >= :window_start
                         AND o.ordered_at < :until THEN ol.quantity END) AS sold,
           MAX(CASE WHEN o.status IN ({SOLD}) AND o.ordered_at < :until
                    THEN o.ordered_at END) AS last_sold_at,
           SUM(CASE WHEN o.status IN ({OPEN}) AND o.ordered_at < :until
                    THEN ol.quantity END) AS committed
    FROM orders AS o CROSS JOIN order_lines AS ol ON ol.order_id = o.id
    WHERE o.ordered_at >= :lookback_start OR o.status IN ({OPEN})
    GROUP BY ol.variant_id
), skus AS (
    SELECT v.id AS variant_id, v.sku AS sku, p.title || CASE
               WHEN v.option1 || v.option2 || v.option3 = '' THEN ''
               ELSE ' (' || substr(CASE WHEN v.option1 = '' THEN '' ELSE ' / ' || v.option1 END
                                   || CASE WHEN v.option2 = '' THEN '' ELSE ' / ' || v.option2 END
                                   || CASE WHEN v.option3 = '' THEN '' ELSE ' / ' || v.option3 END,
                                   4) || ')'
           END AS title, v.on_hand AS on_hand,
           coalesce(s.committed, 0) AS committed, {on_order_text("v.id")} AS on_order,
           s.last_sold_at AS last_sold_at,
           coalesce(s.last_sold_at >= :dead_start, 0) AS sold_recently,
           p.created_at < :dead_start AS established, coalesce(s.sold, 0) AS sold,
           sp.reorder_point AS reorder_point, sp.safety_stock AS safety_stock,
           sp.max_stock AS max_stock,
           coalesce(sp.lead_time_days, st.lead_time_days) AS lead_time_days,
           coalesce(sp.pack_multiple, st.pack_multiple) AS pack_multiple,
           coalesce(sp.min_order_qty, st.min_order_qty) AS min_order_qty,
           sp.variant_id IS NOT NULL AS has_policy
    FROM variants AS v JOIN products AS p ON p.id = v.product_id
    LEFT JOIN sales AS s ON s.variant_id = v.id
    LEFT JOIN stock_policies AS sp ON sp.variant_id = v.id
    LEFT JOIN {supply_terms_text()} AS st ON st.variant_id = v.id
    WHERE v.archived = 0 AND p.status != 'archived'
)
SELECT variant_id, sku, title, on_hand, committed, on_order, last_sold_at,
       sold_recently, established,
       CASE WHEN {AVAILABLE} <= 0 THEN (
           SELECT group_concat(c.name, char(31))
           FROM listings AS l JOIN channels AS c ON c.id = l.channel_id
           WHERE l.variant_id = skus.variant_id AND l.status = 'listed' AND c.archived = 0)
       END,
       sold, reorder_point, safety_stock, max_stock, lead_time_days, pack_multiple,
       min_order_qty
FROM skus
WHERE {CANDIDATE_SQL}
"""

COUNT_SQL = text("SELECT count(*) FROM variants AS v JOIN products AS p ON p.id = v.product_id "
                 "WHERE v.archived = 0 AND p.status != 'archived'")


class SkuRow(NamedTuple):
    """One SKU as the query returns it. The loop reads the query's plain tuples by position;
    this names the positions (and builds rows in tests)."""

    variant_id: int
    sku: str
    title: str  # the product's title with the SKU's options: "Mug (Red / 350 ml)"
    on_hand: int
    committed: int  # units on open orders
    on_order: int  # units purchase orders still expect (position_sql.on_order)
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


# Orders placed up to this bound count: every order, when the alerts are those of now.
EVERY_ORDER = "9999-12-31"


def sku_rows(session: Session, defaults: StockDefaults, now: datetime, *,
             as_of: bool = False) -> Sequence[Sequence[Any]]:
    """The non-archived SKUs that may have an alert, with their stock, sales and policy, in
    one query (rows laid out as SkuRow), read at once.

    `as_of`: only orders placed before `now` count (a report stated at a past time: the sales
    window ends then, not today). Otherwise every order does, a future-dated one too."""
    params = {
        "until": stored_text(now) if as_of else EVERY_ORDER,
        "window_start": stored_text(now - timedelta(days=defaults.velocity_window_days)),
        "dead_start": stored_text(now - timedelta(days=defaults.dead_stock_days)),
        "lookback_start": stored_text(now - timedelta(days=lookback_days(defaults))),
        **candidate_params(defaults),
    }
    return session.connection().exec_driver_sql(SKU_FIGURES_SQL, params).all()


def candidate_params(defaults: StockDefaults) -> dict[str, int]:
    return {"window_days": defaults.velocity_window_days, "lead_days": defaults.lead_time_days,
            "safety_days": defaults.safety_days, "overstock_days": defaults.overstock_days}


def count_skus(session: Session) -> int:
    """The non-archived SKUs: all of them are checked, candidates or not."""
    return session.scalar(COUNT_SQL) or 0


def stored_text(moment: datetime) -> str:
    """A moment as the shop file stores it (naive UTC text), to compare with stored times."""
    return moment.astimezone(UTC).strftime(STORED_FORMAT)


def lookback_days(defaults: StockDefaults) -> int:
    """How far back order lines can matter: the sales window or the dead-stock period."""
    return max(defaults.velocity_window_days, defaults.dead_stock_days)
