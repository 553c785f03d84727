"""Quantity tiers (阶梯定价) as an order line reads them: for a SKU on a channel, the price from
each tier's quantity up, set by the rule whose minimum quantity the line reaches (the engine's
usual winner among the rules in force for that quantity). An order form prices a line by the
highest tier its quantity reaches (`tier_for`), and its stored price below every tier."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from ecdesk.i18n import _
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.price_settings import read_price_settings
from ecdesk.services.pricing.resolve import RuleBook, price_sku
from ecdesk.services.pricing.rule_store import load_rules
from ecdesk.services.pricing.sku_facts import read_shop_facts, read_sku_facts


@dataclass(frozen=True)
class QuantityTier:
    min_quantity: int
    price: Decimal
    rule_name: str

    @property
    def label(self) -> str:
        """What an order line reaching it says, in the reader's language."""
        return _("quantity tier from {n} units: {rule}").format(n=self.min_quantity,
                                                                rule=self.rule_name)


def quantity_tiers(session: Session, variant_id: int, channel_id: int | None
                   ) -> tuple[QuantityTier, ...]:
    """The SKU's tiers on `channel_id` (its list price's when it is not listed there), lowest
    quantity first; none when no tier rule in force prices it."""
    rules = load_rules(session)
    day = shop_today(shop_zone(session))
    tiered = [r for r in rules if r.min_quantity > 1 and r.in_force(day)
              and r.channel_id in (None, channel_id)]
    if not tiered:
        return ()
    facts = next(iter(read_sku_facts(session, rules, variant_ids=[variant_id])), [])
    if not facts:
        return ()
    sku = facts[0]
    target_channel = channel_id if channel_id in sku.listings else None
    shop, settings = read_shop_facts(session, rules), read_price_settings(session)
    tiers = []
    for quantity in sorted({r.min_quantity for r in tiered}):
        book = RuleBook.of(rules, sorted(shop.fees), day, quantity)
        target = next((t for t in price_sku(sku, book, shop, settings)
                       if t.channel_id == target_channel), None)
        if (target is not None and target.rule is not None and target.rule.min_quantity > 1
                and not target.flags & Flag.NO_PRICE):
            tiers.append(QuantityTier(quantity, target.new_price, target.rule.name))
    return tuple(tiers)


def tier_for(tiers: tuple[QuantityTier, ...], quantity: int) -> QuantityTier | None:
    """The highest tier `quantity` reaches, or None."""
    return next((t for t in reversed(tiers) if quantity >= t.min_quantity), None)
