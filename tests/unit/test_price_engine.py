"""The price engine without a database: every computation with hand-computed prices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ecdesk.services.pricing.engine import PriceInputs, compute_price, floor_price
from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.margin import NO_FEES, ChannelFees, margin_after_fees
from ecdesk.services.pricing.rounding import (
    ending_at_least,
    ending_at_most,
    round_to_ending,
    round_to_multiple,
)
from ecdesk.services.pricing.rules import Ending, Method, PriceBase, PriceRuleInfo, Scope

D = Decimal
TMALL = ChannelFees(D("0.05"), D("0.006"))  # 5 % commission + 0.6 % payment fee


def rule(method: Method, **fields: object) -> PriceRuleInfo:
    return PriceRuleInfo(id=1, name="r", scope=Scope.ALL, method=method, **fields)  # type: ignore[arg-type]


def inputs(cost: str = "10.00", list_price: str = "20.00", fees: ChannelFees = NO_FEES,
           floor: str = "0", **more: object) -> PriceInputs:
    return PriceInputs(D(cost), D(list_price), fees, D(floor), **more)  # type: ignore[arg-type]


# -- the four computations ------------------------------------------------------------------------
def test_cost_plus_multiplies_the_cost_by_one_plus_the_markup_and_rounds_half_up() -> None:
    # 12.35 x 1.35 = 16.6725 -> 16.67
    assert compute_price(rule(Method.COST_PLUS, rate=D("0.35")),
                         inputs(cost="12.35")).price == D("16.67")
    # 10.01 x 1.25 = 12.5125 -> 12.51; 10.02 x 1.25 = 12.525 -> 12.53 (half up, not to even)
    assert compute_price(rule(Method.COST_PLUS, rate=D("0.25")),
                         inputs(cost="10.02")).price == D("12.53")


def test_target_margin_is_solved_for_the_price_after_the_channels_fees() -> None:
    # (60 + 0) / (1 - 0.30 - 0.056) = 93.1677 -> 93.17; fees 4.66 + 0.56 = 5.22;
    # kept 93.17 - 60 - 5.22 = 27.95 = 29.998 % < 30 %: up a cent, 93.18 (4.66 + 0.56: 30.006 %)
    result = compute_price(rule(Method.TARGET_MARGIN, rate=D("0.30")),
                           inputs(cost="60.00", fees=TMALL))
    assert result.price == D("93.18")
    assert margin_after_fees(D("93.18"), D("60.00"), TMALL) >= D("0.30")
    assert margin_after_fees(D("93.17"), D("60.00"), TMALL) < D("0.30")


def test_target_margin_counts_the_fixed_fees_per_order_and_per_unit() -> None:
    pdd = ChannelFees(D("0.006"), D("0"), per_order=D("1.00"), per_unit=D("0.50"))
    # (20 + 1.50) / (1 - 0.25 - 0.006) = 28.8978 -> 28.90; fee 0.17 + 1.50 -> kept 7.23 = 25.02 %
    assert compute_price(rule(Method.TARGET_MARGIN, rate=D("0.25")),
                         inputs(cost="20.00", fees=pdd)).price == D("28.90")


def test_a_target_margin_that_fees_make_impossible_gives_no_price() -> None:
    greedy = ChannelFees(D("0.50"), D("0.10"))
    result = compute_price(rule(Method.TARGET_MARGIN, rate=D("0.40")),
                           inputs(fees=greedy), explain=True)
    assert (result.price, result.flags) == (None, Flag.NO_PRICE)
    assert "reach 100 %" in result.steps[-1].text


@pytest.mark.parametrize(("base", "expected"), [
    (PriceBase.LIST_PRICE, D("17.91")),  # 19.90 x 0.90 = 17.91
    (PriceBase.COMPARE_AT, D("26.91")),  # 29.90 x 0.90
    (PriceBase.CHANNEL, D("16.11")),  # 17.90 x 0.90
    (PriceBase.MARKET, D("15.21")),  # 16.90 x 0.90
])
def test_percent_off_reads_the_base_it_names(base: PriceBase, expected: Decimal) -> None:
    facts = inputs(cost="5.00", list_price="19.90", compare_at=D("29.90"),
                   channel_price=D("17.90"), market_price=D("16.90"))
    assert compute_price(rule(Method.RELATIVE, rate=D("0.10"), base=base), facts).price == expected


def test_an_amount_off_or_on_a_base_subtracts_or_adds_it() -> None:
    facts = inputs(cost="5.00", market_price=D("16.90"))
    off = rule(Method.RELATIVE, amount=D("1.00"), base=PriceBase.MARKET)
    on = rule(Method.RELATIVE, amount=D("-2.50"), base=PriceBase.MARKET)
    assert compute_price(off, facts).price == D("15.90")
    assert compute_price(on, facts).price == D("19.40")


def test_a_base_the_sku_does_not_have_gives_no_price_and_says_so() -> None:
    result = compute_price(rule(Method.RELATIVE, rate=D("0.05"), base=PriceBase.MARKET),
                           inputs(), explain=True)
    assert (result.price, result.flags) == (None, Flag.NO_PRICE)
    assert result.steps[0].text == ("Market reference price: none for this SKU, so the rule "
                                    "cannot price it")


def test_a_fixed_price_is_the_price() -> None:
    assert compute_price(rule(Method.FIXED, amount=D("88.00")), inputs()).price == D("88.00")


def test_a_price_from_the_cost_without_a_cost_gives_no_price() -> None:
    result = compute_price(rule(Method.COST_PLUS, rate=D("0.5")), inputs(cost="0"))
    assert (result.price, result.flags) == (None, Flag.NO_PRICE)


# -- rounding and endings -------------------------------------------------------------------------
@pytest.mark.parametrize(("price", "ending", "expected"), [
    ("23.40", Ending.C99, "22.99"), ("23.49", Ending.C99, "23.99"),  # a tie goes up
    ("23.99", Ending.C99, "23.99"), ("0.20", Ending.C99, "0.99"),
    ("23.39", Ending.C90, "22.90"), ("23.40", Ending.C90, "23.90"),  # a tie
    ("23.40", Ending.X9, "19.00"), ("24.00", Ending.X9, "29.00"), ("3.00", Ending.X9, "9.00"),
    ("23.40", Ending.X8, "28.00"), ("22.99", Ending.X8, "18.00"), ("168.00", Ending.X8, "168.00"),
])
def test_a_charm_ending_takes_the_nearest_price_with_it_half_up(
        price: str, ending: Ending, expected: str) -> None:
    assert round_to_ending(D(price), ending) == D(expected)


def test_the_one_sided_endings_never_cross_their_bound() -> None:
    assert ending_at_least(D("23.00"), Ending.C99) == D("23.99")
    assert ending_at_least(D("22.99"), Ending.C99) == D("22.99")
    assert ending_at_most(D("23.00"), Ending.X9) == D("19.00")
    assert ending_at_most(D("5.00"), Ending.X9) == D("9.00")  # nothing lower: the lowest


def test_rounding_to_a_multiple_is_half_up_and_at_least_one_multiple() -> None:
    assert round_to_multiple(D("12.49"), D("0.50")) == D("12.50")
    assert round_to_multiple(D("12.24"), D("0.50")) == D("12.00")
    assert round_to_multiple(D("12.25"), D("0.50")) == D("12.50")
    assert round_to_multiple(D("0.10"), D("5")) == D("5.00")


def test_a_rule_rounds_to_its_multiple_then_to_its_ending() -> None:
    # 10 x 1.4 = 14.00 -> multiple of 5: 15.00 -> x9: 19.00
    assert compute_price(rule(Method.COST_PLUS, rate=D("0.4"), round_to=D("5"),
                              ending=Ending.X9), inputs()).price == D("19.00")


# -- clamps ---------------------------------------------------------------------------------------
def test_the_minimum_and_maximum_price_clamp_keeping_the_ending() -> None:
    low = rule(Method.FIXED, amount=D("5.00"), min_price=D("8.50"), ending=Ending.C90)
    high = rule(Method.FIXED, amount=D("50.00"), max_price=D("39.50"), ending=Ending.C90)
    assert compute_price(low, inputs(cost="0")).price == D("8.90")
    assert compute_price(high, inputs(cost="0")).price == D("38.90")


def test_the_margin_floor_raises_a_price_and_the_explanation_names_the_clamp() -> None:
    # 10% off 20.00 = 18.00; cost 15.00 on Tmall: floor 20 % needs 15 / (1 - 0.2 - 0.056)
    # = 20.1613 -> 20.16 (fees 1.01 + 0.12: kept 3.03 = 15.03 %?) -> raised cent by cent
    facts = inputs(cost="15.00", fees=TMALL, floor="0.20")
    result = compute_price(rule(Method.RELATIVE, rate=D("0.10"), base=PriceBase.LIST_PRICE),
                           facts, explain=True)
    lowest = floor_price(D("15.00"), TMALL, D("0.20"))
    assert result.price == lowest
    assert margin_after_fees(lowest, D("15.00"), TMALL) >= D("0.20")
    assert margin_after_fees(lowest - D("0.01"), D("15.00"), TMALL) < D("0.20")
    assert result.flags == Flag(0)
    assert result.steps[-1].text.startswith(f"Raised to {lowest} to keep the margin floor 20.0 %")


def test_a_rules_own_minimum_margin_replaces_the_shops() -> None:
    facts = inputs(cost="15.00", floor="0.50")
    result = compute_price(rule(Method.FIXED, amount=D("20.00"), min_margin=D("0.10")), facts)
    assert (result.price, result.flags) == (D("20.00"), Flag(0))  # 25 % >= the rule's 10 %


def test_a_maximum_price_under_the_floor_keeps_the_maximum_and_flags_it() -> None:
    facts = inputs(cost="15.00", floor="0.20")
    result = compute_price(rule(Method.FIXED, amount=D("17.00"), max_price=D("18.00")), facts,
                           explain=True)
    assert result.price == D("17.00")
    assert result.flags == Flag.BELOW_FLOOR
    assert "above the maximum price 18.00: kept 17.00 and flagged" in result.steps[-1].text


def test_a_price_below_cost_is_flagged_below_cost_and_below_the_floor() -> None:
    result = compute_price(rule(Method.FIXED, amount=D("9.00"), max_price=D("9.00")),
                           inputs(cost="10.00", floor="0"))
    assert result.flags == Flag.BELOW_FLOOR | Flag.BELOW_COST


def test_the_explanation_walks_every_step_to_the_price() -> None:
    result = compute_price(rule(Method.COST_PLUS, rate=D("0.35"), ending=Ending.C99),
                           inputs(cost="12.35"), explain=True)
    assert [(s.text, s.price) for s in result.steps] == [
        ("Cost 12.35 x (1 + markup 35.0 %) = 16.6725", D("16.6725")),  # (shown unrounded)
        ("Rounded half up to the cent", D("16.67")),
        ("Ending .99: the nearest such price", D("16.99")),
    ]
    assert result.price == D("16.99")
