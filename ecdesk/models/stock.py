"""The stock ledger, per-SKU stock policies and the acknowledgements of inventory alerts.

On-hand per SKU is the sum of its movements; `Variant.on_hand` caches that sum and is updated in
the same transaction as every movement (ecdesk.services.stock.ledger is the only writer).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from ecdesk.models.base import Base, UtcDateTime, utc_now
from ecdesk.models.catalog import _enum


class MovementKind(enum.StrEnum):
    RECEIVED = "received"
    SOLD = "sold"
    RETURNED = "returned"
    ADJUSTED = "adjusted"
    COUNTED = "counted"  # a stocktake's difference between counted and on hand
    WRITTEN_OFF = "written_off"
    SUPPLIER_RETURN = "supplier_return"  # goods sent back to the supplier after receipt


class StockMovement(Base):
    __tablename__ = "stock_movements"
    __table_args__ = (
        Index("ix_stock_movements_variant_id_at", "variant_id", "at"),
        Index("ix_stock_movements_order_id", "order_id"),
        Index("ix_stock_movements_po_line_id", "po_line_id",
              sqlite_where=text("po_line_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    kind: Mapped[MovementKind] = mapped_column(_enum(MovementKind, "movement_kind"))
    quantity: Mapped[int] = mapped_column(Integer)  # signed: + into stock, - out of stock
    reason: Mapped[str] = mapped_column(String(200), default="")
    reference: Mapped[str] = mapped_column(String(120), default="")  # order no., count no., PO
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    # The purchase-order line a receipt or a return to the supplier belongs to.
    po_line_id: Mapped[int | None] = mapped_column(ForeignKey("purchase_order_lines.id"))


class StockPolicy(Base):
    """Per-SKU stock rules; a None field falls back to the shop-wide default."""

    __tablename__ = "stock_policies"

    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"), primary_key=True)
    reorder_point: Mapped[int | None] = mapped_column(Integer)  # None: suggested from sales
    safety_stock: Mapped[int | None] = mapped_column(Integer)
    max_stock: Mapped[int | None] = mapped_column(Integer)
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    pack_multiple: Mapped[int | None] = mapped_column(Integer)
    min_order_qty: Mapped[int | None] = mapped_column(Integer)
    allow_negative: Mapped[bool | None] = mapped_column()


class AlertAck(Base):
    """An alert the user acknowledged or snoozed; it comes back when its measure gets worse."""

    __tablename__ = "alert_acks"

    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    acknowledged_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    snoozed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The alert's measure when acknowledged (e.g. units short); a larger one means worse.
    severity_measure: Mapped[int] = mapped_column(Integer, default=0)
