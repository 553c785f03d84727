"""Promotions applied to a basket: pure arithmetic on Decimal, checked by hand.

The stacking rule (shown to the seller as it is written here):
1. A promotion is a candidate for a basket when it runs on the channel at that moment (the
   caller picks those), its scope holds a SKU of the basket, its coupon code (if it has one) was
   given, and it alone gives this basket a discount (a 满减 whose lowest threshold the basket
   does not reach is no candidate).
2. The first candidate by priority (1 first, then the one created first) decides: exclusive, it
   applies alone; stackable, every stackable candidate applies and the exclusive ones do not.
3. The chosen apply in three stages, by priority within each: the unit prices first
   (promotional price, percent off, amount off), each on the price the one before left; then
   the multi-buys on those unit prices; then the basket (bundle, 满减, gift) on what the items
   cost after both, so a threshold reached alone may no longer be reached in the stack (then it
   gives nothing and says so). A unit price set after a multi-buy's discount could leave a line
   below 0, hence that order.

Per item: a promotional price never raises a price; an amount off stops at 0; a multi-buy takes
`rate` off every `every`-th unit of a SKU. A basket's discount (满减, a bundle's saving) is spread
over the lines it covers by what they still cost, by the largest remainder (common/spread.py),
so the lines always add up to the basket and no line goes below 0. A gift is a line at price 0
whose regular price is the discount. The seller pays a promotion's discount by its funding
(`PromotionInfo.seller_rate`); the platform's part is paid to the seller, so the margin after
fees counts it as received.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ecdesk.i18n import _
from ecdesk.money import ZERO, format_rate, round_document_total, round_unit_price
from ecdesk.services.common.spread import spread_by_value
from ecdesk.services.pricing.margin import ChannelFees, channel_fees
from ecdesk.services.pricing.resolve import matches
from ecdesk.services.pricing.sku_facts import ShopFacts, SkuFacts
from ecdesk.services.promotions.terms import Kind, PromotionInfo, Stacking

ONE = Decimal(1)
UNIT_PRICE = (Kind.FIXED_PRICE, Kind.PERCENT_OFF, Kind.AMOUNT_OFF)


@dataclass(frozen=True)
class BasketItem:
    facts: SkuFacts
    quantity: int
    unit_price: Decimal  # the effective price on the channel before promotions


@dataclass(frozen=True)
class PromotedLine:
    sku: str
    quantity: int
    regular_price: Decimal  # a unit before promotions
    unit_price: Decimal  # a unit after the per-item price promotions
    discount: Decimal  # the line's multi-buy and its share of the basket's discounts
    unit_cost: Decimal
    gift: bool = False
    steps: tuple[tuple[str, Decimal], ...] = ()  # (promotion, the line's total after it)

    @property
    def total(self) -> Decimal:
        return self.quantity * self.unit_price - self.discount

    @property
    def regular_total(self) -> Decimal:
        return self.quantity * self.regular_price


@dataclass(frozen=True)
class Applied:
    promotion: PromotionInfo
    discount: Decimal
    text: str

    @property
    def seller_cost(self) -> Decimal:
        """The part of the discount the seller pays (by who funds the promotion)."""
        return round_document_total(self.discount * self.promotion.seller_rate)


@dataclass(frozen=True)
class PromotedBasket:
    lines: tuple[PromotedLine, ...]
    applied: tuple[Applied, ...]
    passed_over: tuple[tuple[str, str], ...]  # (promotion, why it did not apply)

    @property
    def regular_total(self) -> Decimal:
        return sum((line.regular_total for line in self.lines), ZERO)

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), ZERO)

    @property
    def discount(self) -> Decimal:
        return sum((a.discount for a in self.applied), ZERO)

    @property
    def seller_cost(self) -> Decimal:
        return sum((a.seller_cost for a in self.applied), ZERO)

    @property
    def cost(self) -> Decimal:
        return sum((line.quantity * line.unit_cost for line in self.lines), ZERO)

    def fees(self, fees: ChannelFees) -> Decimal:
        """The channel's fees on the basket as one order (pricing.margin's rounding)."""
        return channel_fees(fees, self.total, units=sum(line.quantity for line in self.lines),
                            amount_before_discounts=self.regular_total)

    def received(self) -> Decimal:
        """What the seller gets: what the buyer pays plus the platform's part of the discount."""
        return self.total + self.discount - self.seller_cost

    def margin_after_fees(self, fees: ChannelFees) -> Decimal | None:
        """(received - cost - fees) / received; None when nothing is received or no cost."""
        received = self.received()
        if received <= ZERO or self.cost <= ZERO:
            return None
        return (received - self.cost - self.fees(fees)) / received


@dataclass
class _Line:
    facts: SkuFacts
    quantity: int
    regular: Decimal
    unit: Decimal
    discount: Decimal = ZERO
    gift: bool = False
    steps: list[tuple[str, Decimal]] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.quantity * self.unit - self.discount

    def frozen(self) -> PromotedLine:
        return PromotedLine(self.facts.sku, self.quantity, self.regular, self.unit, self.discount,
                            self.facts.cost, self.gift, tuple(self.steps))


@dataclass
class _Basket:
    lines: list[_Line]
    shop: ShopFacts
    gifts: Mapping[str, BasketItem]

    def covered(self, promotion: PromotionInfo) -> list[_Line]:
        return [line for line in self.lines
                if not line.gift and matches(promotion, line.facts, self.shop)]


def promote(items: Iterable[BasketItem], promotions: Iterable[PromotionInfo], shop: ShopFacts,
            *, codes: Iterable[str] = (), gifts: Mapping[str, BasketItem] | None = None
            ) -> PromotedBasket:
    """`items` with `promotions` (those running on the channel at the moment) applied by the
    stacking rule above. `gifts` prices the gift SKUs (a gift's regular price and cost)."""
    items = list(items)
    given = {code.strip().upper() for code in codes}
    passed: list[tuple[str, str]] = []
    candidates = []
    for promotion in sorted(promotions, key=lambda p: (p.priority, p.id)):
        why = _not_a_candidate(promotion, items, shop, given, gifts or {})
        if why is None:
            candidates.append(promotion)
        elif why:
            passed.append((promotion.name, why))
    chosen = _stack(candidates, passed)
    basket = _fresh(items, shop, gifts or {})
    applied = []
    for promotion in sorted(chosen, key=_stage):
        discount, text = _APPLY[promotion.kind](basket, promotion)
        if discount > ZERO:
            applied.append(Applied(promotion, discount, text))
        else:
            passed.append((promotion.name, _("no discount left after the promotions before it")))
    return PromotedBasket(tuple(line.frozen() for line in basket.lines), tuple(applied),
                          tuple(passed))


def _stage(p: PromotionInfo) -> tuple[int, int, int]:
    stage = 0 if p.kind in UNIT_PRICE else 1 if p.kind is Kind.MULTI_BUY else 2
    return stage, p.priority, p.id


def _fresh(items: list[BasketItem], shop: ShopFacts, gifts: Mapping[str, BasketItem]
           ) -> _Basket:
    return _Basket([_Line(i.facts, i.quantity, i.unit_price, i.unit_price) for i in items
                    if i.quantity > 0], shop, gifts)


def _not_a_candidate(promotion: PromotionInfo, items: list[BasketItem], shop: ShopFacts,
                     given: set[str], gifts: Mapping[str, BasketItem]) -> str | None:
    """None for a candidate; why not, in words ("" when it does not concern the basket)."""
    basket = _fresh(items, shop, gifts)
    if not basket.covered(promotion):
        return ""
    if promotion.coupon_code and promotion.coupon_code.upper() not in given:
        return _("needs the code {code}").format(code=promotion.coupon_code)
    discount, _text = _APPLY[promotion.kind](basket, promotion)
    return None if discount > ZERO else _("gives this basket no discount")


def _stack(candidates: list[PromotionInfo], passed: list[tuple[str, str]]
           ) -> list[PromotionInfo]:
    if not candidates:
        return []
    first = candidates[0]
    if first.stacking is Stacking.EXCLUSIVE:
        passed.extend((p.name, _("{first} comes first and combines with nothing").format(
            first=first.name)) for p in candidates[1:])
        return [first]
    passed.extend((p.name, _("exclusive, and {first} comes first").format(first=first.name))
                  for p in candidates if p.stacking is Stacking.EXCLUSIVE)
    return [p for p in candidates if p.stacking is Stacking.STACKABLE]


def _priced(basket: _Basket, promotion: PromotionInfo,
            new_unit: Callable[[Decimal], Decimal]) -> Decimal:
    discount = ZERO
    for line in basket.covered(promotion):
        unit = max(min(new_unit(line.unit), line.unit), ZERO)
        discount += (line.unit - unit) * line.quantity
        line.unit = unit
        line.steps.append((promotion.name, line.total))
    return discount


def _fixed(basket: _Basket, p: PromotionInfo) -> tuple[Decimal, str]:
    price = p.terms.amount or ZERO
    return (_priced(basket, p, lambda _unit: price),
            _("{name}: promotional price {price} a unit").format(name=p.name, price=price))


def _percent(basket: _Basket, p: PromotionInfo) -> tuple[Decimal, str]:
    rate = p.terms.rate or ZERO
    return (_priced(basket, p, lambda unit: round_unit_price(unit * (ONE - rate))),
            _("{name}: {rate} off each unit").format(name=p.name, rate=format_rate(rate)))


def _amount(basket: _Basket, p: PromotionInfo) -> tuple[Decimal, str]:
    off = p.terms.amount or ZERO
    return (_priced(basket, p, lambda unit: unit - off),
            _("{name}: {amount} off each unit").format(name=p.name, amount=off))


def _multi_buy(basket: _Basket, p: PromotionInfo) -> tuple[Decimal, str]:
    rate, every = p.terms.rate or ZERO, max(p.terms.every, 1)
    discount = ZERO
    for line in basket.covered(p):
        off = min(round_unit_price(line.unit * rate) * (line.quantity // every), line.total)
        if off > ZERO:
            line.discount += off
            discount += off
            line.steps.append((p.name, line.total))
    return discount, _("{name}: every {every}th unit of a SKU {rate} off").format(
        name=p.name, every=every, rate=format_rate(rate))


def _spread(lines: list[_Line], p: PromotionInfo, discount: Decimal,
            weights: list[Decimal]) -> Decimal:
    """`discount` (capped at the weights' sum) over `lines` by `weights`, largest remainder."""
    discount = min(discount, sum(weights, ZERO))
    if discount <= ZERO:
        return ZERO
    for line, share in zip(lines, spread_by_value(discount, weights), strict=True):
        if share:
            line.discount += share
            line.steps.append((p.name, line.total))
    return discount


def _tiers(basket: _Basket, p: PromotionInfo) -> tuple[Decimal, str]:
    lines = basket.covered(p)
    spent = sum((line.total for line in lines), ZERO)
    reached = [tier for tier in p.terms.tiers if tier.threshold <= spent]
    if not reached:
        return ZERO, ""
    tier = reached[-1]
    return (_spread(lines, p, tier.off, [line.total for line in lines]),
            _("{name}: spend {threshold}, save {off} (the basket in scope is {spent})").format(
                name=p.name, threshold=tier.threshold, off=tier.off, spent=spent))


def _bundle(basket: _Basket, p: PromotionInfo) -> tuple[Decimal, str]:
    by_sku: dict[str, list[_Line]] = {}
    for line in basket.lines:
        if not line.gift:
            by_sku.setdefault(line.facts.sku, []).append(line)
    if not p.terms.items or any(sku not in by_sku for sku, _units in p.terms.items):
        return ZERO, ""
    sets = min(sum(line.quantity for line in by_sku[sku]) // units
               for sku, units in p.terms.items)
    regular = sum((units * by_sku[sku][0].unit for sku, units in p.terms.items), ZERO)
    saving = (regular - (p.terms.amount or ZERO)) * sets
    lines = [line for sku, _units in p.terms.items for line in by_sku[sku]]
    in_sets = {sku: units * sets for sku, units in p.terms.items}
    weights = []
    for line in lines:  # the units in complete sets, at most what the line still costs
        units = min(line.quantity, in_sets[line.facts.sku])
        in_sets[line.facts.sku] -= units
        weights.append(min(units * line.unit, line.total))
    return (_spread(lines, p, max(saving, ZERO), weights),
            _("{name}: {sets} bundle(s) at {price} each").format(
                name=p.name, sets=sets, price=p.terms.amount))


def _gift(basket: _Basket, p: PromotionInfo) -> tuple[Decimal, str]:
    gift = basket.gifts.get(p.terms.gift_sku)
    spent = sum((line.total for line in basket.covered(p)), ZERO)
    threshold = p.terms.threshold or ZERO
    if gift is None or spent <= ZERO or spent < threshold:
        return ZERO, ""
    line = _Line(gift.facts, p.terms.gift_quantity, gift.unit_price, ZERO, gift=True,
                 steps=[(p.name, ZERO)])
    basket.lines.append(line)
    return (line.regular * line.quantity,
            _("{name}: {quantity} x {sku} free").format(
                name=p.name, quantity=line.quantity, sku=gift.facts.sku))


_APPLY: dict[Kind, Callable[[_Basket, PromotionInfo], tuple[Decimal, str]]] = {
    Kind.FIXED_PRICE: _fixed, Kind.PERCENT_OFF: _percent, Kind.AMOUNT_OFF: _amount,
    Kind.MULTI_BUY: _multi_buy, Kind.BASKET_TIERS: _tiers, Kind.BUNDLE: _bundle,
    Kind.GIFT: _gift}
