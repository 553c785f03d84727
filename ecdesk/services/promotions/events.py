"""The platform events of a year (年货节, 38女王节, 618, 99大促, 双11, 双12; Black Friday and Cyber
Monday for own sites) as presets a promotion can start from.

Their dates differ per year and platform, so they are data: each year has default dates (from
the rule below; 年货节 follows Chinese New Year, from a table of its dates), and the user's own
dates for a year, stored in the shop's settings as JSON (`promotion_events`: year -> event ->
[start, end]), replace the defaults of the events they name. Times are wall-clock in the shop's
zone ("2027-10-31 20:00"), the end not included, as a promotion's window.
"""

from __future__ import annotations

import json
from calendar import THURSDAY, monthcalendar
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import Setting
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.promotions.validation import _moment

SETTING = "promotion_events"
MOMENT = "%Y-%m-%d %H:%M"
CHINESE_PLATFORMS = ("tmall", "jd", "pinduoduo")
OWN_SITES = ("own_site", "shopify", "amazon")
# Chinese New Year (春节) by year: 年货节 ends about a week before it.
NEW_YEAR = {2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17),
            2027: date(2027, 2, 6), 2028: date(2028, 1, 26), 2029: date(2029, 2, 13),
            2030: date(2030, 2, 3), 2031: date(2031, 1, 23), 2032: date(2032, 2, 11),
            2033: date(2033, 1, 31), 2034: date(2034, 2, 19), 2035: date(2035, 2, 8)}
EVENT_LABELS = {"new_year_goods": N_("年货节 (New Year goods festival)"),
                "queen_day": N_("38女王节 (Women's Day)"), "618": N_("618"),
                "99": N_("99大促 (9.9 sale)"), "double_11": N_("双11 (Singles' Day)"),
                "double_12": N_("双12 (Double 12)"), "black_friday": N_("Black Friday"),
                "cyber_monday": N_("Cyber Monday")}


@dataclass(frozen=True)
class EventPreset:
    key: str  # an EVENT_LABELS key
    year: int
    starts: str  # YYYY-MM-DD HH:MM in the shop's zone, inclusive
    ends: str  # exclusive
    channel_kinds: tuple[str, ...]  # the kinds of channel that hold it
    edited: bool = False  # the user's dates, not the default

    @property
    def label(self) -> str:
        return _(EVENT_LABELS[self.key])


def _at(day: date, clock: str = "00:00") -> str:
    return f"{day:%Y-%m-%d} {clock}"


def default_events(year: int) -> list[EventPreset]:
    """The year's events at their usual dates (no 年货节 for a year the table does not know)."""
    thanksgiving = [week[THURSDAY] for week in monthcalendar(year, 11) if week[THURSDAY]][3]
    black_friday = date(year, 11, thanksgiving) + timedelta(days=1)  # the day after the 4th Thu
    events = []
    if year in NEW_YEAR:
        new_year = NEW_YEAR[year]
        events.append(EventPreset("new_year_goods", year, _at(new_year - timedelta(days=24)),
                                  _at(new_year - timedelta(days=9)), CHINESE_PLATFORMS))
    events += [
        EventPreset("queen_day", year, _at(date(year, 3, 1)), _at(date(year, 3, 9)),
                    CHINESE_PLATFORMS),
        EventPreset("618", year, _at(date(year, 5, 31), "20:00"), _at(date(year, 6, 19)),
                    CHINESE_PLATFORMS),
        EventPreset("99", year, _at(date(year, 9, 1)), _at(date(year, 9, 10)),
                    CHINESE_PLATFORMS),
        EventPreset("double_11", year, _at(date(year, 10, 31), "20:00"),
                    _at(date(year, 11, 12)), CHINESE_PLATFORMS),
        EventPreset("double_12", year, _at(date(year, 12, 10)), _at(date(year, 12, 13)),
                    CHINESE_PLATFORMS),
        EventPreset("black_friday", year, _at(black_friday),
                    _at(black_friday + timedelta(days=3)), OWN_SITES),
        EventPreset("cyber_monday", year, _at(black_friday + timedelta(days=3)),
                    _at(black_friday + timedelta(days=4)), OWN_SITES)]
    return events


def _stored(session: Session) -> dict[str, dict[str, list[str]]]:
    row = session.get(Setting, SETTING)
    return json.loads(row.value) if row is not None else {}


def event_presets(uow: UnitOfWork, year: int) -> list[EventPreset]:
    """The year's events by start: the user's dates where they set some, else the defaults."""
    with uow:
        own = _stored(uow.session).get(str(year), {})
    events = [EventPreset(e.key, year, *own[e.key], e.channel_kinds, edited=True)
              if e.key in own else e for e in default_events(year)]
    return sorted(events, key=lambda e: e.starts)


def save_event_dates(uow: UnitOfWork, year: int, dates: dict[str, tuple[str, str]]) -> Changed:
    """Keep the user's dates for some of a year's events (key -> start, end); refused whole
    with every problem, nothing written."""
    problems: list[Problem] = []
    cleaned: dict[str, list[str]] = {}
    for key, (starts, ends) in dates.items():
        if key not in EVENT_LABELS:
            problems.append(Problem(_("Event"), _("there is no event '{key}'").format(key=key)))
            continue
        moments = [_moment(_(EVENT_LABELS[key]), text, problems) for text in (starts, ends)]
        if None not in moments and moments[1] <= moments[0]:  # type: ignore[operator]
            problems.append(Problem(_(EVENT_LABELS[key]), _("the end {end} is not after the "
                                                            "start {start}").format(
                end=ends.strip(), start=starts.strip())))
        if None not in moments:
            cleaned[key] = [f"{moment:{MOMENT}}" for moment in moments]  # type: ignore[str-format]
    if problems:
        raise ValidationError(problems)
    with uow:
        stored = _stored(uow.session)
        stored.setdefault(str(year), {}).update(cleaned)
        uow.session.merge(Setting(key=SETTING, value=json.dumps(stored, ensure_ascii=False,
                                                                sort_keys=True)))
        uow.commit()
    return Changed.of(ChangeArea.PROMOTIONS, message=_("Event dates for {year} saved").format(
        year=year))


def reset_event_dates(uow: UnitOfWork, year: int) -> Changed:
    """Back to the default dates for every event of `year`."""
    with uow:
        stored = _stored(uow.session)
        stored.pop(str(year), None)
        uow.session.merge(Setting(key=SETTING, value=json.dumps(stored, sort_keys=True)))
        uow.commit()
    return Changed.of(ChangeArea.PROMOTIONS, message=_("Event dates for {year} are the "
                                                      "defaults again").format(year=year))
