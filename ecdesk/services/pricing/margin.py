"""Margins before and after a channel's fees, and the margin status views display.

Margins are rates of the selling price (Decimal("0.25") for 25 %). A margin is undefined
(None) without a positive price or without a cost.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from ecdesk.money import ZERO, round_document_total


class MarginStatus(StrEnum):
    OK = "ok"
    THIN = "thin"  # under the shop's minimum margin
    NEGATIVE = "negative"  # sold below cost (after fees, for a channel), or given away
    UNKNOWN_COST = "unknown_cost"  # no cost entered (0): no margin can be judged


def channel_fees(amount: Decimal, commission_rate: Decimal, payment_fee_rate: Decimal
                 ) -> Decimal:
    """The channel's commission plus its payment fee on `amount`, each rounded as the channel
    bills it (a fee is a document total of its own)."""
    return (round_document_total(amount * commission_rate)
            + round_document_total(amount * payment_fee_rate))


def margin_before_fees(price: Decimal | None, cost: Decimal | None) -> Decimal | None:
    """Gross margin as a rate of the price: (price - cost) / price."""
    if price is None or cost is None or price <= ZERO:
        return None
    return (price - cost) / price


def margin_after_fees(price: Decimal | None, cost: Decimal | None, commission_rate: Decimal,
                      payment_fee_rate: Decimal) -> Decimal | None:
    """What the seller keeps of the price as a rate of it: (price - cost - fees) / price."""
    if price is None or cost is None or price <= ZERO:
        return None
    return (price - cost - channel_fees(price, commission_rate, payment_fee_rate)) / price


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
