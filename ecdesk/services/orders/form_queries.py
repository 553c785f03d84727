"""What the order form looks up while the user types: SKUs with their price on the channel
(and its quantity tiers, 阶梯定价), and whether an order number is already taken on a channel."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, or_, select

from ecdesk.db import UnitOfWork
from ecdesk.models import Channel, Listing, Order, Product, Variant
from ecdesk.services.common.text_search import contains, starts_with
from ecdesk.services.pricing.sql import effective_price_sql
from ecdesk.services.pricing.tiers import QuantityTier, quantity_tiers, tier_for

SUGGESTIONS = 20


@dataclass(frozen=True)
class SkuChoice:
    sku: str
    title: str  # product title and options, "Linen shirt · White / M"
    price: Decimal  # the channel's price, or the SKU's list price when the channel has none
    on_hand: int
    tiers: tuple[QuantityTier, ...] = ()  # from a quantity up, another price (sku_choice only)

    def tier(self, quantity: int) -> QuantityTier | None:
        """The quantity tier an order line of `quantity` units reaches, or None."""
        return tier_for(self.tiers, quantity)

    def price_for(self, quantity: int) -> Decimal:
        """The unit price of a line of `quantity` units: its tier's, else the price."""
        tier = self.tier(quantity)
        return self.price if tier is None else tier.price


def _choices(channel_id: int | None) -> Select[Any]:
    listing = select(Listing.variant_id, Listing.channel_price).where(
        Listing.channel_id == channel_id).subquery()
    return (select(Variant.sku, Product.title, Variant.option1, Variant.option2, Variant.option3,
                   effective_price_sql(listing.c.channel_price, Variant.price).label("price"),
                   Variant.on_hand)
            .join(Product, Product.id == Variant.product_id)
            .outerjoin(listing, listing.c.variant_id == Variant.id))


def _choice(row: Any) -> SkuChoice:
    options = " / ".join(o for o in (row.option1, row.option2, row.option3) if o)
    title = f"{row.title} · {options}" if options else row.title
    return SkuChoice(row.sku, title, row.price, row.on_hand)


def suggest_skus(uow: UnitOfWork, text: str, channel_id: int | None,
                 limit: int = SUGGESTIONS) -> list[SkuChoice]:
    """SKUs (not archived) that start with `text` or whose product title contains it.

    Titles lead with a brand ("Northwind Straight jeans"): a title prefix would rarely help.
    """
    typed = text.strip()
    if not typed:
        return []
    query = (_choices(channel_id)
             .where(Variant.archived.is_(False),
                    or_(starts_with(Variant.sku, typed), contains(Product.title, typed)))
             .order_by(Variant.sku).limit(limit))
    with uow:
        return [_choice(row) for row in uow.session.execute(query)]


def sku_choice(uow: UnitOfWork, sku: str, channel_id: int | None) -> SkuChoice | None:
    """The SKU exactly as typed (archived ones too: an old order may name one), with its
    quantity tiers on the channel, or None."""
    with uow:
        row = uow.session.execute(_choices(channel_id).add_columns(Variant.id.label("vid"))
                                  .where(Variant.sku == sku.strip())).first()
        if row is None:
            return None
        tiers = quantity_tiers(uow.session, row.vid, channel_id)
    return replace(_choice(row), tiers=tiers)


def order_number_taken(uow: UnitOfWork, channel_id: int, number: str) -> bool:
    with uow:
        return uow.session.scalar(select(Order.id).where(
            Order.channel_id == channel_id, Order.number == number.strip())) is not None


def find_orders(uow: UnitOfWork, number: str, channel: str | None = None
                ) -> list[tuple[int, str]]:
    """(id, channel name) of the orders numbered `number`, on the channel named `channel` (any
    case) when given: how the command line finds the order it is told to change."""
    query = (select(Order.id, Channel.name).join(Channel, Channel.id == Order.channel_id)
             .where(Order.number == number.strip()).order_by(Order.id))
    with uow:
        rows = uow.session.execute(query).tuples().all()
    wanted = channel.strip().casefold() if channel else None
    return [(order_id, name) for order_id, name in rows
            if wanted is None or name.casefold() == wanted]
