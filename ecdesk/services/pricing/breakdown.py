"""A price explained: what a SKU sells at on a channel (or its list price), which rule sets it,
each step of the arithmetic, the channel's fees and the margin after them.

`PriceBreakdown` is the effective-price seam later steps plug into: a promotion (#14) takes the
breakdown the rules give and returns `breakdown.with_step(text, price)`, which appends its step
and judges fees, margin and flags again at the new price, with the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem
from ecdesk.i18n import _
from ecdesk.models import Channel, Variant
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.pricing.engine import PriceInputs, PriceStep, judge
from ecdesk.services.pricing.flags import Flag, flag_names
from ecdesk.services.pricing.margin import NO_FEES, ChannelFees, channel_fees, margin_after_fees
from ecdesk.services.pricing.price_settings import read_price_settings
from ecdesk.services.pricing.resolve import PriceSettings, RuleBook, TargetPrice, price_sku
from ecdesk.services.pricing.rule_draft import RuleDraft
from ecdesk.services.pricing.rule_store import load_rules
from ecdesk.services.pricing.rule_validation import check_rule
from ecdesk.services.pricing.rules import Ending, Method, PriceBase, PriceRuleInfo, Scope
from ecdesk.services.pricing.sku_facts import ShopFacts, SkuFacts, read_shop_facts, read_sku_facts


@dataclass(frozen=True)
class PriceBreakdown:
    sku: str
    channel: str  # "" for the list price
    quantity: int
    current_price: Decimal  # the effective price stored now
    price: Decimal  # the price after the rules (and any later step)
    rule_name: str  # "" when no rule prices it
    follows_list: bool  # a listing without its own price: the list price is its price
    steps: tuple[PriceStep, ...]
    cost: Decimal
    fees_of_channel: ChannelFees
    min_margin: Decimal
    flags: Flag

    @property
    def fees(self) -> Decimal:
        """The channel's fees on one unit sold alone at `price` (pricing.margin's rounding)."""
        return channel_fees(self.fees_of_channel, self.price)

    @property
    def margin_after_fees(self) -> Decimal | None:
        return margin_after_fees(self.price, self.cost, self.fees_of_channel)

    @property
    def flag_text(self) -> str:
        return ", ".join(flag_names(self.flags))

    def with_step(self, text: str, price: Decimal) -> PriceBreakdown:
        """This breakdown with one more step (a promotion's), judged again at `price`."""
        inputs = PriceInputs(self.cost, price, self.fees_of_channel, self.min_margin)
        kept = self.flags & ~(Flag.BELOW_FLOOR | Flag.BELOW_COST)
        return replace(self, price=price, steps=(*self.steps, PriceStep(text, price)),
                       flags=kept | judge(price, inputs))


def _context(session: Session, rules: list[PriceRuleInfo], quantity: int, day: date | None
             ) -> tuple[ShopFacts, RuleBook, PriceSettings]:
    shop = read_shop_facts(session, rules)
    today = day or shop_today(shop_zone(session))
    return shop, RuleBook.of(rules, sorted(shop.fees), today, quantity), \
        read_price_settings(session)


def _facts(session: Session, rules: list[PriceRuleInfo], sku: str) -> SkuFacts:
    variant_id = session.scalar(select(Variant.id).where(Variant.sku == sku))
    if variant_id is None:
        raise NotFoundError(_("There is no SKU '{sku}'").format(sku=sku))
    chunk = next(iter(read_sku_facts(session, rules, variant_ids=[variant_id])), [])
    if not chunk:
        raise NotFoundError(_("SKU '{sku}' is archived").format(sku=sku))
    return chunk[0]


def _breakdown(facts: SkuFacts, channel_id: int | None, channel: str, quantity: int,
               targets: list[TargetPrice], shop: ShopFacts, settings: PriceSettings
               ) -> PriceBreakdown:
    fees = NO_FEES if channel_id is None else shop.fees[channel_id]
    own = facts.listings.get(channel_id) if channel_id is not None else facts.list_price
    current = facts.list_price if own is None else own
    target = next((t for t in targets if t.channel_id == channel_id), None)
    if target is None:
        follows = channel_id is not None and own is None
        text = (_("No rule prices it: it follows the list price {price}") if follows
                else _("No rule prices it: its price stays {price}")).format(price=current)
        inputs = PriceInputs(facts.cost, current, fees, settings.min_margin)
        return PriceBreakdown(facts.sku, channel, quantity, current, current, "", follows,
                              (PriceStep(text, current),), facts.cost, fees,
                              settings.min_margin, judge(current, inputs))
    steps = target.computed.steps if target.computed else ()
    if target.follows_list:
        steps = (PriceStep(_("No price of its own on this channel: it follows the list price "
                             "{price}").format(price=target.new_price), target.new_price),)
    floor = target.rule.min_margin if target.rule and target.rule.min_margin is not None \
        else settings.min_margin
    return PriceBreakdown(facts.sku, channel, quantity, current, target.new_price,
                          target.rule.name if target.rule else "", target.follows_list, steps,
                          facts.cost, fees, floor, target.flags)


def explain_price(uow: UnitOfWork, sku: str, *, channel: str | None = None, quantity: int = 1,
                  day: date | None = None) -> list[PriceBreakdown]:
    """The SKU's list price and each listing's price (or only `channel`'s), explained, for an
    order of `quantity` units (a quantity tier's rule applies from its quantity)."""
    with uow:
        session = uow.session
        rules = load_rules(session)
        facts = _facts(session, rules, sku)
        shop, book, settings = _context(session, rules, quantity, day)
        targets = price_sku(facts, book, shop, settings, explain=True)
        channel_ids = _channels(session, facts, channel)
        return [_breakdown(facts, cid, name, quantity, targets, shop, settings)
                for cid, name in channel_ids]


def _channels(session: Session, facts: SkuFacts, channel: str | None
              ) -> list[tuple[int | None, str]]:
    rows = session.execute(select(Channel.id, Channel.name).where(
        Channel.id.in_(list(facts.listings))).order_by(Channel.position, Channel.id)).all()
    listed = [(cid, name) for cid, name in rows]
    if channel is None:
        return [(None, ""), *listed]
    if not channel.strip():
        return [(None, "")]
    found = [(cid, name) for cid, name in listed if name.lower() == channel.strip().lower()]
    if not found:
        raise NotFoundError(_("{sku} is not listed on a channel named '{channel}'").format(
            sku=facts.sku, channel=channel))
    return found


def explain_draft(uow: UnitOfWork, draft: RuleDraft, sku: str, *, rule_id: int | None = None
                  ) -> tuple[PriceBreakdown | None, list[Problem]]:
    """What `draft` (not saved) would make of `sku` on its channel (or its list price): the
    rule editor's live example. With problems the example is None."""
    with uow:
        session = uow.session
        values, problems = check_rule(session, draft, rule_id)
        if problems or not sku.strip():
            return None, problems
        rule = _info(values, rule_id)
        try:
            facts = _facts(session, [rule], sku)
        except NotFoundError as error:
            return None, [Problem(_("Example SKU"), str(error))]
        # the draft alone, whatever its scope and dates: the example shows its arithmetic
        alone = replace(rule, scope=Scope.ALL, min_quantity=1, active=True)
        shop, book, settings = _context(session, [alone], 1, None)
        targets = price_sku(facts, book, shop, settings, explain=True)
        name = shop.channel_names.get(rule.channel_id or 0, "")
        if rule.channel_id is not None and rule.channel_id not in facts.listings:
            return None, [Problem(_("Example SKU"), _("{sku} is not listed on {channel}").format(
                sku=sku, channel=name))]
        return _breakdown(facts, rule.channel_id, name, 1, targets, shop, settings), []


def _info(values: dict[str, object], rule_id: int | None) -> PriceRuleInfo:
    base = values.get("base")
    return PriceRuleInfo(
        id=rule_id or 0, name=str(values["name"]), scope=values["scope"],  # type: ignore[arg-type]
        method=Method(values["method"]), scope_id=values.get("scope_id"),  # type: ignore[arg-type]
        scope_text=str(values.get("scope_text", "")),
        channel_id=values.get("channel_id"),  # type: ignore[arg-type]
        rate=values.get("rate"), amount=values.get("amount"),  # type: ignore[arg-type]
        base=PriceBase(base) if base else None,
        base_channel_id=values.get("base_channel_id"),  # type: ignore[arg-type]
        round_to=values.get("round_to"), ending=Ending(values.get("ending") or ""),  # type: ignore[arg-type]
        min_price=values.get("min_price"), max_price=values.get("max_price"),  # type: ignore[arg-type]
        min_margin=values.get("min_margin"))  # type: ignore[arg-type]
