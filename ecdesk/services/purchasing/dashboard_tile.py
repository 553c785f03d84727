"""The Dashboard's purchasing tile: purchase orders late (still expecting goods after their
expected day), with those due this week in its note."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from ecdesk.i18n import _, format_integer
from ecdesk.services.dashboard.model import DashboardScope, Tile
from ecdesk.services.purchasing.queries import due_and_late


def purchasing_tiles(session: Session, scope: DashboardScope) -> list[Tile]:
    counts = due_and_late(session, scope.now or datetime.now(UTC))
    note = _("{late} purchase order(s) late; {today} due today, {week} due within 7 days").format(
        late=counts.late, today=counts.due_today, week=counts.due_this_week)
    if counts.late_orders:
        note += " (" + ", ".join(counts.late_orders) + ")"
    return [Tile("purchase_orders_late", _("Purchase orders late / due this week"),
                 f"{format_integer(counts.late)} / {format_integer(counts.due_this_week)}",
                 better_when_higher=False, alarm=counts.late > 0, note=note)]
