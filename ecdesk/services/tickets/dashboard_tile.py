"""The Dashboard's service tile: tickets overdue now, and how many more fall due today."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from ecdesk.i18n import _, format_integer
from ecdesk.services.dashboard.model import DashboardScope, Tile
from ecdesk.services.tickets.queries import read_queue_counts


def ticket_tiles(session: Session, scope: DashboardScope) -> list[Tile]:
    counts = read_queue_counts(session, scope.now or datetime.now(UTC))
    return [Tile("tickets_overdue", _("Tickets overdue"), format_integer(counts.overdue),
                 better_when_higher=False, alarm=counts.overdue > 0,
                 note=_("{overdue} ticket(s) past their SLA due time; {today} more due today")
                 .format(overdue=counts.overdue, today=counts.due_today))]
