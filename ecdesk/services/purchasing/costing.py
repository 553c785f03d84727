"""Landed cost and the cost method (moving average): pure arithmetic on Decimal, checked by hand.

Landed cost. A receipt's unit cost is what one unit cost to get onto the shelf, in the shop's
currency: the line's unit cost x the order's exchange rate, plus the unit's share of the
order's shipping and other costs. Those costs are spread over the order's lines by value
(quantity ordered x unit cost), in whole cents of the shop's currency, by the largest remainder
(services/common/spread.py), so that the shares add up to the costs to the cent. A line's share
is then divided over its ordered units and the unit cost is rounded at the named point
(round_unit_price).

Cost method: moving average. When goods are received, the SKU's unit cost becomes
    (units on hand x cost before + units accepted x landed unit cost) / (units on hand + accepted)
rounded to the cent; with nothing (or less than nothing) on hand, the landed unit cost itself.
Goods going out (sales, write-offs, returns to the supplier) leave the cost as it is. Every
change of a SKU's cost is kept with its time (models/cost_history.py), and a valuation of a
moment reads the cost of that moment, so a valuation once made never changes when stock is
received later.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ecdesk.money import round_unit_price

ZERO = Decimal(0)


def landed_unit_cost(unit_cost: Decimal, exchange_rate: Decimal,
                     shares: Sequence[tuple[Decimal, int]]) -> Decimal:
    """One unit on the shelf, in the shop's currency: the unit cost converted, plus, for each
    (share, units) of extra costs (shop currency), the share over its units; rounded once."""
    if exchange_rate <= ZERO:
        raise ValueError("the exchange rate must be above zero")
    extra = sum((share / units for share, units in shares if units > 0), ZERO)
    return round_unit_price(unit_cost * exchange_rate + extra)


def moving_average(on_hand: int, cost: Decimal, accepted: int, landed: Decimal) -> Decimal:
    """The SKU's unit cost after `accepted` units arrive at `landed` each."""
    if accepted <= 0:
        return cost
    if on_hand <= 0:
        return round_unit_price(landed)
    return round_unit_price((on_hand * cost + accepted * landed) / (on_hand + accepted))
