"""THE margin after fees: a channel's fees, the margin before and after them, and the margin
status views display. The order form, the pricing engine, the Listings page and the reports all
take their fees and margins from here.

Fee rounding (stated once, here): a channel bills its commission and its payment fee each as a
document total of its own, so each is `rate x amount` rounded half up to the cent; the fixed fee
per order and per unit are amounts in cents already and are added as they are. The rates are
charged on the amount after discounts, or on the amount before them when the channel says so
(`FeeBasis`). A unit's margin on a channel is judged as an order of that one unit: it carries the
whole fixed fee per order (the worst case a seller must still survive).

Margins are rates of the selling price (Decimal("0.25") for 25 %). A margin is undefined (None)
without a positive price or without a cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ecdesk.money import ZERO, round_document_total


class MarginStatus(StrEnum):
    OK = "ok"
    THIN = "thin"  # under the shop's minimum margin
    NEGATIVE = "negative"  # sold below cost (after fees, for a channel), or given away
    UNKNOWN_COST = "unknown_cost"  # no cost entered (0): no margin can be judged


class FeeBasis(StrEnum):
    """Which amount a channel's percentage fees are charged on."""

    AFTER_DISCOUNTS = "after_discounts"  # what the buyer paid
    BEFORE_DISCOUNTS = "before_discounts"  # the price before the shop's discounts


@dataclass(frozen=True)
class ChannelFees:
    """What a channel charges: two rates of the amount and two fixed amounts."""

    commission_rate: Decimal = ZERO
    payment_fee_rate: Decimal = ZERO
    per_order: Decimal = ZERO  # a fixed fee per order
    per_unit: Decimal = ZERO  # a fixed fee per unit sold
    basis: FeeBasis = FeeBasis.AFTER_DISCOUNTS

    @property
    def rate(self) -> Decimal:
        """Commission plus payment fee, unrounded (for solving a price for a margin)."""
        return self.commission_rate + self.payment_fee_rate

    @property
    def fixed_per_unit_order(self) -> Decimal:
        """The fixed fees of an order of one unit."""
        return self.per_order + self.per_unit


NO_FEES = ChannelFees()  # the catalog's own price: no channel, no fees


def channel_fees(fees: ChannelFees, amount: Decimal, *, units: int = 1, orders: int = 1,
                 amount_before_discounts: Decimal | None = None) -> Decimal:
    """The channel's fees on `amount` (after discounts) of `units` units in `orders` orders.

    Each rate is rounded half up to the cent as its own bill; the fixed fees are added exact.
    When the channel charges its rates before discounts, `amount_before_discounts` is their base
    (when given; a price with no discount is its own base)."""
    base = amount
    if fees.basis is FeeBasis.BEFORE_DISCOUNTS and amount_before_discounts is not None:
        base = amount_before_discounts
    return (round_document_total(base * fees.commission_rate)
            + round_document_total(base * fees.payment_fee_rate)
            + fees.per_order * orders + fees.per_unit * units)


def margin_before_fees(price: Decimal | None, cost: Decimal | None) -> Decimal | None:
    """Gross margin as a rate of the price: (price - cost) / price."""
    if price is None or cost is None or price <= ZERO:
        return None
    return (price - cost) / price


def margin_after_fees(price: Decimal | None, cost: Decimal | None, fees: ChannelFees,
                      *, price_before_discounts: Decimal | None = None) -> Decimal | None:
    """What the seller keeps of one unit sold alone at `price`, as a rate of it:
    (price - cost - fees) / price, the fees as `channel_fees` bills them."""
    if price is None or cost is None or price <= ZERO:
        return None
    spent = channel_fees(fees, price, amount_before_discounts=price_before_discounts)
    return (price - cost - spent) / price


def margin_status(margin: Decimal | None, cost: Decimal | None, min_margin: Decimal
                  ) -> MarginStatus:
    """How `margin` (before or after fees, see the package's note) stands against the shop's
    minimum. A cost of 0 is taken as not entered: such SKUs are not flagged."""
    if cost is None or cost <= ZERO:
        return MarginStatus.UNKNOWN_COST
    if margin is None or margin < ZERO:  # (None: no price, so the cost is all lost)
        return MarginStatus.NEGATIVE
    if margin < min_margin:
        return MarginStatus.THIN
    return MarginStatus.OK


def is_flagged(status: MarginStatus) -> bool:
    """True for the statuses a seller should look at (thin or negative)."""
    return status in (MarginStatus.THIN, MarginStatus.NEGATIVE)
