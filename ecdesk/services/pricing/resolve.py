"""Which rule prices what, and every price of one SKU: its list price, then each channel.

The list price takes the most specific rule without a channel. A listing takes the most specific
of its channel's rules and the rules without a channel (`PriceRuleInfo.specificity`): a listing
without its own price that a rule without a channel wins follows the list price (nothing is
written for it, and the preview says so); otherwise the rule computes the listing's own price
with its channel's fees. A channel's rule writes listings that exist only. Channels priced from
another channel's price come after it (rule loops are refused when a rule is saved).

Rules with a quantity tier (from N units, 阶梯定价) price orders of N units or more: they are
shown by `price SKU --quantity N` and never write a stored price.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ecdesk.services.pricing.engine import Computed, PriceInputs, compute_price, judge
from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.margin import NO_FEES, ChannelFees, margin_after_fees
from ecdesk.services.pricing.rules import PriceBase, PriceRuleInfo, Scope, Scoped
from ecdesk.services.pricing.sku_facts import ShopFacts, SkuFacts


@dataclass(frozen=True)
class PriceSettings:
    min_margin: Decimal  # the shop's floor, after fees
    change_threshold: Decimal  # a change above this share of the old price is flagged
    tolerance: Decimal  # channels further apart than this share are inconsistent


@dataclass(frozen=True)
class TargetPrice:
    """One price of one SKU: its list price (channel None) or one listing's."""

    channel_id: int | None
    rule: PriceRuleInfo | None
    old_price: Decimal | None  # stored: the list price, or the listing's own (None: none)
    old_effective: Decimal
    new_price: Decimal  # effective after the rules
    flags: Flag
    follows_list: bool  # a listing without its own price: follows the list price
    margin_before: Decimal | None  # after the channel's fees, at the old price
    margin_after: Decimal | None  # after the channel's fees, at the new price
    computed: Computed | None = None

    @property
    def writes(self) -> bool:
        """Applying it changes a stored price."""
        return not self.follows_list and self.new_price != self.old_price \
            and not self.flags & Flag.NO_PRICE


@dataclass
class RuleBook:
    """The rules in force, sorted for each target once (not per SKU)."""

    for_list: list[PriceRuleInfo]
    for_channel: dict[int, list[PriceRuleInfo]]
    channel_order: list[int]

    @staticmethod
    def of(rules: list[PriceRuleInfo], channels: list[int], day: date, quantity: int = 1
           ) -> RuleBook:
        live = sorted((r for r in rules if r.in_force(day) and r.min_quantity <= quantity),
                      key=PriceRuleInfo.specificity)
        general = [r for r in live if r.channel_id is None]
        return RuleBook(
            for_list=[r for r in general if r.base is not PriceBase.LIST_PRICE],
            for_channel={c: [r for r in live if r.channel_id in (None, c)] for c in channels},
            channel_order=_channel_order(live, channels))


def _channel_order(rules: list[PriceRuleInfo], channels: list[int]) -> list[int]:
    """Channels after the channels their prices are based on (depth-first)."""
    after = {c: {r.base_channel_id for r in rules if r.channel_id == c
                 and r.base is PriceBase.CHANNEL and r.base_channel_id} for c in channels}
    order: list[int] = []

    def visit(channel: int, path: tuple[int, ...]) -> None:
        if channel in order or channel in path:
            return
        for base in sorted(after.get(channel, ())):  # type: ignore[type-var]
            visit(base, (*path, channel))  # type: ignore[arg-type]
        if channel in after:
            order.append(channel)

    for channel in channels:
        visit(channel, ())
    return order


def matches(rule: Scoped, sku: SkuFacts, shop: ShopFacts) -> bool:
    """`sku` is in the scope of `rule` (a price rule or a promotion)."""
    scope = rule.scope
    if scope is Scope.ALL:
        return True
    if scope is Scope.SKU:
        return rule.scope_id == sku.variant_id
    if scope is Scope.PRODUCT:
        return rule.scope_id == sku.product_id
    if scope is Scope.BRAND:
        return rule.scope_text.lower() == sku.brand
    if scope is Scope.CATEGORY:
        return sku.category_id is not None and rule.scope_id in shop.ancestors.get(
            sku.category_id, ())
    return rule.scope_id in shop.tags.get(sku.product_id, ())


def winner(rules: list[PriceRuleInfo], sku: SkuFacts, shop: ShopFacts) -> PriceRuleInfo | None:
    return next((r for r in rules if matches(r, sku, shop)), None)


def price_sku(sku: SkuFacts, book: RuleBook, shop: ShopFacts, settings: PriceSettings, *,
              explain: bool = False) -> list[TargetPrice]:
    """Every price of `sku` the rules touch: its list price first, then its listings."""
    targets: list[TargetPrice] = []
    list_target = _list_price(sku, book, shop, settings, explain)
    new_list = sku.list_price
    if list_target is not None:
        targets.append(list_target)
        new_list = list_target.new_price
    effective: dict[int, Decimal] = {}
    for channel_id in book.channel_order:
        if channel_id not in sku.listings:
            continue
        own = sku.listings[channel_id]
        target = _listing_price(sku, channel_id, own, new_list, list_target, effective, book,
                                shop, settings, explain)
        effective[channel_id] = target.new_price if target else (
            sku.list_price if own is None else own)
        if target is not None:
            targets.append(target)
    return _judged_consistency(targets, effective, settings)


def _inputs(sku: SkuFacts, fees: ChannelFees, list_price: Decimal, settings: PriceSettings,
            channel_id: int | None, rule: PriceRuleInfo, effective: dict[int, Decimal]
            ) -> PriceInputs:
    market = None
    if rule.base is PriceBase.MARKET:
        market = sku.market.get(channel_id, sku.market.get(None)) if channel_id is not None \
            else sku.market.get(None)
    channel_price = None
    if rule.base is PriceBase.CHANNEL and rule.base_channel_id is not None:
        channel_price = effective.get(rule.base_channel_id)
    return PriceInputs(sku.cost, list_price, fees, settings.min_margin, sku.compare_at,
                       channel_price, market)


def _list_price(sku: SkuFacts, book: RuleBook, shop: ShopFacts, settings: PriceSettings,
                explain: bool) -> TargetPrice | None:
    rule = winner(book.for_list, sku, shop)
    if rule is None:
        return None
    computed = compute_price(rule, _inputs(sku, NO_FEES, sku.list_price, settings, None, rule,
                                           {}), explain=explain)
    return _target(None, rule, sku.list_price, sku.list_price, computed, sku.cost, NO_FEES,
                   settings)


def _listing_price(sku: SkuFacts, channel_id: int, own: Decimal | None, new_list: Decimal,
                   list_target: TargetPrice | None, effective: dict[int, Decimal],
                   book: RuleBook, shop: ShopFacts, settings: PriceSettings, explain: bool
                   ) -> TargetPrice | None:
    fees = shop.fees[channel_id]
    old_effective = sku.list_price if own is None else own
    rule = winner(book.for_channel.get(channel_id, []), sku, shop)
    if own is None and (rule is None or rule.channel_id is None):
        if list_target is None:
            return None  # follows a list price no rule changes
        inputs = PriceInputs(sku.cost, new_list, fees, settings.min_margin)
        flags = judge(new_list, inputs, list_target.rule) | _big_change(
            old_effective, new_list, settings)
        return TargetPrice(channel_id, list_target.rule, None, old_effective, new_list, flags,
                           True, margin_after_fees(old_effective, sku.cost, fees),
                           margin_after_fees(new_list, sku.cost, fees))
    if rule is None:
        return None
    computed = compute_price(rule, _inputs(sku, fees, new_list, settings, channel_id, rule,
                                           effective), explain=explain)
    return _target(channel_id, rule, own, old_effective, computed, sku.cost, fees, settings)


def _target(channel_id: int | None, rule: PriceRuleInfo, old_price: Decimal | None,
            old_effective: Decimal, computed: Computed, cost: Decimal, fees: ChannelFees,
            settings: PriceSettings) -> TargetPrice:
    new = old_effective if computed.price is None else computed.price
    flags = computed.flags | _big_change(old_effective, new, settings)
    return TargetPrice(channel_id, rule, old_price, old_effective, new, flags, False,
                       margin_after_fees(old_effective, cost, fees),
                       margin_after_fees(new, cost, fees), computed)


def _big_change(old: Decimal, new: Decimal, settings: PriceSettings) -> Flag:
    if old > 0 and abs(new - old) > old * settings.change_threshold:
        return Flag.BIG_CHANGE
    return Flag(0)


def _judged_consistency(targets: list[TargetPrice], effective: dict[int, Decimal],
                        settings: PriceSettings) -> list[TargetPrice]:
    """Flags the SKU's listing rows when its channels' prices now lie further apart than the
    shop's tolerance (保持线上线下价格一致)."""
    if len(effective) < 2:
        return targets
    high, low = max(effective.values()), min(effective.values())
    if high <= 0 or high - low <= high * settings.tolerance:
        return targets
    return [replace(t, flags=t.flags | Flag.INCONSISTENT) if t.channel_id is not None else t
            for t in targets]
