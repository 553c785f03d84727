"""Each alert's reason in plain words, with the numbers that led to it.

"12 available, sells 3.2 a day: lasts 3.8 days, lead time 14 days" — written for the shop
owner, so that the reason alone says what is wrong and roughly what to do.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from decimal import Decimal

from ecdesk.services.stock.alerts_dto import AlertKind, StockFigures
from ecdesk.services.stock.defaults import StockDefaults


def per_day(velocity: Decimal) -> str:
    """Units a day, to two significant digits below one ("0.25"), else one decimal ("3.2")."""
    return f"{velocity:.1f}" if velocity >= 1 else f"{velocity:.2g}"


def days(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _sales(f: StockFigures) -> str:
    if not f.sold_in_window:
        return f"no sales in the last {f.window_days} days"
    return f"sells {per_day(f.velocity)} a day"


def _order(f: StockFigures) -> str:
    return f": order {f.suggested_qty}" if f.suggested_qty else ""


def reason(kind: AlertKind, f: StockFigures, defaults: StockDefaults, zone: tzinfo) -> str:
    if kind == AlertKind.NEGATIVE_STOCK:
        return (f"{f.on_hand} on hand: more went out than the records show came in. "
                "Count the shelf and post the count")
    if kind == AlertKind.OUT_OF_STOCK:
        promised = f", {f.committed} on open orders" if f.committed else ""
        return f"{f.available} available ({f.on_hand} on hand{promised}); {_sales(f)}{_order(f)}"
    if kind == AlertKind.LISTED_UNAVAILABLE:
        return f"Listed on {', '.join(f.listed_on)} with {f.available} available"
    if kind == AlertKind.STOCKOUT_RISK:
        return (f"{f.available} available, {_sales(f)}: lasts {days(f.days_of_cover)} days, "
                f"lead time {f.lead_time_days} days{_order(f)}")
    if kind == AlertKind.BELOW_REORDER:
        point = "set by hand" if f.reorder_point_set else "from sales"
        return (f"{f.projected} available, reorder point {f.reorder_point} ({point})"
                f"{_order(f)}")
    if kind == AlertKind.OVERSTOCK:
        return (f"{f.available} available, {_sales(f)}: {days(f.days_of_cover)} days of cover, "
                f"more than {defaults.overstock_days}")
    return _dead_stock(f, defaults, zone)


def _dead_stock(f: StockFigures, defaults: StockDefaults, zone: tzinfo) -> str:
    text = f"{f.on_hand} on hand, no sale in the last {defaults.dead_stock_days} days"
    if f.last_sold_at is not None:
        text += f" (last sold {local_day(f.last_sold_at, zone)})"
    return text


def local_day(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).date().isoformat()
