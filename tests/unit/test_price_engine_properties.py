"""Properties of the price engine over generated rules and SKUs (Hypothesis)."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ecdesk.services.pricing.engine import PriceInputs, compute_price
from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.margin import ChannelFees, margin_after_fees
from ecdesk.services.pricing.resolve import PriceSettings, RuleBook, price_sku
from ecdesk.services.pricing.rounding import round_to_ending, round_to_multiple
from ecdesk.services.pricing.rules import Ending, Method, PriceBase, PriceRuleInfo, Scope
from ecdesk.services.pricing.sku_facts import ShopFacts, SkuFacts

cents = st.integers(min_value=1, max_value=500_000).map(lambda c: Decimal(c) / 100)
rates = st.integers(min_value=0, max_value=60).map(lambda p: Decimal(p) / 100)
fee_rates = st.integers(min_value=0, max_value=150).map(lambda p: Decimal(p) / 1000)
endings = st.sampled_from(list(Ending))


@st.composite
def rules(draw: st.DrawFn, rule_id: int = 1) -> PriceRuleInfo:
    method = draw(st.sampled_from(list(Method)))
    low = draw(st.none() | cents)
    high = draw(st.none() | cents)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return PriceRuleInfo(
        id=rule_id, name=f"r{rule_id}", scope=Scope.ALL, method=method,
        rate=draw(rates) if method is not Method.FIXED else None,
        amount=draw(cents) if method is Method.FIXED else None,
        base=PriceBase.COMPARE_AT if method is Method.RELATIVE else None,
        round_to=draw(st.none() | st.sampled_from([Decimal("0.10"), Decimal("1"),
                                                    Decimal("5")])),
        ending=draw(endings), min_price=low, max_price=high,
        min_margin=draw(st.none() | rates))


@st.composite
def price_inputs(draw: st.DrawFn) -> PriceInputs:
    fees = ChannelFees(draw(fee_rates), draw(fee_rates), draw(st.sampled_from(
        [Decimal(0), Decimal("1.00")])), draw(st.sampled_from([Decimal(0), Decimal("0.30")])))
    return PriceInputs(draw(st.just(Decimal(0)) | cents), draw(cents), fees, draw(rates),
                       compare_at=draw(st.none() | cents))


@settings(max_examples=400, deadline=None)
@given(rule=rules(), inputs=price_inputs())
def test_a_price_under_the_margin_floor_is_always_flagged(rule: PriceRuleInfo,
                                                          inputs: PriceInputs) -> None:
    result = compute_price(rule, inputs)
    if result.price is None:
        assert result.flags & Flag.NO_PRICE
        return
    floor = rule.min_margin if rule.min_margin is not None else inputs.min_margin
    kept = margin_after_fees(result.price, inputs.cost, inputs.fees)
    if inputs.cost > 0 and (kept is None or kept < floor):
        assert result.flags & Flag.BELOW_FLOOR
    if result.price < inputs.cost:
        assert result.flags & Flag.BELOW_COST


@settings(max_examples=400, deadline=None)
@given(rule=rules(), inputs=price_inputs())
def test_the_explanation_ends_at_the_price(rule: PriceRuleInfo, inputs: PriceInputs) -> None:
    explained = compute_price(rule, inputs, explain=True)
    assert explained.price == compute_price(rule, inputs).price  # explaining changes nothing
    if explained.price is not None and explained.steps:
        assert explained.steps[-1].price == explained.price


@given(price=cents, ending=endings)
def test_rounding_to_an_ending_is_idempotent(price: Decimal, ending: Ending) -> None:
    once = round_to_ending(price, ending)
    assert round_to_ending(once, ending) == once
    assert once > 0


@given(price=cents, multiple=st.sampled_from([Decimal("0.05"), Decimal("0.50"), Decimal("1"),
                                               Decimal("10")]))
def test_rounding_to_a_multiple_is_idempotent(price: Decimal, multiple: Decimal) -> None:
    once = round_to_multiple(price, multiple)
    assert round_to_multiple(once, multiple) == once


@st.composite
def rule_sets(draw: st.DrawFn) -> list[PriceRuleInfo]:
    count = draw(st.integers(min_value=1, max_value=6))
    made = []
    for number in range(1, count + 1):
        scope = draw(st.sampled_from([Scope.ALL, Scope.SKU, Scope.PRODUCT, Scope.BRAND]))
        made.append(PriceRuleInfo(
            id=number, name=f"r{number}", scope=scope, method=Method.FIXED,
            amount=Decimal(number * 10), priority=number,
            channel_id=draw(st.sampled_from([None, 1, 2])),
            scope_id={Scope.SKU: 7, Scope.PRODUCT: 3}.get(scope),
            scope_text="acme" if scope is Scope.BRAND else ""))
    return made


@settings(max_examples=200, deadline=None)
@given(made=rule_sets(), seed=st.integers())
def test_the_order_rules_are_listed_in_matters_only_through_specificity_and_priority(
        made: list[PriceRuleInfo], seed: int) -> None:
    shop = ShopFacts({1: ChannelFees(Decimal("0.05")), 2: ChannelFees()}, {1: "A", 2: "B"},
                     {}, {})
    sku = SkuFacts(7, "SKU-7", 3, "acme", None, Decimal("5.00"), Decimal("20.00"), None,
                   {1: Decimal("19.00"), 2: None})
    day = date(2026, 12, 7)
    prices = PriceSettings(Decimal("0.2"), Decimal("0.2"), Decimal("0.1"))
    shuffled = list(made)
    random.Random(seed).shuffle(shuffled)
    first = price_sku(sku, RuleBook.of(made, [1, 2], day), shop, prices)
    again = price_sku(sku, RuleBook.of(shuffled, [1, 2], day), shop, prices)
    assert [(t.channel_id, t.rule, t.new_price) for t in first] == [
        (t.channel_id, t.rule, t.new_price) for t in again]
