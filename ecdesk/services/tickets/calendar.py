"""The business calendar: when the shop works, as moments in UTC, and working time between them.

Pure arithmetic, no database and no clock: working days (weekdays, minus public holidays, plus
the make-up working days, 调休, China's holiday schedule adds on weekends) and the working hours
of each, in the shop's time zone. A day's hours are turned into UTC through the zone on that
very date, so a daylight-saving change moves them with the wall clock: 09:00 in Berlin is 08:00
UTC in winter and 07:00 UTC in summer, and an SLA clock counts the hours a person works.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

MAX_DAYS = 3 * 366  # the furthest a target is searched for: three years of calendar

Span = tuple[datetime, datetime]  # [start, end) in UTC


@dataclass(frozen=True)
class BusinessCalendar:
    zone: ZoneInfo
    weekdays: frozenset[int] = frozenset(range(5))  # Monday 0 … Sunday 6
    hours: tuple[tuple[time, time], ...] = ((time(9), time(18)),)  # local spans of a day
    days_off: frozenset[date] = frozenset()  # public holidays and their bridging days
    working_days: frozenset[date] = frozenset()  # make-up working days (调休) on weekends
    _spans: dict[date, tuple[Span, ...]] = field(default_factory=dict, compare=False,
                                                 repr=False)

    def __post_init__(self) -> None:
        for start, end in self.hours:
            if not start < end:
                raise ValueError(f"working hours {start}-{end} end before they start")

    def is_working_day(self, day: date) -> bool:
        if day in self.working_days:
            return True
        return day.weekday() in self.weekdays and day not in self.days_off

    def spans(self, day: date) -> tuple[Span, ...]:
        """The day's working hours as UTC spans (none on a day off); cached per day."""
        cached = self._spans.get(day)
        if cached is None:
            cached = tuple(self._utc_span(day, start, end) for start, end in self.hours) \
                if self.is_working_day(day) else ()
            self._spans[day] = cached
        return cached

    def _utc_span(self, day: date, start: time, end: time) -> Span:
        return (datetime.combine(day, start, self.zone).astimezone(UTC),
                datetime.combine(day, end, self.zone).astimezone(UTC))

    def _local_day(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def _spans_from(self, moment: datetime) -> Iterator[Span]:
        """Working spans that end after `moment`, clipped to start no earlier, in order."""
        day = self._local_day(moment) - timedelta(days=1)  # a span may cross midnight in UTC
        for offset in range(MAX_DAYS):
            for start, end in self.spans(day + timedelta(days=offset)):
                if end > moment:
                    yield max(start, moment), end
        raise ValueError("no working time within three years: check the working days")

    def add(self, moment: datetime, duration: timedelta) -> datetime:
        """The moment `duration` of working time after `moment` (a moment outside working
        hours starts counting at the next opening)."""
        _check_aware(moment)
        left = duration
        for start, end in self._spans_from(moment):
            if end - start >= left:
                return start + left
            left -= end - start
        raise AssertionError("unreachable")  # _spans_from raises first

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Working time in [start, end); zero when end is not after start."""
        _check_aware(start)
        _check_aware(end)
        total = timedelta()
        if end <= start:
            return total
        for span_start, span_end in self._spans_from(start):
            if span_start >= end:
                break
            total += min(span_end, end) - span_start
        return total

    def next_opening(self, moment: datetime) -> datetime:
        """`moment` if the shop is working then, else when it next opens."""
        return next(self._spans_from(moment))[0]


def _check_aware(moment: datetime) -> None:
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: the calendar works in aware times")


@dataclass(frozen=True)
class WorkingTimeline:
    """Working time as one number line: seconds of work before each span of a range of days.

    Adding working time to many moments is then a binary search each (the benchmark's pandas
    baseline uses the same arrays with numpy's searchsorted)."""

    calendar: BusinessCalendar
    first: date
    last: date

    @cached_property
    def arrays(self) -> tuple[list[float], list[float], list[float]]:
        """(span starts, span ends, work before each span) in POSIX seconds."""
        starts, ends, before, total = [], [], [], 0.0
        day = self.first
        while day <= self.last:
            for start, end in self.calendar.spans(day):
                starts.append(start.timestamp())
                ends.append(end.timestamp())
                before.append(total)
                total += (end - start).total_seconds()
            day += timedelta(days=1)
        return starts, ends, before

    def worked_at(self, seconds: float) -> float:
        """Working seconds from the timeline's start to the POSIX time `seconds`."""
        starts, ends, before = self.arrays
        index = bisect_right(starts, seconds) - 1
        if index < 0:
            return 0.0
        return before[index] + min(seconds, ends[index]) - starts[index]

    def moment_of(self, worked: float) -> float:
        """The POSIX time at which `worked` working seconds have passed (the first such)."""
        starts, _ends, before = self.arrays
        # bisect_left: work that ends exactly at a span's end is due then (18:00), as `add`.
        index = max(bisect_left(before, worked) - 1, 0)
        return starts[index] + worked - before[index]
