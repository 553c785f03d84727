"""The ticket queue: a lazy model over the paging tickets query (see `PagedTableModel`).

The due column reads "overdue 2 h 05 min" / "in 40 min" against `now`, which the page moves on
every minute of the shop clock (`set_now`): the texts and colours change without a query."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor

from ecdesk.services.common.page import Page
from ecdesk.services.tickets.dto import TicketQuery, TicketRow
from ecdesk.views.tickets.ticket_labels import (
    PRIORITIES,
    STATUSES,
    TYPES,
    due_colour,
    due_text,
    word,
)
from ecdesk.views.widgets.locale_format import stamp
from ecdesk.views.widgets.paged_table_model import PagedTableModel

Loader = Callable[[TicketQuery, int, int], Page[TicketRow]]
Counter = Callable[[TicketQuery], int]

# (header, sort key, right-aligned); the model's tr() translates the headers.
COLUMNS: list[tuple[str, str, bool]] = [
    (QT_TRANSLATE_NOOP("TicketsTableModel", "Due"), "due", False),
    (QT_TRANSLATE_NOOP("TicketsTableModel", "Ticket"), "number", False),
    (QT_TRANSLATE_NOOP("TicketsTableModel", "Subject"), "", False),
    (QT_TRANSLATE_NOOP("TicketsTableModel", "Customer"), "", False),
    (QT_TRANSLATE_NOOP("TicketsTableModel", "Channel"), "channel", False),
    (QT_TRANSLATE_NOOP("TicketsTableModel", "Type"), "type", False),
    (QT_TRANSLATE_NOOP("TicketsTableModel", "Priority"), "priority", False),
    (QT_TRANSLATE_NOOP("TicketsTableModel", "Status"), "status", False),
    (QT_TRANSLATE_NOOP("TicketsTableModel", "Created"), "created", False),
]
HEADINGS = [(header, right) for header, _key, right in COLUMNS]
PRIORITY_COLOURS = {"urgent": QColor("#b3261e"), "high": QColor("#8a5a00")}


class TicketsTableModel(PagedTableModel[TicketQuery, TicketRow]):
    def __init__(self, loader: Loader, zone: ZoneInfo, now: datetime,
                 parent: QObject | None = None, counter: Counter | None = None) -> None:
        super().__init__(loader, TicketQuery(), HEADINGS, parent, counter)
        self.zone = zone
        self.now = now

    def set_now(self, now: datetime) -> None:
        """A new minute: the due column says again how long is left."""
        self.now = now
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def sort_key(self, column: int) -> str | None:
        return (COLUMNS[column][1] or None) if 0 <= column < len(COLUMNS) else None

    def row_id(self, row: TicketRow) -> int:
        return row.id

    def cell_text(self, row: TicketRow, column: int) -> str:
        key = COLUMNS[column][1] or COLUMNS[column][0]
        if key == "due":
            return due_text(row.due_at, self.now, row.status)
        if key == "created":
            return stamp(row.created_at, self.zone)
        values = {"number": row.number, "Subject": row.subject, "Customer": row.customer,
                  "channel": row.channel, "type": word(TYPES, row.type),
                  "priority": word(PRIORITIES, row.priority),
                  "status": word(STATUSES, row.status)}
        return values[key]

    def cell_colour(self, row: TicketRow, column: int) -> QColor | None:
        key = COLUMNS[column][1]
        if key == "due":
            return due_colour(row.due_at, self.now)
        if key == "priority":
            return PRIORITY_COLOURS.get(row.priority)
        return None

    def cell_tooltip(self, row: TicketRow, column: int) -> str | None:
        due = row.due_at
        if COLUMNS[column][1] == "due" and due is not None:
            return stamp(due, self.zone)
        return None
