"""From an alert to its SKU on the Inventory page, end to end in the main window on the demo
shop: double-click, Enter or "Show in Inventory" switch pages and select, scroll to and show the
history of the alert's SKU, searching for it when it is not among the loaded rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from ecdesk.services.stock.alerts_dto import Alert
from ecdesk.services.stock.inventory_dto import STOCK_ALL, STOCK_IN
from ecdesk.services.stock.queries import movement_history
from ecdesk.views.catalog.listings_page import ListingsPage
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.shop_context import ShopContext, SkuTarget
from ecdesk.views.stock.alerts_page import AlertsPage
from ecdesk.views.stock.inventory_page import InventoryPage
from tests.ui.conftest import finish_workers

Wait = Callable[[ListingsPage], None]


@pytest.fixture
def window(qtbot: QtBot, context: ShopContext, window_settings: QSettings,
           wait_counted: Wait) -> MainWindow:
    """The main window on the demo shop, showing the Alerts page with its alerts computed."""
    window = MainWindow(context, window_settings)
    qtbot.addWidget(window, before_close_func=lambda w: (
        wait_counted(w.listings), qtbot.waitUntil(lambda: not w.alerts.computing),
        finish_workers()))
    window.resize(1400, 900)
    window.show()
    window.load_pages()
    window.show_page("alerts")
    alerts: AlertsPage = window.alerts
    qtbot.waitUntil(lambda: alerts.report is not None and not alerts.computing, timeout=10_000)
    assert alerts.model.rowCount() > 0
    return window


def inventory_of(window: MainWindow) -> InventoryPage:
    return window.inventory  # type: ignore[attr-defined,no-any-return]


def open_inventory(qtbot: QtBot, window: MainWindow, stock: str = STOCK_ALL) -> InventoryPage:
    """The Inventory page in front, showing `stock` (a stock filter), its first rows loaded."""
    inventory = inventory_of(window)
    window.show_page("inventory")
    inventory.stock_filter.setCurrentIndex(inventory.stock_filter.findData(stock))
    qtbot.waitUntil(lambda: not inventory.model.loading and inventory.model.rowCount() > 0
                    and inventory.model.query.stock == stock, timeout=10_000)
    return inventory


def alert_row(window: MainWindow, row: int) -> Alert:
    alert = window.alerts.model.alert_at(row)
    assert alert is not None
    return alert


def wait_shown(qtbot: QtBot, window: MainWindow, alert: Alert) -> InventoryPage:
    """The Inventory page is in front with the alert's SKU selected and its history read."""
    inventory = inventory_of(window)
    assert window.pages.currentWidget() is inventory
    assert window.navigation.currentRow() == window.pages.currentIndex()
    qtbot.waitUntil(lambda: inventory.selected_variant_id() == alert.variant_id
                    and not inventory.history_loading, timeout=10_000)
    return inventory


def assert_shows_sku(window: MainWindow, inventory: InventoryPage, alert: Alert) -> None:
    table = inventory.table
    index = table.currentIndex()
    assert inventory.model.row_at(index.row()).sku == alert.sku
    assert table.viewport().rect().contains(table.visualRect(index).center())  # scrolled to
    expected = movement_history(window.context.uow(), alert.variant_id)  # type: ignore[union-attr]
    assert inventory.history.variant_id == alert.variant_id
    assert [inventory.history.row_at(r) for r in range(inventory.history.rowCount())] == list(
        expected.rows)
    assert alert.sku in inventory.detail.text() and "Loading" not in inventory.detail.text()


def last_alert_row(window: MainWindow) -> int:
    """The alert shown lowest in the table (the page's default order puts it far from the
    Inventory's first rows more often than not)."""
    return window.alerts.model.rowCount() - 1


# -- the three ways there -----------------------------------------------------------------------

def test_double_clicking_an_alert_shows_its_sku_on_the_inventory_page(
        qtbot: QtBot, window: MainWindow) -> None:
    table = window.alerts.table
    row = min(3, last_alert_row(window))
    alert = alert_row(window, row)
    table.scrollTo(window.alerts.model.index(row, 2))
    point = table.visualRect(window.alerts.model.index(row, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    inventory = wait_shown(qtbot, window, alert)
    assert_shows_sku(window, inventory, alert)
    qtbot.wait(100)  # (the label grows on the next layout pass)
    window.grab().save("/tmp/navigation-double-click.png")


def test_enter_on_a_selected_alert_shows_its_sku(qtbot: QtBot, window: MainWindow) -> None:
    alerts = window.alerts
    alerts.select_rows(0)
    alerts.table.setCurrentIndex(alerts.model.index(0, 0))
    alert = alert_row(window, 0)
    alerts.table.setFocus()
    qtbot.keyClick(alerts.table, Qt.Key.Key_Return)
    assert_shows_sku(window, wait_shown(qtbot, window, alert), alert)


def test_enter_in_the_alerts_search_box_stays_on_the_alerts_page(
        qtbot: QtBot, window: MainWindow) -> None:
    alerts = window.alerts
    alerts.select_rows(0)
    alerts.search.setFocus()
    qtbot.keyClick(alerts.search, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is alerts


def test_show_in_inventory_is_first_in_the_context_menu_and_on_the_toolbar(
        qtbot: QtBot, window: MainWindow) -> None:
    alerts = window.alerts
    action = alerts.inventory_action
    assert alerts.table.actions()[0] is action
    assert action.text() == "Show in Inventory"
    assert {key.toString() for key in action.shortcuts()} == {"Return", "Enter"}
    assert not action.isEnabled()  # nothing selected
    row = last_alert_row(window)
    alerts.select_rows(row)
    assert action.isEnabled()
    action.trigger()
    alert = alert_row(window, row)
    assert_shows_sku(window, wait_shown(qtbot, window, alert), alert)


def test_show_in_inventory_needs_exactly_one_sku_selected(window: MainWindow) -> None:
    alerts = window.alerts
    skus = {}
    for row in range(alerts.model.rowCount()):
        skus.setdefault(alert_row(window, row).variant_id, row)
        if len(skus) == 2:
            break
    alerts.select_rows(*skus.values())
    assert not alerts.inventory_action.isEnabled()
    alerts.show_in_inventory()
    assert window.pages.currentWidget() is alerts


# -- finding the SKU ------------------------------------------------------------------------------

def test_a_sku_hidden_by_the_inventory_filters_is_searched_for_with_the_filters_cleared(
        qtbot: QtBot, window: MainWindow) -> None:
    inventory = open_inventory(qtbot, window, STOCK_IN)
    out_of_stock = next(alert_row(window, r) for r in range(window.alerts.model.rowCount())
                        if alert_row(window, r).figures.available <= 0)
    assert inventory.model.row_of(out_of_stock.variant_id) is None  # hidden by "In stock"
    window.show_page("alerts")
    window.alerts.select_rows(window.alerts.model.alerts.index(out_of_stock))
    window.alerts.show_in_inventory()
    shown = wait_shown(qtbot, window, out_of_stock)
    assert shown.search.text() == out_of_stock.sku
    assert shown.stock_filter.currentData() == STOCK_ALL
    assert shown.category_filter.currentData() is None
    assert_shows_sku(window, shown, out_of_stock)
    qtbot.wait(100)
    window.grab().save("/tmp/navigation-searched.png")


def test_a_sku_past_the_loaded_rows_is_found_by_searching_for_it(
        qtbot: QtBot, window: MainWindow) -> None:
    inventory = open_inventory(qtbot, window)
    assert inventory.model.canFetchMore()  # the demo's 800 SKUs: only the first page is in
    loaded = {inventory.model.row_at(r).variant_id for r in range(inventory.model.rowCount())}
    beyond = next(alert_row(window, r) for r in range(window.alerts.model.rowCount())
                  if alert_row(window, r).variant_id not in loaded)
    window.context.show_on_page("inventory", SkuTarget(beyond.variant_id, beyond.sku))
    shown = wait_shown(qtbot, window, beyond)
    assert shown.search.text() == beyond.sku
    assert_shows_sku(window, shown, beyond)


def test_a_sku_already_loaded_is_selected_without_touching_the_search(
        qtbot: QtBot, window: MainWindow) -> None:
    inventory = open_inventory(qtbot, window)
    row = inventory.model.row_at(200)
    inventory.table.scrollToTop()
    window.context.show_on_page("inventory", SkuTarget(row.variant_id, row.sku))
    qtbot.waitUntil(lambda: inventory.selected_variant_id() == row.variant_id
                    and not inventory.history_loading, timeout=10_000)
    assert inventory.search.text() == ""
    index = inventory.table.currentIndex()
    assert inventory.table.viewport().rect().contains(inventory.table.visualRect(index).center())
    assert inventory.history.variant_id == row.variant_id


def test_a_sku_that_is_no_longer_listed_is_said_above_the_table(
        qtbot: QtBot, window: MainWindow) -> None:
    window.context.show_on_page("inventory", SkuTarget(987_654, "NO-SUCH-SKU"))
    inventory = inventory_of(window)
    assert window.pages.currentWidget() is inventory
    qtbot.waitUntil(lambda: "NO-SUCH-SKU" in inventory.problem.text(), timeout=10_000)
    assert inventory.problem.text() == ("SKU NO-SUCH-SKU is not in the inventory list: was it "
                                        "archived or removed?")
    assert inventory.selected_variant_id() is None


def test_a_request_for_an_unknown_page_changes_nothing(window: MainWindow) -> None:
    before = window.pages.currentWidget()
    window.context.show_on_page("no-such-page", SkuTarget(1, "X"))
    assert window.pages.currentWidget() is before


def test_the_jump_survives_clicking_back_and_forth(qtbot: QtBot, window: MainWindow) -> None:
    """Two alerts in a row: the second request wins, whatever the first left behind."""
    first, second = alert_row(window, 0), alert_row(window, last_alert_row(window))
    window.context.show_on_page("inventory", SkuTarget(first.variant_id, first.sku))
    window.context.show_on_page("inventory", SkuTarget(second.variant_id, second.sku))
    inventory = wait_shown(qtbot, window, second)
    qtbot.wait(200)
    assert inventory.selected_variant_id() == second.variant_id
    assert_shows_sku(window, inventory, second)

