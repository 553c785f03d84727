"""The integer-cent array engine gives the Decimal engine's prices, flags and margins to the cent:
every ending and multiple exhaustively over a range of prices, every rule by property."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ecdesk.services.pricing import vector_engine as vector
from ecdesk.services.pricing.engine import PriceInputs, compute_price, floor_price
from ecdesk.services.pricing.margin import ChannelFees, margin_after_fees
from ecdesk.services.pricing.rounding import (
    ending_at_least,
    ending_at_most,
    round_to_ending,
    round_to_multiple,
)
from ecdesk.services.pricing.rules import Ending, Method, PriceBase, PriceRuleInfo, Scope

D = Decimal
PRICES = np.arange(-300, 30_000, dtype=np.int64)  # -3.00 to 299.99, every cent


def money(cents: int) -> Decimal:
    return (D(cents) / 100).quantize(D("0.01"))


def test_every_ending_gives_the_decimal_endings_price_for_every_cent_up_to_300() -> None:
    for ending in Ending:
        for ours, theirs in ((vector.round_to_ending, round_to_ending),
                             (vector.ending_at_least, ending_at_least),
                             (vector.ending_at_most, ending_at_most)):
            expected = [int(theirs(money(c), ending) * 100) for c in PRICES.tolist()]
            assert ours(PRICES, ending).tolist() == expected, (ending, theirs.__name__)


def test_every_multiple_gives_the_decimal_multiple_for_every_cent_up_to_300() -> None:
    for multiple in (D("0.05"), D("0.10"), D("0.50"), D("1"), D("5"), D("10")):
        step = int(multiple * 100)
        ours = np.maximum(vector.half_up(PRICES, step), 1) * step
        assert ours.tolist() == [int(round_to_multiple(money(c), multiple) * 100)
                                 for c in PRICES.tolist()], multiple


def test_half_up_rounds_halves_away_from_zero_like_decimal() -> None:
    numerators = np.arange(-1000, 1001, dtype=np.int64)
    for denominator in (1, 2, 3, 7, 10, 200):
        expected = [int((D(n) / denominator).to_integral_value(ROUND_HALF_UP))
                    for n in numerators.tolist()]
        assert vector.half_up(numerators, denominator).tolist() == expected


cent_amounts = st.integers(min_value=1, max_value=2_000_000)
fee_rates = st.integers(min_value=0, max_value=200_000)  # millionths: up to 20 %
margins = st.integers(min_value=-100_000, max_value=700_000)


@st.composite
def channel_fees(draw: st.DrawFn) -> ChannelFees:
    return ChannelFees(D(draw(fee_rates)) / 1_000_000, D(draw(fee_rates)) / 1_000_000,
                       money(draw(st.integers(0, 500))), money(draw(st.integers(0, 300))))


@st.composite
def rules(draw: st.DrawFn) -> PriceRuleInfo:
    method = draw(st.sampled_from(list(Method)))
    low, high = draw(st.none() | cent_amounts), draw(st.none() | cent_amounts)
    if low is not None and high is not None and low > high:
        low, high = high, low
    relative_by_amount = method is Method.RELATIVE and draw(st.booleans())
    rate = None
    if method is Method.RELATIVE and not relative_by_amount:
        rate = D(draw(st.integers(-500_000, 1_200_000))) / 1_000_000  # off, or on (negative)
    elif method in (Method.COST_PLUS, Method.TARGET_MARGIN):
        rate = D(draw(st.integers(0, 900_000 if method is Method.TARGET_MARGIN
                                  else 3_000_000))) / 1_000_000
    amount = None
    if method is Method.FIXED:
        amount = money(draw(cent_amounts))
    elif relative_by_amount:
        amount = money(draw(st.integers(-50_000, 50_000)))
    return PriceRuleInfo(
        id=1, name="r", scope=Scope.ALL, method=method, rate=rate, amount=amount,
        base=PriceBase.COMPARE_AT if method is Method.RELATIVE else None,
        round_to=draw(st.none() | st.sampled_from([D("0.10"), D("0.50"), D("1"), D("5")])),
        ending=draw(st.sampled_from(list(Ending))),
        min_price=None if low is None else money(low),
        max_price=None if high is None else money(high),
        min_margin=draw(st.none() | margins.map(lambda m: D(m) / 1_000_000)))


@settings(max_examples=400, deadline=None)
@given(rule=rules(), fees=channel_fees(), shop_floor=margins,
       skus=st.lists(st.tuples(st.integers(0, 1_000_000), st.none() | cent_amounts),
                     min_size=1, max_size=12))
def test_a_rule_prices_every_sku_as_the_decimal_engine_does(
        rule: PriceRuleInfo, fees: ChannelFees, shop_floor: int,
        skus: list[tuple[int, int | None]]) -> None:
    costs = np.array([cost for cost, _ in skus], dtype=np.int64)
    bases = np.array([0 if base is None else base for _, base in skus], dtype=np.int64)
    has_base = np.array([base is not None for _, base in skus])
    price, priced, flags = vector.compute_prices(rule, vector.Inputs(
        costs, bases, has_base, vector.Fees.of(fees), shop_floor))
    for at, (cost, base) in enumerate(skus):
        expected = compute_price(rule, PriceInputs(
            money(cost), money(0), fees, D(shop_floor) / 1_000_000,
            compare_at=None if base is None else money(base)))
        assert int(flags[at]) == int(expected.flags), (cost, base)
        assert bool(priced[at]) == (expected.price is not None)
        if expected.price is not None:
            assert int(price[at]) == int(expected.price * 100), (cost, base)


@settings(max_examples=300, deadline=None)
@given(fees=channel_fees(), margin=margins,
       costs=st.lists(st.integers(1, 5_000_000), min_size=1, max_size=20))
def test_the_floor_price_is_the_decimal_engines_to_the_cent(
        fees: ChannelFees, margin: int, costs: list[int]) -> None:
    ours = vector.floor_price(np.array(costs, dtype=np.int64), vector.Fees.of(fees), margin)
    theirs = [floor_price(money(c), fees, D(margin) / 1_000_000) for c in costs]
    if ours is None:
        assert theirs == [None] * len(costs)
    else:
        assert ours.tolist() == [int(p * 100) for p in theirs]  # type: ignore[operator]


@settings(max_examples=300, deadline=None)
@given(fees=channel_fees(), rows=st.lists(st.tuples(st.integers(-1000, 3_000_000),
                                                    st.integers(0, 3_000_000)),
                                          min_size=1, max_size=20))
def test_margins_after_fees_are_the_decimal_margins_in_millionths_rounded_half_up(
        fees: ChannelFees, rows: list[tuple[int, int]]) -> None:
    prices = np.array([p for p, _ in rows], dtype=np.int64)
    units, defined = vector.margin_units(prices, np.array([c for _, c in rows]),
                                         vector.Fees.of(fees))
    for at, (price, cost) in enumerate(rows):
        margin = margin_after_fees(money(price), money(cost), fees)
        assert bool(defined[at]) == (margin is not None)
        if margin is not None:
            assert int(units[at]) == int((margin * 1_000_000).to_integral_value(ROUND_HALF_UP))
