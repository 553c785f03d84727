"""Each alert's reason in plain words, with the numbers that led to it.

"12 available, sells 3.2 a day: lasts 3.8 days, lead time 14 days" — written for the shop
owner, so that the reason alone says what is wrong and roughly what to do.
"""

from __future__ import annotations

from collections.abc import Callable
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


def _negative(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    return (f"{f.on_hand} on hand: more went out than the records show came in. "
            "Count the shelf and post the count")


def _out_of_stock(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    promised = f", {f.committed} on open orders" if f.committed else ""
    return f"{f.available} available ({f.on_hand} on hand{promised}); {_sales(f)}{_order(f)}"


def _listed(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    return f"Listed on {', '.join(f.listed_on)} with {f.available} available"


def _stockout_risk(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    return (f"{f.available} available, {_sales(f)}: lasts {days(f.days_of_cover)} days, "
            f"lead time {f.lead_time_days} days{_order(f)}")


def _below_reorder(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    point = "set by hand" if f.reorder_point_set else "from sales"
    stock = f"{f.available} available" + (f" + {f.on_order} on order" if f.on_order else "")
    return f"{stock}, reorder point {f.reorder_point} ({point}){_order(f)}"


def _overstock(f: StockFigures, d: StockDefaults, _z: tzinfo) -> str:
    return (f"{f.available} available, {_sales(f)}: {days(f.days_of_cover)} days of cover, "
            f"more than {d.overstock_days}")


def _dead_stock(f: StockFigures, d: StockDefaults, zone: tzinfo) -> str:
    text = f"{f.on_hand} on hand, no sale in the last {d.dead_stock_days} days"
    if f.last_sold_at is not None:
        text += f" (last sold {local_day(f.last_sold_at, zone)})"
    return text


WORDING: dict[AlertKind, Callable[[StockFigures, StockDefaults, tzinfo], str]] = {
    AlertKind.NEGATIVE_STOCK: _negative, AlertKind.OUT_OF_STOCK: _out_of_stock,
    AlertKind.LISTED_UNAVAILABLE: _listed, AlertKind.STOCKOUT_RISK: _stockout_risk,
    AlertKind.BELOW_REORDER: _below_reorder, AlertKind.OVERSTOCK: _overstock,
    AlertKind.DEAD_STOCK: _dead_stock,
}


def reason(kind: AlertKind, figures: StockFigures, defaults: StockDefaults,
           zone: tzinfo) -> str:
    return WORDING[kind](figures, defaults, zone)


def local_day(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).date().isoformat()
