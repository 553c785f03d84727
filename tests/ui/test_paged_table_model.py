"""PagedTableModel: the paging, counting and sorting that the big tables share."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThreadPool
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ecdesk.services.common.page import Page
from ecdesk.views.widgets.paged_table_model import PAGE_SIZE, RIGHT, PagedTableModel

RED = QColor("#b3261e")


@dataclass(frozen=True)
class Query:
    search: str = ""
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    amount: int


class Shelf:
    """Items matching a query, a page at a time, recording each call (query, offset, limit)."""

    def __init__(self, count: int, counted: bool = False) -> None:
        self.items = [Item(n, f"item {n:04d}", n % 7 - 2) for n in range(count)]
        self.counted = counted
        self.calls: list[tuple[Query, int, int]] = []

    def matching(self, query: Query) -> list[Item]:
        found = [item for item in self.items if query.search in item.name]
        return sorted(found, key=lambda item: getattr(item, query.sort),
                      reverse=query.descending)

    def __call__(self, query: Query, offset: int, limit: int) -> Page[Item]:
        self.calls.append((query, offset, limit))
        found = self.matching(query)
        return Page(found[offset:offset + limit], len(found) if self.counted else None,
                    has_more=offset + limit < len(found))

    @property
    def offsets(self) -> list[int]:
        return [offset for _query, offset, _limit in self.calls]


class ItemsModel(PagedTableModel[Query, Item]):
    """The smallest table: a name column that sorts, an amount column that does not."""

    def __init__(self, shelf: Shelf, counter: Any = None) -> None:
        super().__init__(shelf, Query(), [("Name", False), ("Amount", True)], counter=counter)

    def sort_key(self, column: int) -> str | None:
        return {0: "name"}.get(column)

    def cell_text(self, row: Item, column: int) -> str:
        return row.name if column == 0 else str(row.amount)

    def cell_colour(self, row: Item, column: int) -> QColor | None:
        return RED if column == 1 and row.amount < 0 else None

    def cell_tooltip(self, row: Item, column: int) -> str | None:
        return row.name if column == 0 else None

    def row_id(self, row: Item) -> int:
        return row.id


@pytest.fixture(autouse=True)
def _counts_end_before_the_next_test(qapp: Any) -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000)


def loaded(count: int, *, counted: bool = True, counter: Any = None) -> tuple[ItemsModel, Shelf]:
    shelf = Shelf(count, counted)
    model = ItemsModel(shelf, counter)
    model.set_query(Query())
    return model, shelf


def names(model: ItemsModel) -> list[str]:
    return [model.row_at(r).name for r in range(model.rowCount())]


# -- paging -------------------------------------------------------------------------------------
def test_fetch_more_appends_the_next_page_after_the_rows_shown() -> None:
    model, shelf = loaded(PAGE_SIZE + 40)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    assert (model.rowCount(), model.canFetchMore(QModelIndex())) == (PAGE_SIZE, True)

    model.fetchMore(QModelIndex())

    assert inserted == [(PAGE_SIZE, PAGE_SIZE + 39)]
    assert names(model) == [item.name for item in shelf.items]
    assert shelf.offsets == [0, PAGE_SIZE]
    assert {limit for _query, _offset, limit in shelf.calls} == {PAGE_SIZE}
    assert not model.canFetchMore(QModelIndex())


def test_fetch_more_asks_nothing_when_there_is_no_more_or_below_a_cell() -> None:
    model, shelf = loaded(PAGE_SIZE + 1)
    model.fetchMore(model.index(0, 0))  # a table has no children
    assert (model.rowCount(), shelf.offsets) == (PAGE_SIZE, [0])
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # all are in: the loader is not asked again
    assert (model.rowCount(), shelf.offsets) == (PAGE_SIZE + 1, [0, PAGE_SIZE])


def test_a_page_that_comes_back_empty_stops_the_fetching() -> None:
    model, shelf = loaded(PAGE_SIZE + 40)
    shelf.items = shelf.items[:10]  # rows were archived elsewhere meanwhile
    inserted: list[int] = []
    model.rowsInserted.connect(lambda *_args: inserted.append(1))
    model.fetchMore(QModelIndex())
    assert (model.rowCount(), inserted, model.canFetchMore(QModelIndex())) == (PAGE_SIZE, [],
                                                                               False)


def test_a_new_query_resets_to_its_own_first_page() -> None:
    model, shelf = loaded(PAGE_SIZE * 3)
    model.fetchMore(QModelIndex())
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    model.set_query(Query(search="item 00"))

    assert resets == [1]
    assert names(model) == [f"item {n:04d}" for n in range(100)]
    assert shelf.calls[-1] == (Query(search="item 00"), 0, PAGE_SIZE)
    assert model.query == Query(search="item 00") and not model.canFetchMore(QModelIndex())


def test_reload_reads_the_first_page_of_the_same_query_again() -> None:
    model, shelf = loaded(PAGE_SIZE * 2)
    model.set_query(Query(search="item 01"))
    model.fetchMore(QModelIndex())
    model.reload()
    assert shelf.calls[-1] == (Query(search="item 01"), 0, PAGE_SIZE)
    assert model.rowCount() == 100


def test_show_page_takes_a_page_read_elsewhere_and_pages_on_from_it() -> None:
    shelf = Shelf(PAGE_SIZE + 5)
    model = ItemsModel(shelf)
    model.show_page(Query(), Page(shelf.items[:PAGE_SIZE], None, has_more=True))
    assert shelf.calls == [] and model.rowCount() == PAGE_SIZE
    model.fetchMore(QModelIndex())
    assert shelf.offsets == [PAGE_SIZE] and model.rowCount() == PAGE_SIZE + 5


def test_show_page_can_change_the_columns_in_the_same_reset() -> None:
    model, _shelf = loaded(3)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.columnCount()))

    def one_column() -> None:
        model._headings = [("Name", False)]

    model.show_page(Query(), Page([], 0), one_column)
    assert resets == [1] and model.columnCount() == 1


def test_the_model_passes_the_model_tester_while_paging(qtmodeltester: ModelTester) -> None:
    model, _shelf = loaded(PAGE_SIZE * 2 + 17)
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE * 2 + 17
    qtmodeltester.check(model, force_py=True)


# -- counting -----------------------------------------------------------------------------------
def test_a_total_that_comes_with_the_page_is_announced_without_counting() -> None:
    counted: list[Query] = []
    shelf = Shelf(300, counted=True)
    model = ItemsModel(shelf, lambda query: counted.append(query) or 0)
    totals: list[int] = []
    model.total_changed.connect(totals.append)
    model.set_query(Query())
    assert (model.total_known, model.total, totals, counted) == (True, 300, [300], [])


def test_an_uncounted_page_is_counted_on_a_worker(qtbot: QtBot) -> None:
    model, _shelf = loaded(300, counted=False, counter=lambda _query: 300)
    assert (model.total_known, model.total) == (False, PAGE_SIZE)  # the rows so far
    qtbot.waitUntil(lambda: model.total_known, timeout=5000)
    assert model.total == 300 and not model.busy


def test_a_count_arriving_for_a_query_typed_past_is_ignored(qtbot: QtBot) -> None:
    release_first = threading.Event()
    counted: list[str] = []

    def count(query: Query) -> int:
        if query.search == "item 0":
            release_first.wait(5)  # the first count comes back last
        counted.append(query.search)
        return {"item 0": 1000, "item 00": 100}[query.search]

    shelf = Shelf(1000)
    model = ItemsModel(shelf, count)
    totals: list[int] = []
    model.total_changed.connect(totals.append)
    model.set_query(Query(search="item 0"))
    model.set_query(Query(search="item 00"))
    qtbot.waitUntil(lambda: model.total_known, timeout=5000)
    release_first.set()
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)

    assert counted == ["item 00", "item 0"]
    assert (model.total, totals) == (100, [100])


def test_a_failing_count_leaves_the_total_unknown_and_the_rows_shown(qtbot: QtBot) -> None:
    def count(_query: Query) -> int:
        raise RuntimeError("database is locked")

    model, _shelf = loaded(300, counted=False, counter=count)
    qtbot.waitUntil(lambda: not model.busy, timeout=5000)
    assert (model.rowCount(), model.total_known, model.total) == (PAGE_SIZE, False, PAGE_SIZE)


# -- sorting ------------------------------------------------------------------------------------
def test_sort_goes_back_to_page_one_in_the_new_order() -> None:
    model, shelf = loaded(PAGE_SIZE * 2 + 3, counted=False)
    model.set_query(Query(search="item"))
    model.fetchMore(QModelIndex())
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    model.sort(0, Qt.SortOrder.DescendingOrder)

    assert resets == [1] and model.rowCount() == PAGE_SIZE
    assert shelf.calls[-1] == (Query(search="item", descending=True), 0, PAGE_SIZE)
    assert model.row_at(0).name == f"item {PAGE_SIZE * 2 + 2:04d}"


def test_sorting_in_the_order_shown_or_by_a_column_that_does_not_sort_reads_nothing() -> None:
    model, shelf = loaded(10)
    model.sort(0, Qt.SortOrder.AscendingOrder)  # the order it has
    model.sort(1, Qt.SortOrder.DescendingOrder)  # amounts do not sort
    model.sort(7, Qt.SortOrder.DescendingOrder)  # no such column
    assert len(shelf.calls) == 1 and model.query == Query()


def test_a_sort_before_the_first_load_is_only_remembered() -> None:
    shelf = Shelf(10)
    model = ItemsModel(shelf)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert shelf.calls == [] and model.rowCount() == 0
    model.reload()
    assert shelf.calls == [(Query(descending=True), 0, PAGE_SIZE)]


# -- cells --------------------------------------------------------------------------------------
def test_cells_show_what_the_subclass_says_with_numbers_right_aligned() -> None:
    model, _shelf = loaded(3)
    cell = model.index(0, 1)
    assert (model.data(model.index(0, 0)), model.data(cell)) == ("item 0000", "-2")
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == RED
    assert model.data(model.index(2, 1), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(cell, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "item 0001"
    assert model.data(model.index(2, 0), Qt.ItemDataRole.UserRole) == 2
    assert model.data(cell, Qt.ItemDataRole.DecorationRole) is None
    assert (model.row_of(2), model.row_of(99)) == (2, None)


def test_headers_are_translated_texts_and_numbers_headers_align_right() -> None:
    model, _shelf = loaded(1)
    horizontal = Qt.Orientation.Horizontal
    assert [model.headerData(c, horizontal) for c in range(model.columnCount())] == [
        "Name", "Amount"]
    assert model.headerData(1, horizontal, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.headerData(0, horizontal, Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.headerData(2, horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_nothing_is_shown_outside_the_rows_and_columns() -> None:
    model, _shelf = loaded(2)
    assert model.data(QModelIndex()) is None
    assert model.data(model.createIndex(5, 0)) is None
    assert model.data(model.createIndex(0, 5)) is None
    assert (model.rowCount(model.index(0, 0)), model.columnCount(model.index(0, 0))) == (0, 0)


# -- keyset paging ------------------------------------------------------------------------------
class KeysetShelf(Shelf):
    """A shelf that pages by keyset: each page says where it ends, the next starts after it."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.afters: list[Any] = []

    def __call__(self, query: Query, offset: int, limit: int,  # type: ignore[override]
                 after: Any = None) -> Page[Item]:
        self.afters.append(after)
        found = self.matching(query)
        start = 0 if after is None else next(
            n + 1 for n, item in enumerate(found) if (item.name, item.id) == after)
        rows = found[start:start + limit]
        return Page(rows, None, start + limit < len(found),
                    (rows[-1].name, rows[-1].id) if rows else None)


def test_a_loader_that_takes_a_cursor_gets_the_last_pages_end_instead_of_an_offset() -> None:
    shelf = KeysetShelf(3 * PAGE_SIZE)
    model = ItemsModel(shelf)
    model.set_query(Query())

    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())

    assert shelf.afters == [None, ("item 0255", 255), ("item 0511", 511)]
    assert names(model) == [item.name for item in shelf.items]
    assert not model.canFetchMore(QModelIndex())


def test_jumping_to_a_row_not_loaded_yet_reads_on_until_it_and_to_the_end_until_the_last() -> None:
    shelf = KeysetShelf(5 * PAGE_SIZE + 3)
    model = ItemsModel(shelf)
    model.set_query(Query(descending=True))

    found = model.fetch_until(lambda item: item.id == 700)

    assert found is not None and model.row_at(found).id == 700
    assert model.rowCount() == 3 * PAGE_SIZE  # (row 582 of 1,283): the pages up to it only
    assert model.fetch_until(lambda _item: False) is None  # the end: every row, once
    assert [model.row_at(r).id for r in range(model.rowCount())] == list(
        range(5 * PAGE_SIZE + 2, -1, -1))


def test_a_loader_of_three_arguments_keeps_paging_by_offset_even_when_pages_carry_a_cursor(
        ) -> None:
    keyset = KeysetShelf(2 * PAGE_SIZE)
    calls: list[int] = []

    def by_offset(query: Query, offset: int, limit: int) -> Page[Item]:
        calls.append(offset)
        found = keyset.matching(query)
        page = found[offset:offset + limit]
        return Page(page, None, offset + limit < len(found), ("ignored", 0))

    model = ItemsModel(by_offset)  # type: ignore[arg-type]
    model.set_query(Query())
    model.fetchMore(QModelIndex())

    assert calls == [0, PAGE_SIZE] and model.rowCount() == 2 * PAGE_SIZE
