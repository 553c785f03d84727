"""Promotions (促销): a window on the shop's calendar, the channels and SKUs it covers, what it
does to the price (its type and parameters) and how it combines with others.

The window [starts_at, ends_at) is stored in UTC; it was entered in the shop's wall-clock time
and `time_zone` keeps the zone it was entered in, so that the optional daily hours (限时购,
10:00-12:00) are read on that clock, daylight saving included. The stored status is draft,
scheduled or cancelled; running and ended follow from the clock (services/promotions/terms.py).
The type's parameters (rates, amounts, tiers, the gift or the bundle) are JSON in `params`,
written and read only by services/promotions/terms.py.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ecdesk.models.base import Base, UtcDateTime, utc_now
from ecdesk.money import Rate


class Promotion(Base):
    __tablename__ = "promotions"
    __table_args__ = (Index("ix_promotions_starts_at_ends_at", "starts_at", "ends_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|scheduled|cancelled
    # percent_off | amount_off | basket_tiers | multi_buy | gift | bundle | fixed_price
    kind: Mapped[str] = mapped_column(String(16))
    params: Mapped[str] = mapped_column(Text, default="{}")
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)  # inclusive
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)  # exclusive
    time_zone: Mapped[str] = mapped_column(String(64))
    daily_from: Mapped[str] = mapped_column(String(5), default="")  # HH:MM, "" all day
    daily_to: Mapped[str] = mapped_column(String(5), default="")  # exclusive
    # all | category | tag | brand | product | sku, as the pricing rules' scopes
    scope: Mapped[str] = mapped_column(String(16), default="all")
    scope_id: Mapped[int | None] = mapped_column(Integer)
    scope_text: Mapped[str] = mapped_column(String(120), default="")
    funded_by: Mapped[str] = mapped_column(String(16), default="seller")  # seller|platform|shared
    seller_share: Mapped[Decimal] = mapped_column(Rate(), default=Decimal(1))  # seller pays
    stacking: Mapped[str] = mapped_column(String(16), default="exclusive")  # or stackable
    priority: Mapped[int] = mapped_column(Integer, default=1)  # 1 applies first
    coupon_code: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)


class PromotionChannel(Base):
    """A channel a promotion runs on."""

    __tablename__ = "promotion_channels"
    __table_args__ = (Index("ix_promotion_channels_channel_id", "channel_id"),)

    promotion_id: Mapped[int] = mapped_column(ForeignKey("promotions.id", ondelete="CASCADE"),
                                              primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"), primary_key=True)
