"""A report's period: whole calendar days in the shop's time zone, first and last day included.

People say "1 to 30 November"; the database compares instants. `utc_range` turns the days into
the half-open UTC range [midnight of the first day, midnight after the last day), taking the
zone's offset (and any daylight-saving change) at each end, so an order placed at 23:30 shop
time on the last day is in the period and one at 00:00 the next day is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import N_, _, format_month
from ecdesk.services.common.shop_time import day_start

STORED_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's DateTime keeps UTC times in SQLite
WEEKLY_FROM_DAYS = 63  # periods longer than nine weeks are broken down by week, not by day


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # included

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError(
                [
                    Problem(
                        N_("Period"),
                        _("the end ({isoformat}) is before the start ({isoformat2})").format(
                            isoformat=self.last.isoformat(), isoformat2=self.first.isoformat()
                        ),
                    )
                ]
            )

    @staticmethod
    def month(year: int, month: int) -> Period:
        first = date(year, month, 1)
        return Period(first, _next_month(first) - timedelta(days=1))

    @staticmethod
    def month_of(day: date) -> Period:
        return Period.month(day.year, day.month)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def is_month(self) -> bool:
        return self == Period.month_of(self.first)

    def previous(self) -> Period:
        """The period just before: the month before a whole month, else as many days before."""
        if self.is_month:
            return Period.month_of(self.first - timedelta(days=1))
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def utc_range(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        return day_start(self.first, zone), day_start(self.last + timedelta(days=1), zone)

    def stored_range(self, zone: ZoneInfo) -> tuple[str, str]:
        """`utc_range` as the database stores times, for comparisons in SQL."""
        start, end = self.utc_range(zone)
        return stored(start), stored(end)

    def label(self) -> str:
        """"November 2026 (2026-11-01 to 2026-11-30)" in the current language (Babel's month
        names, not strftime's %B, which follows the C library's locale: a report made in the
        app and one made by the command line would differ)."""
        if self.is_month:
            return _("{month} ({first} to {last})").format(
                month=format_month(self.first), first=self.first.isoformat(),
                last=self.last.isoformat())
        return _("{first} to {last}").format(first=self.first.isoformat(),
                                             last=self.last.isoformat())

    def slug(self) -> str:
        """For file names: `2026-11` for a month, else `2026-11-03_2026-11-09`."""
        if self.is_month:
            return f"{self.first:%Y-%m}"
        return f"{self.first.isoformat()}_{self.last.isoformat()}"

    def buckets(self) -> list[Bucket]:
        """The period by day, or by week (Monday to Sunday, clipped) when it is long."""
        if self.days < WEEKLY_FROM_DAYS:
            return [Bucket(day, day) for day in _each_day(self.first, self.last)]
        result = []
        start = self.first
        while start <= self.last:
            end = min(start + timedelta(days=6 - start.weekday()), self.last)
            result.append(Bucket(start, end))
            start = end + timedelta(days=1)
        return result

    @property
    def weekly(self) -> bool:
        return self.days >= WEEKLY_FROM_DAYS


@dataclass(frozen=True)
class Bucket:
    """A day or a week of a period's breakdown."""

    first: date
    last: date

    def label(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return _("{first} to {last}").format(first=self.first.isoformat(),
                                             last=self.last.isoformat())


def stored(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STORED_FORMAT)


def last_month(today: date) -> Period:
    return Period.month_of(today.replace(day=1) - timedelta(days=1))


def this_month(today: date) -> Period:
    """From the first of the month to today."""
    return Period(today.replace(day=1), today)


def parse_day(text: str, field: str) -> date:
    """A date typed as YYYY-MM-DD; anything else is a Problem naming the field."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            [
                Problem(
                    field,
                    _("'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-30").format(
                        text=text
                    ),
                )
            ]
        ) from None


def parse_period(first: str, last: str) -> Period:
    problems = []
    days: list[date] = []
    for text, field in ((first, "From"), (last, "To")):
        try:
            days.append(parse_day(text, field))
        except ValidationError as error:
            problems += error.problems
    if problems:
        raise ValidationError(problems)
    return Period(days[0], days[1])


def _next_month(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1)


def _each_day(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
