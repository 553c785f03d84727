"""The lazy part of the big tables: rows a page at a time, sorted by the service, counted aside.

Rows arrive a page at a time (`canFetchMore`/`fetchMore`); sorting and filtering are done by the
service in SQL, never by a proxy over loaded rows, so 100,000 rows open as fast as 100. When a
first page comes without its total (counting every match costs more than the page), the count
runs on a worker thread, so typing never waits for it, and arrives through `total_changed`.

Pages follow one another by keyset where the service can (services/common/keyset.py): a page
says where it ends (`Page.cursor`) and the next one is read `after` it, so the 400th page costs
what the first did. A loader that pages by keyset takes `after` as a fourth argument:
`loader(query, offset, limit, after=None)`; one that takes three arguments pages by offset (any
new table should page by keyset: copy `list_orders` and services/common/keyset.py's example).
Jumping to the end or to a row not loaded yet reads page after page from there (`fetch_until`),
each as cheap as the first.

A subclass names its query and row types and describes its columns: their headings, their
`sort_key`s and what a cell shows (`cell_text`, `cell_colour`, `cell_tooltip`, `row_id`). This
class owns the rows, the paging, the count and the Qt plumbing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from inspect import signature
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ecdesk.errors import DamagedShopError
from ecdesk.services.common.page import Page
from ecdesk.views.widgets.damage_watch import report_damage
from ecdesk.views.widgets.workers import Job, Work

PAGE_SIZE = 256
QueryT = TypeVar("QueryT")  # a frozen dataclass; one that sorts has `sort` and `descending`
RowT = TypeVar("RowT")
ResultT = TypeVar("ResultT")
AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Role = Qt.ItemDataRole
Heading = tuple[str, bool]  # a column's header (before translation) and right-aligned or not


def takes_after(loader: Callable[..., object]) -> bool:
    """Whether `loader` takes a fourth argument, the cursor to read the next page after."""
    try:
        signature(loader).bind(None, 0, 0, None)
    except TypeError:
        return False
    except ValueError:  # (a callable without a signature: assume the old contract)
        return False
    return True


class PagedTableModel(QAbstractTableModel, Generic[QueryT, RowT]):
    total_changed = Signal(int)  # the total of the query shown, once it is known

    page_size = PAGE_SIZE

    def __init__(self, loader: Callable[..., Page[RowT]], query: QueryT,
                 headings: list[Heading], parent: QObject | None = None,
                 counter: Callable[[QueryT], int] | None = None) -> None:
        """`loader(query, offset, limit[, after])` reads a page; `counter(query)` counts on a
        worker; `headings` are the columns."""
        super().__init__(parent)
        self._headings = headings
        self._loader = loader
        self._takes_after = takes_after(loader)
        self._counter = counter
        self._query = query
        self._rows: list[RowT] = []
        self._total: int | None = 0
        self._has_more = False
        self._cursor: tuple[Any, ...] | None = None  # where the rows loaded end (keyset paging)
        self._loaded = False  # sort() before the first load only records the order
        self._jobs: set[Job] = set()

    # -- what a subclass describes ----------------------------------------------------------
    def sort_key(self, column: int) -> str | None:
        """The service's sort key for `column`; None where the column does not sort."""
        return None

    def cell_text(self, row: RowT, column: int) -> str | None:
        return None

    def cell_colour(self, row: RowT, column: int) -> QColor | None:
        return None

    def cell_tooltip(self, row: RowT, column: int) -> str | None:
        return None

    def row_id(self, row: RowT) -> int | None:
        """The id a row stands for (what `Qt.UserRole` gives); None for rows without one."""
        return None

    # -- the query and its rows --------------------------------------------------------------
    @property
    def query(self) -> QueryT:
        return self._query

    @property
    def total(self) -> int:
        """All rows for the query; until counted, the rows loaded so far."""
        return self._total if self._total is not None else len(self._rows)

    @property
    def total_known(self) -> bool:
        return self._total is not None

    @property
    def loading(self) -> bool:
        """A page is on its way; here pages are read at once, so never."""
        return False

    @property
    def busy(self) -> bool:
        """Work for this model (a count, a page read on a worker) is still running."""
        return bool(self._jobs)

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def row_of(self, row_id: int) -> int | None:
        """The loaded table row showing `row_id`, if any."""
        return next((n for n, row in enumerate(self._rows) if self.row_id(row) == row_id), None)

    def set_query(self, query: QueryT) -> None:
        """Show the first page for `query` (search text, filters, sort)."""
        self._read_page(query, 0, lambda page: self.show_page(query, page))

    def reload(self) -> None:
        """Read the first page again (after a write), keeping the query."""
        self.set_query(self._query)

    def show_page(self, query: QueryT, page: Page[RowT],
                  reshape: Callable[[], None] | None = None) -> None:
        """Show `page` as the first page of `query`, then count its rows if it came uncounted.

        `reshape` changes the columns inside the same model reset (the Listings' channels).
        """
        self._loaded = True
        self.beginResetModel()
        if reshape is not None:
            reshape()
        self._query = query
        self._rows = list(page.rows)
        self._total = page.total
        self._has_more = page.has_more
        self._cursor = page.cursor
        self.endResetModel()
        if self._total is None and self._counter is not None:
            self._for_query(query, self._counter, self._take_total)
        else:
            self.total_changed.emit(self.total)

    def _take_total(self, total: int) -> None:
        self._total = total
        self.total_changed.emit(total)

    def _read_page(self, query: QueryT, offset: int, show: Callable[[Page[RowT]], None],
                   after: tuple[Any, ...] | None = None) -> None:
        """Read the page of `query` after the cursor `after` (or from `offset` when there is
        none) and `show` it: here at once, on this thread.

        A damaged shop shows nothing more (the view would otherwise ask for the same failing
        page again at every paint) and the shell offers a backup."""
        try:
            page = self._load(query, offset, after)
        except DamagedShopError as error:
            self._has_more = False
            report_damage(error)
            return
        show(page)

    def _load(self, query: QueryT, offset: int, after: tuple[Any, ...] | None) -> Page[RowT]:
        """The loader's page; `after` is passed only when there is one and the loader takes it
        (see the module's doc): a loader of three arguments pages by offset."""
        if after is None or not self._takes_after:
            return self._loader(query, offset, self.page_size)
        return self._loader(query, offset, self.page_size, after)  # type: ignore[call-arg]

    def _append(self, page: Page[RowT]) -> None:
        if not page.rows:
            self._has_more = False  # the shop changed under us; stop asking
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self._has_more = page.has_more
        self._cursor = page.cursor
        self.endInsertRows()

    def fetch_until(self, found: Callable[[RowT], bool]) -> int | None:
        """Read pages until a row satisfies `found` (a row asked for by another page, the
        end of the table: `lambda _row: False`); its table row, or None when no row did.

        Each page is read after the last (keyset), so reaching row 95,000 costs what reading
        its pages in turn does. Only for models that read pages at once (`loading` never)."""
        checked = 0
        while True:
            for n in range(checked, len(self._rows)):
                if found(self._rows[n]):
                    return n
            checked = len(self._rows)
            if not self.canFetchMore():
                return None
            self.fetchMore()
            if len(self._rows) == checked:
                return None  # nothing came (the shop changed under us)

    # -- work on a worker thread -------------------------------------------------------------
    def _run(self, work: Work) -> Job:
        job = Job(work, self)
        self._jobs.add(job)  # the model keeps its running jobs (and their timers) alive
        for end in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            end.connect(lambda *_args, j=job: self._jobs.discard(j))
        return job.start()

    def _for_query(self, query: QueryT, work: Callable[[QueryT], ResultT],
                   take: Callable[[ResultT], None]) -> Job:
        """Run `work(query)` on a worker; `take` its result unless the query changed meanwhile
        (the user has typed on, and the new query's own work is under way)."""
        def arrived(result: ResultT) -> None:
            if query == self._query:
                take(result)

        job = self._run(lambda _progress: work(query))
        job.signals.finished.connect(arrived)
        return job

    # -- Qt --------------------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self.loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._read_page(self._query, len(self._rows), self._append, self._cursor)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.sort_key(column)
        if key is None:
            return
        query = replace(self._query, sort=key,  # type: ignore[type-var]
                        descending=order == Qt.SortOrder.DescendingOrder)
        if not self._loaded:
            self._query = query
        elif query != self._query:
            self.set_query(query)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headings)

    def heading(self, column: int) -> Heading | None:
        return self._headings[column] if 0 <= column < len(self._headings) else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Role.DisplayRole) -> Any:
        heading = self.heading(section) if orientation == Qt.Orientation.Horizontal else None
        if heading is None:
            return None
        if role == Role.DisplayRole:
            return self.tr(heading[0])
        if role == Role.TextAlignmentRole and heading[1]:
            return RIGHT
        return None

    def data(self, index: AnyIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if not 0 <= column < len(self._headings):  # (data() is called for every painted cell)
            return None
        if role == Role.DisplayRole:
            return self.cell_text(row, column)
        if role == Role.TextAlignmentRole:
            return RIGHT if self._headings[column][1] else None
        if role == Role.ForegroundRole:
            return self.cell_colour(row, column)
        if role == Role.ToolTipRole:
            return self.cell_tooltip(row, column)
        if role == Role.UserRole:
            return self.row_id(row)
        return None


def paged_table_view(model: QAbstractTableModel, sort_column: int,
                     order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> QTableView:
    """The read-only list every page shows over a paged model: whole rows selected, sorted by
    the service (a click on a header asks the model), alternating rows, no row numbers, columns
    the user can resize and the last one filling the width.

    The sort indicator is set before sorting is enabled, so that the model is asked once, for
    this order (enabling sorting sorts by the indicator at once)."""
    table = QTableView()
    table.setModel(model)
    table.horizontalHeader().setSortIndicator(sort_column, order)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    # a right-aligned heading (over figures) ends where the sort arrow is drawn: keep it clear
    table.horizontalHeader().setStyleSheet("QHeaderView::section { padding-right: 14px; }")
    return table


def set_column_widths(table: QTableView, widths: Iterable[int]) -> None:
    """Give the columns these widths, each at least its heading's with the sort arrow: a
    heading is wider in one language than in the other (消费金额 sat under its arrow at 60 px)."""
    header = table.horizontalHeader()
    for column, width in enumerate(widths):
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
