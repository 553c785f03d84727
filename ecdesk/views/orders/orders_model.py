"""The Orders table: a lazy model over the paging orders query (see `PagedTableModel`).

The first page comes without a total: counting every match of a search costs more than the
page, so the count runs on a worker thread and arrives through `total_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QColor

from ecdesk.services.common.page import Page
from ecdesk.services.orders.dto import OrderRow
from ecdesk.services.orders.filters import OrderQuery
from ecdesk.views.widgets.locale_format import amount, stamp
from ecdesk.views.widgets.paged_table_model import (
    PAGE_SIZE as PAGE_SIZE,  # (callers import it here)
)
from ecdesk.views.widgets.paged_table_model import PagedTableModel

Loader = Callable[..., Page[OrderRow]]  # (query, offset, limit, after=None)
Counter = Callable[[OrderQuery], int]

# Order statuses by their stored values (views do not import the models' enum).
STATUS_LABELS = {
    "pending": QT_TRANSLATE_NOOP("order_status", "Pending"),
    "paid": QT_TRANSLATE_NOOP("order_status", "Paid"),
    "shipped": QT_TRANSLATE_NOOP("order_status", "Shipped"),
    "completed": QT_TRANSLATE_NOOP("order_status", "Completed"),
    "cancelled": QT_TRANSLATE_NOOP("order_status", "Cancelled"),
    "refunded": QT_TRANSLATE_NOOP("order_status", "Refunded"),
}
STATUS_COLOURS = {
    "pending": QColor("#8a5a00"), "paid": QColor("#1a5fb4"), "cancelled": QColor("#8a8a8a"),
    "refunded": QColor("#b3261e"),
}


def order_status_label(status: str) -> str:
    return QCoreApplication.translate("order_status", STATUS_LABELS[status])


# (header, sort key, right-aligned)
COLUMNS: list[tuple[str, str, bool]] = [
    (QT_TRANSLATE_NOOP("PagedTableModel", "Date"), "date", False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Channel"), "channel", False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Order number"), "number", False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Customer"), "customer", False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Status"), "status", False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Lines"), "lines", True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Units"), "units", True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Total"), "total", True),
]
HEADINGS = [(header, right) for header, _key, right in COLUMNS]


class OrdersTableModel(PagedTableModel[OrderQuery, OrderRow]):
    def __init__(self, loader: Loader, zone: ZoneInfo, parent: QObject | None = None,
                 counter: Counter | None = None) -> None:
        super().__init__(loader, OrderQuery(), HEADINGS, parent, counter)
        self.zone = zone

    # -- columns ---------------------------------------------------------------------------
    def sort_key(self, column: int) -> str | None:
        return COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None

    # -- cells -----------------------------------------------------------------------------
    def row_id(self, row: OrderRow) -> int:
        return row.id

    def cell_text(self, row: OrderRow, column: int) -> str:
        key = COLUMNS[column][1]
        if key == "date":
            return stamp(row.ordered_at, self.zone)
        if key == "status":
            return order_status_label(row.status)
        if key == "total":
            return amount(row.total, row.currency)
        values = {"channel": row.channel, "number": row.number, "customer": row.customer_name,
                  "lines": str(row.lines), "units": str(row.units)}
        return values[key]

    def cell_colour(self, row: OrderRow, column: int) -> QColor | None:
        return STATUS_COLOURS.get(row.status) if COLUMNS[column][1] == "status" else None

    def cell_tooltip(self, row: OrderRow, column: int) -> str | None:
        key = COLUMNS[column][1]
        if key in ("customer", "number"):
            return (row.customer_name if key == "customer" else row.number) or None
        return None
