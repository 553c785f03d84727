"""The main window, the first-run dialog and the controller that opens shops into windows."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QSize, Qt, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from ecdesk import __version__
from ecdesk.db import Database, open_database
from ecdesk.services.settings import get_settings
from ecdesk.views.catalog.listings_page import ListingsPage
from ecdesk.views.dashboard.dashboard_page import DashboardPage
from ecdesk.views.orders.orders_page import OrdersPage
from ecdesk.views.settings.settings_page import SettingsPage
from ecdesk.views.shell.first_run_dialog import FirstRunDialog
from ecdesk.views.shell.launcher import ShopController, window_settings
from ecdesk.views.shell.main_window import MAX_RECENT, MainWindow
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock.alerts_page import AlertsPage
from ecdesk.views.stock.inventory_page import InventoryPage

Wait = Callable[[ListingsPage], None]


def new_window(qtbot: QtBot, context: ShopContext, settings: QSettings,
               wait_counted: Wait) -> MainWindow:
    window = MainWindow(context, settings)
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    return window


@pytest.fixture
def window(qtbot: QtBot, context: ShopContext, window_settings: QSettings,
           wait_counted: Wait) -> MainWindow:
    return new_window(qtbot, context, window_settings, wait_counted)


def menu(window: MainWindow, title: str) -> QMenu:
    menus = [a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title]
    assert len(menus) == 1, [a.text() for a in window.menuBar().actions()]
    return menus[0]


def plain(action: QAction) -> str:
    return action.text().replace("&", "").rstrip("…")


def action(window: MainWindow, menu_title: str, text: str) -> QAction:
    matches = [a for a in menu(window, menu_title).actions() if plain(a) == text]
    assert len(matches) == 1
    return matches[0]


# -- shell --------------------------------------------------------------------------------------
def test_the_navigation_lists_the_real_pages_only(window: MainWindow) -> None:
    # (A page's count shows after its name, "Tickets (3)": the names are what is listed.)
    items = [window.navigation.item(r).text().split(" (")[0]
             for r in range(window.navigation.count())]
    assert items == ["Dashboard", "Listings", "Pricing", "Promotions", "Orders", "Tickets",
                     "Customers", "Inventory", "Alerts", "Suppliers", "Purchasing", "Reports",
                     "Settings"]
    assert window.pages.count() == 13
    assert isinstance(window.pages.currentWidget(), DashboardPage)  # a new user's first page
    window.navigation.setCurrentRow(items.index("Listings"))
    assert isinstance(window.pages.currentWidget(), ListingsPage)
    window.navigation.setCurrentRow(items.index("Orders"))
    assert isinstance(window.pages.currentWidget(), OrdersPage)
    window.navigation.setCurrentRow(items.index("Inventory"))
    assert isinstance(window.pages.currentWidget(), InventoryPage)
    window.navigation.setCurrentRow(items.index("Alerts"))
    assert isinstance(window.pages.currentWidget(), AlertsPage)
    window.navigation.setCurrentRow(items.index("Settings"))
    assert isinstance(window.pages.currentWidget(), SettingsPage)


def test_the_menus_offer_file_go_and_help_actions(window: MainWindow) -> None:
    assert [a.text().replace("&", "") for a in window.menuBar().actions()] == [
        "File", "Go", "Help"]
    file_actions = [plain(a) for a in menu(window, "File").actions() if not a.isSeparator()]
    required = ["New shop", "Open shop", "Open recent", "Quit"]
    assert [text for text in file_actions if text in required] == required
    assert file_actions[-1] == "Quit"
    assert [plain(a) for a in menu(window, "Help").actions()] == ["User guide", "", "About ecdesk"]
    assert [(plain(a), a.shortcut().toString()) for a in menu(window, "Go").actions()
            if not a.isSeparator()] == [
        ("Search everything", "Ctrl+K"), ("Go to page", "Ctrl+G"),
        ("Dashboard", "Ctrl+1"), ("Listings", "Ctrl+2"), ("Pricing", "Ctrl+3"),
        ("Promotions", "Ctrl+4"), ("Orders", "Ctrl+5"), ("Tickets", "Ctrl+6"),
        ("Customers", "Ctrl+7"), ("Inventory", "Ctrl+8"), ("Alerts", "Ctrl+9"),
        ("Suppliers", ""), ("Purchasing", ""), ("Reports", ""), ("Settings", "")]
    assert action(window, "File", "New shop").shortcut().toString() == "Ctrl+N"
    assert action(window, "File", "Open shop").shortcut().toString() == "Ctrl+O"


def test_the_go_menu_switches_pages(window: MainWindow) -> None:
    action(window, "Go", "Settings").trigger()
    assert window.navigation.currentRow() == 12
    assert window.pages.currentWidget() is window.settings_page
    action(window, "Go", "Orders").trigger()
    assert window.pages.currentWidget() is window.orders
    action(window, "Go", "Listings").trigger()
    assert window.pages.currentWidget() is window.listings


def test_the_next_window_opens_on_the_page_last_used(
        qtbot: QtBot, window: MainWindow, context: ShopContext, window_settings: QSettings,
        wait_counted: Wait) -> None:
    window.show_page("inventory")
    window.close()
    again = new_window(qtbot, context, window_settings, wait_counted)
    assert again.pages.currentWidget() is again.inventory
    window_settings.setValue("main_window/page", "a page of an older ecdesk")
    third = new_window(qtbot, context, window_settings, wait_counted)
    assert third.pages.currentWidget() is third.dashboard


def test_the_title_and_status_bar_name_the_shop_and_its_file(
        window: MainWindow, demo_db: Database) -> None:
    assert window.windowTitle() == "演示小店 Demo Shop — ecdesk"
    assert window._shop_label.text() == f"演示小店 Demo Shop · {demo_db.path}"


def test_about_names_the_version_and_the_shop_file(
        window: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    action(window, "Help", "About ecdesk").trigger()
    assert len(shown) == 1
    assert f"ecdesk {__version__}" in shown[0]
    assert str(demo_db.path) in shown[0]


def test_quit_closes_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    action(window, "File", "Quit").trigger()
    assert not window.isVisible()
    assert window.context is not None and not window.context.clock._timer.isActive()


def test_an_empty_window_waits_for_a_shop(qtbot: QtBot, window_settings: QSettings) -> None:
    window = MainWindow(None, window_settings)
    qtbot.addWidget(window)
    assert window.navigation.count() == 0
    assert window.windowTitle() == "ecdesk"
    window.global_search.setText("SKU")
    window._update_hits()  # no shop: nothing to search, nothing breaks
    window._show_in_listings()
    assert window._hits == []


# -- geometry and recent shops ------------------------------------------------------------------
def close_and_reopen(qtbot: QtBot, context: ShopContext, window_settings: QSettings,
                     wait_counted: Wait, arrange: Callable[[MainWindow], object]) -> MainWindow:
    first = new_window(qtbot, context, window_settings, wait_counted)
    first.show()
    qtbot.waitExposed(first)
    arrange(first)
    first.close()
    ini = QSettings(window_settings.fileName(), QSettings.Format.IniFormat)
    second = new_window(qtbot, context, ini, wait_counted)
    second.show()
    qtbot.waitExposed(second)
    return second


def test_geometry_is_saved_on_close_and_restored_by_the_next_window(
        qtbot: QtBot, context: ShopContext, window_settings: QSettings,
        wait_counted: Wait) -> None:
    wanted = QSize(900, 600)

    def arrange(window: MainWindow) -> None:
        wanted.setWidth(max(900, window.minimumSizeHint().width()))
        # (the navigation lists every page and its heading: over 600 px now)
        wanted.setHeight(max(600, window.minimumSizeHint().height()))
        window.resize(wanted)
        qtbot.waitUntil(lambda: window.size() == wanted)

    second = close_and_reopen(qtbot, context, window_settings, wait_counted, arrange)
    assert second.size() == wanted
    assert window_settings.value("main_window/geometry") is not None


def test_the_main_window_fits_a_small_laptop_screen_wherever_the_shop_is(
        qtbot: QtBot, demo_template: Path, tmp_path: Path, window_settings: QSettings,
        wait_counted: Wait) -> None:
    deep = tmp_path / "OneDrive - Lin's Tea House Trading Co Ltd" / "Documents" / "ecdesk shops"
    deep.mkdir(parents=True)
    shutil.copyfile(demo_template, deep / "shop.ecdesk")
    db = open_database(deep / "shop.ecdesk")
    window = new_window(qtbot, ShopContext(db), window_settings, wait_counted)
    try:
        assert window.minimumSizeHint().width() <= 1024
    finally:
        window.close()
        db.close()


def test_the_navigation_width_is_restored_by_the_next_window(
        qtbot: QtBot, context: ShopContext, window_settings: QSettings,
        wait_counted: Wait) -> None:
    def arrange(window: MainWindow) -> None:
        window.resize(1200, 700)
        qtbot.waitUntil(lambda: window.size() == QSize(1200, 700))
        window.splitter.setSizes([200, 996])
        assert window.splitter.sizes()[0] == 200

    second = close_and_reopen(qtbot, context, window_settings, wait_counted, arrange)
    assert second.splitter.sizes()[0] == 200


def test_a_first_window_gets_a_default_size(qtbot: QtBot, window: MainWindow) -> None:
    assert window.size() == QSize(1280, 800)


def test_the_open_shop_is_remembered_in_recent_shops(
        qtbot: QtBot, window: MainWindow, demo_db: Database, window_settings: QSettings) -> None:
    assert window.recent_shops() == [str(demo_db.path)]
    window._fill_recent()
    recent = window.recent_menu.actions()
    assert [a.text() for a in recent] == [str(demo_db.path)]
    with qtbot.waitSignal(window.shop_requested, timeout=1000) as requested:
        recent[0].trigger()
    assert requested.args == [demo_db.path]


def test_recent_shops_put_the_latest_first_drop_missing_files_and_keep_eight(
        qtbot: QtBot, context: ShopContext, window_settings: QSettings, tmp_path: Path,
        wait_counted: Wait) -> None:
    older = []
    for number in range(10):
        path = tmp_path / f"shop-{number}.ecdesk"
        path.write_bytes(b"")
        older.append(str(path))
    window_settings.setValue("recent_shops", [*older, str(tmp_path / "gone.ecdesk")])
    window = new_window(qtbot, context, window_settings, wait_counted)
    recent = window.recent_shops()
    assert len(recent) == MAX_RECENT
    assert recent == [str(context.db.path), *older[:MAX_RECENT - 1]]


def test_the_recent_menu_says_none_when_empty(qtbot: QtBot,
                                              window_settings: QSettings) -> None:
    window = MainWindow(None, window_settings)
    qtbot.addWidget(window)
    window._fill_recent()
    assert [(a.text(), a.isEnabled()) for a in window.recent_menu.actions()] == [
        ("(none)", False)]


def test_window_settings_live_in_the_data_folder(data_dir: Path) -> None:
    assert Path(window_settings().fileName()) == data_dir / "window.ini"


# -- global search ------------------------------------------------------------------------------
def popup_rows(window: MainWindow) -> list[tuple[str, bool]]:
    """The completer's rows: (text, can be chosen)."""
    model = window._completions
    return [(model.item(r).text(), bool(model.item(r).flags() & Qt.ItemFlag.ItemIsSelectable))
            for r in range(model.rowCount())]


def test_global_search_finds_a_sku(window: MainWindow) -> None:
    window.global_search.setText("SKU-00001-1")
    window._update_hits()
    labels = [hit.label for hit in window._hits]
    assert labels == ["SKU-00001-1 · Northwind 直筒牛仔裤 Straight jeans"]
    assert popup_rows(window) == [("Products", False), (labels[0], True)]


def test_a_customers_name_in_global_search_lists_their_orders_under_a_heading(
        window: MainWindow, demo_db: Database, sql: Callable[..., list[Any]]) -> None:
    [(name, count)] = sql(demo_db, "SELECT customer_name, count(*) FROM orders "
                                   "WHERE customer_name != '' GROUP BY customer_name "
                                   "ORDER BY count(*) DESC, customer_name LIMIT 1")
    window.global_search.setText(name)
    window._update_hits()
    rows = popup_rows(window)
    assert ("Orders", False) in rows
    after = rows[rows.index(("Orders", False)) + 1:]
    orders = after[:next((n for n, (_text, ok) in enumerate(after) if not ok), len(after))]
    assert len(orders) == min(count, 8) and all(name in text and ok for text, ok in orders)


def test_global_search_runs_after_a_pause_in_typing(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.focus_global_search()
    qtbot.keyClicks(window.global_search, "flask")
    assert window._hits == []
    qtbot.waitUntil(lambda: len(window._hits) > 0, timeout=3000)
    assert all("flask" in hit.label for hit in window._hits)
    window.global_search.completer().popup().hide()


def test_opening_a_hit_edits_its_product_on_the_listings_page(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr(ListingsPage, "edit_product", lambda _page, pid: opened.append(pid))
    window.show_page("orders")
    window.global_search.setText("SKU-00001-1")
    window._update_hits()
    window._open_hit_row(1)
    assert opened == [1]
    assert window.pages.currentWidget() is window.listings
    window._open_hit_row(0)  # the group's heading: not a hit
    window._open_hit_row(5)  # a stale row from the popup: ignored
    assert opened == [1]


def test_opening_an_order_hit_shows_it_selected_on_the_orders_page(
        window: MainWindow, demo_db: Database, sql: Callable[..., list[Any]]) -> None:
    [(number,)] = sql(demo_db, "SELECT number FROM orders WHERE id = 42")
    window.orders.load()
    window.orders.status_filter.setCurrentIndex(2)  # filters that would hide it are cleared
    window.global_search.setText(number)
    window._update_hits()
    order_hits = [hit for hit in window._hits if hit.kind == "order"]
    assert order_hits[0].id == 42
    window.open_hit(order_hits[0])
    assert window.pages.currentWidget() is window.orders
    assert window.orders.search.text() == number
    assert window.orders.status_filter.currentIndex() == 0
    assert [row.id for row in window.orders.selected_orders()] == [42]


def test_choosing_a_hit_in_the_completer_opens_it(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr(ListingsPage, "edit_product", lambda _page, pid: opened.append(pid))
    window.global_search.setText("SKU-00001-1")
    window._update_hits()
    completer = window.global_search.completer()
    completer.activated[type(completer.completionModel().index(0, 0))].emit(
        window._completions.index(1, 0))  # (row 0 is the "Products" heading)
    assert opened == [1]


def test_return_in_global_search_shows_the_matches_in_the_listings(
        qtbot: QtBot, window: MainWindow, wait_counted: Wait) -> None:
    window.load_pages()
    wait_counted(window.listings)
    window.show_page("orders")
    window.global_search.setText("保温杯")
    qtbot.keyClick(window.global_search, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.listings
    assert window.listings.search.text() == "保温杯"
    assert window.listings.model.total == 52


# -- first run ----------------------------------------------------------------------------------
def test_the_first_run_dialog_needs_a_shop_name(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert dialog.problem.text() == "Shop name: is required"
    qtbot.keyClicks(dialog.form.shop_name, "Lin's Tea")
    assert ok.isEnabled()
    assert dialog.problem.text() == ""
    dialog.form.timezone.setCurrentText("Nowhere/Else")
    assert not ok.isEnabled()
    assert dialog.problem.text() == "Timezone: 'Nowhere/Else' is not a known time zone"


def test_the_first_run_dialog_suggests_the_default_currency_and_timezone(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.form.values() == {"shop_name": "", "currency": "CNY",
                                    "timezone": "Asia/Shanghai", "min_margin": Decimal("0.2")}
    assert dialog.form.timezone.findText("Europe/Berlin") >= 0  # listed once shown


# -- opening shops ------------------------------------------------------------------------------
@pytest.fixture
def controller(qtbot: QtBot, window_settings: QSettings) -> Iterator[ShopController]:
    shops = ShopController(window_settings)
    yield shops
    QThreadPool.globalInstance().waitForDone(10_000)  # the daily backup taken on opening
    shops.shutdown()


def patch_first_run(monkeypatch: pytest.MonkeyPatch, name: str | None) -> list[int]:
    """The first-run dialog answers by itself: cancelled (None) or OK with `name`."""
    shown: list[int] = []

    def exec_(dialog: FirstRunDialog) -> int:
        shown.append(1)
        if name is None:
            return QDialog.DialogCode.Rejected.value
        dialog.form.shop_name.setText(name)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(FirstRunDialog, "exec", exec_)
    return shown


def test_cancelling_the_first_run_of_a_new_shop_leaves_no_file_behind(
        controller: ShopController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[Any]) -> None:
    shown = patch_first_run(monkeypatch, None)
    folder = tmp_path / "shops"
    folder.mkdir()
    assert controller.open(folder / "new.ecdesk") is False
    assert shown == [1]
    assert controller.cancelled
    assert sorted(p.name for p in folder.iterdir()) == []
    assert (controller.window, controller.db) == (None, None)
    assert message_boxes == []


def test_a_new_shop_is_named_in_the_first_run_and_opened(
        qtbot: QtBot, controller: ShopController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, wait_counted: Wait) -> None:
    patch_first_run(monkeypatch, "林家茶铺")
    path = tmp_path / "new.ecdesk"
    assert controller.open(path) is True
    window = controller.window
    assert window is not None
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    qtbot.waitUntil(lambda: window.listings.model.total_known, timeout=3000)
    assert window.windowTitle() == "林家茶铺 — ecdesk"
    assert window.listings.model.total == 0
    assert get_settings(controller.db.uow()).shop_name == "林家茶铺"
    assert path.exists()


def test_a_file_that_is_not_a_shop_is_refused_with_a_message(
        controller: ShopController, tmp_path: Path, message_boxes: list[Any]) -> None:
    path = tmp_path / "notes.ecdesk"
    path.write_text("these are my notes, not a shop\n" * 20)
    before = path.read_bytes()
    assert controller.open(path) is False
    assert len(message_boxes) == 1
    kind, _title, text = message_boxes[0]
    assert kind == "critical"
    assert "notes.ecdesk is not an ecdesk shop file" in text
    assert path.read_bytes() == before
    assert controller.window is None


def test_another_programs_database_is_refused_untouched(
        controller: ShopController, tmp_path: Path, message_boxes: list[Any]) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.close()
    before = path.read_bytes()
    assert controller.open(path) is False
    assert message_boxes == [("critical", "ecdesk",
                              "other.db is a database, but not an ecdesk shop file.")]
    assert path.read_bytes() == before


def test_a_shop_from_a_newer_ecdesk_is_refused_untouched(
        controller: ShopController, demo_copy: Path, message_boxes: list[Any]) -> None:
    with sqlite3.connect(demo_copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = demo_copy.read_bytes()
    assert controller.open(demo_copy) is False
    assert len(message_boxes) == 1
    assert "was saved by a newer version of ecdesk" in message_boxes[0][2]
    assert demo_copy.read_bytes() == before


def test_opening_another_shop_replaces_the_window_and_closes_the_old_shop(
        qtbot: QtBot, controller: ShopController, demo_copy: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, wait_counted: Wait) -> None:
    patch_first_run(monkeypatch, "Second shop")
    assert controller.open(demo_copy) is True
    first_window, first_db = controller.window, controller.db
    assert first_window is not None and first_db is not None
    first_clock = first_window.context.clock if first_window.context else None
    qtbot.waitUntil(lambda: first_window.listings.model.total_known, timeout=3000)
    assert QThreadPool.globalInstance().waitForDone(10_000)  # see the xfail race test

    closed: list[int] = []
    monkeypatch.setattr(first_db, "close", lambda: closed.append(1))
    second = tmp_path / "second.ecdesk"
    with qtbot.waitSignal(first_window.destroyed, timeout=3000):
        first_window.shop_requested.emit(second)  # what File > Open does
    window = controller.window
    assert window is not None and window is not first_window
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    qtbot.waitUntil(lambda: window.listings.model.total_known, timeout=3000)
    assert closed == [1]
    assert first_clock is not None and first_clock._stopped  # no page reads the closed shop
    assert window.windowTitle() == "Second shop — ecdesk"
    assert window.recent_shops() == [str(second.resolve()), str(demo_copy.resolve())]
