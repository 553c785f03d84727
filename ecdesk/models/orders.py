"""Orders from every channel and their lines: what sold, where, when and for how much."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecdesk.models.base import EMPTY_TEXT, Base, UtcDateTime, utc_now
from ecdesk.models.catalog import Variant, _enum
from ecdesk.models.channels import Channel
from ecdesk.money import Money


class OrderStatus(enum.StrEnum):
    PENDING = "pending"  # placed, not paid yet (Shopify's empty "Paid at")
    PAID = "paid"
    SHIPPED = "shipped"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


# Orders whose goods are promised but not sent: their lines are "committed" stock.
OPEN_STATUSES = (OrderStatus.PENDING, OrderStatus.PAID)
# Orders that count as sales (velocity, reports); cancelled ones never happened.
SOLD_STATUSES = (OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED,
                 OrderStatus.REFUNDED)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("channel_id", "number"),
        # Also covers the inventory alerts' scan of recent orders (migration 0003).
        Index("ix_orders_ordered_at_status", "ordered_at", "status"),
        Index("ix_orders_status", "status"),
        Index("ix_orders_customer_key", "customer_key"),
        # A customer's orders, newest first, and the per-customer sums of RFM (migration 0006).
        Index("ix_orders_customer_id_ordered_at", "customer_id", "ordered_at"),
        # An order looked up by the number on its parcel (migration 0013).
        Index("ix_orders_tracking_number", "tracking_number"),
        # One replacement order per exchange ticket (migration 0017).
        Index("uq_orders_replaces_ticket_id", "replaces_ticket_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    number: Mapped[str] = mapped_column(String(64))  # the channel's order number
    ordered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    shipped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The buyer's confirmed receipt (确认收货时间) from the platform's file, or "Mark
    # delivered"; None when unknown (the return window then counts from shipping + transit).
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[OrderStatus] = mapped_column(
        _enum(OrderStatus, "order_status"), default=OrderStatus.PAID)
    customer_name: Mapped[str] = mapped_column(String(120), default="")
    # Who bought, normalised (e-mail or buyer nickname) so repeat purchases can be counted.
    customer_key: Mapped[str] = mapped_column(String(120), default="")
    # The customer the handle (channel, customer_key) belongs to; None when nobody is known.
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    currency: Mapped[str] = mapped_column(String(3))
    shipping: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    platform_fees: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    refunded: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    # The order's tax as the platform charged it, and whether the line prices include it
    # (a European store's prices do); sales excluding and including tax follow from both.
    tax: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"), server_default="0")
    tax_included: Mapped[bool] = mapped_column(default=False, server_default="0")
    # How it shipped, as the platform's file says: carrier (快递公司) and tracking number (快递单号)
    carrier: Mapped[str] = mapped_column(String(60), default="", server_default=EMPTY_TEXT)
    tracking_number: Mapped[str] = mapped_column(String(60), default="", server_default=EMPTY_TEXT)
    # The discount codes the order was placed with (Shopify's Discount Code), upper-case and
    # comma-separated ("D11,FREESHIP"): a promotion's coupon uses are counted from them.
    coupon_codes: Mapped[str] = mapped_column(String(120), default="", server_default=EMPTY_TEXT)
    # The shipping address as typed (the order form; it can change until the order ships).
    ship_to: Mapped[str] = mapped_column(Text, default="", server_default=EMPTY_TEXT)
    # True while the lines' stock has left the shelf (shipped and not returned).
    stock_issued: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str] = mapped_column(String(24), default="manual")  # manual | shopify | taobao
    # An exchange's replacement: the ticket whose returned goods it sends again. Not a sale to
    # the customer (RFM and the repeat rate leave it out); its stock moves as any order's.
    # (use_alter: tickets also point at orders, so the two tables depend on each other)
    replaces_ticket_id: Mapped[int | None] = mapped_column(ForeignKey(
        "tickets.id", use_alter=True, name="fk_orders_replaces_ticket_id_tickets"))
    note: Mapped[str] = mapped_column(Text, default="")
    # Sums of the lines, kept by triggers on order_lines (models/order_totals.py): never set
    # them from Python. Migration 0005 indexes goods_total + shipping (the sort by total): an
    # expression index, which SQLAlchemy cannot reflect, so it is not declared here.
    line_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    units: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    goods_total: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"),
                                                 server_default="0")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)

    channel: Mapped[Channel] = relationship()
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.position")


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        # An order's lines in order; covering for the alerts' sums per SKU (migration 0003).
        Index("ix_order_lines_order_id_position_variant_id_quantity", "order_id", "position",
              "variant_id", "quantity"),
        Index("ix_order_lines_variant_id", "variant_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Money())
    discount: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))  # for the whole line
    line_total: Mapped[Decimal] = mapped_column(Money())  # quantity x unit price - discount
    # The SKU's cost when it sold, so that margins in old reports do not move with today's cost.
    unit_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    # Units that came back (models/returns.py OrderReturn rows): a later refund, cancel or
    # re-import restocks only `quantity - returned_quantity`.
    returned_quantity: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    order: Mapped[Order] = relationship(back_populates="lines")
    variant: Mapped[Variant] = relationship()
