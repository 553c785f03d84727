"""The shop's business calendar as Settings keep it: working days and hours (settings rows
"calendar.*"), public holidays and 调休 make-up days from the `holidays` library's calendar of
the shop's country, and the shop's own corrections per day (calendar_days) for what the library
does not know yet (next year's schedule is announced in November).

`holidays` is a maintained, offline library (its data ships in the package, updated with each
release); it is imported only when a calendar is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.models import Setting
from ecdesk.models.tickets import CalendarDay
from ecdesk.services.common.shop_time import shop_zone
from ecdesk.services.tickets.calendar import BusinessCalendar

PREFIX = "calendar."
COUNTRIES = ("CN", "")  # China's calendar (holidays and 调休), or weekdays alone


@dataclass(frozen=True)
class CalendarSettings:
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    hours: tuple[tuple[time, time], ...] = ((time(9), time(18)),)
    country: str = "CN"


@dataclass(frozen=True)
class CalendarDayInfo:
    day: date
    working: bool
    name: str
    source: str  # "library" or "shop"


def hours_text(hours: tuple[tuple[time, time], ...]) -> str:
    return ",".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in hours)


def parse_hours(text: str) -> tuple[tuple[time, time], ...]:
    """'09:00-12:00,13:30-18:00' as spans; ValueError names the part it cannot read."""
    spans = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        start, _dash, end = part.partition("-")
        try:
            span = (time.fromisoformat(start.strip()), time.fromisoformat(end.strip()))
        except ValueError:
            raise ValueError(part) from None
        spans.append(span)
    return tuple(sorted(spans))


def read_calendar_settings(session: Session) -> CalendarSettings:
    stored = dict(session.execute(select(Setting.key, Setting.value)
                                  .where(Setting.key.startswith(PREFIX))).tuples().all())
    default = CalendarSettings()
    weekdays = stored.get(PREFIX + "weekdays")
    hours = stored.get(PREFIX + "hours")
    return CalendarSettings(
        weekdays=tuple(int(d) for d in weekdays.split(",") if d) if weekdays is not None
        else default.weekdays,
        hours=parse_hours(hours) if hours else default.hours,
        country=stored.get(PREFIX + "country", default.country))


def calendar_problems(settings: CalendarSettings) -> list[Problem]:
    problems = []
    if not settings.weekdays or any(not 0 <= d <= 6 for d in settings.weekdays):
        problems.append(Problem(_("Working days"), _("choose at least one day of the week")))
    if not settings.hours:
        problems.append(Problem(_("Working hours"), _("give at least one span such as "
                                                      "09:00-18:00")))
    previous_end = None
    for start, end in settings.hours:
        if not start < end:
            problems.append(Problem(_("Working hours"), _("{start}-{end} ends before it starts")
                                    .format(start=f"{start:%H:%M}", end=f"{end:%H:%M}")))
        if previous_end is not None and start < previous_end:
            problems.append(Problem(_("Working hours"), _("the spans overlap")))
        previous_end = end
    if settings.country not in COUNTRIES:
        problems.append(Problem(_("Holidays"), _("'{value}' is not a holiday calendar ecdesk "
                                                 "knows").format(value=settings.country)))
    return problems


def library_days(country: str, years: range) -> dict[date, tuple[bool, str]]:
    """The library's days off and make-up working days: day: (working, name)."""
    if not country:
        return {}
    import holidays  # lazy: ~0.1 s, and only the calendar needs it

    calendar = holidays.country_holidays(country, years=list(years))
    days = {day: (False, str(name)) for day, name in calendar.items()}
    for day in getattr(calendar, "weekend_workdays", ()):
        if day.year in years:
            days[day] = (True, _("Make-up working day (调休)"))
    return days


def calendar_days(session: Session, years: range) -> list[CalendarDayInfo]:
    """Every special day of these years: the library's, with the shop's own over them."""
    settings = read_calendar_settings(session)
    days = {day: CalendarDayInfo(day, working, name, "library")
            for day, (working, name) in library_days(settings.country, years).items()}
    for row in session.scalars(select(CalendarDay).where(
            CalendarDay.day >= date(years.start, 1, 1),
            CalendarDay.day < date(years.stop, 1, 1))):
        days[row.day] = CalendarDayInfo(row.day, row.working, row.name, "shop")
    return sorted(days.values(), key=lambda info: info.day)


def business_calendar(session: Session, years: range) -> BusinessCalendar:
    """The shop's calendar for these years, in the shop's time zone."""
    settings = read_calendar_settings(session)
    days = calendar_days(session, years)
    return BusinessCalendar(
        zone=shop_zone(session),
        weekdays=frozenset(settings.weekdays), hours=settings.hours,
        days_off=frozenset(d.day for d in days if not d.working),
        working_days=frozenset(d.day for d in days if d.working))
