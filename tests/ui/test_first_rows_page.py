"""Start-up: the Listings page shows the shop's first rows before the shop is open, then the open
shop takes the page over (same rows, no second read) and its filters and actions come alive."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ecdesk.db import open_database
from ecdesk.services.catalog.dto import VariantQuery
from ecdesk.services.catalog.first_rows import FirstRows, read_first_rows
from ecdesk.services.catalog.queries import list_variants
from ecdesk.services.channels import save_channel
from ecdesk.views.catalog.listings_model import PAGE_SIZE
from ecdesk.views.catalog.listings_page import ListingsPage
from ecdesk.views.catalog.product_dialog import ProductDialog
from ecdesk.views.shell import launcher
from ecdesk.views.shell.launcher import FirstPaint, ShopController
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.pages import PAGES
from ecdesk.views.shell.shop_context import ShopContext
from tests.ui.conftest import finish_workers

Wait = Callable[[ListingsPage], None]


@pytest.fixture
def first(demo_copy: Path) -> FirstRows:
    rows = read_first_rows(demo_copy)
    assert rows is not None
    return rows


@pytest.fixture
def early_page(qtbot: QtBot, first: FirstRows, wait_counted: Wait) -> ListingsPage:
    page = ListingsPage(None)
    qtbot.addWidget(page, before_close_func=wait_counted)
    page.show_first_rows(first)
    return page


@pytest.fixture
def shop_context(qapp: Any, demo_copy: Path) -> Iterator[ShopContext]:
    """The same demo copy, opened (after the first rows were read from it)."""
    db = open_database(demo_copy)
    context = ShopContext(db)
    try:
        yield context
    finally:
        finish_workers()
        context.close()
        db.close()


def controls(page: ListingsPage) -> list[Any]:
    widgets = page.findChildren(QLineEdit) + page.findChildren(QComboBox) + [
        b for b in page.findChildren(QAbstractButton) if b.text()]
    return widgets + page.actions()


def test_the_first_rows_show_with_filters_and_actions_waiting_for_the_shop(
        qtbot: QtBot, early_page: ListingsPage, first: FirstRows,
        qtmodeltester: ModelTester) -> None:
    model = early_page.model
    assert [model.row_at(r) for r in range(model.rowCount())] == first.page.rows
    assert model.rowCount() == PAGE_SIZE
    assert model.columnCount() == 9 + len(first.channels)
    qtbot.waitUntil(lambda: model.total_known, timeout=3000)  # counted with sqlite3 alone
    assert early_page.count_label.text() == f"{model.total} SKU(s)"
    assert controls(early_page) and not any(c.isEnabled() for c in controls(early_page))
    assert not early_page.table.horizontalHeader().sectionsClickable()
    assert early_page.table.isEnabled()  # the rows read as rows, not greyed out
    qtmodeltester.check(model, force_py=True)


def test_scrolling_before_the_shop_is_open_reads_the_next_page_the_same_way(
        qtbot: QtBot, early_page: ListingsPage, shop_context: ShopContext) -> None:
    early_page.show()
    early_page.table.scrollToBottom()
    qtbot.waitUntil(lambda: early_page.model.rowCount() > PAGE_SIZE, timeout=3000)
    normal = list_variants(shop_context.uow(), VariantQuery(), offset=PAGE_SIZE, count=False)
    assert early_page.model.row_at(PAGE_SIZE) == normal.rows[0]


def test_nothing_opens_from_a_first_row_before_the_shop_is_open(
        early_page: ListingsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr(ProductDialog, "exec", lambda _dialog: opened.append(1) or 0)
    early_page.select_row(0)
    early_page.edit_selected()
    assert opened == []


def test_the_open_shop_takes_the_first_rows_over_without_reading_them_again(
        qtbot: QtBot, early_page: ListingsPage, shop_context: ShopContext,
        qtmodeltester: ModelTester) -> None:
    model = early_page.model
    qtbot.waitUntil(lambda: model.total_known, timeout=3000)
    shown = [model.row_at(r) for r in range(model.rowCount())]
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    early_page.bind(shop_context)
    early_page.load()

    assert resets == []
    assert [model.row_at(r) for r in range(model.rowCount())] == shown
    assert all(c.isEnabled() for c in controls(early_page))
    assert early_page.table.horizontalHeader().sectionsClickable()
    assert early_page.category_filter.count() > 1  # the filters are filled
    model.fetchMore()
    normal = list_variants(shop_context.uow(), VariantQuery(), offset=PAGE_SIZE, count=False)
    assert model.row_at(PAGE_SIZE) == normal.rows[0]
    qtmodeltester.check(model, force_py=True)


def test_when_the_channels_changed_before_the_shop_opened_the_page_reads_its_rows_again(
        qtbot: QtBot, early_page: ListingsPage, first: FirstRows,
        shop_context: ShopContext) -> None:
    qtbot.waitUntil(lambda: early_page.model.total_known, timeout=3000)
    save_channel(shop_context.uow(), name="Shopify store", kind="shopify", currency="USD")

    with qtbot.waitSignal(early_page.model.modelReset, timeout=3000):
        early_page.bind(shop_context)
        early_page.load()
    assert early_page.model.columnCount() == 9 + len(first.channels) + 1


@pytest.fixture
def window_settings(window_settings: QSettings) -> QSettings:
    """A user who last used the Listings page: the window opens there, with its first rows
    read early (a new user opens on the Dashboard: see the last test)."""
    window_settings.setValue("main_window/page", "listings")
    return window_settings


def test_the_window_shows_the_first_rows_page_and_attach_takes_it_over(
        qtbot: QtBot, first: FirstRows, shop_context: ShopContext, window_settings: QSettings,
        wait_counted: Wait) -> None:
    window = MainWindow(None, window_settings)
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    page = window.show_first_rows(first)
    assert window.pages.currentWidget() is page

    window.attach(shop_context)
    window.load_pages()

    assert window.listings is page
    assert [window.pages.widget(r) for r in range(window.pages.count())] == [
        getattr(window, spec.key) for spec in PAGES]
    assert window.pages.currentWidget() is page
    assert [window.navigation.item(r).text() for r in range(window.navigation.count())] == [
        spec.label for spec in PAGES]


@pytest.mark.parametrize("first_rows_readable", [True, False])
def test_the_controller_opens_the_shop_after_its_first_rows_or_directly(
        qtbot: QtBot, demo_copy: Path, window_settings: QSettings,
        monkeypatch: pytest.MonkeyPatch, wait_counted: Wait, first_rows_readable: bool) -> None:
    if not first_rows_readable:  # (as for a file that must be migrated first)
        monkeypatch.setattr("ecdesk.services.catalog.first_rows.read_first_rows",
                            lambda _path: None)
    controller = ShopController(window_settings)
    quits: list[int] = []
    monkeypatch.setattr(controller, "_quit", lambda: quits.append(1))
    try:
        controller.start(demo_copy)
        window = controller.window
        assert window is not None
        qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
        qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), ListingsPage),
                        timeout=10_000)
        shown_first = window.pages.currentWidget()
        assert (shown_first.context is None) == first_rows_readable

        qtbot.waitUntil(lambda: controller.db is not None, timeout=10_000)
        assert window.listings is shown_first
        assert window.listings.context is not None
        model = window.listings.model
        qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and model.total_known,
                        timeout=10_000)
        assert quits == []
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)  # the daily backup taken on opening
        controller.shutdown()



def test_a_shop_chosen_with_file_open_before_the_first_one_opened_stays_the_open_one(
        qtbot: QtBot, demo_copy: Path, demo_template: Path, tmp_path: Path,
        window_settings: QSettings, wait_counted: Wait, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.ecdesk"
    shutil.copyfile(demo_template, other)
    loading = threading.Event()  # SQLAlchemy "loads" until the test lets it finish
    monkeypatch.setattr(launcher, "_preload_database_layer", lambda: loading.wait(10))
    controller = ShopController(window_settings)
    try:
        controller.start(demo_copy)
        first_window = controller.window
        assert first_window is not None
        qtbot.addWidget(first_window)
        qtbot.waitUntil(lambda: bool(controller.findChildren(QTimer)), timeout=10_000)
        assert controller.db is None  # the first rows are shown, SQLAlchemy is loading

        assert controller.open(other)  # what File > Open does, while the first still loads
        window = controller.window
        assert window is not None and window is not first_window
        qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
        loading.set()
        qtbot.waitUntil(lambda: not controller.findChildren(QTimer), timeout=3000)
        qtbot.wait(50)
        assert controller.window is window
        assert controller.db is not None and controller.db.path == other.resolve()
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        controller.shutdown()


def test_first_paint_calls_back_once_after_the_paint_or_at_the_latest_after_the_wait(
        qtbot: QtBot) -> None:
    shown, hidden = QWidget(), QWidget()
    qtbot.addWidget(shown)
    qtbot.addWidget(hidden)
    calls: list[str] = []
    FirstPaint(shown, lambda: calls.append("shown"), at_latest_ms=200)
    FirstPaint(hidden, lambda: calls.append("hidden"), at_latest_ms=200)  # never painted
    shown.show()
    qtbot.waitUntil(lambda: "shown" in calls, timeout=3000)
    assert calls == ["shown"]
    qtbot.waitUntil(lambda: "hidden" in calls, timeout=3000)
    qtbot.wait(300)
    shown.update()
    qtbot.wait(50)
    assert calls == ["shown", "hidden"]


def test_a_window_that_opens_on_the_dashboard_opens_the_shop_directly(
        qtbot: QtBot, demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        wait_counted: Wait) -> None:
    read: list[Path] = []
    monkeypatch.setattr("ecdesk.services.catalog.first_rows.read_first_rows",
                        lambda path: read.append(path))
    controller = ShopController(QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat))
    try:
        controller.start(demo_copy)
        window = controller.window
        assert window is not None
        qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
        qtbot.waitUntil(lambda: controller.db is not None, timeout=10_000)
        assert window.pages.currentWidget() is window.dashboard
        assert read == []  # no early Listings rows for a page nobody looks at
    finally:
        QThreadPool.globalInstance().waitForDone(20_000)
        controller.shutdown()
