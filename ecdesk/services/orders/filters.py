"""What the Orders table asks for: search, filters, calendar period and sort (no SQL here).

Periods are calendar days in the shop's time zone, half-open: `start` is the first day shown,
`end` the day after the last one, so that "this month" ends where the next one starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ecdesk.i18n import _

# Status filter values besides the plain OrderStatus values.
ALL_STATUSES = ""
OPEN = "open"  # pending or paid: promised to the buyer, not shipped yet

SORT_KEYS = ("date", "channel", "number", "customer", "status", "lines", "units", "total")
PERIODS = ("today", "7_days", "30_days", "this_month", "all")


@dataclass(frozen=True)
class OrderQuery:
    search: str = ""  # words matched against order number, customer and SKU
    channel_id: int | None = None
    status: str = ALL_STATUSES  # an OrderStatus value, OPEN or ALL_STATUSES
    start: date | None = None  # first calendar day, inclusive (shop time zone)
    end: date | None = None  # day after the last, exclusive
    sort: str = "date"  # one of SORT_KEYS
    descending: bool = True  # newest first


def period_days(period: str, today: date) -> tuple[date | None, date | None]:
    """The half-open [start, end) calendar days of a period preset, counted back from today."""
    tomorrow = today + timedelta(days=1)
    if period == "today":
        return today, tomorrow
    if period == "7_days":
        return today - timedelta(days=6), tomorrow
    if period == "30_days":
        return today - timedelta(days=29), tomorrow
    if period == "this_month":
        first = today.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1)
    if period == "all":
        return None, None
    raise ValueError(_("unknown period {period!r}").format(period=period))
