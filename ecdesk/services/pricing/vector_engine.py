"""The price engine over arrays, in integer cents: one rule applied to every SKU it wins at once.

`engine.compute_price` prices one SKU in Decimal and explains each step in words; the preview
prices 400,000 listings, so it takes this twin, which does the same arithmetic on numpy arrays of
cents (rates in millionths, as stored) and gives the same prices, margins and flags to the cent
(tests/unit/test_vector_engine.py compares the two exhaustively and by property). Every named
rounding point is the engine's: ROUND_HALF_UP, away from zero for a negative amount, done here
in integers as `half_up(n, d)` = round(n / d). The steps, in the engine's order: the raw price
(cost plus, target margin, relative to a base, fixed), the cent, the multiple, the ending, the
minimum and maximum price, the margin floor after fees; then `judge` flags what no clamp kept.

numpy is imported by the caller's first use (the preview runs in a worker), not at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.margin import ChannelFees
from ecdesk.services.pricing.rounding import ENDINGS
from ecdesk.services.pricing.rules import Ending, Method, PriceRuleInfo
from ecdesk.services.pricing.vector_checks import M, cents, millionths

Array = Any  # a numpy int64 array (numpy's own stubs are not a dependency of the checks)
_MAX_CENTS_UP = 1000  # as engine.floor_price: the rounded fees move a price a cent or two


@dataclass(frozen=True)
class Fees:
    """A channel's fees as integers: two rates in millionths, the fixed fees of one unit."""

    commission: int
    payment: int
    fixed: int  # cents: per order + per unit, for an order of one unit

    @staticmethod
    def of(fees: ChannelFees) -> Fees:
        return Fees(millionths(fees.commission_rate) or 0, millionths(fees.payment_fee_rate) or 0,
                    cents(fees.fixed_per_unit_order) or 0)


def half_up(numerator: Array, denominator: Any) -> Array:
    """round(numerator / denominator), halves away from zero (Decimal's ROUND_HALF_UP); the
    denominator is positive."""
    magnitude = (2 * np.abs(numerator) + denominator) // (2 * denominator)
    return np.where(numerator < 0, -magnitude, magnitude)


def fees_of(price: Array, fees: Fees) -> Array:
    """margin.channel_fees of one unit: each rate a bill rounded half up, the fixed fees added."""
    return half_up(price * fees.commission, M) + half_up(price * fees.payment, M) + fees.fixed


def margin_units(price: Array, cost: Array, fees: Fees) -> tuple[Array, Array]:
    """margin.margin_after_fees in millionths, rounded half up (as the preview stores it), and
    where it is defined (a positive price)."""
    defined = price > 0
    safe = np.where(defined, price, 1)
    return half_up((price - cost - fees_of(price, fees)) * M, safe), defined


def keeps(price: Array, cost: Array, fees: Fees, margin: int) -> Array:
    """The margin after fees at `price` is defined and at least `margin` (millionths)."""
    return (price > 0) & ((price - cost - fees_of(price, fees)) * M >= price * margin)


def floor_price(cost: Array, fees: Fees, margin: int) -> Array | None:
    """engine.floor_price for every cost; None when margin plus the rates reach 100 %."""
    room = M - margin - fees.commission - fees.payment
    if room <= 0:
        return None
    price = np.maximum(half_up((cost + fees.fixed) * M, room), 1)
    short = np.flatnonzero(~keeps(price, cost, fees, margin))
    for _step in range(_MAX_CENTS_UP):  # the fees are rounded per bill: go up while short
        if short.size == 0:
            break
        price[short] += 1
        short = short[~keeps(price[short], cost[short], fees, margin)]
    return price


def _to_ending(price: Array, ending: Ending, side: str) -> Array:
    offset, step = (cents(value) for value in ENDINGS[ending])
    shifted = price - offset
    if side == "nearest":
        steps = half_up(shifted, step)
    elif side == "up":
        steps = -((-shifted) // step)
    else:
        steps = shifted // step
    return offset + np.maximum(steps, 0) * step


def round_to_ending(price: Array, ending: Ending) -> Array:
    return price if ending is Ending.NONE else _to_ending(price, ending, "nearest")


def ending_at_least(price: Array, ending: Ending) -> Array:
    return price if ending is Ending.NONE else _to_ending(price, ending, "up")


def ending_at_most(price: Array, ending: Ending) -> Array:
    return price if ending is Ending.NONE else _to_ending(price, ending, "down")


@dataclass(frozen=True)
class Inputs:
    """What a rule may read of the SKUs it wins, one entry per SKU (PriceInputs as arrays).
    `base` is the price a relative rule starts from and `has_base` where there is one."""

    cost: Array
    base: Array
    has_base: Array
    fees: Fees
    min_margin: int  # the shop's floor, millionths


def compute_prices(rule: PriceRuleInfo, inputs: Inputs) -> tuple[Array, Array, Array]:
    """engine.compute_price for every SKU of `inputs`: (price, priced, flags); where not
    priced (Flag.NO_PRICE) the price is meaningless."""
    price, priced = _raw_price(rule, inputs)
    if rule.round_to is not None and rule.round_to > 0:
        multiple = cents(rule.round_to)
        price = np.maximum(half_up(price, multiple), 1) * multiple
    price = round_to_ending(price, rule.ending)
    price, flags = _clamped(rule, inputs, price)
    flags = flags | judge(price, inputs.cost, inputs.fees, floor_of(rule, inputs.min_margin))
    return price, priced, np.where(priced, flags, int(Flag.NO_PRICE))


def floor_of(rule: PriceRuleInfo | None, shop_floor: int) -> int:
    """The margin floor a rule keeps: its own, or the shop's."""
    own = millionths(rule.min_margin) if rule is not None else None
    return shop_floor if own is None else own


def judge(price: Array, cost: Array, fees: Fees, floor: int) -> Array:
    """engine.judge: under the margin floor, under cost (SKUs with a cost only)."""
    costed = cost > 0
    below_floor = costed & ~keeps(price, cost, fees, floor)
    below_cost = costed & (price < cost)
    return np.where(below_floor, int(Flag.BELOW_FLOOR), 0) | np.where(
        below_cost, int(Flag.BELOW_COST), 0)


def _raw_price(rule: PriceRuleInfo, inputs: Inputs) -> tuple[Array, Array]:
    """The raw price rounded half up to the cent, and where the rule could compute one."""
    cost = inputs.cost
    everywhere = np.ones(cost.shape, dtype=bool)
    if rule.method is Method.FIXED:
        return np.full(cost.shape, cents(rule.amount), dtype=np.int64), everywhere
    if rule.method is Method.RELATIVE:
        base = np.where(inputs.has_base, inputs.base, 0)
        if rule.rate is not None:
            return half_up(base * (M - millionths(rule.rate)), M), inputs.has_base
        return base - (cents(rule.amount) or 0), inputs.has_base
    costed = cost > 0
    if rule.method is Method.COST_PLUS:
        return half_up(cost * (M + (millionths(rule.rate) or 0)), M), costed
    solved = floor_price(np.where(costed, cost, 1), inputs.fees, millionths(rule.rate) or 0)
    if solved is None:
        return np.zeros(cost.shape, dtype=np.int64), ~everywhere
    return solved, costed


def _clamped(rule: PriceRuleInfo, inputs: Inputs, price: Array) -> tuple[Array, Array]:
    if rule.min_price is not None:
        lowest = ending_at_least(np.int64(cents(rule.min_price)), rule.ending)
        price = np.where(price < cents(rule.min_price), lowest, price)
    maximum = cents(rule.max_price)
    if maximum is not None:
        highest = ending_at_most(np.int64(maximum), rule.ending)
        price = np.where(price > maximum, highest, price)
    costed = inputs.cost > 0
    none = np.zeros(price.shape, dtype=np.int64)
    lowest = floor_price(np.where(costed, inputs.cost, 1), inputs.fees,
                         floor_of(rule, inputs.min_margin))
    if lowest is None:  # no price keeps the floor: flagged, kept
        return price, np.where(costed, int(Flag.BELOW_FLOOR), none)
    raised = ending_at_least(lowest, rule.ending)
    short = costed & (price < lowest)
    blocked = short & (raised > maximum) if maximum is not None else short & False
    price = np.where(short & ~blocked, raised, price)
    return price, np.where(blocked, int(Flag.BELOW_FLOOR), none)
