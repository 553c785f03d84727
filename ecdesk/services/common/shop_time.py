"""Shop time: the one clock behind every "now", "today" and time of day the shop shows.

Times are stored in UTC. The shop's time zone (a setting) decides which calendar day a moment
falls on, where a day starts and ends, and how a moment is shown; the computer's own zone plays
no part. A shop in Shanghai run from a laptop set to Berlin closes its day at midnight Shanghai
time, and an order placed at 20:38 in Shanghai shows as 20:38 on that laptop too.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.models import Setting

DEFAULT_TIMEZONE = "Asia/Shanghai"  # a new shop's zone until its owner chooses one


def shop_zone(session: Session) -> ZoneInfo:
    """The shop's time zone as the caller's transaction sees the setting."""
    name = session.scalar(select(Setting.value).where(Setting.key == "timezone"))
    return ZoneInfo(name or DEFAULT_TIMEZONE)


def shop_now(zone: ZoneInfo, now: datetime | None = None) -> datetime:
    """This moment (or `now`, an aware time) on the shop's clock."""
    return (now or datetime.now(UTC)).astimezone(zone)


def shop_today(zone: ZoneInfo, now: datetime | None = None) -> date:
    """The shop's calendar day at this moment (or at `now`)."""
    return shop_now(zone, now).date()


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant a calendar day of the shop begins (its local midnight)."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """A shop calendar day as the half-open UTC range [its midnight, the next midnight).

    Each end takes the zone's offset of its own day, so a day with a daylight-saving change is
    23 or 25 hours long, as the shop lived it.
    """
    return day_start(day, zone), day_start(day + timedelta(days=1), zone)


def shop_stamp(moment: datetime, zone: ZoneInfo) -> str:
    """A moment's day and time on the shop's clock: `2026-12-07 20:38`."""
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def computer_clock_differs(zone: ZoneInfo, now: datetime | None = None) -> bool:
    """Does this computer's clock read differently from the shop's right now?

    Only then can a bare `20:38` be misread, so only then does a view add "shop time" to it.
    """
    moment = now or datetime.now(UTC)
    return moment.astimezone().utcoffset() != moment.astimezone(zone).utcoffset()


def shop_moment(session: Session, text: str) -> datetime | None:
    """A moment typed in the shop's wall-clock time ("2026-11-11 10:00" or a day), aware in
    UTC; None when the text is no such time."""
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            naive = datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
        return naive.replace(tzinfo=shop_zone(session)).astimezone(UTC)
    return None
