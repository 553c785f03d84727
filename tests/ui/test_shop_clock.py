"""The shop's clock: one timer, a tick when the shop's minute turns and another when its day
does, read from a fake clock here (no test waits for real time)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ecdesk.views.shell.shop_clock import TICK_SLACK_MS, ShopClock

SHANGHAI = ZoneInfo("Asia/Shanghai")


class FakeTime:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


class Ticks:
    def __init__(self, clock: ShopClock) -> None:
        self.minutes: list[datetime] = []
        self.days: list[date] = []
        clock.minute_changed.connect(self.minutes.append)
        clock.day_changed.connect(self.days.append)


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime(datetime(2026, 12, 7, 12, 37, 30, tzinfo=UTC))  # 20:37:30 in Shanghai


@pytest.fixture
def clock(qapp: object, fake: FakeTime) -> ShopClock:
    return ShopClock(SHANGHAI, now=fake)


def test_the_clock_reads_the_shops_time_and_day(clock: ShopClock) -> None:
    assert clock.now() == datetime(2026, 12, 7, 20, 37, 30, tzinfo=SHANGHAI)
    assert clock.today() == date(2026, 12, 7)


def test_nothing_ticks_while_the_minute_has_not_turned(clock: ShopClock, fake: FakeTime) -> None:
    ticks = Ticks(clock)
    fake.advance(seconds=29)
    clock.check()
    assert ticks.minutes == [] and ticks.days == []


def test_a_new_minute_ticks_with_the_shops_minute(clock: ShopClock, fake: FakeTime) -> None:
    ticks = Ticks(clock)
    fake.advance(seconds=31)
    clock.check()
    assert ticks.minutes == [datetime(2026, 12, 7, 20, 38, tzinfo=SHANGHAI)]
    assert ticks.days == []


def test_the_shops_midnight_turns_its_day_whatever_the_computers_zone(
        qapp: object, computer_in: Callable[[str], None]) -> None:
    computer_in("Europe/Berlin")  # 17:00 in Berlin: the computer's day goes on
    fake = FakeTime(datetime(2026, 12, 7, 15, 59, 59, tzinfo=UTC))
    clock = ShopClock(SHANGHAI, now=fake)
    ticks = Ticks(clock)
    fake.advance(seconds=2)
    clock.check()
    assert ticks.days == [date(2026, 12, 8)]
    assert ticks.minutes == [datetime(2026, 12, 8, 0, 0, tzinfo=SHANGHAI)]


def test_after_a_sleep_the_clock_ticks_once_with_the_time_it_is_now(
        clock: ShopClock, fake: FakeTime) -> None:
    ticks = Ticks(clock)
    fake.advance(days=2, minutes=5)
    clock.check()
    assert ticks.minutes == [datetime(2026, 12, 9, 20, 42, tzinfo=SHANGHAI)]
    assert ticks.days == [date(2026, 12, 9)]


def test_a_new_time_zone_turns_the_shops_clock(clock: ShopClock) -> None:
    ticks = Ticks(clock)
    los_angeles = ZoneInfo("America/Los_Angeles")
    clock.set_zone(los_angeles)  # 04:37 the same day
    assert ticks.minutes == [datetime(2026, 12, 7, 4, 37, tzinfo=los_angeles)]
    assert ticks.days == []
    clock.set_zone(ZoneInfo("Pacific/Kiritimati"))  # UTC+14: 02:37 the next day
    assert ticks.days == [date(2026, 12, 8)]


def test_one_timer_wakes_just_after_the_next_minute_turns(
        clock: ShopClock, fake: FakeTime) -> None:
    timer = clock._timer
    assert timer.isSingleShot() and timer.isActive()
    assert timer.interval() == 30_000 + TICK_SLACK_MS  # 20:37:30 -> 20:38:00
    fake.advance(seconds=40)
    clock.check()
    assert timer.interval() == 50_000 + TICK_SLACK_MS  # 20:38:10 -> 20:39:00


def test_a_fake_time_set_later_starts_without_a_tick(qapp: object, fake: FakeTime) -> None:
    clock = ShopClock(SHANGHAI)
    ticks = Ticks(clock)
    clock.set_source(fake)
    clock.check()
    assert ticks.minutes == [] and clock.now() == fake().astimezone(SHANGHAI)


def test_a_stopped_clock_never_ticks_again(clock: ShopClock, fake: FakeTime) -> None:
    # The shop was closed: a page still alive would read a closed (or deleted) file.
    ticks = Ticks(clock)
    clock.stop()
    assert not clock._timer.isActive()
    fake.advance(days=1)
    clock.check()
    clock.set_zone(ZoneInfo("Europe/Berlin"))
    clock.set_source(fake)
    assert ticks.minutes == [] and ticks.days == [] and not clock._timer.isActive()
