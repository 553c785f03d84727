"""Report periods: calendar days of the shop's time zone as half-open UTC ranges, months,
previous periods, day and week buckets, and dates typed wrong."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecdesk.errors import ValidationError
from ecdesk.services.common.period import (
    Period,
    last_month,
    parse_period,
    stored,
    this_month,
)
from ecdesk.services.common.shop_time import shop_today

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def test_a_month_runs_from_its_first_to_its_last_day_leap_years_included() -> None:
    assert Period.month(2026, 2) == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert Period.month(2024, 2).last == date(2024, 2, 29)
    assert Period.month(2026, 12).last == date(2026, 12, 31)
    assert Period.month_of(date(2026, 11, 17)) == Period(date(2026, 11, 1), date(2026, 11, 30))


def test_a_shanghai_month_starts_at_four_in_the_afternoon_utc_the_day_before() -> None:
    start, end = Period.month(2026, 11).utc_range(SHANGHAI)
    assert start == datetime(2026, 10, 31, 16, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


def test_the_last_day_is_included_up_to_midnight_and_the_next_day_is_not() -> None:
    start, end = Period(date(2026, 11, 1), date(2026, 11, 30)).utc_range(SHANGHAI)
    late_on_the_last_day = datetime(2026, 11, 30, 23, 59, 59, tzinfo=SHANGHAI)
    first_moment_after = datetime(2026, 12, 1, 0, 0, tzinfo=SHANGHAI)
    assert start <= late_on_the_last_day < end
    assert not first_moment_after < end


def test_a_day_when_summer_time_starts_is_23_hours_and_one_when_it_ends_is_25() -> None:
    spring = Period(date(2026, 3, 29), date(2026, 3, 29)).utc_range(BERLIN)
    assert spring == (datetime(2026, 3, 28, 23, tzinfo=UTC), datetime(2026, 3, 29, 22, tzinfo=UTC))
    autumn_start, autumn_end = Period(date(2026, 11, 1), date(2026, 11, 1)).utc_range(NEW_YORK)
    assert autumn_end - autumn_start == timedelta(hours=25)


def test_stored_times_compare_like_the_database_keeps_them() -> None:
    start, end = Period.month(2026, 11).stored_range(SHANGHAI)
    assert (start, end) == ("2026-10-31 16:00:00.000000", "2026-11-30 16:00:00.000000")
    assert stored(datetime(2026, 11, 1, 8, 30, tzinfo=SHANGHAI)) == "2026-11-01 00:30:00.000000"


def test_the_period_before_a_month_is_the_month_before_even_across_a_year() -> None:
    assert Period.month(2026, 3).previous() == Period.month(2026, 2)
    assert Period.month(2026, 1).previous() == Period.month(2025, 12)


def test_the_period_before_some_days_is_as_many_days_just_before() -> None:
    week = Period(date(2026, 11, 9), date(2026, 11, 15))
    assert week.previous() == Period(date(2026, 11, 2), date(2026, 11, 8))
    part = Period(date(2026, 11, 1), date(2026, 11, 10))  # not a whole month
    assert part.previous() == Period(date(2026, 10, 22), date(2026, 10, 31))


def test_a_period_ending_before_it_starts_is_refused_naming_both_days() -> None:
    with pytest.raises(ValidationError) as refused:
        Period(date(2026, 11, 30), date(2026, 11, 1))
    [problem] = refused.value.problems
    assert problem.field == "Period"
    assert "2026-11-01" in problem.message and "2026-11-30" in problem.message


def test_dates_typed_wrong_are_each_named_with_the_form_expected() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_period("2026-11-31", "30.11.2026")
    fields = [p.field for p in refused.value.problems]
    assert fields == ["From", "To"]
    assert all("YYYY-MM-DD" in p.message for p in refused.value.problems)
    assert "'2026-11-31'" in refused.value.problems[0].message


def test_typed_dates_make_a_period() -> None:
    assert parse_period(" 2026-11-01", "2026-11-30 ") == Period.month(2026, 11)


def test_a_month_is_broken_down_by_day_and_a_quarter_by_monday_to_sunday_weeks() -> None:
    days = Period.month(2026, 11).buckets()
    assert len(days) == 30 and days[0].label() == "2026-11-01"
    quarter = Period(date(2026, 7, 1), date(2026, 9, 30))
    weeks = quarter.buckets()
    assert quarter.weekly and not Period.month(2026, 11).weekly
    assert weeks[0].first == date(2026, 7, 1) and weeks[0].last == date(2026, 7, 5)  # a Sunday
    assert all(w.first.weekday() == 0 for w in weeks[1:])
    assert weeks[-1].last == date(2026, 9, 30)
    assert weeks[1].label() == "2026-07-06 to 2026-07-12"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
       st.integers(min_value=0, max_value=400))
def test_buckets_cover_every_day_of_any_period_once_and_in_order(first: date, extra: int
                                                                 ) -> None:
    period = Period(first, first + timedelta(days=extra))
    buckets = period.buckets()
    assert buckets[0].first == period.first and buckets[-1].last == period.last
    for before, after in itertools.pairwise(buckets):
        assert after.first == before.last + timedelta(days=1)
    assert sum((b.last - b.first).days + 1 for b in buckets) == period.days


def test_last_month_and_this_month_count_from_today() -> None:
    assert last_month(date(2026, 1, 15)) == Period.month(2025, 12)
    assert this_month(date(2026, 12, 1)) == Period(date(2026, 12, 1), date(2026, 12, 1))
    assert shop_today(SHANGHAI, datetime(2026, 11, 30, 17, tzinfo=UTC)) == date(2026, 12, 1)


def test_labels_name_a_month_and_file_names_use_its_number() -> None:
    november = Period.month(2026, 11)
    assert november.label() == "November 2026 (2026-11-01 to 2026-11-30)"
    assert november.slug() == "2026-11"
    week = Period(date(2026, 11, 9), date(2026, 11, 15))
    assert week.label() == "2026-11-09 to 2026-11-15"
    assert week.slug() == "2026-11-09_2026-11-15"
