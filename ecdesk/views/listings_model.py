"""The Listings table: a lazy model over the paging catalog query.

Rows arrive a page at a time (`canFetchMore`/`fetchMore`); sorting and filtering are done by the
service in SQL, never by a proxy over loaded rows, so 100,000 SKUs open as fast as 100. When the
first page comes without a total (counting every match costs more than the page), the count
runs on a worker thread, so typing never waits for it, and arrives through `total_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ecdesk.money import format_amount, format_rate
from ecdesk.services.catalog.dto import Choice, Page, VariantQuery, VariantRow
from ecdesk.views.labels import status_label
from ecdesk.views.workers import Job

PAGE_SIZE = 256
Loader = Callable[[VariantQuery, int, int], Page[VariantRow]]
Counter = Callable[[VariantQuery], int]
AnyIndex = QModelIndex | QPersistentModelIndex

# (header, sort key, value of a row); channel columns are appended per channel.
BASE_COLUMNS: list[tuple[str, str, Callable[[VariantRow], str]]] = [
    ("Product", "title", lambda r: r.title),
    ("SKU", "sku", lambda r: r.sku),
    ("Options", "options", lambda r: r.options),
    ("Status", "status", lambda r: status_label(r.status)),
    ("Category", "category", lambda r: r.category),
    ("Price", "price", lambda r: format_amount(r.price)),
    ("Cost", "cost", lambda r: format_amount(r.cost)),
    ("Margin", "margin", lambda r: format_rate(r.margin)),
    ("Stock", "stock", lambda r: str(r.stock)),
]
NUMERIC_KEYS = {"price", "cost", "margin", "stock"}
WARNING_COLOUR = QColor("#b3261e")
MUTED_COLOUR = QColor("#8a8a8a")


class ListingsTableModel(QAbstractTableModel):
    total_changed = Signal(int)

    def __init__(self, loader: Loader, channels: list[Choice], min_margin: Decimal,
                 parent: QObject | None = None, counter: Counter | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._counter = counter
        self._channels = channels
        self._min_margin = min_margin
        self._query = VariantQuery()
        self._rows: list[VariantRow] = []
        self._total: int | None = 0
        self._has_more = False
        self._loaded = False  # sort() before the first load only records the order
        self._count_jobs: set[Job] = set()

    # -- loading ---------------------------------------------------------------------------
    @property
    def query(self) -> VariantQuery:
        return self._query

    @property
    def total(self) -> int:
        """All rows for the query; until counted, the rows loaded so far."""
        return self._total if self._total is not None else len(self._rows)

    @property
    def total_known(self) -> bool:
        return self._total is not None

    def set_query(self, query: VariantQuery) -> None:
        """Show the first page for `query` (search text, filters, sort)."""
        self.show_page(query, self._loader(query, 0, PAGE_SIZE))

    def show_page(self, query: VariantQuery, page: Page[VariantRow],
                  channels: list[Choice] | None = None, min_margin: Decimal | None = None
                  ) -> None:
        """Show `page` as the first page of `query` (and `channels` as the channel columns).

        `set_query` reads the page with the loader; at start-up the page is read before the
        shop is open and handed in here.
        """
        self._loaded = True
        self.beginResetModel()
        if channels is not None:
            self._channels = channels
        if min_margin is not None:
            self._min_margin = min_margin
        self._query = query
        self._rows = list(page.rows)
        self._take_counts(page)
        self.endResetModel()
        if self._total is None and self._counter is not None:
            self._start_count(query)
        else:
            self.total_changed.emit(self.total)

    def _take_counts(self, page: Page[VariantRow]) -> None:
        self._total = page.total
        self._has_more = page.has_more if page.total is None else len(self._rows) < page.total

    def _start_count(self, query: VariantQuery) -> None:
        """Count on a worker thread; the answer comes back through a Job the model owns."""
        counter = self._counter
        assert counter is not None
        job = Job(lambda _progress: counter(query), self)
        self._count_jobs.add(job)  # the model keeps its running jobs (and their timers) alive
        job.signals.finished.connect(lambda total: self._on_counted(query, total))
        for end in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            end.connect(lambda *_args, j=job: self._count_jobs.discard(j))
        job.start()

    def _on_counted(self, query: VariantQuery, total: int) -> None:
        if query != self._query:
            return  # the user has typed on; that query is being counted instead
        self._total = total
        self.total_changed.emit(total)

    def reload(self, channels: list[Choice] | None = None, min_margin: Decimal | None = None
               ) -> None:
        """Fetch again (after a write), keeping the query; columns follow the channels."""
        self.show_page(self._query, self._loader(self._query, 0, PAGE_SIZE), channels, min_margin)

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
        self._has_more = page.has_more if page.total is None else len(self._rows) < page.total
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.sort_key(column)
        if key is None:
            return
        query = replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if not self._loaded:
            self._query = query
        elif query != self._query:
            self.set_query(query)

    # -- shape -----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BASE_COLUMNS) + len(self._channels)

    def sort_key(self, column: int) -> str | None:
        if 0 <= column < len(BASE_COLUMNS):
            return BASE_COLUMNS[column][1]
        channel_index = column - len(BASE_COLUMNS)
        if 0 <= channel_index < len(self._channels):
            return f"channel:{self._channels[channel_index].id}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(BASE_COLUMNS):
            return self.tr(BASE_COLUMNS[section][0])
        channel_index = section - len(BASE_COLUMNS)
        if 0 <= channel_index < len(self._channels):
            return self._channels[channel_index].label
        return None

    # -- cells -----------------------------------------------------------------------------
    def row_at(self, row: int) -> VariantRow:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            key = self.sort_key(column) or ""
            if key in NUMERIC_KEYS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.variant_id
        return None

    def _display(self, row: VariantRow, column: int) -> str | None:
        if column < len(BASE_COLUMNS):
            return BASE_COLUMNS[column][2](row)
        channel_index = column - len(BASE_COLUMNS)
        if channel_index >= len(self._channels):
            return None
        cell = row.listings.get(self._channels[channel_index].id)
        if cell is None:
            return "—"
        return f"{status_label(cell.status)} · {format_amount(cell.price)}"

    def _is_thin(self, row: VariantRow) -> bool:
        return row.price < row.cost or (row.margin is not None and row.cost > 0
                                        and row.margin < self._min_margin)

    def _foreground(self, row: VariantRow, column: int) -> QColor | None:
        key = self.sort_key(column) or ""
        if key in ("price", "margin") and self._is_thin(row):
            return WARNING_COLOUR
        if key.startswith("channel:"):
            cell = row.listings.get(int(key.split(":")[1]))
            if cell is None or cell.status != "listed":
                return MUTED_COLOUR
        return None

    def _tooltip(self, row: VariantRow, column: int) -> str | None:
        key = self.sort_key(column) or ""
        if key in ("title", "category"):  # long texts are elided in the cell
            return row.title if key == "title" else row.category or None
        if key in ("price", "margin") and self._is_thin(row):
            if row.price < row.cost:
                return self.tr("Price is below cost")
            return self.tr("Margin is under the shop minimum of %s") % format_rate(self._min_margin)
        if key.startswith("channel:"):
            cell = row.listings.get(int(key.split(":")[1]))
            if cell is not None and cell.channel_item_id:
                return self.tr("Channel item id: %s") % cell.channel_item_id
        return None
