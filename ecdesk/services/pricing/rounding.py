"""Rounding a computed price: to the cent, to a multiple, to a charm ending (尾数定价).

Every step rounds half up (ROUND_HALF_UP): to a multiple, `round_to` x the nearest whole number
of multiples; to an ending, the nearest price with that ending (.99, .90: the cents; x9, x8: the
last whole digit, 19, 28...), a price exactly between two going up. A price that has its ending
already is left as it is, so rounding twice is rounding once. A price that would round to 0 or
below takes the smallest price with the ending. `ending_at_least` / `ending_at_most` give the
nearest ending on one side, for a clamp that must not be crossed by the rounding after it.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from ecdesk.money import CENT, round_unit_price
from ecdesk.services.pricing.rules import Ending

ONE = Decimal(1)
TEN = Decimal(10)
# ending -> (offset, step): prices offset + k x step, k a whole number
ENDINGS = {Ending.C99: (Decimal("0.99"), ONE), Ending.C90: (Decimal("0.90"), ONE),
            Ending.X9: (Decimal(9), TEN), Ending.X8: (Decimal(8), TEN)}


def round_to_multiple(price: Decimal, multiple: Decimal) -> Decimal:
    """`price` to the nearest multiple of `multiple` (half up), at least one multiple."""
    steps = (price / multiple).quantize(ONE, rounding=ROUND_HALF_UP)
    return round_unit_price(max(steps, ONE) * multiple)


def _to_ending(price: Decimal, ending: Ending, rounding: str) -> Decimal:
    offset, step = ENDINGS[ending]
    steps = ((price - offset) / step).quantize(ONE, rounding=rounding)
    return (offset + max(steps, Decimal(0)) * step).quantize(CENT)


def round_to_ending(price: Decimal, ending: Ending) -> Decimal:
    """The nearest price with `ending` (half up); `price` itself when it has it."""
    return price if ending is Ending.NONE else _to_ending(price, ending, ROUND_HALF_UP)


def ending_at_least(price: Decimal, ending: Ending) -> Decimal:
    """The lowest price with `ending` that is not under `price`."""
    return price if ending is Ending.NONE else _to_ending(price, ending, ROUND_CEILING)


def ending_at_most(price: Decimal, ending: Ending) -> Decimal:
    """The highest price with `ending` that is not over `price` (the lowest ending if none)."""
    return price if ending is Ending.NONE else _to_ending(price, ending, ROUND_FLOOR)
