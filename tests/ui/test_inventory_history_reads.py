"""The Inventory page reads the selected SKU's movement history on a worker thread: the pane
says it is loading, then shows the rows; an answer for a row no longer selected is dropped."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ecdesk.db import UnitOfWork
from ecdesk.errors import EcdeskError
from ecdesk.services.common.page import Page
from ecdesk.services.stock.inventory_dto import MovementRow
from ecdesk.services.stock.queries import movement_history
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock import inventory_detail_pane
from ecdesk.views.stock.inventory_page import InventoryPage
from tests.ui import stock_ui_fixtures as fixtures
from tests.ui.conftest import finish_workers

# The hand-made stock shop, copied for each test (tests/ui/stock_ui_fixtures.py).
stock_template, stock_db, stock_context, ids = (
    fixtures.stock_template, fixtures.stock_db, fixtures.stock_context, fixtures.ids)

def open_page(qtbot: QtBot, context: ShopContext, gates: Gates | None = None) -> InventoryPage:
    """The page, shown and loaded. pytest-qt closes it before any fixture's teardown, so its
    held reads are let go right then: a worker still waiting on a gate when the page and its
    shop closed made the next tests fail, and once crashed the run."""
    page = InventoryPage(context)

    def finish(_widget: InventoryPage) -> None:
        if gates is not None:
            gates.open_all()
        finish_workers()

    qtbot.addWidget(page, before_close_func=finish)
    page.resize(1300, 800)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.busy, timeout=10_000)
    return page


@pytest.fixture
def page(qtbot: QtBot, stock_context: ShopContext, gates: Gates) -> InventoryPage:
    return open_page(qtbot, stock_context, gates)


class Gates:
    """Holds the history read of chosen SKUs until the test opens their gate (a slow disk, a
    busy ledger); `started` lists the SKUs whose read has begun."""

    def __init__(self) -> None:
        self.held: dict[int, threading.Event] = {}
        self.started: set[int] = set()

    def hold(self, variant_id: int) -> threading.Event:
        self.held[variant_id] = threading.Event()
        return self.held[variant_id]

    def open_all(self) -> None:
        for gate in self.held.values():
            gate.set()

    def history(self, uow: UnitOfWork, variant_id: int, **kwargs: int) -> Page[MovementRow]:
        self.started.add(variant_id)
        gate = self.held.get(variant_id)
        if gate is not None:
            assert gate.wait(10), "the test never opened the gate"
        return movement_history(uow, variant_id, **kwargs)


@pytest.fixture
def gates(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gates]:
    held = Gates()
    monkeypatch.setattr(inventory_detail_pane, "movement_history", held.history)
    yield held
    held.open_all()  # never leave a worker waiting
    finish_workers()


def row_of(page: InventoryPage, sku: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.row_at(r).sku == sku)


def shown_history(page: InventoryPage) -> list[MovementRow]:
    return [page.history.row_at(r) for r in range(page.history.rowCount())]


def wait_history(qtbot: QtBot, page: InventoryPage) -> None:
    qtbot.waitUntil(lambda: not page.history_loading, timeout=10_000)


# -- loading, then the rows ----------------------------------------------------------------------

def test_the_history_pane_says_loading_until_the_rows_arrive(
        qtbot: QtBot, page: InventoryPage, gates: Gates,
        ids: dict[str, int]) -> None:
    gate = gates.hold(ids["MUG-1"])
    page.select_row(row_of(page, "MUG-1"))
    assert page.history_loading and "Loading movements…" in page.detail.text()
    assert "MUG-1" in page.detail.text()  # the SKU's figures show at once
    assert page.history.rowCount() == 0
    qtbot.wait(100)
    assert "Loading movements…" in page.detail.text()  # still held: nothing invented meanwhile
    gate.set()
    wait_history(qtbot, page)
    assert [m.quantity for m in shown_history(page)] == [-4, -1, 20]
    assert "3 movement(s), newest first" in page.detail.text()
    assert "Loading" not in page.detail.text()


def test_selecting_a_row_does_not_wait_for_a_slow_history(
        qtbot: QtBot, page: InventoryPage, gates: Gates,
        ids: dict[str, int]) -> None:
    gate = gates.hold(ids["MUG-1"])
    start = time.perf_counter()
    page.select_row(row_of(page, "MUG-1"))
    assert time.perf_counter() - start < 0.5  # the read is held for as long as the test likes
    gate.set()
    wait_history(qtbot, page)
    assert page.history.rowCount() == 3


def test_the_previous_skus_rows_are_cleared_while_the_next_one_loads(
        qtbot: QtBot, page: InventoryPage, gates: Gates,
        ids: dict[str, int]) -> None:
    page.select_row(row_of(page, "MUG-1"))
    wait_history(qtbot, page)
    assert page.history.rowCount() == 3
    gates.hold(ids["MUG-2"])
    page.select_row(row_of(page, "MUG-2"))
    assert page.history.rowCount() == 0 and page.history_loading


# -- answers for rows no longer selected ---------------------------------------------------------

def test_a_late_answer_for_a_row_no_longer_selected_is_dropped(
        qtbot: QtBot, page: InventoryPage, gates: Gates,
        ids: dict[str, int]) -> None:
    mug_1 = gates.hold(ids["MUG-1"])
    page.select_row(row_of(page, "MUG-1"))
    qtbot.waitUntil(lambda: ids["MUG-1"] in gates.started, timeout=5000)  # its read is under way
    page.select_row(row_of(page, "MUG-2"))
    wait_history(qtbot, page)
    mug_2_history = shown_history(page)
    assert page.history.variant_id == ids["MUG-2"] and mug_2_history
    mug_1.set()  # MUG-1's read now ends, after MUG-2's
    finish_workers()
    qtbot.wait(150)  # (the answer's report is polled from the GUI thread)
    assert page.history.variant_id == ids["MUG-2"]
    assert shown_history(page) == mug_2_history
    assert "MUG-2" in page.detail.text() and "MUG-1" not in page.detail.text()


def test_clearing_the_selection_drops_the_answer_on_its_way(
        qtbot: QtBot, page: InventoryPage, gates: Gates,
        ids: dict[str, int]) -> None:
    gate = gates.hold(ids["MUG-1"])
    page.select_row(row_of(page, "MUG-1"))
    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, -1))
    assert "Select a SKU to see its stock movements." in page.detail.text()
    gate.set()
    finish_workers()
    qtbot.wait(150)
    assert page.history.rowCount() == 0 and page.history.variant_id is None
    assert "Select a SKU" in page.detail.text()


def test_a_history_that_cannot_be_read_is_said_in_the_pane(
        qtbot: QtBot, page: InventoryPage, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> Page[MovementRow]:
        raise EcdeskError("the shop file is locked by another program")

    monkeypatch.setattr(inventory_detail_pane, "movement_history", broken)
    page.select_row(row_of(page, "MUG-1"))
    wait_history(qtbot, page)
    assert ("The movements could not be read: the shop file is locked by another program"
            in page.detail.text())
    assert page.history.rowCount() == 0


def test_arrowing_quickly_through_twenty_rows_ends_on_the_last_rows_history(
        qtbot: QtBot, context: ShopContext, gates: Gates) -> None:
    """On the demo shop, with the real query: 20 key presses without the event loop turning in
    between. The read of the first row passed over is held until the cursor has stopped, so
    that its answer comes last; the pane still shows the row the cursor stopped on."""
    page = open_page(qtbot, context, gates)
    assert page.model.rowCount() > 21
    page.select_row(0)
    wait_history(qtbot, page)
    shown_for: list[int | None] = []
    page.history.modelReset.connect(lambda: shown_for.append(page.history.variant_id))
    passed_over = gates.hold(page.model.row_at(1).variant_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.model.row_at(1).variant_id in gates.started, timeout=5000)
    for _ in range(19):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    last = page.model.row_at(20)
    assert page.selected_variant_id() == last.variant_id
    wait_history(qtbot, page)
    passed_over.set()
    finish_workers()
    qtbot.wait(150)  # the held answer would have been reported by now
    expected = movement_history(context.uow(), last.variant_id)
    assert page.history.variant_id == last.variant_id
    assert shown_history(page) == list(expected.rows)
    assert page.history.total == expected.total
    assert last.sku in page.detail.text()
    # Every reset after the cursor stopped showed the last row: never an earlier one.
    assert set(shown_for[shown_for.index(last.variant_id):]) == {last.variant_id}
