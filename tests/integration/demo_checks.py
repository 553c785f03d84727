"""Figures read straight from a demo shop file with SQL, independently of the services, for the
demo tests: daily order counts, a SKU's stock history, and which inventory alerts hold."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from statistics import median

from ecdesk.models.orders import OPEN_STATUSES, SOLD_STATUSES
from ecdesk.services.stock import reorder
from ecdesk.services.stock.defaults import StockDefaults

SHOP_OFFSET = "+8 hours"  # Asia/Shanghai has no daylight saving time


def query(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def stored(moment: datetime) -> str:
    """A moment in the form the database stores (naive UTC text), for comparisons in SQL."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def orders_per_local_day(path: Path) -> dict[str, int]:
    return dict(query(path, f"SELECT date(ordered_at, '{SHOP_OFFSET}') AS day, count(*) "
                            "FROM orders GROUP BY day"))


def busier_than_the_median_day(path: Path, month_day: str, factor: float) -> list[str]:
    """The days on `month_day` (e.g. '11-11') with more than `factor` x the median day."""
    days = orders_per_local_day(path)
    typical = median(days.values())
    return [day for day, count in days.items() if day.endswith(month_day)
            and count > factor * typical]


def stock_dips_below_zero(path: Path) -> dict[int, int]:
    """SKU id -> the lowest running on-hand of its ledger, for SKUs that ever went below 0."""
    return dict(query(path, """
        SELECT variant_id, min(running) FROM (
            SELECT variant_id, sum(quantity) OVER (PARTITION BY variant_id ORDER BY at, id)
                   AS running
            FROM stock_movements)
        GROUP BY variant_id HAVING min(running) < 0"""))


def _in(statuses: tuple[object, ...]) -> str:
    return ", ".join(f"'{status}'" for status in statuses)


DEFAULTS = StockDefaults()


def alert_kinds(path: Path, now: datetime, defaults: StockDefaults = DEFAULTS) -> Counter[str]:
    """How many non-archived SKUs each alert kind of the shared definitions applies to,
    with SKU figures summed in SQL and judged with the reorder arithmetic."""
    window_start = stored(now - timedelta(days=defaults.velocity_window_days))
    dead_since = stored(now - timedelta(days=defaults.dead_stock_days))
    rows = query(path, f"""
        WITH sold AS (
            SELECT l.variant_id, sum(l.quantity) AS units FROM order_lines l
            JOIN orders o ON o.id = l.order_id
            WHERE o.status IN ({_in(SOLD_STATUSES)}) AND o.ordered_at >= ? GROUP BY 1),
        committed AS (
            SELECT l.variant_id, sum(l.quantity) AS units FROM order_lines l
            JOIN orders o ON o.id = l.order_id
            WHERE o.status IN ({_in(OPEN_STATUSES)}) GROUP BY 1),
        recent AS (
            SELECT DISTINCT l.variant_id FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.status IN ({_in(SOLD_STATUSES)}) AND o.ordered_at >= ?),
        listed AS (SELECT variant_id, count(*) AS n FROM listings WHERE status = 'listed'
                   GROUP BY 1)
        SELECT v.on_hand, coalesce(sold.units, 0), coalesce(committed.units, 0),
               coalesce(listed.n, 0), recent.variant_id IS NOT NULL, pr.created_at < ?,
               p.reorder_point, p.safety_stock, p.lead_time_days
        FROM variants v JOIN products pr ON pr.id = v.product_id
        LEFT JOIN sold ON sold.variant_id = v.id
        LEFT JOIN committed ON committed.variant_id = v.id
        LEFT JOIN recent ON recent.variant_id = v.id
        LEFT JOIN listed ON listed.variant_id = v.id
        LEFT JOIN stock_policies p ON p.variant_id = v.id
        WHERE v.archived = 0""", window_start, dead_since, dead_since)
    kinds: Counter[str] = Counter()
    for on_hand, units, committed, listed, sold_lately, old, point, safety, lead in rows:
        kinds.update(_kinds(defaults, on_hand, units, committed, listed, sold_lately, old,
                            point, safety, lead))
    return kinds


def _kinds(defaults: StockDefaults, on_hand: int, units: int, committed: int, listed: int,
           sold_lately: bool, old: bool, point: int | None, safety: int | None,
           lead: int | None) -> list[str]:
    daily = reorder.velocity(units, defaults.velocity_window_days)
    available = on_hand - committed
    lead = defaults.lead_time_days if lead is None else lead
    cover = reorder.days_of_cover(available, daily)
    safety = reorder.safety_stock(daily, defaults.safety_days) if safety is None else safety
    point = reorder.reorder_point(daily, lead, safety) if point is None else point
    found = []
    if on_hand < 0:
        found.append("negative_stock")
    elif available <= 0 and (units > 0 or listed > 0):
        found.append("out_of_stock")
    if listed and available <= 0:
        found.append("listed_unavailable")
    risk = daily > 0 and available > 0 and cover is not None and cover < lead
    if risk:
        found.append("stockout_risk")
    if point > 0 and available <= point and available > 0 and not risk:
        found.append("below_reorder")
    if daily > 0 and cover is not None and cover > defaults.overstock_days:
        found.append("overstock")
    if on_hand > 0 and not sold_lately and old:
        found.append("dead_stock")
    return found
