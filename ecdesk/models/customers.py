"""Customers known across channels: one person, many per-channel handles (channel, key).

A marketplace masks buyers' details, so every contact field may be empty; what identifies a
buyer is a handle: the channel and the key the channel knows them by (Shopify e-mail, Taobao
买家会员名, or the typed name). The same key on two channels is two handles, and may be two
customers until the shop owner merges them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecdesk.models.base import Base, UtcDateTime, utc_now
from ecdesk.models.channels import Channel

KEY_LIMIT = 120  # as orders.customer_key


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (Index("ix_customers_merged_into_id", "merged_into_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    birthday: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Normalised ", "-separated labels (stripped, de-duplicated, sorted): few per customer and
    # filtered with LIKE, so a table of their own would buy nothing yet.
    tags: Mapped[str] = mapped_column(Text, default="")
    # Set when this customer was merged into another: kept (nothing a user entered is deleted)
    # but no longer listed; its handles and orders moved to that customer.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)

    handles: Mapped[list[CustomerHandle]] = relationship(
        back_populates="customer", order_by="CustomerHandle.id")


class CustomerHandle(Base):
    """How one channel knows a customer; a (channel, key) belongs to one customer."""

    __tablename__ = "customer_handles"
    __table_args__ = (UniqueConstraint("channel_id", "key"),
                      Index("ix_customer_handles_customer_id", "customer_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    key: Mapped[str] = mapped_column(String(KEY_LIMIT))  # casefolded, as orders.customer_key
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    customer: Mapped[Customer] = relationship(back_populates="handles")
    channel: Mapped[Channel] = relationship()
