"""A promotion as a person types it (the CLI, a dialog, the demo): text, checked by
validation.py before anything is saved. Times are the shop's wall-clock time
("2026-11-11 00:00") in `time_zone` (empty: the shop's zone)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from ecdesk.services.promotions.terms import PromotionInfo


@dataclass(frozen=True)
class PromotionDraft:
    name: str
    kind: str  # a terms.Kind value
    channels: tuple[str, ...]  # channel names
    starts: str  # YYYY-MM-DD HH:MM, inclusive
    ends: str  # exclusive
    time_zone: str = ""
    daily_from: str = ""  # HH:MM; both or neither
    daily_to: str = ""
    scope: str = "all"  # a pricing.rules.Scope value
    scope_value: str = ""
    rate: str = ""  # percent: off per item, or off the multi-buy's nth unit
    amount: str = ""  # off per item, the promotional price, or the bundle's price
    tiers: str = ""  # 满减: "200:30, 300:50"
    every: str = ""  # multi-buy: every nth unit
    gift_sku: str = ""
    gift_quantity: str = "1"
    threshold: str = ""  # gift: the basket in scope at least this ("" or 0: any purchase)
    items: str = ""  # bundle: "SKU-A:1, SKU-B:2"
    funded_by: str = "seller"
    seller_share: str = ""  # percent of the discount the seller pays, when shared
    stacking: str = "exclusive"
    priority: str = "1"
    coupon_code: str = ""
    notes: str = ""
    status: str = "draft"  # draft | scheduled | cancelled


def draft_of(promotion: PromotionInfo) -> PromotionDraft:
    """A saved promotion as the text a person would type for it (to edit or duplicate it):
    its window in the zone it was entered in, rates as percentages."""
    zone = ZoneInfo(promotion.time_zone)
    terms = promotion.terms

    def text(value: Decimal | None) -> str:
        return "" if value is None else f"{value.normalize():f}"

    def percent(value: Decimal | None) -> str:
        return "" if value is None else text(value * 100)

    return PromotionDraft(
        name=promotion.name, kind=promotion.kind.value, channels=promotion.channel_names,
        starts=f"{promotion.starts_at.astimezone(zone):%Y-%m-%d %H:%M}",
        ends=f"{promotion.ends_at.astimezone(zone):%Y-%m-%d %H:%M}",
        time_zone=promotion.time_zone,
        daily_from=f"{promotion.daily_from:%H:%M}" if promotion.daily_from else "",
        daily_to=f"{promotion.daily_to:%H:%M}" if promotion.daily_to else "",
        scope=promotion.scope.value, scope_value=promotion.scope_text,
        rate=percent(terms.rate), amount=text(terms.amount),
        tiers=", ".join(f"{text(t.threshold)}:{text(t.off)}" for t in terms.tiers),
        every=str(terms.every) if terms.every else "", gift_sku=terms.gift_sku,
        gift_quantity=str(terms.gift_quantity or 1), threshold=text(terms.threshold),
        items=", ".join(f"{sku}:{units}" for sku, units in terms.items),
        funded_by=promotion.funded_by.value,
        seller_share=percent(promotion.seller_share) if promotion.funded_by.value == "shared"
        else "",
        stacking=promotion.stacking.value, priority=str(promotion.priority),
        coupon_code=promotion.coupon_code, notes=promotion.notes,
        status=promotion.status.value)
