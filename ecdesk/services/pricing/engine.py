"""The price engine: one rule applied to one SKU on one channel (or to its list price).

A computation gives a raw price (cost plus markup, a target margin after the channel's fees
solved for the price, a base price less or plus a percent or an amount, or a fixed price); it is
rounded half up to the cent (money's unit-price point), then to a multiple and a charm ending,
then clamped: minimum and maximum price, and the margin floor after fees (the rule's own or the
shop's). The floor is never crossed silently: when a clamp cannot keep it (the maximum price is
under the floor price) the result is flagged, and a final check flags any price whose margin
after fees is under the floor, whatever made it so.

`compute_price(..., explain=True)` records every step in words. The preview, which prices
400,000 listings, takes its twin over arrays of integer cents (`vector_engine`), held to this
one price for price and flag for flag by tests/unit/test_vector_engine.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ecdesk.i18n import _
from ecdesk.money import CENT, ZERO, format_rate, round_unit_price
from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.margin import ChannelFees, margin_after_fees
from ecdesk.services.pricing.rounding import (
    ending_at_least,
    ending_at_most,
    round_to_ending,
    round_to_multiple,
)
from ecdesk.services.pricing.rules import BASE_LABELS, Ending, Method, PriceBase, PriceRuleInfo

ONE = Decimal(1)
_MAX_CENTS_UP = 1000  # the rounded fees move a solved price by a cent or two, never this far


@dataclass(frozen=True)
class PriceInputs:
    """What a rule may read of one SKU on one channel."""

    cost: Decimal
    list_price: Decimal  # the SKU's list price (after the list-price rules, for a channel)
    fees: ChannelFees
    min_margin: Decimal  # the shop's margin floor after fees
    compare_at: Decimal | None = None
    channel_price: Decimal | None = None  # the base channel's price of the SKU
    market_price: Decimal | None = None


@dataclass(frozen=True)
class PriceStep:
    text: str  # what was done, in words
    price: Decimal | None  # the price after it


@dataclass(frozen=True)
class Computed:
    price: Decimal | None  # None: the rule could not price it (Flag.NO_PRICE says why)
    flags: Flag
    steps: tuple[PriceStep, ...] = ()


Note = Callable[[str, Decimal | None], None] | None


def shown(value: Decimal | None) -> str:
    """An unrounded intermediate as a person reads it: 16.269, not 16.26900000 or 1.6269E+1."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text if "." not in text or len(text.split(".")[1]) >= 2 else f"{value:.2f}"


@lru_cache(maxsize=65_536)  # SKUs share costs, and every listing of a SKU asks for its floor
def floor_price(cost: Decimal, fees: ChannelFees, margin: Decimal) -> Decimal | None:
    """The lowest price (in cents) whose margin after `fees` is at least `margin`; None when
    margin plus the channel's rates reach 100 % (no price keeps it)."""
    room = ONE - margin - fees.rate
    if room <= ZERO:
        return None
    price = max(round_unit_price((cost + fees.fixed_per_unit_order) / room), CENT)
    for _step in range(_MAX_CENTS_UP):  # the fees are rounded per bill: check, and go up
        kept = margin_after_fees(price, cost, fees)
        if kept is not None and kept >= margin:
            return price
        price += CENT
    return price


def compute_price(rule: PriceRuleInfo, inputs: PriceInputs, *, explain: bool = False
                  ) -> Computed:
    """`rule` applied to `inputs`; with `explain`, every step in words."""
    steps: list[PriceStep] = []
    note: Note = (lambda text, price: steps.append(PriceStep(text, price))) if explain else None
    raw = _raw_price(rule, inputs, note)
    if raw is None:
        return Computed(None, Flag.NO_PRICE, tuple(steps))
    price = round_unit_price(raw)
    if note and price != raw:
        note(_("Rounded half up to the cent"), price)
    price = _rounded(rule, price, note)
    price, flags = _clamped(rule, inputs, price, note)
    return Computed(price, flags | judge(price, inputs, rule), tuple(steps))


def judge(price: Decimal, inputs: PriceInputs, rule: PriceRuleInfo | None = None) -> Flag:
    """The flags a price earns whatever made it: under the margin floor, under cost."""
    flags = Flag(0)
    if inputs.cost > ZERO:
        floor = rule.min_margin if rule is not None and rule.min_margin is not None \
            else inputs.min_margin
        kept = margin_after_fees(price, inputs.cost, inputs.fees)
        if kept is None or kept < floor:
            flags |= Flag.BELOW_FLOOR
        if price < inputs.cost:
            flags |= Flag.BELOW_COST
    return flags


def _raw_price(rule: PriceRuleInfo, inputs: PriceInputs, note: Note) -> Decimal | None:
    if rule.method is Method.FIXED:
        if note:
            note(_("Fixed price {price}").format(price=rule.amount), rule.amount)
        return rule.amount
    if rule.method is Method.RELATIVE:
        return _relative(rule, inputs, note)
    if inputs.cost <= ZERO:
        if note:
            note(_("No cost entered: a price from the cost cannot be computed"), None)
        return None
    rate = rule.rate or ZERO
    if rule.method is Method.COST_PLUS:
        raw = inputs.cost * (ONE + rate)
        if note:
            note(_("Cost {cost} x (1 + markup {rate}) = {price}").format(
                cost=inputs.cost, rate=format_rate(rate), price=shown(raw)), raw)
        return raw
    return _target_margin(rate, inputs, note)


def _target_margin(rate: Decimal, inputs: PriceInputs, note: Note) -> Decimal | None:
    fees = inputs.fees
    price = floor_price(inputs.cost, fees, rate)
    if price is None:
        if note:
            note(_("Target margin {margin} plus the channel's fees {fees} reach 100 %: no "
                   "price keeps it").format(margin=format_rate(rate),
                                            fees=format_rate(fees.rate)), None)
        return None
    if note:
        note(_("(cost {cost} + fixed fees {fixed}) / (1 - margin {margin} - fees {fees}), "
               "rounded half up to the cent and raised while the rounded fees take more: "
               "{price}").format(cost=inputs.cost, fixed=fees.fixed_per_unit_order,
                                 margin=format_rate(rate), fees=format_rate(fees.rate),
                                 price=price), price)
    return price


def _relative(rule: PriceRuleInfo, inputs: PriceInputs, note: Note) -> Decimal | None:
    base = {PriceBase.LIST_PRICE: inputs.list_price, PriceBase.COMPARE_AT: inputs.compare_at,
            PriceBase.CHANNEL: inputs.channel_price,
            PriceBase.MARKET: inputs.market_price}.get(rule.base or PriceBase.LIST_PRICE)
    label = _(BASE_LABELS[rule.base or PriceBase.LIST_PRICE])
    if base is None:
        if note:
            note(_("{base}: none for this SKU, so the rule cannot price it").format(base=label),
                 None)
        return None
    if rule.rate is not None:
        raw = base * (ONE - rule.rate)
        if note:
            note(_("{base} {price} x (1 - {rate}) = {result}").format(
                base=label, price=base, rate=format_rate(rule.rate), result=shown(raw)), raw)
    else:
        raw = base - (rule.amount or ZERO)
        if note:
            note(_("{base} {price} - {amount} = {result}").format(
                base=label, price=base, amount=rule.amount, result=shown(raw)), raw)
    return raw


def _rounded(rule: PriceRuleInfo, price: Decimal, note: Note) -> Decimal:
    if rule.round_to is not None and rule.round_to > ZERO:
        price = round_to_multiple(price, rule.round_to)
        if note:
            note(_("Rounded half up to a multiple of {multiple}").format(multiple=rule.round_to),
                 price)
    if rule.ending is not Ending.NONE:
        ended = round_to_ending(price, rule.ending)
        if note and ended != price:
            note(_("Ending {ending}: the nearest such price").format(ending=rule.ending.value),
                 ended)
        price = ended
    return price


def _clamped(rule: PriceRuleInfo, inputs: PriceInputs, price: Decimal, note: Note
             ) -> tuple[Decimal, Flag]:
    if rule.min_price is not None and price < rule.min_price:
        price = ending_at_least(rule.min_price, rule.ending)
        if note:
            note(_("Raised to the rule's minimum price {minimum}").format(
                minimum=rule.min_price), price)
    if rule.max_price is not None and price > rule.max_price:
        price = ending_at_most(rule.max_price, rule.ending)
        if note:
            note(_("Lowered to the rule's maximum price {maximum}").format(
                maximum=rule.max_price), price)
    if inputs.cost <= ZERO:
        return price, Flag(0)  # no cost: no margin to keep
    floor = rule.min_margin if rule.min_margin is not None else inputs.min_margin
    lowest = floor_price(inputs.cost, inputs.fees, floor)
    if lowest is None:
        if note:
            note(_("The margin floor {floor} plus the channel's fees reach 100 %: no price "
                   "keeps it").format(floor=format_rate(floor)), price)
        return price, Flag.BELOW_FLOOR
    if price >= lowest:
        return price, Flag(0)
    raised = ending_at_least(lowest, rule.ending)
    if rule.max_price is not None and raised > rule.max_price:
        if note:
            note(_("The margin floor {floor} needs {needed}, above the maximum price {maximum}: "
                   "kept {price} and flagged").format(floor=format_rate(floor), needed=raised,
                                                      maximum=rule.max_price, price=price),
                 price)
        return price, Flag.BELOW_FLOOR
    if note:
        note(_("Raised to {price} to keep the margin floor {floor} after fees").format(
            price=raised, floor=format_rate(floor)), raised)
    return raised, Flag(0)
