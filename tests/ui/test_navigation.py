"""Navigation for many pages: groups in the navigation list, Ctrl+number and Go to page…, the
page's own shortcuts working right after switching, and File menu entries the pages declare."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from pytestqt.qtbot import QtBot

from ecdesk.db import open_database
from ecdesk.views.catalog.import_wizard import ImportWizard
from ecdesk.views.catalog.listings_page import ListingsPage
from ecdesk.views.catalog.product_dialog import ProductDialog
from ecdesk.views.orders.order_dialog import OrderDialog
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.navigation import HEADING_ROLE
from ecdesk.views.shell.page_palette import PagePalette
from ecdesk.views.shell.pages import PAGES, PageSpec, group_headings, page_row
from ecdesk.views.shell.shop_context import ShopContext

Wait = Callable[[ListingsPage], None]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, context: ShopContext, window_settings: QSettings,
           wait_counted: Wait) -> MainWindow:
    window = MainWindow(context, window_settings)
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    return window


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window on screen and active, as a user has it (shortcuts need an active window)."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.setActiveWindow(window)  # (offscreen, activateWindow alone does not do it)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def dialogs_opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal dialogs that were opened, by class name, closed at once instead of waiting."""
    opened: list[str] = []

    def record(dialog: QDialog) -> int:
        opened.append(type(dialog).__name__)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ProductDialog, "exec", record)
    monkeypatch.setattr(OrderDialog, "exec", record)
    return opened


def file_menu(window: MainWindow) -> QMenu:
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")


def headings(window: MainWindow) -> list[tuple[str, str]]:
    nav = window.navigation
    # (without a page's count: "Tickets (3)" is listed as "Tickets")
    return [(nav.item(r).text().split(" (")[0], nav.item(r).data(HEADING_ROLE))
            for r in range(nav.count())]


# -- groups --------------------------------------------------------------------------------------
def test_the_navigation_groups_the_pages_under_headings(window: MainWindow) -> None:
    assert headings(window) == [
        ("Dashboard", "Overview"), ("Listings", "Sell"), ("Pricing", ""), ("Promotions", ""),
        ("Orders", "Orders and service"), ("Tickets", ""), ("Customers", ""),
        ("Inventory", "Stock"), ("Alerts", ""), ("Suppliers", ""), ("Purchasing", ""),
        ("Reports", ""), ("Settings", "")]


def test_a_group_shows_only_when_one_of_its_pages_exists() -> None:
    page = PageSpec("p", "Promotions", "m", "C", "Sell")
    spec = {spec.key: spec for spec in PAGES}
    assert group_headings([spec["listings"], page, spec["alerts"]]) == ["Sell", "", "Stock"]
    assert group_headings([spec["dashboard"], spec["reports"]]) == ["Overview", ""]


def test_a_click_on_a_heading_opens_no_page(qtbot: QtBot, shown: MainWindow) -> None:
    nav = shown.navigation
    inventory = nav.visualItemRect(nav.item(page_row("inventory")))  # "Stock" above it
    on_heading = QPoint(inventory.left() + 30, inventory.top() + 8)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=on_heading)
    assert shown.pages.currentWidget() is shown.dashboard
    on_page = QPoint(inventory.left() + 30, inventory.bottom() - 4)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=on_page)
    assert shown.pages.currentWidget() is shown.inventory


# -- keys ----------------------------------------------------------------------------------------
def test_ctrl_2_then_ctrl_shift_n_opens_the_new_product_dialog(
        qtbot: QtBot, shown: MainWindow, dialogs_opened: list[str]) -> None:
    assert shown.navigation.hasFocus()  # where the focus is when the window opens
    qtbot.keyClick(shown, Qt.Key.Key_2, CTRL)
    assert shown.pages.currentWidget() is shown.listings
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL_SHIFT)
    assert dialogs_opened == ["ProductDialog"]


def test_ctrl_5_then_ctrl_shift_n_opens_a_new_order_not_a_new_product(
        qtbot: QtBot, shown: MainWindow, dialogs_opened: list[str]) -> None:
    qtbot.keyClick(shown, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(shown, Qt.Key.Key_5, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL_SHIFT)
    assert dialogs_opened == ["OrderDialog"]


def test_clicking_a_page_in_the_navigation_makes_its_shortcuts_work(
        qtbot: QtBot, shown: MainWindow, dialogs_opened: list[str]) -> None:
    nav = shown.navigation
    listings = nav.visualItemRect(nav.item(1))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(listings.left() + 30, listings.bottom() - 4))
    assert shown.pages.currentWidget() is shown.listings
    assert shown.listings.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, CTRL_SHIFT)
    assert dialogs_opened == ["ProductDialog"]


def test_arrow_keys_in_the_navigation_move_between_pages_and_keep_the_focus_there(
        qtbot: QtBot, shown: MainWindow) -> None:
    shown.navigation.setFocus()
    qtbot.keyClick(shown.navigation, Qt.Key.Key_Down)
    assert shown.pages.currentWidget() is shown.listings
    assert shown.navigation.hasFocus()
    qtbot.keyClick(shown.navigation, Qt.Key.Key_Return)
    assert shown.listings.isAncestorOf(QApplication.focusWidget())


def test_go_to_page_lists_every_page_with_its_group_and_filters_as_you_type(
        qtbot: QtBot, window: MainWindow) -> None:
    palette = PagePalette([(s.key, s.label, s.group) for s in PAGES])
    qtbot.addWidget(palette)
    texts = [palette.list.item(r).text() for r in range(palette.list.count())]
    assert texts[:5] == ["Dashboard  ·  Overview", "Listings  ·  Sell", "Pricing  ·  Sell",
                         "Promotions  ·  Sell", "Orders  ·  Orders and service"]
    assert texts[-1] == "Settings"
    qtbot.keyClicks(palette.filter, "stock")
    visible = [palette.list.item(r).text() for r in range(palette.list.count())
               if not palette.list.item(r).isHidden()]
    assert visible == ["Inventory  ·  Stock", "Alerts  ·  Stock", "Suppliers  ·  Stock",
                       "Purchasing  ·  Stock"]
    qtbot.keyClick(palette.filter, Qt.Key.Key_Down)
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert palette.chosen == "alerts"


def test_a_filter_that_matches_no_page_chooses_nothing(qtbot: QtBot) -> None:
    palette = PagePalette([(s.key, s.label, s.group) for s in PAGES])
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.filter, "no such page")
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert palette.chosen is None and palette.result() == 0


def test_ctrl_g_goes_to_the_page_typed(qtbot: QtBot, shown: MainWindow) -> None:
    def type_a_page() -> None:
        palette = shown.findChild(PagePalette)
        assert palette is not None and palette.isVisible()
        qtbot.keyClicks(palette.filter, "repor")
        qtbot.keyClick(palette.filter, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_a_page)
    qtbot.keyClick(shown, Qt.Key.Key_G, CTRL)
    assert shown.pages.currentWidget() is shown.reports
    # The window's focus is in the page: it has it again once the palette has gone.
    assert shown.reports.isAncestorOf(shown.focusWidget())


# -- File menu entries the pages declare --------------------------------------------------------
def plain(action: QAction) -> str:
    """An entry's text without its mnemonic's "&"."""
    return action.text().replace("&", "")


def test_the_file_menu_offers_what_each_page_declares(window: MainWindow) -> None:
    entries = [(plain(a), a.shortcut().toString()) for a in file_menu(window).actions()
               if not a.isSeparator() and plain(a) in {
                   "New product…", "New order…", "Import products…", "Import orders…"}]
    assert entries == [("New product…", "Ctrl+Shift+N"), ("New order…", "Ctrl+Shift+N"),
                       ("Import products…", "Ctrl+I"), ("Import orders…", "Ctrl+Shift+I")]


def test_file_new_order_shows_the_orders_page_and_opens_the_form(
        window: MainWindow, dialogs_opened: list[str]) -> None:
    next(a for a in file_menu(window).actions() if plain(a) == "New order…").trigger()
    assert window.pages.currentWidget() is window.orders
    assert dialogs_opened == ["OrderDialog"]


def test_file_import_products_opens_the_wizard(window: MainWindow) -> None:
    next(a for a in file_menu(window).actions() if plain(a) == "Import products…").trigger()
    [wizard] = window.findChildren(ImportWizard)
    assert wizard.isVisible()
    wizard.reject()


def test_a_read_only_shop_refuses_new_and_import_with_a_word_of_why(
        qtbot: QtBot, demo_copy: Path, window_settings: QSettings, wait_counted: Wait,
        message_boxes: list[tuple[str, str, str]], dialogs_opened: list[str]) -> None:
    db = open_database(demo_copy, read_only=True)
    window = MainWindow(ShopContext(db), window_settings)
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    try:
        for text in ("New product…", "Import orders…"):
            next(a for a in file_menu(window).actions() if plain(a) == text).trigger()
        assert [message for _kind, _title, message in message_boxes] == [
            "This shop is open read-only: nothing can be added to it.",
            "This shop is open read-only: nothing can be imported into it."]
        assert dialogs_opened == [] and window.findChildren(QDialog) == []
    finally:
        window.close()
        db.close()
