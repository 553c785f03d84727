"""The demo's sales calendar: weekly rhythm, growth, the Spring Festival lull and the festivals."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from statistics import median

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecdesk.services.demo.calendar import (
    day_weight,
    elapsed_share,
    is_festival,
    split_exactly,
    year_of_days,
)

LAST_DAY = date(2026, 12, 1)
DAYS = year_of_days(LAST_DAY)
WEIGHTS = {day: day_weight(day, DAYS[0]) for day in DAYS}


def test_a_year_is_365_consecutive_days_ending_on_the_given_day() -> None:
    assert len(DAYS) == 365
    assert (DAYS[0], DAYS[-1]) == (date(2025, 12, 2), LAST_DAY)
    assert all(b - a == timedelta(days=1) for a, b in pairwise(DAYS))


def test_double_11_is_the_busiest_day_and_618_the_busiest_of_june() -> None:
    typical = median(WEIGHTS.values())
    assert max(WEIGHTS, key=WEIGHTS.__getitem__) == date(2026, 11, 11)
    assert WEIGHTS[date(2026, 11, 11)] > 5 * typical
    june = {day: w for day, w in WEIGHTS.items() if day.month == 6}
    assert max(june, key=june.__getitem__) == date(2026, 6, 18)
    assert WEIGHTS[date(2026, 6, 18)] > 3.5 * typical


def test_the_days_before_a_festival_build_up_to_it() -> None:
    assert (WEIGHTS[date(2026, 11, 3)] < WEIGHTS[date(2026, 11, 10)]
            < WEIGHTS[date(2026, 11, 11)])
    assert WEIGHTS[date(2026, 6, 10)] > WEIGHTS[date(2026, 7, 8)]  # same weekday, no festival


def test_weekends_are_busier_than_midweek_and_sales_grow_over_the_year() -> None:
    saturday, wednesday = date(2026, 8, 15), date(2026, 8, 12)
    assert day_weight(saturday, DAYS[0]) > 1.1 * day_weight(wednesday, DAYS[0])
    same_weekday_later = date(2026, 9, 16)
    assert day_weight(same_weekday_later, DAYS[0]) > day_weight(wednesday, DAYS[0])
    assert day_weight(DAYS[-1], DAYS[0]) / day_weight(DAYS[-1] - timedelta(weeks=50), DAYS[0]) \
        == pytest.approx(1.3 / (1 + 0.3 * 14 / 365), rel=0.01)


def test_the_spring_festival_quietens_the_shop_for_two_weeks() -> None:
    new_year = date(2026, 2, 17)
    assert WEIGHTS[new_year] < 0.5 * WEIGHTS[new_year - timedelta(weeks=3)]
    assert WEIGHTS[new_year + timedelta(days=14)] == pytest.approx(
        WEIGHTS[new_year - timedelta(weeks=3)], rel=0.1)


def test_festival_days_are_the_peaks_and_their_eves() -> None:
    assert is_festival(date(2026, 11, 11)) and is_festival(date(2026, 6, 18))
    assert is_festival(date(2026, 11, 10)) and not is_festival(date(2026, 11, 5))
    assert not is_festival(date(2026, 3, 8))


def test_the_share_of_a_day_gone_grows_from_nothing_to_everything() -> None:
    day = date(2026, 5, 5)
    shares = [elapsed_share(day, hour * 3600) for hour in range(25)]
    assert shares[0] == 0 and shares[-1] == pytest.approx(1)
    assert shares == sorted(shares)
    assert shares[12] < 0.5 < shares[20], "the evening sells more than the morning"
    assert elapsed_share(date(2026, 11, 11), 3600) > 4 * elapsed_share(day, 3600), \
        "Double 11 starts with a midnight rush"


@given(total=st.integers(min_value=0, max_value=10**7),
       weights=st.lists(st.floats(min_value=0.01, max_value=100), min_size=1, max_size=400))
def test_splitting_a_total_by_weights_adds_up_exactly(total: int, weights: list[float]) -> None:
    parts = split_exactly(total, weights)
    assert sum(parts) == total and len(parts) == len(weights)
    assert all(abs(part - total * w / sum(weights)) < 1 for part, w in zip(parts, weights,
                                                                          strict=True))


def test_splitting_nothing_or_by_zero_weights_gives_zeros() -> None:
    assert split_exactly(0, [1.0, 2.0]) == [0, 0]
    assert split_exactly(5, [0.0, 0.0]) == [0, 0]
