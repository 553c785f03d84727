"""The pricing module without a database: effective price, fees, margins and their status."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import column, table
from sqlalchemy.dialects import sqlite

from ecdesk.services.pricing.margin import (
    ChannelFees,
    FeeBasis,
    MarginStatus,
    channel_fees,
    is_flagged,
    margin_after_fees,
    margin_before_fees,
    margin_status,
)
from ecdesk.services.pricing.price import effective_price, effective_price_text
from ecdesk.services.pricing.sql import effective_price_sql

D = Decimal
MINIMUM = D("0.20")


def fees(commission: str, payment: str, *, per_order: str = "0", per_unit: str = "0",
         basis: FeeBasis = FeeBasis.AFTER_DISCOUNTS) -> ChannelFees:
    return ChannelFees(D(commission), D(payment), D(per_order), D(per_unit), basis)


# -- effective price ----------------------------------------------------------------------------
def test_a_channel_price_wins_over_the_list_price() -> None:
    assert effective_price(D("19.90"), D("17.50")) == D("17.50")


def test_without_a_channel_price_the_list_price_is_the_price() -> None:
    assert effective_price(D("19.90"), None) == D("19.90")


def test_a_channel_price_of_zero_is_a_price_not_a_missing_one() -> None:
    assert effective_price(D("19.90"), D("0")) == D("0")


def test_the_sql_text_and_the_core_expression_compile_to_the_same_sql() -> None:
    listings = table("listings", column("channel_price")).alias("l")
    variants = table("variants", column("price")).alias("v")
    core = effective_price_sql(listings.c.channel_price, variants.c.price)

    compiled = str(core.compile(dialect=sqlite.dialect()))

    assert compiled == effective_price_text("l.channel_price", "v.price")


# -- fees -----------------------------------------------------------------------------------------
def test_fees_are_commission_plus_payment_fee_each_rounded_half_up_to_the_cent() -> None:
    # 5 % of 99.90 is 4.995 -> 5.00; 0.6 % is 0.5994 -> 0.60
    assert channel_fees(fees("0.05", "0.006"), D("99.90")) == D("5.60")
    assert channel_fees(fees("0.05", "0.006"), D("0")) == D("0.00")
    assert channel_fees(fees("0", "0"), D("10")) == D("0.00")


def test_fixed_fees_per_order_and_per_unit_are_added_exact() -> None:
    # 5 % of 30.00 = 1.50; 1.00 per order; 0.35 x 3 units = 1.05
    tmall = fees("0.05", "0", per_order="1.00", per_unit="0.35")
    assert channel_fees(tmall, D("30.00"), units=3) == D("3.55")
    assert channel_fees(tmall, D("30.00"), units=3, orders=2) == D("4.55")


def test_a_channel_charging_before_discounts_takes_its_rates_on_the_undiscounted_amount() -> None:
    before = fees("0.10", "0", basis=FeeBasis.BEFORE_DISCOUNTS)
    after = fees("0.10", "0")
    assert channel_fees(before, D("80.00"), amount_before_discounts=D("100.00")) == D("10.00")
    assert channel_fees(after, D("80.00"), amount_before_discounts=D("100.00")) == D("8.00")
    assert channel_fees(before, D("80.00")) == D("8.00")  # no discount: the price is its base


def test_a_units_margin_carries_the_whole_fee_per_order() -> None:
    # 20.00 - 10.00 cost - 1.00 commission (5 %) - 2.00 per order - 0.50 per unit = 6.50 of 20
    channel = fees("0.05", "0", per_order="2.00", per_unit="0.50")
    assert margin_after_fees(D("20.00"), D("10.00"), channel) == D("0.325")


# -- margins --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("price", "cost", "expected"), [
    ("100", "70", D("0.3")),
    ("10", "15", D("-0.5")),
    ("50", "0", D("1")),
    ("0", "5", None),
    ("-1", "0", None),
])
def test_margin_before_fees_is_a_rate_of_the_price_and_undefined_without_a_price(
        price: str, cost: str, expected: Decimal | None) -> None:
    assert margin_before_fees(D(price), D(cost)) == expected


def test_margin_is_undefined_when_price_or_cost_is_missing() -> None:
    assert margin_before_fees(None, D("1")) is None
    assert margin_before_fees(D("1"), None) is None
    assert margin_after_fees(None, D("1"), fees("0.05", "0")) is None
    assert margin_after_fees(D("1"), None, fees("0.05", "0")) is None


def test_margin_after_fees_takes_the_channels_rounded_fees_off_what_the_seller_keeps() -> None:
    # 100 - 60 - 5.00 commission - 0.60 payment fee = 34.40 of 100
    assert margin_after_fees(D("100"), D("60"), fees("0.05", "0.006")) == D("0.344")


def test_without_fees_the_margin_after_fees_is_the_margin_before_them() -> None:
    assert margin_after_fees(D("80"), D("50"), fees("0", "0")) == margin_before_fees(D("80"),
                                                                                      D("50"))


def test_margin_after_fees_of_a_zero_price_is_undefined() -> None:
    assert margin_after_fees(D("0"), D("5"), fees("0.05", "0.006")) is None


def test_fees_of_one_hundred_percent_leave_only_the_cost_lost() -> None:
    assert margin_after_fees(D("50"), D("20"), fees("1", "0")) == D("-0.4")
    assert margin_after_fees(D("50"), D("20"), fees("0.7", "0.3")) == D("-0.4")


# -- margin status --------------------------------------------------------------------------------
@pytest.mark.parametrize(("margin", "cost", "expected"), [
    (D("0.30"), D("7"), MarginStatus.OK),
    (D("0.20"), D("8"), MarginStatus.OK),  # at the minimum is not under it
    (D("0.19"), D("8"), MarginStatus.THIN),
    (D("0"), D("10"), MarginStatus.THIN),  # sold at cost: nothing kept
    (D("-0.01"), D("10"), MarginStatus.NEGATIVE),
    (None, D("5"), MarginStatus.NEGATIVE),  # given away (price 0) with a cost
    (D("1"), D("0"), MarginStatus.UNKNOWN_COST),
    (None, D("0"), MarginStatus.UNKNOWN_COST),  # a free sample without a cost
    (D("0.5"), None, MarginStatus.UNKNOWN_COST),
])
def test_a_margin_is_judged_against_the_shop_minimum(
        margin: Decimal | None, cost: Decimal | None, expected: MarginStatus) -> None:
    assert margin_status(margin, cost, MINIMUM) == expected


def test_with_a_minimum_of_zero_selling_at_cost_is_ok() -> None:
    assert margin_status(D("0"), D("10"), D("0")) == MarginStatus.OK


def test_a_listing_fine_before_fees_can_be_thin_after_them() -> None:
    price, cost = D("100"), D("78")  # 22 % before fees, 16.4 % after 5 % + 0.6 %
    before = margin_before_fees(price, cost)
    after = margin_after_fees(price, cost, fees("0.05", "0.006"))
    assert margin_status(before, cost, MINIMUM) == MarginStatus.OK
    assert margin_status(after, cost, MINIMUM) == MarginStatus.THIN


def test_only_thin_and_negative_margins_are_flagged() -> None:
    assert {s for s in MarginStatus if is_flagged(s)} == {MarginStatus.THIN,
                                                         MarginStatus.NEGATIVE}
