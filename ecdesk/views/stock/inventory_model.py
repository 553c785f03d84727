"""The Inventory tables: a lazy model over the paging inventory query, and a SKU's movements
(both `PagedTableModel`s).

The totals of the whole query (SKUs, units, value) are summed on a worker thread and arrive
through `summary_changed`, so typing in the search box never waits for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QColor

from ecdesk.services.common.page import Page
from ecdesk.services.stock.inventory_dto import (
    InventoryQuery,
    InventoryRow,
    InventorySummary,
    MovementRow,
)
from ecdesk.views.stock.stock_labels import kind_label, rate, signed, units
from ecdesk.views.widgets.locale_format import amount, decimal, stamp
from ecdesk.views.widgets.paged_table_model import (
    PAGE_SIZE as PAGE_SIZE,  # (callers import it here)
)
from ecdesk.views.widgets.paged_table_model import RIGHT as RIGHT  # (callers import it here)
from ecdesk.views.widgets.paged_table_model import PagedTableModel
from ecdesk.views.widgets.workers import Job

HISTORY_PAGE_SIZE = 200
Loader = Callable[..., Page[InventoryRow]]  # (query, offset, limit, after=None)
Summarizer = Callable[[InventoryQuery], InventorySummary]
WARNING_COLOUR = QColor("#b3261e")
MUTED_COLOUR = QColor("#8a8a8a")


def _cover(row: InventoryRow) -> str:
    days = row.figures.days_of_cover
    return "—" if days is None else decimal(days, None)


# (header, sort key, text of a row, right-aligned)
COLUMNS: list[tuple[str, str, Callable[[InventoryRow], str], bool]] = [
    (QT_TRANSLATE_NOOP("PagedTableModel", "SKU"), "sku", lambda r: r.sku, False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Product"), "title", lambda r: r.title, False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Options"), "options", lambda r: r.options, False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "On hand"),
     "on_hand", lambda r: units(r.figures.on_hand), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Committed"),
     "committed", lambda r: units(r.figures.committed), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Available"),
     "available", lambda r: units(r.figures.available), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "On order"),
     "on_order", lambda r: units(r.figures.on_order), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Sold a day"),
     "velocity", lambda r: rate(r.figures.velocity), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Days of cover"), "cover", _cover, True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Reorder point"),
     "reorder_point", lambda r: units(r.figures.reorder_point), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Stock value"),
     "value", lambda r: amount(r.stock_value), True),
]
KEYS = [key for _header, key, _text, _right in COLUMNS]
HEADINGS = [(header, right) for header, _key, _text, right in COLUMNS]


class InventoryTableModel(PagedTableModel[InventoryQuery, InventoryRow]):
    """Pages are read on a worker: sorting 100,000 SKUs by their sales over 1M order lines
    takes a few hundred milliseconds, too long to hold the window. The rows shown stay until
    the new ones arrive; `rows_loaded` says when they have."""

    rows_loaded = Signal()  # the first page of the current query is in
    summary_changed = Signal(object)  # an InventorySummary, or None while it is being summed
    failed = Signal(str)  # a page could not be read (the reason, for the user)

    def __init__(self, loader: Loader, summarizer: Summarizer | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(loader, InventoryQuery(), HEADINGS, parent)
        self._summarizer = summarizer
        self._generation = 0  # bumped by every new query: pages of older ones are dropped
        self._page_job: Job | None = None
        self.summary: InventorySummary | None = None

    # -- loading ---------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """A page is being read (the first of a new query, or the next one)."""
        return self._page_job is not None

    def set_query(self, query: InventoryQuery) -> None:
        """Read the first page for `query` and sum its totals, both on workers."""
        self._loaded = True  # the query is the new one at once (a sort meanwhile builds on it)
        self._query = query
        self._generation += 1
        if self._page_job is not None:
            self._page_job.cancel()  # not started yet: it never runs; else its page is dropped
        super().set_query(query)
        self._start_summary(query)

    def show_page(self, query: InventoryQuery, page: Page[InventoryRow],
                  reshape: Callable[[], None] | None = None) -> None:
        super().show_page(query, page, reshape)
        self.rows_loaded.emit()

    def _read_page(self, query: InventoryQuery, offset: int,
                   show: Callable[[Page[InventoryRow]], None],
                   after: tuple[Any, ...] | None = None) -> None:
        generation = self._generation
        job = self._run(lambda _progress: self._load(query, offset, after))
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

    def _start_summary(self, query: InventoryQuery) -> None:
        self.summary = None
        self.summary_changed.emit(None)
        if self._summarizer is not None:
            self._for_query(query, self._summarizer, self._take_summary)

    def _take_summary(self, summary: InventorySummary) -> None:
        self.summary = summary
        self.summary_changed.emit(summary)

    # -- columns ---------------------------------------------------------------------------
    def sort_key(self, column: int) -> str | None:
        return KEYS[column] if 0 <= column < len(COLUMNS) else None

    # -- cells -----------------------------------------------------------------------------
    def row_id(self, row: InventoryRow) -> int:
        return row.variant_id

    def cell_text(self, row: InventoryRow, column: int) -> str:
        return COLUMNS[column][2](row)

    def cell_colour(self, row: InventoryRow, column: int) -> QColor | None:
        figures, key = row.figures, KEYS[column]
        if key in ("on_hand", "value") and figures.on_hand < 0:
            return WARNING_COLOUR
        if key == "available" and figures.available <= 0:
            return WARNING_COLOUR
        if key == "on_order" or (key == "reorder_point" and not figures.reorder_point_manual):
            return MUTED_COLOUR
        return None

    def cell_tooltip(self, row: InventoryRow, column: int) -> str | None:
        figures, key = row.figures, KEYS[column]
        if key == "title":
            return row.title  # long titles are elided in the cell
        if key == "on_hand" and figures.on_hand < 0:
            return self.tr("Negative stock: more has left than the ledger says came in")
        if key == "committed" and figures.committed:
            return self.tr("On pending and paid orders not shipped yet")
        if key == "on_order":
            return self.tr("Units that sent purchase orders still expect")
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

HistoryLoader = Callable[..., Page[MovementRow]]  # (variant id, offset, limit, after=None)
HISTORY_COLUMNS: list[tuple[str, Callable[[MovementRow], str], bool]] = [
    (QT_TRANSLATE_NOOP("PagedTableModel", "Date"),
     lambda m: stamp(m.at, m.at.tzinfo), False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Movement"), lambda m: kind_label(m.kind), False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Quantity"), lambda m: signed(m.quantity), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "On hand after"), lambda m: units(m.balance), True),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Reason"), lambda m: m.reason, False),
    (QT_TRANSLATE_NOOP("PagedTableModel", "Reference"), lambda m: m.reference, False),
]
HISTORY_HEADINGS = [(header, right) for header, _text, right in HISTORY_COLUMNS]
BALANCE, REASON = 3, 4


class MovementsTableModel(PagedTableModel[int | None, MovementRow]):
    """One SKU's stock movements, newest first, a page at a time; the query is its variant id
    (None: no SKU chosen, no rows)."""

    page_size = HISTORY_PAGE_SIZE

    def __init__(self, loader: HistoryLoader, parent: QObject | None = None) -> None:
        def history(variant_id: int | None, offset: int, limit: int,
                    after: tuple[Any, ...] | None = None) -> Page[MovementRow]:
            if variant_id is None:
                return Page([], 0)
            if after is None:  # (a loader that pages by offset takes three arguments)
                return loader(variant_id, offset, limit)
            return loader(variant_id, offset, limit, after)

        super().__init__(history, None, HISTORY_HEADINGS, parent)

    @property
    def variant_id(self) -> int | None:
        return self.query

    def cell_text(self, row: MovementRow, column: int) -> str:
        return HISTORY_COLUMNS[column][1](row)

    def cell_colour(self, row: MovementRow, column: int) -> QColor | None:
        return WARNING_COLOUR if column == BALANCE and row.balance < 0 else None

    def cell_tooltip(self, row: MovementRow, column: int) -> str | None:
        return row.reason if column == REASON and row.reason else None
