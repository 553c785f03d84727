"""Reorder arithmetic, checked against figures worked out by hand (no database, no Qt)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecdesk.services.stock.reorder import (
    days_of_cover,
    max_level,
    order_quantity,
    reorder_point,
    safety_stock,
    units_up,
    velocity,
)


def test_velocity_is_units_sold_divided_by_the_days_of_the_window() -> None:
    assert velocity(28, 28) == Decimal(1)
    assert velocity(42, 28) == Decimal("1.5")
    assert velocity(7, 28) == Decimal("0.25")


def test_a_sku_that_did_not_sell_has_a_velocity_of_zero() -> None:
    assert velocity(0, 28) == Decimal(0)


def test_a_window_of_no_days_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one day"):
        velocity(5, 0)


def test_safety_stock_is_days_of_sales_rounded_up_to_whole_units() -> None:
    assert safety_stock(Decimal("1.5"), 7) == 11  # 10.5 units
    assert safety_stock(Decimal("0.25"), 7) == 2  # 1.75 units
    assert safety_stock(Decimal(2), 7) == 14  # exactly 14, not rounded further


def test_no_sales_need_no_safety_stock() -> None:
    assert safety_stock(Decimal(0), 7) == 0


def test_the_reorder_point_is_the_sales_during_the_lead_time_plus_the_safety_stock() -> None:
    assert reorder_point(Decimal("1.5"), 14, 11) == 32  # 21 + 11
    assert reorder_point(Decimal("0.1"), 14, 0) == 2  # 1.4 units rounded up


def test_without_sales_the_reorder_point_is_the_safety_stock_alone() -> None:
    assert reorder_point(Decimal(0), 14, 0) == 0
    assert reorder_point(Decimal(0), 14, 3) == 3


def test_the_maximum_level_adds_the_days_of_cover_to_the_reorder_point() -> None:
    assert max_level(32, Decimal("1.5"), 30) == 77  # 32 + 45
    assert max_level(2, Decimal("0.1"), 30) == 5  # 2 + 3
    assert max_level(3, Decimal(0), 30) == 3


def test_the_order_quantity_brings_projected_stock_up_to_the_maximum() -> None:
    assert order_quantity(77, 20) == 57
    assert order_quantity(77, -5) == 82  # orders promised beyond the stock are made up too


def test_the_order_quantity_is_rounded_up_to_whole_packs() -> None:
    assert order_quantity(77, 20, pack_multiple=12) == 60
    assert order_quantity(77, 20, pack_multiple=57) == 57
    assert order_quantity(77, 20, pack_multiple=58) == 58


def test_the_order_quantity_is_at_least_the_minimum_order_and_then_whole_packs() -> None:
    assert order_quantity(77, 20, min_order_qty=100) == 100
    assert order_quantity(77, 20, pack_multiple=12, min_order_qty=100) == 108
    assert order_quantity(77, 20, min_order_qty=10) == 57  # a small minimum changes nothing


def test_nothing_is_ordered_at_or_above_the_maximum() -> None:
    assert order_quantity(77, 77) == 0
    assert order_quantity(77, 90, pack_multiple=12, min_order_qty=100) == 0


def test_a_pack_multiple_below_one_counts_as_single_units() -> None:
    assert order_quantity(10, 3, pack_multiple=0) == 7


def test_days_of_cover_is_available_stock_divided_by_velocity_to_a_tenth() -> None:
    assert days_of_cover(20, Decimal(1)) == Decimal("20.0")
    assert days_of_cover(10, velocity(38, 28)) == Decimal("7.4")  # 10 * 28 / 38 = 7.37
    assert days_of_cover(0, Decimal("1.5")) == Decimal("0.0")


def test_negative_available_stock_covers_no_days() -> None:
    assert days_of_cover(-3, Decimal("1.5")) == Decimal("0.0")


def test_stock_that_does_not_sell_has_no_days_of_cover() -> None:
    assert days_of_cover(10, Decimal(0)) is None
    assert days_of_cover(0, Decimal(0)) is None


def test_a_worked_example_from_sales_to_the_suggested_order() -> None:
    """42 sold in 28 days, 14 days lead time, 7 days of safety, 30 days of cover, 20 units
    available, packs of 12, at least 24 per order."""
    daily = velocity(42, 28)  # 1.5 a day
    safety = safety_stock(daily, 7)  # 10.5 -> 11
    point = reorder_point(daily, 14, safety)  # 21 + 11 = 32
    level = max_level(point, daily, 30)  # 32 + 45 = 77
    assert (daily, safety, point, level) == (Decimal("1.5"), 11, 32, 77)
    assert order_quantity(level, 20, pack_multiple=12, min_order_qty=24) == 60  # 57 -> 5 packs
    assert days_of_cover(20, daily) == Decimal("13.3")


def test_a_rate_that_does_not_divide_evenly_still_gives_whole_units_exactly() -> None:
    """5 sold in 3 days is 1.666... a day; over 3 days that is exactly 5 units, not 6
    (the 28-digit division's last digit must not round a whole number up)."""
    daily = velocity(5, 3)
    assert safety_stock(daily, 3) == 5
    assert reorder_point(daily, 3, 0) == 5
    assert max_level(0, daily, 6) == 10


@given(units=st.integers(0, 100_000), window=st.integers(1, 400), days=st.integers(0, 400))
def test_levels_from_a_velocity_equal_the_exact_fraction_rounded_up(units: int, window: int,
                                                                     days: int) -> None:
    assert units_up(velocity(units, window) * days) == -(-units * days // window)


def test_the_economic_order_quantity_is_computed_by_hand() -> None:
    from ecdesk.services.stock.reorder import economic_order_quantity
    # 2 a day = 730 a year, 50.00 an order, holding 25 % of 16.00 = 4.00 a unit a year:
    # sqrt(2 x 730 x 50 / 4) = sqrt(18,250) = 135.09 -> 136
    assert economic_order_quantity(Decimal(2), Decimal(50), Decimal(4)) == 136
    assert economic_order_quantity(Decimal(0), Decimal(50), Decimal(4)) == 0
    assert economic_order_quantity(Decimal(2), Decimal(0), Decimal(4)) == 0


def test_an_order_is_at_least_the_moq_then_in_whole_packs() -> None:
    from ecdesk.services.stock.reorder import in_packs
    assert in_packs(7, pack_multiple=6, min_order_qty=1) == 12
    assert in_packs(7, pack_multiple=6, min_order_qty=20) == 24
    assert in_packs(30, pack_multiple=1, min_order_qty=20) == 30
