"""The Dashboard's promotions: a "running now" tile (what is on at this moment, and what starts
within the week) and each promotion's window as a mark on the sales trend, so a jump in sales
can be read against the 618 or 双11 that caused it.

Only scheduled promotions count (a draft is a plan, a cancelled one never ran); with a channel
chosen on the Dashboard, only that channel's promotions.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from ecdesk.i18n import _, format_integer
from ecdesk.services.dashboard.model import ChartMark, DashboardScope, Tile
from ecdesk.services.promotions.store import read_promotions
from ecdesk.services.promotions.terms import PromotionInfo, Status

SOON = timedelta(days=7)
NAMED = 3  # names listed in the tile's note


def _scheduled(session: Session, scope: DashboardScope, start: datetime, end: datetime
               ) -> list[PromotionInfo]:
    return [p for p in read_promotions(session, overlapping=(start, end),
                                       statuses=(Status.SCHEDULED,))
            if scope.channel_id is None or scope.channel_id in p.channel_ids]


def running_promotion_tiles(session: Session, scope: DashboardScope) -> list[Tile]:
    now = scope.now or datetime.now(UTC)
    nearby = _scheduled(session, scope, now, now + SOON)
    running = [p for p in nearby if p.starts_at <= now and p.in_window(now)]
    starting = [p for p in nearby if p.starts_at > now]
    names = ", ".join(p.name for p in running[:NAMED])
    if len(running) > NAMED:
        names += " " + _("and {count} more").format(count=len(running) - NAMED)
    note = _("Running now: {names}.").format(names=names) if running else \
        _("No promotion is running now.")
    note += " " + _("{count} start(s) within 7 days.").format(count=len(starting))
    return [Tile("promotions_running", _("Promotions running now"),
                 format_integer(len(running)), note=note)]


def promotion_marks(session: Session, scope: DashboardScope) -> list[ChartMark]:
    start, end = scope.period.utc_range(scope.zone)
    return [ChartMark(max(p.starts_at.astimezone(scope.zone).date(), scope.period.first),
                      min((p.ends_at - timedelta(microseconds=1)).astimezone(scope.zone).date(),
                          scope.period.last), p.name)
            for p in _scheduled(session, scope, start, end)]
