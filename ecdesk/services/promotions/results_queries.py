"""What a promotion earned, as SQL over the orders it could have touched.

Which orders count for a promotion: sold (paid, shipped, completed, refunded), in the shop's
currency, on one of the promotion's channels, placed inside its window (inside its daily hours
too, for a 限时购), with at least one line of a SKU in its scope. Such an order counts whole
(its sales, fees, refund and cost of goods), as the sales report counts it, so the two reconcile;
the promotion's discount is the discount on its in-scope lines. "Before" is the same length of
time just before the window (each daily slot moved back by the window's length).

The window is handed to SQL as a list of UTC slots (`slots`: one for a whole window, one per day
for daily hours, cut by the daylight-saving rules of the zone the promotion was entered in),
joined by range: a few rows, each order compared with each slot once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ecdesk.services.common.period import stored
from ecdesk.services.promotions.checks_sql import PROMOTION_SKUS
from ecdesk.services.promotions.terms import PromotionInfo
from ecdesk.services.reports.sql import SOLD_SQL, frame, one

if TYPE_CHECKING:
    import pandas as pd

Slot = tuple[datetime, datetime]  # [start, end) in UTC

FIGURES = ("orders", "units", "sales", "discounts", "promo_discounts", "fees", "refunds", "cogs",
           "margin")

_FIGURES_SQL = """
    COUNT(p.id) AS orders,
    COALESCE(SUM(p.units), 0) AS units,
    COALESCE(SUM(p.sales), 0) AS sales,
    COALESCE(SUM(p.discounts), 0) AS discounts,
    COALESCE(SUM(p.promo_discounts), 0) AS promo_discounts,
    COALESCE(SUM(p.fees), 0) AS fees,
    COALESCE(SUM(p.refunds), 0) AS refunds,
    COALESCE(SUM(p.cogs), 0) AS cogs,
    COALESCE(SUM(p.sales - p.refunds - p.cogs - p.fees), 0) AS margin"""


def slots(promotion: PromotionInfo) -> list[Slot]:
    """The promotion's window as UTC slots: itself, or each day's hours within it."""
    if promotion.daily_from is None or promotion.daily_to is None:
        return [(promotion.starts_at, promotion.ends_at)]
    zone = ZoneInfo(promotion.time_zone)
    first = promotion.starts_at.astimezone(zone).date() - timedelta(days=1)  # over midnight
    last = promotion.ends_at.astimezone(zone).date()
    found = []
    day = first
    while day <= last:
        start = _at(day, promotion.daily_from, zone)
        end = _at(day + timedelta(days=promotion.daily_to <= promotion.daily_from),
                  promotion.daily_to, zone)
        start, end = max(start, promotion.starts_at), min(end, promotion.ends_at)
        if start < end:
            found.append((start, end))
        day += timedelta(days=1)
    return found


def _at(day: date, clock: Any, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def clipped(window: list[Slot], start: datetime, end: datetime) -> list[Slot]:
    """The parts of the slots inside [start, end)."""
    return [(max(a, start), min(b, end)) for a, b in window if max(a, start) < min(b, end)]


def before(window: list[Slot], promotion: PromotionInfo) -> list[Slot]:
    """The same slots moved back by the window's length: the time just before it."""
    length = promotion.ends_at - promotion.starts_at
    return [(start - length, end - length) for start, end in window]


@dataclass(frozen=True)
class ResultsScope:
    """Which orders a results query reads: the promotion's, in `window`."""

    promotion_id: int
    window: tuple[Slot, ...]
    currency: str
    channel_id: int | None = None  # one of its channels only (the accountant pack's channel)

    def params(self) -> dict[str, Any]:
        params: dict[str, Any] = {"promotion": self.promotion_id, "currency": self.currency,
                                  "channel": self.channel_id}
        for n, (start, end) in enumerate(self.window):
            params[f"s{n}"], params[f"e{n}"] = stored(start), stored(end)
        return params

    def slots_cte(self) -> str:
        """`slots(start_at, end_at)`: the window's slots as stored times."""
        values = ", ".join(f"(:s{n}, :e{n})" for n in range(len(self.window)))
        return (f"slots(start_at, end_at) AS (VALUES {values})" if values else
                "slots(start_at, end_at) AS (SELECT NULL, NULL WHERE 0)")

    def ctes(self) -> str:
        """`live` (the promotion), its `scoped` SKUs, the window's `slots`, and `per_order`:
        each counted order with its lines summed once."""
        return f"""RECURSIVE live AS (SELECT * FROM promotions WHERE id = :promotion),
            {PROMOTION_SKUS},
            in_scope AS (SELECT DISTINCT variant_id FROM scoped),
            {self.slots_cte()},
            counted AS (
                SELECT o.id FROM orders o
                JOIN slots w ON o.ordered_at >= w.start_at AND o.ordered_at < w.end_at
                JOIN promotion_channels pc ON pc.promotion_id = :promotion
                    AND pc.channel_id = o.channel_id
                WHERE o.status IN ({SOLD_SQL}) AND o.currency = :currency
                  AND (:channel IS NULL OR o.channel_id = :channel)
                  AND EXISTS (SELECT 1 FROM order_lines x JOIN in_scope s
                              ON s.variant_id = x.variant_id WHERE x.order_id = o.id)),
            per_order AS (
                SELECT o.id, o.channel_id, o.platform_fees AS fees, o.refunded AS refunds,
                       COALESCE(SUM(l.quantity), 0) AS units,
                       COALESCE(SUM(l.line_total), 0) AS sales,
                       COALESCE(SUM(l.discount), 0) AS discounts,
                       COALESCE(SUM(CASE WHEN l.variant_id IN (SELECT variant_id FROM in_scope)
                                    THEN l.discount ELSE 0 END), 0) AS promo_discounts,
                       COALESCE(SUM(l.quantity * l.unit_cost), 0) AS cogs
                FROM orders o JOIN counted c ON c.id = o.id
                LEFT JOIN order_lines l ON l.order_id = o.id
                GROUP BY o.id)"""


def results_totals(session: Session, scope: ResultsScope) -> dict[str, int]:
    sql = f"WITH {scope.ctes()} SELECT {_FIGURES_SQL} FROM per_order p"
    return {key: int(value) for key, value in one(session, sql, scope.params()).items()}


def results_by_channel(session: Session, scope: ResultsScope) -> pd.DataFrame:
    sql = f"""WITH {scope.ctes()}
        SELECT c.name AS channel, {_FIGURES_SQL}
        FROM per_order p JOIN channels c ON c.id = p.channel_id
        GROUP BY c.id ORDER BY c.position, c.name"""
    return frame(session, sql, scope.params())


def top_skus(session: Session, scope: ResultsScope, limit: int = 20) -> pd.DataFrame:
    """The in-scope SKUs that sold most in the counted orders, by sales."""
    sql = f"""WITH {scope.ctes()}
        SELECT v.sku AS sku, pr.title AS product, SUM(l.quantity) AS units,
               SUM(l.line_total) AS sales, SUM(l.discount) AS discounts,
               SUM(l.quantity * l.unit_cost) AS cogs,
               SUM(l.line_total - l.quantity * l.unit_cost) AS product_margin
        FROM per_order p JOIN order_lines l ON l.order_id = p.id
        JOIN in_scope s ON s.variant_id = l.variant_id
        JOIN variants v ON v.id = l.variant_id JOIN products pr ON pr.id = v.product_id
        GROUP BY v.id ORDER BY sales DESC, v.sku LIMIT :limit"""
    return frame(session, sql, {**scope.params(), "limit": limit})


def coupon_uses(session: Session, scope: ResultsScope, code: str) -> int:
    """Sold orders on the promotion's channels placed in the window with `code` among their
    discount codes (any case; whatever they bought: a code is used by the order)."""
    sql = f"""WITH {scope.slots_cte()}
        SELECT COUNT(*) AS uses FROM orders o
        JOIN slots w ON o.ordered_at >= w.start_at AND o.ordered_at < w.end_at
        JOIN promotion_channels pc ON pc.promotion_id = :promotion
            AND pc.channel_id = o.channel_id
        WHERE o.status IN ({SOLD_SQL}) AND (:channel IS NULL OR o.channel_id = :channel)
          AND o.coupon_codes != ''
          AND instr(',' || o.coupon_codes || ',', ',' || upper(:code) || ',') > 0"""
    return int(one(session, sql, {**scope.params(), "code": code.strip()})["uses"])
