"""The Inventory page and its models on the hand-made stock shop (tests/inventory_fixtures.py):
MUG-1 15 on hand / 5 committed / 10 available, MUG-2 3/3/0, TEE-S 0/0/0 (reorder point 10 by
hand), TEE-M -2 (negative allowed), CAP-1 archived."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import case

from ecdesk.db import Database
from ecdesk.errors import DatabaseError
from ecdesk.models import MovementKind, Variant
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.page import Page
from ecdesk.services.stock import queries
from ecdesk.services.stock.commands import adjust_stock
from ecdesk.services.stock.inventory_dto import (
    STOCK_OUT,
    InventoryQuery,
    InventoryRow,
    InventorySummary,
    MovementRow,
    StockFigures,
)
from ecdesk.views.catalog.listings_page import ListingsPage
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock import inventory_page
from ecdesk.views.stock.inventory_model import (
    COLUMNS,
    KEYS,
    PAGE_SIZE,
    RIGHT,
    WARNING_COLOUR,
    InventoryTableModel,
    MovementsTableModel,
)
from ecdesk.views.stock.inventory_page import InventoryPage
from tests.ui import stock_ui_fixtures as fixtures
from tests.ui.conftest import finish_workers
from tests.ui.stock_ui_fixtures import on_hand

# The hand-made stock shop, copied for each test (tests/ui/stock_ui_fixtures.py).
stock_template, stock_db, stock_context, ids = (
    fixtures.stock_template, fixtures.stock_db, fixtures.stock_context, fixtures.ids)

COLUMN = {key: number for number, key in enumerate(KEYS)}


@pytest.fixture
def page(qtbot: QtBot, stock_context: ShopContext) -> InventoryPage:
    inventory = InventoryPage(stock_context)
    qtbot.addWidget(inventory, before_close_func=lambda _w: finish_workers())
    inventory.resize(1300, 800)
    inventory.load()
    settle(qtbot, inventory.model)
    return inventory


def settle(qtbot: QtBot, model: InventoryTableModel) -> None:
    """Pages and totals are read on workers: wait until they are in."""
    qtbot.waitUntil(lambda: not model.busy and not model.loading, timeout=10_000)


def history_read(qtbot: QtBot, page: InventoryPage) -> None:
    """The selected SKU's movements are read on a worker: wait until they are shown."""
    qtbot.waitUntil(lambda: not page.history_loading, timeout=10_000)


def shown(page: InventoryPage, key: str) -> dict[str, str]:
    model = page.model
    return {model.row_at(r).sku: model.data(model.index(r, COLUMN[key]))
            for r in range(model.rowCount())}


def row_of(page: InventoryPage, sku: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.row_at(r).sku == sku)


# -- the models ---------------------------------------------------------------------------------


def fake_row(number: int) -> InventoryRow:
    figures = StockFigures(on_hand=number % 7 - 2, committed=number % 3, on_order=0,
                           units_sold=number % 5, window_days=28, velocity=Decimal(number % 5)
                           / 28, days_of_cover=None if number % 5 == 0 else Decimal("3.5"),
                           reorder_point=number % 11, reorder_point_manual=number % 2 == 0)
    return InventoryRow(number, number // 2, f"SKU-{number:04d}", f"Product {number} 产品",
                        "Black / M", None, Decimal("4.50"), figures)


def test_the_inventory_model_passes_the_model_tester_while_paging(
        qtbot: QtBot, qtmodeltester: object) -> None:
    rows = [fake_row(n) for n in range(PAGE_SIZE * 2 + 17)]

    def loader(_query: InventoryQuery, offset: int, limit: int) -> Page[InventoryRow]:
        return Page(rows[offset:offset + limit], None, offset + limit < len(rows))

    model = InventoryTableModel(loader)
    model.set_query(InventoryQuery())
    settle(qtbot, model)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    while model.canFetchMore(QModelIndex()) or model.loading:  # (the tester fetches too)
        if model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
            assert not model.canFetchMore(QModelIndex())  # one page at a time
        settle(qtbot, model)
    assert model.rowCount() == len(rows)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_the_inventory_model_over_the_real_query_passes_the_model_tester(
        qtbot: QtBot, qtmodeltester: object, page: InventoryPage) -> None:
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    page.select_row(row_of(page, "MUG-1"))
    history_read(qtbot, page)
    assert page.history.rowCount() == 3
    qtmodeltester.check(page.history)  # type: ignore[attr-defined]


def test_the_history_model_pages_and_passes_the_model_tester(qtmodeltester: object,
                                                             qapp: object) -> None:
    from datetime import UTC, datetime
    movements = [MovementRow(n, datetime(2026, 11, 1, tzinfo=UTC), "received", 1, n, "", "", None)
                 for n in range(450)]

    def loader(_vid: int, offset: int, limit: int) -> Page[MovementRow]:
        return Page(movements[offset:offset + limit], len(movements),
                    offset + limit < len(movements))

    model = MovementsTableModel(loader)
    model.set_query(7)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    model.set_query(None)
    assert model.rowCount() == 0


# -- what the page shows ------------------------------------------------------------------------


def test_the_page_shows_on_hand_committed_and_available_of_every_sku_for_sale(
        page: InventoryPage) -> None:
    assert shown(page, "on_hand") == {"MUG-1": "15", "MUG-2": "3", "TEE-S": "0",
                                      "TEE-M": "\u22122"}
    assert shown(page, "committed") == {"MUG-1": "5", "MUG-2": "3", "TEE-S": "0", "TEE-M": "0"}
    assert shown(page, "available")["MUG-1"] == "10"
    assert shown(page, "on_order") == dict.fromkeys(("MUG-1", "MUG-2", "TEE-S", "TEE-M"), "0")
    assert shown(page, "value")["MUG-1"] == "60.00"
    assert page.count_label.text() == "4 SKU(s) · 16 units on hand · value CN¥60.50"


def test_numbers_are_right_aligned_and_negative_stock_is_red(page: InventoryPage) -> None:
    model = page.model
    tee_m = row_of(page, "TEE-M")
    on_hand_cell = model.index(tee_m, COLUMN["on_hand"])
    assert model.data(on_hand_cell, Qt.ItemDataRole.ForegroundRole) == WARNING_COLOUR
    assert "Negative stock" in model.data(on_hand_cell, Qt.ItemDataRole.ToolTipRole)
    mug = model.index(row_of(page, "MUG-1"), COLUMN["on_hand"])
    assert model.data(mug, Qt.ItemDataRole.ForegroundRole) is None
    for column, (_header, _key, _text, right) in enumerate(COLUMNS):
        alignment = model.data(model.index(0, column), Qt.ItemDataRole.TextAlignmentRole)
        assert (alignment == RIGHT) == right


def test_a_reorder_point_set_by_hand_is_told_apart_from_a_suggested_one(
        page: InventoryPage) -> None:
    model = page.model
    tip = model.data(model.index(row_of(page, "TEE-S"), COLUMN["reorder_point"]),
                     Qt.ItemDataRole.ToolTipRole)
    assert shown(page, "reorder_point")["TEE-S"] == "10" and "by hand" in tip
    suggested = model.data(model.index(row_of(page, "MUG-1"), COLUMN["reorder_point"]),
                           Qt.ItemDataRole.ToolTipRole)
    assert suggested.startswith("Suggested from sales")


def test_the_stock_filter_and_the_search_box_narrow_the_table(qtbot: QtBot,
                                                             page: InventoryPage) -> None:
    page.stock_filter.setCurrentIndex(page.stock_filter.findData(STOCK_OUT))
    settle(qtbot, page.model)
    assert set(shown(page, "sku")) == {"MUG-2", "TEE-S", "TEE-M"}
    qtbot.keyClicks(page.search, "tee")
    qtbot.waitUntil(lambda: set(shown(page, "sku")) == {"TEE-S", "TEE-M"}, timeout=2000)
    qtbot.waitUntil(lambda: page.model.summary is not None, timeout=5000)
    assert page.count_label.text().startswith("2 SKU(s)")


def sortable(text: str) -> object:
    """A cell's text as the value it shows: numbers as numbers ("−2", "1,234", "60.00"), no
    days of cover ("—") as None, words as words."""
    number = text.replace(",", "").replace("\u2212", "-")
    try:
        return Decimal(number)
    except ArithmeticError:
        return None if text == "—" else text


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_every_column_sorts_by_the_values_it_shows(
        qtbot: QtBot, page: InventoryPage, monkeypatch: pytest.MonkeyPatch,
        order: Qt.SortOrder) -> None:
    # Something on order (as purchasing will fill it), so that the On order column has an order.
    ordered = case((Variant.sku == "TEE-S", 12), (Variant.sku == "MUG-1", 3), else_=0)
    monkeypatch.setattr(queries, "on_order", lambda _variant_id: ordered)
    model, descending = page.model, order == Qt.SortOrder.DescendingOrder
    for column, (header, key, _text, _right) in enumerate(COLUMNS):
        model.sort(column, order)
        settle(qtbot, model)
        assert (model.query.sort, model.query.descending) == (key, descending)
        values = [sortable(model.data(model.index(r, column))) for r in range(model.rowCount())]
        known = [value for value in values if value is not None]  # no cover: last both ways
        assert values == [*sorted(known, reverse=descending),  # type: ignore[type-var]
                          *[None] * (len(values) - len(known))], header
    assert shown(page, "on_order")["TEE-S"] == "12"


def test_clicking_a_header_sorts_in_the_query(qtbot: QtBot, page: InventoryPage) -> None:
    page.table.horizontalHeader().setSortIndicator(COLUMN["available"],
                                                   Qt.SortOrder.DescendingOrder)
    settle(qtbot, page.model)
    assert page.model.query.sort == "available" and page.model.query.descending
    # 10, 0, 0, -2: the two SKUs with none available in the same descending order (newest first)
    assert [page.model.row_at(r).sku for r in range(4)] == ["MUG-1", "TEE-S", "MUG-2", "TEE-M"]


def test_selecting_a_sku_shows_its_movements_newest_first(qtbot: QtBot,
                                                          page: InventoryPage) -> None:
    page.select_row(row_of(page, "MUG-1"))
    history_read(qtbot, page)
    history = page.history
    texts = [[history.data(history.index(r, c)) for c in range(1, 4)]
             for r in range(history.rowCount())]
    assert texts == [["Sold", "\u22124", "15"], ["Sold", "\u22121", "19"],
                     ["Received", "+20", "20"]]
    assert "MUG-1" in page.detail.text() and "committed 5" in page.detail.text()
    assert "3 movement(s)" in page.detail.text()


# -- refreshing and actions ---------------------------------------------------------------------


def test_a_stock_change_refreshes_the_table_and_keeps_the_selected_sku(
        qtbot: QtBot, page: InventoryPage, stock_context: ShopContext,
        ids: dict[str, int]) -> None:
    page.select_row(row_of(page, "MUG-1"))
    stock_context.write(page, adjust_stock, variant_id=ids["MUG-1"],
                        kind=MovementKind.RECEIVED, quantity=7, reference="PO-9")
    settle(qtbot, page.model)
    assert shown(page, "on_hand")["MUG-1"] == "22"
    assert page.selected_variant_id() == ids["MUG-1"]
    history_read(qtbot, page)
    assert page.history.rowCount() == 4


def test_changes_to_other_areas_leave_the_table_alone(page: InventoryPage) -> None:
    before = page.model.row_at(0)
    page.context.changed.emit(Changed.of(ChangeArea.CHANNELS))
    assert page.model.row_at(0) is before


def test_stock_actions_need_a_selected_sku_and_a_writable_shop(page: InventoryPage) -> None:
    assert not page.receive_action.isEnabled() and not page.rules_action.isEnabled()
    assert page.count_action.isEnabled()  # a count can start from scanning
    page.select_row(0)
    assert page.receive_action.isEnabled() and page.adjust_action.isEnabled()
    assert page.receive_action.shortcut().toString() == "Ctrl+R"
    assert page.table.actions() == [page.receive_action, page.adjust_action, page.count_action,
                                    page.rules_action]  # the context menu


def test_a_read_only_shop_offers_no_stock_actions(qtbot: QtBot, stock_db: Database) -> None:
    path = stock_db.path
    stock_db.close()
    from ecdesk.db import open_database

    read_only = open_database(path, read_only=True)
    try:
        inventory = InventoryPage(ShopContext(read_only))
        qtbot.addWidget(inventory, before_close_func=lambda _w: finish_workers())
        inventory.load()
        settle(qtbot, inventory.model)
        inventory.select_row(0)
        assert not any(a.isEnabled() for a in (inventory.receive_action,
                                               inventory.adjust_action,
                                               inventory.count_action, inventory.rules_action))
    finally:
        finish_workers()
        read_only.close()


def test_the_summary_arrives_from_a_worker_after_the_rows(qtbot: QtBot, qapp: object) -> None:
    summaries: list[InventorySummary | None] = []
    model = InventoryTableModel(lambda _q, _o, _l: Page([], None),
                                lambda _q: InventorySummary(3, 9, Decimal("1.50")))
    model.summary_changed.connect(summaries.append)
    model.set_query(InventoryQuery())
    qtbot.waitUntil(lambda: len(summaries) == 2, timeout=5000)
    assert summaries == [None, InventorySummary(3, 9, Decimal("1.50"))]


def test_a_page_read_for_an_older_query_never_replaces_the_newer_one(qtbot: QtBot,
                                                                       qapp: object) -> None:
    def loader(query: InventoryQuery, _offset: int, _limit: int) -> Page[InventoryRow]:
        if query.search == "slow":
            time.sleep(0.3)
        return Page([fake_row(1 if query.search == "slow" else 2)], 1)

    model = InventoryTableModel(loader)
    model.set_query(InventoryQuery(search="slow"))
    model.set_query(InventoryQuery(search="fast"))
    settle(qtbot, model)
    finish_workers()
    assert [model.row_at(r).variant_id for r in range(model.rowCount())] == [2]


def test_a_page_that_cannot_be_read_is_reported_on_the_page(
        qtbot: QtBot, page: InventoryPage, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise DatabaseError("The shop file is busy in another program: nothing was saved.")

    monkeypatch.setattr(inventory_page, "list_inventory", refuse)
    page.stock_filter.setCurrentIndex(page.stock_filter.findData(STOCK_OUT))
    qtbot.waitUntil(lambda: page.problem.text() != "", timeout=5000)
    assert page.problem.text() == ("The table could not be read: The shop file is busy in "
                                   "another program: nothing was saved.")
    assert page.model.rowCount() == 4  # the rows already shown stay
    monkeypatch.undo()
    page.stock_filter.setCurrentIndex(0)
    settle(qtbot, page.model)
    assert page.problem.text() == ""


def test_the_listings_stock_column_follows_stock_changes(
        qtbot: QtBot, stock_context: ShopContext, ids: dict[str, int]) -> None:
    listings = ListingsPage(stock_context)
    qtbot.addWidget(listings, before_close_func=lambda _w: finish_workers())
    listings.load()
    finish_workers()
    stock_column = next(c for c in range(listings.model.columnCount())
                        if listings.model.sort_key(c) == "stock")

    def stock_of(sku: str) -> str:
        model = listings.model
        row = next(r for r in range(model.rowCount()) if model.row_at(r).sku == sku)
        return model.data(model.index(row, stock_column))

    assert stock_of("MUG-2") == "3"
    stock_context.write(listings, adjust_stock, variant_id=ids["MUG-2"],
                        kind=MovementKind.WRITTEN_OFF, quantity=-2, reason="Broken")
    assert stock_of("MUG-2") == "1"
    finish_workers()
    assert on_hand(stock_context.db, ids["MUG-2"]) == 1


def test_clicking_a_row_with_the_mouse_enables_its_actions_and_shows_its_movements(
        qtbot: QtBot, page: InventoryPage) -> None:
    from PySide6.QtCore import Qt as QtKeys

    page.show()
    qtbot.waitExposed(page)
    row = row_of(page, "MUG-1")
    where = page.table.visualRect(page.model.index(row, 1)).center()
    qtbot.mouseClick(page.table.viewport(), QtKeys.MouseButton.LeftButton, pos=where)
    assert page.receive_action.isEnabled() and page.adjust_action.isEnabled()
    history_read(qtbot, page)
    assert "MUG-1" in page.detail.text()
    assert page.history.rowCount() == 3
