"""Reorder arithmetic: velocity, safety stock, reorder point, maximum level, order quantity.

Pure functions on whole units and Decimal rates, so that every figure can be checked by hand.
Stock is counted in whole units, so every level is rounded up: being one unit over is cheaper
than running out.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from ecdesk.i18n import _

ZERO = Decimal(0)


def velocity(units_sold: int, window_days: int) -> Decimal:
    """Average units sold per day over the window."""
    if window_days <= 0:
        raise ValueError(_("the sales window must be at least one day"))
    return Decimal(units_sold) / Decimal(window_days)


# A daily rate is a 28-digit division (5 / 3 = 1.666...7), so "rate x days" can miss a whole
# number by 1e-27 (5.000...001) and would round up a unit too many. A true fraction of units is
# at least 1 / window days away from a whole number, so that error is dropped first.
PRECISION = Decimal("1e-9")


def units_up(value: Decimal) -> int:
    """Whole units, rounded up, of an amount derived from a daily rate."""
    return int(value.quantize(PRECISION).to_integral_value(rounding=ROUND_CEILING))


def safety_stock(daily: Decimal, safety_days: int) -> int:
    return units_up(daily * safety_days)


def reorder_point(daily: Decimal, lead_time_days: int, safety: int) -> int:
    """Sales expected while an order is on its way, plus the safety stock."""
    return units_up(daily * lead_time_days) + safety


def max_level(reorder: int, daily: Decimal, cover_days: int) -> int:
    return reorder + units_up(daily * cover_days)


def order_quantity(max_stock: int, projected: int, pack_multiple: int = 1,
                   min_order_qty: int = 1) -> int:
    """Units to order to bring projected stock up to the maximum, in whole packs, at least MOQ."""
    needed = max_stock - projected
    if needed <= 0:
        return 0
    return in_packs(needed, pack_multiple, min_order_qty)


def in_packs(quantity: int, pack_multiple: int = 1, min_order_qty: int = 1) -> int:
    """At least the minimum order, then rounded up to whole packs."""
    pack = max(pack_multiple, 1)
    return -(-max(quantity, min_order_qty) // pack) * pack


DAYS_A_YEAR = 365


def economic_order_quantity(daily: Decimal, ordering_cost: Decimal,
                            unit_holding_cost: Decimal) -> int:
    """EOQ (经济订货量), whole units rounded up: sqrt(2 x yearly demand x cost of one order /
    cost of holding one unit a year); 0 when it has no meaning (no sales, no cost to hold)."""
    if daily <= ZERO or ordering_cost <= ZERO or unit_holding_cost <= ZERO:
        return 0
    yearly = daily * DAYS_A_YEAR
    return units_up((2 * yearly * ordering_cost / unit_holding_cost).sqrt())


def days_of_cover(available: int, daily: Decimal) -> Decimal | None:
    """How many days the available stock lasts at the current velocity; None when nothing sells."""
    if daily <= ZERO:
        return None
    return (Decimal(max(available, 0)) / daily).quantize(Decimal("0.1"))
