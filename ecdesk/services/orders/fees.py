"""What a channel is expected to keep of an order: its commission and its payment fee."""

from __future__ import annotations

from decimal import Decimal

from ecdesk.money import round_document_total


def estimated_fees(goods_total: Decimal, commission_rate: Decimal,
                   payment_fee_rate: Decimal) -> Decimal:
    """The channel's commission plus its payment fee on the goods, each rounded as the channel
    bills it (a fee is a document total of its own)."""
    return (round_document_total(goods_total * commission_rate)
            + round_document_total(goods_total * payment_fee_rate))
