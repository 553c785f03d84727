"""The promotion calendar as iCalendar (.ics) for any calendar app, written by the `icalendar`
library (RFC 5545 is not written by hand here).

One event per promotion that is not cancelled, in the zone it was entered in (the file carries
that zone's rules). A promotion with daily hours is an event of those hours repeated daily until
its end. The same promotions and `stamp` give the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ecdesk.db import UnitOfWork
from ecdesk.i18n import _
from ecdesk.services.promotions.store import read_promotions
from ecdesk.services.promotions.terms import KIND_LABELS, PromotionInfo, Status

if TYPE_CHECKING:
    from icalendar import Event


def export_calendar(uow: UnitOfWork, path: Path, *, stamp: datetime | None = None) -> int:
    """Write the calendar to `path`; the number of promotions written."""
    from icalendar import Calendar

    with uow:
        promotions = read_promotions(uow.session, statuses=(Status.DRAFT, Status.SCHEDULED))
    calendar = Calendar()
    calendar.add("prodid", "-//ecdesk//promotions//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Promotions"))
    for promotion in promotions:
        calendar.add_component(_event(promotion, stamp or datetime.now(UTC)))
    calendar.add_missing_timezones()
    path.write_bytes(calendar.to_ical())
    return len(promotions)


def _event(promotion: PromotionInfo, stamp: datetime) -> Event:
    from icalendar import Event

    zone = ZoneInfo(promotion.time_zone)
    start, end = promotion.starts_at.astimezone(zone), promotion.ends_at.astimezone(zone)
    event = Event()
    event.add("uid", f"promotion-{promotion.id}@ecdesk")
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("summary", promotion.name)
    if promotion.daily_from is not None and promotion.daily_to is not None:
        first = start.replace(hour=promotion.daily_from.hour, minute=promotion.daily_from.minute,
                              second=0, microsecond=0)
        if first < start:
            first += timedelta(days=1)
        last = first.replace(hour=promotion.daily_to.hour, minute=promotion.daily_to.minute)
        if last <= first:
            last += timedelta(days=1)  # over midnight
        event.add("dtstart", first)
        event.add("dtend", last)
        event.add("rrule", {"freq": "daily", "until": promotion.ends_at})
    else:
        event.add("dtstart", start)
        event.add("dtend", end)
    lines = [_(KIND_LABELS[promotion.kind]), ", ".join(promotion.channel_names)]
    if promotion.coupon_code:
        lines.append(_("Coupon code: {code}").format(code=promotion.coupon_code))
    if promotion.notes:
        lines.append(promotion.notes)
    event.add("description", "\n".join(lines))
    event.add("categories", list(promotion.channel_names) or [_("Promotions")])
    if promotion.status is Status.DRAFT:
        event.add("status", "TENTATIVE")
    return event
