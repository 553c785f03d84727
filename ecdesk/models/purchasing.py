"""Suppliers, what they supply (supplier items with price breaks), purchase orders and their
lines, receipts, and each SKU's unit-cost history.

A purchase-order line keeps what happened to it as counters (received, rejected, returned,
cancelled) and `open_quantity`, the units it still expects while its order is sent or partly
received (0 otherwise). ecdesk.services.purchasing is the only writer of the counters and keeps
`open_quantity` in step in the same transaction; the stock position's "on order" is the sum of
it over a SKU's lines (a partial index holds only the lines that still expect something).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from ecdesk.models.base import Base, UtcDateTime, utc_now
from ecdesk.models.catalog import _enum
from ecdesk.money import Money, Rate


class SupplierStatus(enum.StrEnum):
    ACTIVE = "active"
    ON_HOLD = "on_hold"


class PurchaseOrderStatus(enum.StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    PARTLY_RECEIVED = "partly_received"
    RECEIVED = "received"
    CLOSED = "closed"
    CANCELLED = "cancelled"


# Orders whose lines still expect goods: what "on order" counts.
EXPECTING_STATUSES = (PurchaseOrderStatus.SENT, PurchaseOrderStatus.PARTLY_RECEIVED)


class Supplier(Base):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    contact_name: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3))
    payment_terms: Mapped[str] = mapped_column(String(200), default="")
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    min_order_value: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    status: Mapped[SupplierStatus] = mapped_column(
        _enum(SupplierStatus, "supplier_status"), default=SupplierStatus.ACTIVE)
    contract_from: Mapped[date | None] = mapped_column(Date)
    contract_to: Mapped[date | None] = mapped_column(Date)
    next_evaluation: Mapped[date | None] = mapped_column(Date)
    documents: Mapped[str] = mapped_column(Text, default="")  # file paths, one per line
    notes: Mapped[str] = mapped_column(Text, default="")
    service_rating: Mapped[int | None] = mapped_column(Integer)  # 1-5, set by hand
    innovation_rating: Mapped[int | None] = mapped_column(Integer)  # 1-5, set by hand
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class SupplierItem(Base):
    """A SKU as one supplier sells it; unit cost in the supplier's currency for any quantity
    below the first price break."""

    __tablename__ = "supplier_items"
    __table_args__ = (
        UniqueConstraint("supplier_id", "variant_id"),
        Index("ix_supplier_items_variant_id", "variant_id"),
        # At most one preferred supplier per SKU.
        Index("ix_supplier_items_preferred", "variant_id", unique=True,
              sqlite_where=text("preferred = 1")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"))
    supplier_code: Mapped[str] = mapped_column(String(64), default="")
    supplier_name: Mapped[str] = mapped_column(String(255), default="")
    unit_cost: Mapped[Decimal] = mapped_column(Money())
    min_order_qty: Mapped[int | None] = mapped_column(Integer)
    pack_multiple: Mapped[int | None] = mapped_column(Integer)
    lead_time_days: Mapped[int | None] = mapped_column(Integer)  # None: the supplier's
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    preferred: Mapped[bool] = mapped_column(default=False)


class SupplierPriceBreak(Base):
    """From `min_quantity` units on, each unit costs `unit_cost`."""

    __tablename__ = "supplier_price_breaks"

    supplier_item_id: Mapped[int] = mapped_column(ForeignKey("supplier_items.id"),
                                                  primary_key=True)
    min_quantity: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_cost: Mapped[Decimal] = mapped_column(Money())


class PurchaseOrder(Base):
    __tablename__ = "purchase_orders"
    __table_args__ = (
        Index("ix_purchase_orders_supplier_id", "supplier_id"),
        Index("ix_purchase_orders_status_expected_on", "status", "expected_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    status: Mapped[PurchaseOrderStatus] = mapped_column(
        _enum(PurchaseOrderStatus, "purchase_order_status"), default=PurchaseOrderStatus.DRAFT)
    currency: Mapped[str] = mapped_column(String(3))
    exchange_rate: Mapped[Decimal] = mapped_column(Rate())  # shop currency per unit of this one
    expected_on: Mapped[date | None] = mapped_column(Date)  # a calendar day in the shop's zone
    shipping_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    other_costs: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # the last receipt
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # closed or cancelled


class PurchaseOrderLine(Base):
    __tablename__ = "purchase_order_lines"
    __table_args__ = (
        Index("ix_purchase_order_lines_order_id_position", "order_id", "position"),
        Index("ix_purchase_order_lines_variant_id", "variant_id"),
        # What "on order" reads: only lines that still expect goods.
        Index("ix_purchase_order_lines_open", "variant_id", "open_quantity",
              sqlite_where=text("open_quantity > 0")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"))
    position: Mapped[int] = mapped_column(Integer)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"))
    quantity: Mapped[int] = mapped_column(Integer)  # ordered
    unit_cost: Mapped[Decimal] = mapped_column(Money())  # in the order's currency
    received: Mapped[int] = mapped_column(Integer, default=0)  # accepted into stock
    rejected: Mapped[int] = mapped_column(Integer, default=0)  # refused at inspection
    returned: Mapped[int] = mapped_column(Integer, default=0)  # sent back after receipt
    cancelled: Mapped[int] = mapped_column(Integer, default=0)  # no longer expected
    open_quantity: Mapped[int] = mapped_column(Integer, default=0)


class Receipt(Base):
    """One delivery booked against a purchase order."""

    __tablename__ = "purchase_receipts"
    __table_args__ = (Index("ix_purchase_receipts_order_id", "order_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reference: Mapped[str] = mapped_column(String(120), default="")  # the delivery note
    shipping_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))  # shop cur.
    other_costs: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))  # shop cur.
    note: Mapped[str] = mapped_column(Text, default="")


class ReceiptLine(Base):
    __tablename__ = "purchase_receipt_lines"
    __table_args__ = (
        Index("ix_purchase_receipt_lines_receipt_id", "receipt_id"),
        Index("ix_purchase_receipt_lines_order_line_id", "order_line_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("purchase_receipts.id"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("purchase_order_lines.id"))
    accepted: Mapped[int] = mapped_column(Integer)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    landed_unit_cost: Mapped[Decimal] = mapped_column(Money())  # in the shop's currency


class CostHistory(Base):
    """Each SKU's unit cost from `at` on; written by triggers on variants (see cost_history)."""

    __tablename__ = "cost_history"
    __table_args__ = (Index("ix_cost_history_variant_id_at", "variant_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    unit_cost: Mapped[Decimal] = mapped_column(Money())
