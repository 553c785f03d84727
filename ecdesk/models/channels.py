"""Sales channels (marketplaces, own site) and per-channel listings of SKUs."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecdesk.models.base import Base, UtcDateTime, utc_now
from ecdesk.models.catalog import Variant, _enum
from ecdesk.money import Money, Rate


class ChannelKind(enum.StrEnum):
    TMALL = "tmall"
    JD = "jd"
    PINDUODUO = "pinduoduo"
    SHOPIFY = "shopify"
    AMAZON = "amazon"
    OWN_SITE = "own_site"
    OFFLINE = "offline"
    OTHER = "other"


class ListingStatus(enum.StrEnum):
    LISTED = "listed"
    PAUSED = "paused"
    UNLISTED = "unlisted"


class Channel(Base):
    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[ChannelKind] = mapped_column(_enum(ChannelKind, "channel_kind"))
    currency: Mapped[str] = mapped_column(String(3))
    commission_rate: Mapped[Decimal] = mapped_column(Rate(), default=Decimal("0"))
    payment_fee_rate: Mapped[Decimal] = mapped_column(Rate(), default=Decimal("0"))
    per_order_fee: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"),
                                                   server_default="0")
    per_unit_fee: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"),
                                                  server_default="0")
    # "after_discounts" or "before_discounts": the amount its rates are charged on
    fee_basis: Mapped[str] = mapped_column(String(16), default="after_discounts",
                                           server_default="after_discounts")
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(default=False)
    # 七天无理由: days after delivery within which a buyer may send goods back.
    return_window_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")
    # Days a parcel travels: delivery is taken as shipping plus these when the order has no
    # delivery time (services/returns/window.py).
    transit_days: Mapped[int] = mapped_column(Integer, default=3, server_default="3")


class Listing(Base):
    """One SKU on one channel: the channel's id, title, price and whether it is for sale."""

    __tablename__ = "listings"
    __table_args__ = (
        UniqueConstraint("variant_id", "channel_id"),
        UniqueConstraint("channel_id", "channel_item_id"),
        Index("ix_listings_channel_id_status", "channel_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    channel_item_id: Mapped[str | None] = mapped_column(String(64))
    channel_title: Mapped[str] = mapped_column(String(255), default="")
    channel_price: Mapped[Decimal | None] = mapped_column(Money())  # None: the SKU's list price
    status: Mapped[ListingStatus] = mapped_column(
        _enum(ListingStatus, "listing_status"), default=ListingStatus.UNLISTED
    )
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)

    variant: Mapped[Variant] = relationship()
    channel: Mapped[Channel] = relationship()
