"""Each alert's reason in plain words, with the numbers that led to it.

"12 available, sells 3.2 a day: lasts 3.8 days, lead time 14 days" — written for the shop
owner, so that the reason alone says what is wrong and roughly what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from decimal import Decimal

from ecdesk.i18n import _
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
        return _("no sales in the last {days} days").format(days=f.window_days)
    return _("sells {rate} a day").format(rate=per_day(f.velocity))


def _order(f: StockFigures) -> str:
    return _(": order {quantity}").format(quantity=f.suggested_qty) if f.suggested_qty else ""


def _negative(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    return _("{on_hand} on hand: more went out than the records show came in. Count the shelf "
             "and post the count").format(on_hand=f.on_hand)


def _out_of_stock(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    if f.committed:
        stock = _("{available} available ({on_hand} on hand, {committed} on open orders)")
    else:
        stock = _("{available} available ({on_hand} on hand)")
    return (stock.format(available=f.available, on_hand=f.on_hand, committed=f.committed)
            + _("; {sales}").format(sales=_sales(f)) + _order(f))


def _listed(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    return _("Listed on {channels} with {available} available").format(
        channels=", ".join(f.listed_on), available=f.available)


def _stockout_risk(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    return _("{available} available, {sales}: lasts {days} days, lead time {lead} days").format(
        available=f.available, sales=_sales(f), days=days(f.days_of_cover),
        lead=f.lead_time_days) + _order(f)


def _below_reorder(f: StockFigures, _d: StockDefaults, _z: tzinfo) -> str:
    point = _("set by hand") if f.reorder_point_set else _("from sales")
    if f.on_order:
        stock = _("{available} available + {on_order} on order").format(
            available=f.available, on_order=f.on_order)
    else:
        stock = _("{available} available").format(available=f.available)
    return _("{stock}, reorder point {point} ({how})").format(
        stock=stock, point=f.reorder_point, how=point) + _order(f)


def _overstock(f: StockFigures, d: StockDefaults, _z: tzinfo) -> str:
    return _("{available} available, {sales}: {days} days of cover, more than {limit}").format(
        available=f.available, sales=_sales(f), days=days(f.days_of_cover),
        limit=d.overstock_days)


def _dead_stock(f: StockFigures, d: StockDefaults, zone: tzinfo) -> str:
    text = _("{on_hand} on hand, no sale in the last {days} days").format(
        on_hand=f.on_hand, days=d.dead_stock_days)
    if f.last_sold_at is not None:
        text += _(" (last sold {day})").format(day=local_day(f.last_sold_at, zone))
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
