"""The Inventory tables: a lazy model over the paging inventory query, and a SKU's movements.

Rows arrive a page at a time (`canFetchMore`/`fetchMore`); sorting and filtering are done by the
service in SQL. The totals of the whole query (SKUs, units, value) are summed on a worker
thread and arrive through `summary_changed`, so typing in the search box never waits for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
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

from ecdesk.money import format_amount
from ecdesk.services.catalog.dto import Page
from ecdesk.services.stock.inventory_dto import (
    InventoryQuery,
    InventoryRow,
    InventorySummary,
    MovementRow,
)
from ecdesk.views.stock_labels import kind_label, rate, signed, units
from ecdesk.views.workers import Job

PAGE_SIZE = 256
HISTORY_PAGE_SIZE = 200
Loader = Callable[[InventoryQuery, int, int], Page[InventoryRow]]
Summarizer = Callable[[InventoryQuery], InventorySummary]
AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
WARNING_COLOUR = QColor("#b3261e")
MUTED_COLOUR = QColor("#8a8a8a")


def _cover(row: InventoryRow) -> str:
    days = row.figures.days_of_cover
    return "—" if days is None else f"{days:,}"


# (header, sort key, text of a row, right-aligned)
COLUMNS: list[tuple[str, str, Callable[[InventoryRow], str], bool]] = [
    ("SKU", "sku", lambda r: r.sku, False),
    ("Product", "title", lambda r: r.title, False),
    ("Options", "options", lambda r: r.options, False),
    ("On hand", "on_hand", lambda r: units(r.figures.on_hand), True),
    ("Committed", "committed", lambda r: units(r.figures.committed), True),
    ("Available", "available", lambda r: units(r.figures.available), True),
    ("On order", "on_order", lambda r: units(r.figures.on_order), True),
    ("Sold a day", "velocity", lambda r: rate(r.figures.velocity), True),
    ("Days of cover", "cover", _cover, True),
    ("Reorder point", "reorder_point", lambda r: units(r.figures.reorder_point), True),
    ("Stock value", "value", lambda r: format_amount(r.stock_value), True),
]
KEYS = [key for _header, key, _text, _right in COLUMNS]


class InventoryTableModel(QAbstractTableModel):
    """Pages are read on a worker: sorting 100,000 SKUs by their sales over 1M order lines
    takes a few hundred milliseconds, too long to hold the window. The rows shown stay until
    the new ones arrive; `rows_loaded` says when they have."""

    rows_loaded = Signal()  # the first page of the current query is in
    summary_changed = Signal(object)  # an InventorySummary, or None while it is being summed
    failed = Signal(str)  # a page could not be read (the reason, for the user)

    def __init__(self, loader: Loader, summarizer: Summarizer | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._summarizer = summarizer
        self._query = InventoryQuery()
        self._rows: list[InventoryRow] = []
        self._has_more = False
        self._loaded = False  # sort() before the first load only records the order
        self._generation = 0  # bumped by every new query: pages of older ones are dropped
        self._page_job: Job | None = None
        self.summary: InventorySummary | None = None
        self._jobs: set[Job] = set()

    # -- loading ---------------------------------------------------------------------------
    @property
    def query(self) -> InventoryQuery:
        return self._query

    @property
    def loading(self) -> bool:
        """A page is being read (the first of a new query, or the next one)."""
        return self._page_job is not None

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def set_query(self, query: InventoryQuery) -> None:
        """Read the first page for `query` and sum its totals, both on workers."""
        self._loaded = True
        self._query = query
        self._generation += 1
        if self._page_job is not None:
            self._page_job.cancel()  # not started yet: it never runs; else its page is dropped
        self._read_page(0, self._show_first)
        self._start_summary(query)

    def reload(self) -> None:
        """Read again after a write, keeping the query."""
        self.set_query(self._query)

    def _read_page(self, offset: int, show: Callable[[Page[InventoryRow]], None]) -> None:
        loader, query, generation = self._loader, self._query, self._generation
        job = self._run(lambda _progress: loader(query, offset, PAGE_SIZE))
        self._page_job = job

        def arrived(page: Page[InventoryRow]) -> None:
            if generation == self._generation:
                show(page)  # still loading meanwhile: a view asking for more now waits
                self._page_job = None

        def refused(error: object) -> None:
            if generation == self._generation:
                self._page_job = None
                self.failed.emit(str(error))

        job.signals.finished.connect(arrived)
        job.signals.failed.connect(refused)

    def _show_first(self, page: Page[InventoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(page.rows)
        self._has_more = page.has_more
        self.endResetModel()
        self.rows_loaded.emit()

    def _show_more(self, page: Page[InventoryRow]) -> None:
        if not page.rows:
            self._has_more = False  # the shop changed under us; stop asking
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._has_more = page.has_more
        self.endInsertRows()

    def _run(self, work: Callable[[Callable[[int, int], bool]], object]) -> Job:
        job = Job(work, self)
        self._jobs.add(job)  # the model keeps its running jobs (and their timers) alive
        for end in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            end.connect(lambda *_args, j=job: self._jobs.discard(j))
        return job.start()

    def _start_summary(self, query: InventoryQuery) -> None:
        self.summary = None
        self.summary_changed.emit(None)
        summarizer = self._summarizer
        if summarizer is not None:
            job = self._run(lambda _progress: summarizer(query))
            job.signals.finished.connect(lambda summary: self._on_summed(query, summary))

    def _on_summed(self, query: InventoryQuery, summary: InventorySummary) -> None:
        if query != self._query:
            return  # the user has typed on; that query is being summed instead
        self.summary = summary
        self.summary_changed.emit(summary)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self.loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid() and self._has_more and not self.loading:
            self._read_page(len(self._rows), self._show_more)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        query = replace(self._query, sort=KEYS[column],
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
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section][3]:
            return RIGHT
        return None

    # -- cells -----------------------------------------------------------------------------
    def row_at(self, row: int) -> InventoryRow:
        return self._rows[row]

    def row_of(self, variant_id: int) -> int | None:
        """The loaded row showing `variant_id`, if any."""
        for number, row in enumerate(self._rows):
            if row.variant_id == variant_id:
                return number
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[column][2](row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if COLUMNS[column][3] else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, KEYS[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, KEYS[column])
        if role == Qt.ItemDataRole.UserRole:
            return row.variant_id
        return None

    @staticmethod
    def _foreground(row: InventoryRow, key: str) -> QColor | None:
        figures = row.figures
        if key in ("on_hand", "value") and figures.on_hand < 0:
            return WARNING_COLOUR
        if key == "available" and figures.available <= 0:
            return WARNING_COLOUR
        if key == "on_order" or (key == "reorder_point" and not figures.reorder_point_manual):
            return MUTED_COLOUR
        return None

    def _tooltip(self, row: InventoryRow, key: str) -> str | None:
        figures = row.figures
        if key == "title":
            return row.title  # long titles are elided in the cell
        if key == "on_hand" and figures.on_hand < 0:
            return self.tr("Negative stock: more has left than the ledger says came in")
        if key == "committed" and figures.committed:
            return self.tr("On pending and paid orders not shipped yet")
        if key == "on_order":
            return self.tr("Units on purchase orders (purchasing is not in ecdesk yet)")
        if key == "velocity":
            return self.tr("%s sold in the last %s days") % (figures.units_sold,
                                                             figures.window_days)
        if key == "cover" and figures.days_of_cover is None:
            return self.tr("Nothing sold in the last %s days") % figures.window_days
        if key == "reorder_point":
            return (self.tr("Set by hand in the SKU's stock rules") if figures.reorder_point_manual
                    else self.tr("Suggested from sales: sales over the lead time plus "
                                 "safety stock"))
        return None


# -- a SKU's movement history ----------------------------------------------------------------

HistoryLoader = Callable[[int, int, int], Page[MovementRow]]
HISTORY_COLUMNS: list[tuple[str, Callable[[MovementRow], str], bool]] = [
    ("Date", lambda m: m.at.strftime("%Y-%m-%d %H:%M"), False),
    ("Movement", lambda m: kind_label(m.kind), False),
    ("Quantity", lambda m: signed(m.quantity), True),
    ("On hand after", lambda m: units(m.balance), True),
    ("Reason", lambda m: m.reason, False),
    ("Reference", lambda m: m.reference, False),
]


class MovementsTableModel(QAbstractTableModel):
    """One SKU's stock movements, newest first, a page at a time."""

    def __init__(self, loader: HistoryLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self.variant_id: int | None = None
        self._rows: list[MovementRow] = []
        self._has_more = False
        self.total = 0

    def show_variant(self, variant_id: int | None) -> None:
        page = (Page([], 0) if variant_id is None
                else self._loader(variant_id, 0, HISTORY_PAGE_SIZE))
        self.show_page(variant_id, page)

    def show_page(self, variant_id: int | None, page: Page[MovementRow]) -> None:
        """Show a first page read elsewhere (the Inventory page reads it on a worker)."""
        self.beginResetModel()
        self.variant_id = variant_id
        self._rows = list(page.rows)
        self._has_more = page.has_more
        self.total = page.total or 0
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.variant_id is None:
            return
        page = self._loader(self.variant_id, len(self._rows), HISTORY_PAGE_SIZE)
        if not page.rows:
            self._has_more = False
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._has_more = page.has_more
        self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HISTORY_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HISTORY_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HISTORY_COLUMNS[section][0])
        if role == Qt.ItemDataRole.TextAlignmentRole and HISTORY_COLUMNS[section][2]:
            return RIGHT
        return None

    def row_at(self, row: int) -> MovementRow:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        movement, column = self._rows[index.row()], index.column()
        if not 0 <= column < len(HISTORY_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HISTORY_COLUMNS[column][1](movement)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if HISTORY_COLUMNS[column][2] else None
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and movement.balance < 0:
            return WARNING_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and movement.reason:
            return movement.reason
        return None
