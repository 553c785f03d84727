"""The effective price with promotions: for a SKU, a channel, a moment and a basket, the rules'
breakdown with a step per promotion that changed the SKU's price, the basket the promotions
made, what the discount costs the seller and the margin after fees (promotion_engine.py does
the arithmetic; this module reads the shop)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError
from ecdesk.i18n import _
from ecdesk.models import Variant
from ecdesk.money import round_unit_price
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.pricing.breakdown import PriceBreakdown, explain_price
from ecdesk.services.pricing.promotion_engine import BasketItem, PromotedBasket, promote
from ecdesk.services.pricing.sku_facts import SkuFacts, read_shop_facts, read_sku_facts
from ecdesk.services.promotions.store import read_promotions
from ecdesk.services.promotions.terms import Kind, PromotionInfo, Status


@dataclass(frozen=True)
class PromotedPrice:
    breakdown: PriceBreakdown  # the rules' steps, then one per promotion on this SKU
    basket: PromotedBasket  # the SKU's line first

    @property
    def margin_after_fees(self) -> Decimal | None:
        """The basket's margin after the channel's fees, the platform's part received."""
        return self.basket.margin_after_fees(self.breakdown.fees_of_channel)


def explain_promoted_price(uow: UnitOfWork, sku: str, *, at: datetime,
                           channel: str | None = None, quantity: int = 1,
                           codes: Sequence[str] = (),
                           others: Sequence[tuple[str, int]] = ()) -> list[PromotedPrice]:
    """`sku` × `quantity` (with the `others` in the basket) on each channel it is listed on (or
    on `channel`) at the moment `at`, with the promotions running then; the list price (no
    channel) has none."""
    with uow:
        day = shop_today(shop_zone(uow.session), at)
    breakdowns = explain_price(uow, sku, channel=channel, quantity=quantity, day=day)
    extra = {(other, b.channel): b.price for other, _units in others
             for b in explain_price(uow, other, channel=channel, day=day) if b.channel}
    with uow:
        session = uow.session
        running = read_promotions(session, overlapping=(at, at + timedelta(microseconds=1)),
                                  statuses=(Status.SCHEDULED,))
        shop = read_shop_facts(session, running)
        wanted = {sku, *(other for other, _units in others),
                  *(p.terms.gift_sku for p in running if p.kind is Kind.GIFT)}
        facts = {f.sku: f for chunk in read_sku_facts(session, [], variant_ids=_ids(
            session, wanted)) for f in chunk}
    channel_ids = {name: cid for cid, name in shop.channel_names.items()}
    results = []
    for breakdown in breakdowns:
        cid = channel_ids.get(breakdown.channel)
        live = [p for p in running if cid is not None and p.applies(cid, at)]
        items = [BasketItem(facts[sku], quantity, breakdown.price)]
        for other, units in others:
            price = extra.get((other, breakdown.channel))
            if breakdown.channel and price is None:
                raise NotFoundError(_("{sku} is not listed on {channel}").format(
                    sku=other, channel=breakdown.channel))
            items.append(BasketItem(facts[other], units, price or facts[other].list_price))
        gifts = {p.terms.gift_sku: _gift(facts, p, cid) for p in live if p.kind is Kind.GIFT
                 and p.terms.gift_sku in facts}
        basket = promote(items, live, shop, codes=codes, gifts=gifts)
        results.append(PromotedPrice(_with_steps(breakdown, basket), basket))
    return results


def _ids(session: Session, skus: set[str]) -> list[int]:
    return list(session.scalars(select(Variant.id).where(Variant.sku.in_(sorted(skus)))))


def _gift(facts: dict[str, SkuFacts], promotion: PromotionInfo, channel_id: int | None
          ) -> BasketItem:
    gift = facts[promotion.terms.gift_sku]
    own = gift.listings.get(channel_id) if channel_id is not None else None
    return BasketItem(gift, promotion.terms.gift_quantity, own or gift.list_price)


def _with_steps(breakdown: PriceBreakdown, basket: PromotedBasket) -> PriceBreakdown:
    """The breakdown with a step per promotion that changed the SKU's line: the unit's price
    after it (the line's total over its units, rounded half up to the cent)."""
    line = basket.lines[0]
    texts = {a.promotion.name: a.text for a in basket.applied}
    for name, total in line.steps:
        if name in texts:
            breakdown = breakdown.with_step(texts[name], round_unit_price(total / line.quantity))
    return breakdown
