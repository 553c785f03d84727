"""The platform events of a year: default dates by rule (年货节 from Chinese New Year, Black
Friday the day after Thanksgiving), the shop's own dates kept per year replacing the defaults
they name, refused whole when one is wrong, and put back to the defaults."""

from __future__ import annotations

import pytest

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.services.promotions.events import (
    default_events,
    event_presets,
    reset_event_dates,
    save_event_dates,
)


def dates(events: list) -> dict[str, tuple[str, str]]:  # type: ignore[type-arg]
    return {e.key: (e.starts, e.ends) for e in events}


def test_the_defaults_follow_each_years_calendar() -> None:
    d2026, d2024 = dates(default_events(2026)), dates(default_events(2024))
    assert d2026["new_year_goods"] == ("2026-01-24 00:00", "2026-02-08 00:00")  # 春节 02-17
    assert d2026["double_11"] == ("2026-10-31 20:00", "2026-11-12 00:00")
    assert d2024["black_friday"] == ("2024-11-29 00:00", "2024-12-02 00:00")  # 5th Friday
    assert d2024["cyber_monday"] == ("2024-12-02 00:00", "2024-12-03 00:00")
    assert "new_year_goods" not in dates(default_events(2040))  # no table entry: left out


def test_the_shops_own_dates_replace_the_defaults_of_that_year_only(tmp_shop: Database) -> None:
    save_event_dates(tmp_shop.uow(), 2027, {"double_11": ("2027-10-20 20:00", "2027-11-12")})
    events = event_presets(tmp_shop.uow(), 2027)
    eleven = next(e for e in events if e.key == "double_11")
    assert (eleven.starts, eleven.ends, eleven.edited) == (
        "2027-10-20 20:00", "2027-11-12 00:00", True)
    assert [e.starts for e in events] == sorted(e.starts for e in events)
    assert dates(event_presets(tmp_shop.uow(), 2028))["double_11"][0] == "2028-10-31 20:00"
    reset_event_dates(tmp_shop.uow(), 2027)
    assert dates(event_presets(tmp_shop.uow(), 2027)) == dates(default_events(2027))


def test_bad_dates_are_refused_whole_and_nothing_is_kept(tmp_shop: Database) -> None:
    with pytest.raises(ValidationError) as refused:
        save_event_dates(tmp_shop.uow(), 2027, {"618": ("2027-06-01", "2027-06-19"),
                                                "double_12": ("2027-12-13", "2027-12-10"),
                                                "christmas": ("2027-12-24", "2027-12-26"),
                                                "99": ("soon", "2027-09-10")})
    messages = [str(p) for p in refused.value.problems]
    assert any("not after the start" in m for m in messages)
    assert any("there is no event 'christmas'" in m for m in messages)
    assert any("'soon' is not a time" in m for m in messages)
    assert dates(event_presets(tmp_shop.uow(), 2027)) == dates(default_events(2027))
