"""Period presets of the Orders page (calendar days, half-open).

(A channel's expected fees are tested with the pricing module: tests/unit/test_pricing.py.)"""

from __future__ import annotations

from datetime import date

import pytest

from ecdesk.services.orders.filters import PERIODS, period_days

TODAY = date(2026, 12, 31)


@pytest.mark.parametrize(("period", "expected"), [
    ("today", (date(2026, 12, 31), date(2027, 1, 1))),
    ("7_days", (date(2026, 12, 25), date(2027, 1, 1))),
    ("30_days", (date(2026, 12, 2), date(2027, 1, 1))),
    ("this_month", (date(2026, 12, 1), date(2027, 1, 1))),
    ("all", (None, None)),
])
def test_each_period_runs_from_its_first_day_to_the_day_after_today(
        period: str, expected: tuple[date | None, date | None]) -> None:
    assert period_days(period, TODAY) == expected


def test_this_month_ends_where_the_next_month_begins_even_in_february() -> None:
    assert period_days("this_month", date(2028, 2, 29)) == (date(2028, 2, 1), date(2028, 3, 1))
    assert period_days("this_month", date(2026, 1, 1)) == (date(2026, 1, 1), date(2026, 2, 1))


def test_every_listed_period_is_known_and_an_unknown_one_is_refused() -> None:
    for period in PERIODS:
        period_days(period, TODAY)
    with pytest.raises(ValueError, match="unknown period 'week'"):
        period_days("week", TODAY)

