"""Goods that came back and money paid back, per order line: what a return or refund moved.

`OrderLine.returned_quantity` is the sum of the line's `OrderReturn` rows (kept by the returns
service in the same transaction): units that came back are never restocked again by a later
refund, cancel or re-import of the order.
"""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ecdesk.models.base import Base, UtcDateTime, utc_now
from ecdesk.models.catalog import _enum
from ecdesk.money import Money


class ReturnCondition(enum.StrEnum):
    SELLABLE = "sellable"  # back on the shelf
    DAMAGED = "damaged"  # received, then written off


class ReturnReason(enum.StrEnum):
    NO_REASON = "no_reason"  # 七天无理由
    WRONG_SIZE = "wrong_size"
    QUALITY = "quality"
    NOT_AS_DESCRIBED = "not_described"
    WRONG_ITEM = "wrong_item"
    DAMAGED_IN_TRANSIT = "transit_damage"
    OTHER = "other"


class OrderReturn(Base):
    """Units of one order line received back, in one condition, for one reason."""

    __tablename__ = "order_returns"
    __table_args__ = (
        Index("ix_order_returns_order_line_id", "order_line_id"),
        Index("ix_order_returns_received_at", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    condition: Mapped[ReturnCondition] = mapped_column(_enum(ReturnCondition, "return_condition"))
    reason: Mapped[ReturnReason] = mapped_column(_enum(ReturnReason, "return_reason"))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    reference: Mapped[str] = mapped_column(String(64), default="")  # the ticket number
    # Received after the channel's return window, accepted on purpose.
    window_overridden: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    # The order that sent these goods again, for an exchange (migration 0017).
    replacement_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))


class OrderRefund(Base):
    """Money paid back on an order: `Order.refunded` is the sum of its refunds."""

    __tablename__ = "order_refunds"
    __table_args__ = (Index("ix_order_refunds_order_id", "order_id"),
                      Index("ix_order_refunds_refunded_at", "refunded_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))
    amount: Mapped[Decimal] = mapped_column(Money())
    refunded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    reason: Mapped[str] = mapped_column(String(200), default="")
    reference: Mapped[str] = mapped_column(String(64), default="")  # ticket number, "import"
