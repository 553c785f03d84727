"""Shop time: today, day bounds and shown times follow the shop's zone, never the computer's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from ecdesk.services.common.shop_time import (
    computer_clock_differs,
    day_bounds,
    day_start,
    shop_now,
    shop_stamp,
    shop_today,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
EVENING_IN_SHANGHAI = datetime(2026, 12, 7, 12, 38, tzinfo=UTC)  # 20:38 in Shanghai, 13:38 Berlin
AFTER_MIDNIGHT_IN_SHANGHAI = datetime(2026, 12, 7, 16, 30, tzinfo=UTC)  # 00:30 on the 8th


def test_today_is_the_shops_calendar_day_not_the_computers(
        computer_in: Callable[[str], None]) -> None:
    computer_in("Europe/Berlin")  # still the 7th in Berlin
    assert shop_today(SHANGHAI, AFTER_MIDNIGHT_IN_SHANGHAI) == date(2026, 12, 8)
    assert shop_now(SHANGHAI, AFTER_MIDNIGHT_IN_SHANGHAI).hour == 0


def test_now_without_a_moment_is_this_instant_on_the_shops_clock() -> None:
    before = datetime.now(UTC)
    now = shop_now(SHANGHAI)
    assert now.tzinfo == SHANGHAI
    assert before <= now <= datetime.now(UTC)


def test_a_shop_day_is_the_half_open_utc_range_between_its_midnights() -> None:
    start, end = day_bounds(date(2026, 12, 7), SHANGHAI)
    assert start == datetime(2026, 12, 6, 16, tzinfo=UTC)
    assert end == datetime(2026, 12, 7, 16, tzinfo=UTC) == day_start(date(2026, 12, 8), SHANGHAI)
    assert start <= EVENING_IN_SHANGHAI < end
    assert not start <= AFTER_MIDNIGHT_IN_SHANGHAI < end


def test_a_day_when_the_clocks_go_forward_is_23_hours_long() -> None:
    start, end = day_bounds(date(2026, 3, 29), BERLIN)
    assert end - start == timedelta(hours=23)
    assert start == datetime(2026, 3, 28, 23, tzinfo=UTC)


def test_a_time_is_shown_on_the_shops_clock_whatever_the_computers_zone(
        computer_in: Callable[[str], None]) -> None:
    computer_in("Europe/Berlin")
    assert shop_stamp(EVENING_IN_SHANGHAI, SHANGHAI) == "2026-12-07 20:38"
    assert shop_stamp(AFTER_MIDNIGHT_IN_SHANGHAI, SHANGHAI) == "2026-12-08 00:30"


def test_the_clocks_differ_only_when_the_computer_reads_another_time(
        computer_in: Callable[[str], None]) -> None:
    computer_in("Asia/Shanghai")
    assert not computer_clock_differs(SHANGHAI, EVENING_IN_SHANGHAI)
    assert not computer_clock_differs(ZoneInfo("Asia/Singapore"), EVENING_IN_SHANGHAI), \
        "another zone with the same clock reading cannot be misread"
    computer_in("Europe/Berlin")
    assert computer_clock_differs(SHANGHAI, EVENING_IN_SHANGHAI)
    assert not computer_clock_differs(BERLIN, EVENING_IN_SHANGHAI)
