"""The Orders table: a lazy model over the paging orders query.

Rows arrive a page at a time (`canFetchMore`/`fetchMore`); filters, search and sort are done by
the service in SQL. The first page comes without a total: counting every match of a search
costs more than the page, so the count runs on a worker thread and arrives through
`total_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ecdesk.money import format_amount
from ecdesk.services.catalog.dto import Page
from ecdesk.services.orders.dto import OrderRow
from ecdesk.services.orders.filters import OrderQuery
from ecdesk.views.workers import Job

PAGE_SIZE = 256
Loader = Callable[[OrderQuery, int, int], Page[OrderRow]]
Counter = Callable[[OrderQuery], int]
AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# Order statuses by their stored values (views do not import the models' enum).
STATUS_LABELS = {
    "pending": "Pending", "paid": "Paid", "shipped": "Shipped", "completed": "Completed",
    "cancelled": "Cancelled", "refunded": "Refunded",
}
STATUS_COLOURS = {
    "pending": QColor("#8a5a00"), "paid": QColor("#1a5fb4"), "cancelled": QColor("#8a8a8a"),
    "refunded": QColor("#b3261e"),
}


def order_status_label(status: str) -> str:
    return QCoreApplication.translate("order_status", STATUS_LABELS[status])


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    """An instant as the shop's wall clock shows it."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


# (header, sort key, right-aligned)
COLUMNS: list[tuple[str, str, bool]] = [
    ("Date", "date", False), ("Channel", "channel", False), ("Order number", "number", False),
    ("Customer", "customer", False), ("Status", "status", False), ("Lines", "lines", True),
    ("Units", "units", True), ("Total", "total", True),
]


class OrdersTableModel(QAbstractTableModel):
    total_changed = Signal(int)

    def __init__(self, loader: Loader, zone: ZoneInfo, parent: QObject | None = None,
                 counter: Counter | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._counter = counter
        self.zone = zone
        self._query = OrderQuery()
        self._rows: list[OrderRow] = []
        self._total: int | None = 0
        self._has_more = False
        self._loaded = False  # sort() before the first load only records the order
        self._count_jobs: set[Job] = set()

    # -- loading ---------------------------------------------------------------------------
    @property
    def query(self) -> OrderQuery:
        return self._query

    @property
    def total(self) -> int:
        """All rows for the query; until counted, the rows loaded so far."""
        return self._total if self._total is not None else len(self._rows)

    @property
    def total_known(self) -> bool:
        return self._total is not None

    def set_query(self, query: OrderQuery) -> None:
        """Show the first page for `query`; the count follows from a worker."""
        page = self._loader(query, 0, PAGE_SIZE)
        self._loaded = True
        self.beginResetModel()
        self._query = query
        self._rows = list(page.rows)
        self._total = page.total
        self._has_more = page.has_more
        self.endResetModel()
        if self._total is None and self._counter is not None:
            self._start_count(query)
        else:
            self.total_changed.emit(self.total)

    def reload(self) -> None:
        """Read the first page again (after a write), keeping the query."""
        self.set_query(self._query)

    def _start_count(self, query: OrderQuery) -> None:
        counter = self._counter
        assert counter is not None
        job = Job(lambda _progress: counter(query), self)
        self._count_jobs.add(job)  # the model keeps its running jobs (and their timers) alive
        job.signals.finished.connect(lambda total: self._on_counted(query, total))
        for end in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            end.connect(lambda *_args, j=job: self._count_jobs.discard(j))
        job.start()

    def _on_counted(self, query: OrderQuery, total: int) -> None:
        if query != self._query:
            return  # the user has typed on; that query is being counted instead
        self._total = total
        self.total_changed.emit(total)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._loader(self._query, len(self._rows), PAGE_SIZE)
        if not page.rows:
            self._has_more = False  # the shop changed under us; stop asking
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._has_more = page.has_more
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        query = replace(self._query, sort=COLUMNS[column][1],
                        descending=order == Qt.SortOrder.DescendingOrder)
        if not self._loaded:
            self._query = query
        elif query != self._query:
            self.set_query(query)

    # -- shape -----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][0])
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section][2]:
            return RIGHT
        return None

    # -- cells -----------------------------------------------------------------------------
    def row_at(self, row: int) -> OrderRow:
        return self._rows[row]

    def row_of(self, order_id: int) -> int | None:
        """The table row showing `order_id`, if it is loaded."""
        return next((i for i, row in enumerate(self._rows) if row.id == order_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if COLUMNS[column][2] else None
        if role == Qt.ItemDataRole.ForegroundRole and COLUMNS[column][1] == "status":
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[column][1] in ("customer", "number"):
            return (row.customer_name if COLUMNS[column][1] == "customer" else row.number) or None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _display(self, row: OrderRow, column: int) -> str:
        key = COLUMNS[column][1]
        if key == "date":
            return local_time(row.ordered_at, self.zone)
        if key == "status":
            return order_status_label(row.status)
        if key == "total":
            return format_amount(row.total, row.currency)
        values = {"channel": row.channel, "number": row.number, "customer": row.customer_name,
                  "lines": str(row.lines), "units": str(row.units)}
        return values[key]
