"""Landed cost and the moving average, computed by hand."""

from __future__ import annotations

from decimal import Decimal as D  # noqa: N817 (hand-computed figures read better)

import pytest

from ecdesk.services.common.spread import spread_by_value
from ecdesk.services.purchasing.costing import landed_unit_cost, moving_average
from ecdesk.services.suppliers.commands import unit_cost_at


def test_costs_spread_by_value_add_up_to_the_cent_by_the_largest_remainder() -> None:
    assert spread_by_value(D("10.00"), [D(50), D(30), D(20)]) == [D("5.00"), D("3.00"),
                                                                  D("2.00")]
    # 1.00 over three equal lines: 33.33 cents each, the one cent left goes to the first
    assert spread_by_value(D("1.00"), [D(1), D(1), D(1)]) == [D("0.34"), D("0.33"), D("0.33")]
    # 0.10 over 1:2 is 3.33 and 6.67 cents: floors 3 and 6, the cent to the larger fraction
    assert spread_by_value(D("0.10"), [D(1), D(2)]) == [D("0.03"), D("0.07")]


def test_lines_without_value_share_the_costs_evenly() -> None:
    assert spread_by_value(D("0.05"), [D(0), D(0)]) == [D("0.03"), D("0.02")]


def test_a_landed_unit_cost_is_the_converted_cost_plus_its_shares_per_unit() -> None:
    # 10 mugs at 2.50 USD, rate 7.20, their share of the order's costs 24.00 CNY:
    # 2.50 x 7.20 = 18.00, + 24.00 / 10 = 2.40 -> 20.40
    assert landed_unit_cost(D("2.50"), D("7.20"), [(D("24.00"), 10)]) == D("20.40")
    # 3 units at 1.00, 1.00 of costs: 1 + 0.3333 -> 1.33 (rounded once, at the unit price)
    assert landed_unit_cost(D("1.00"), D(1), [(D("0.50"), 3), (D("0.50"), 3)]) == D("1.33")


def test_an_exchange_rate_of_zero_is_refused() -> None:
    with pytest.raises(ValueError, match="above zero"):
        landed_unit_cost(D("1.00"), D(0), [])


def test_the_moving_average_weighs_stock_on_hand_against_the_delivery() -> None:
    # 5 on hand at 10.00, 10 arrive at 20.40: (50.00 + 204.00) / 15 = 16.933 -> 16.93
    assert moving_average(5, D("10.00"), 10, D("20.40")) == D("16.93")
    # nothing (or less than nothing) on hand: the delivery's cost
    assert moving_average(0, D("10.00"), 4, D("12.34")) == D("12.34")
    assert moving_average(-3, D("10.00"), 4, D("12.34")) == D("12.34")
    # nothing accepted (all rejected): the cost stays
    assert moving_average(5, D("10.00"), 0, D("99.00")) == D("10.00")


def test_a_price_break_applies_from_its_quantity_on() -> None:
    breaks = [(100, D("2.20")), (50, D("2.40"))]
    assert unit_cost_at(D("2.50"), breaks, 49) == D("2.50")
    assert unit_cost_at(D("2.50"), breaks, 50) == D("2.40")
    assert unit_cost_at(D("2.50"), breaks, 500) == D("2.20")
