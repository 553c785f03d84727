"""Working time on the business calendar, against times worked out by hand: working hours,
weekends, China's public holidays and 调休 make-up days, a lunch break, a moment outside working
hours, and a daylight-saving change for a shop in Berlin."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecdesk.services.tickets.calendar import BusinessCalendar, WorkingTimeline

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
HOURS = timedelta(hours=1)


def china_2026() -> BusinessCalendar:
    """Monday to Friday 09:00-18:00 in Shanghai, with the library's 2026 holidays and 调休."""
    library = holidays.country_holidays("CN", years=[2026])
    return BusinessCalendar(SHANGHAI, days_off=frozenset(library),
                            working_days=frozenset(library.weekend_workdays))


def cst(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def test_four_working_hours_from_a_tuesday_morning_end_the_same_afternoon() -> None:
    assert china_2026().add(cst(2026, 3, 3, 10), 4 * HOURS) == cst(2026, 3, 3, 14)


def test_the_weekend_is_skipped_friday_afternoon_to_monday_morning() -> None:
    # Friday 16:00-18:00 is two hours; the other two are Monday 09:00-11:00.
    assert china_2026().add(cst(2026, 3, 6, 16), 4 * HOURS) == cst(2026, 3, 9, 11)


@pytest.mark.parametrize(("created", "due"), [
    (cst(2026, 3, 7, 20), cst(2026, 3, 9, 13)),  # Saturday evening: from Monday's opening
    (cst(2026, 3, 3, 7), cst(2026, 3, 3, 13)),  # before opening: from 09:00 that day
    (cst(2026, 3, 3, 21), cst(2026, 3, 4, 13)),  # after closing: from the next morning
])
def test_a_ticket_created_outside_working_hours_counts_from_the_next_opening(
        created: datetime, due: datetime) -> None:
    assert china_2026().add(created, 4 * HOURS) == due


def test_national_day_holidays_are_skipped() -> None:
    # 17:00-18:00 on 30 September, then 1-7 October are off (library); Thursday 8 October.
    assert china_2026().add(cst(2026, 9, 30, 17), 2 * HOURS) == cst(2026, 10, 8, 10)


def test_a_make_up_working_sunday_counts() -> None:
    # Friday 18 Sep 17:00-18:00, Saturday off, Sunday 20 Sep is 调休 (a working day): 8 hours.
    calendar = china_2026()
    assert calendar.is_working_day(date(2026, 9, 20))
    assert calendar.add(cst(2026, 9, 18, 17), 9 * HOURS) == cst(2026, 9, 20, 17)


def test_a_lunch_break_is_not_working_time() -> None:
    calendar = BusinessCalendar(SHANGHAI, hours=((time(9), time(12)), (time(13, 30), time(18))))
    assert calendar.add(cst(2026, 3, 3, 11), 2 * HOURS) == cst(2026, 3, 3, 14, 30)
    assert calendar.between(cst(2026, 3, 3, 8), cst(2026, 3, 3, 20)) == timedelta(hours=7.5)


def test_a_daylight_saving_change_keeps_the_shops_wall_clock_hours() -> None:
    # Berlin moves to summer time on Sunday 29 March 2026. Friday 17:00 CET (16:00 UTC) plus two
    # working hours: one on Friday, one from Monday 09:00 CEST, which is 07:00 UTC -> 08:00 UTC.
    calendar = BusinessCalendar(BERLIN)
    due = calendar.add(datetime(2026, 3, 27, 17, tzinfo=BERLIN), 2 * HOURS)
    assert due == datetime(2026, 3, 30, 8, tzinfo=UTC)
    assert due.astimezone(BERLIN).hour == 10


def test_working_time_between_two_moments_leaves_out_nights_and_weekends() -> None:
    calendar = china_2026()
    assert calendar.between(cst(2026, 3, 6, 16), cst(2026, 3, 9, 11)) == 4 * HOURS
    assert calendar.between(cst(2026, 3, 9, 11), cst(2026, 3, 6, 16)) == timedelta()


def test_hours_that_end_before_they_start_are_refused() -> None:
    with pytest.raises(ValueError, match="end before they start"):
        BusinessCalendar(SHANGHAI, hours=((time(18), time(9)),))


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        china_2026().add(datetime(2026, 3, 3, 10), HOURS)


MOMENTS = st.datetimes(min_value=datetime(2026, 1, 5), max_value=datetime(2026, 12, 1),
                       timezones=st.just(SHANGHAI))


@given(start=MOMENTS, minutes=st.integers(min_value=1, max_value=60 * 200))
def test_the_timeline_of_working_seconds_agrees_with_adding_working_time(
        start: datetime, minutes: int) -> None:
    calendar = china_2026()
    timeline = WorkingTimeline(calendar, date(2026, 1, 1), date(2027, 3, 31))
    due = calendar.add(start, timedelta(minutes=minutes))
    worked = timeline.worked_at(start.timestamp()) + minutes * 60
    assert timeline.moment_of(worked) == pytest.approx(due.timestamp())
    assert calendar.between(start, due) == timedelta(minutes=minutes)
