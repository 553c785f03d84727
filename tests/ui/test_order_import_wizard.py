"""File > Import orders driven as a user would: a file, the preview with its problems and the
channel, the import with progress; and the menu action that opens the wizard."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from ecdesk.errors import Problem, ValidationError
from ecdesk.services.changes import ChangeArea
from ecdesk.services.channels import save_channel
from ecdesk.views.orders import order_import_wizard as wizard_module
from ecdesk.views.orders.order_import_wizard import OrderImportWizard
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.shop_context import ShopContext
from tests.order_import_files import (
    SHIPPED,
    OrderShop,
    order_shop,
    shopify_file,
    shopify_line,
    shopify_order,
    taobao_file,
    taobao_row,
)
from tests.ui.background_writes import broadcasts, spy_on

TIMEOUT = 20_000


@pytest.fixture
def shop(empty_context: ShopContext) -> OrderShop:
    return order_shop(empty_context.db)


@pytest.fixture
def wizard(qtbot: QtBot, empty_context: ShopContext, shop: OrderShop) -> OrderImportWizard:
    wizard = OrderImportWizard(empty_context)
    qtbot.addWidget(wizard, before_close_func=lambda w: qtbot.waitUntil(lambda: not w.busy,
                                                                          timeout=TIMEOUT))
    wizard.show()
    return wizard


def choose_file(qtbot: QtBot, wizard: OrderImportWizard, path: Path) -> None:
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.read()  # what the typing delay or Browse would do
    qtbot.waitUntil(lambda: wizard.parsed is not None and not wizard.busy, timeout=TIMEOUT)


def to_preview(qtbot: QtBot, wizard: OrderImportWizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=TIMEOUT)


def import_now(qtbot: QtBot, wizard: OrderImportWizard) -> None:
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.import_page
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=TIMEOUT)


def problems_shown(wizard: OrderImportWizard) -> list[tuple[str, ...]]:
    model = wizard.preview_page.problems_model
    return [tuple(model.index(r, c).data() for c in range(4)) for r in range(model.rowCount())]


def test_a_shopify_export_is_previewed_and_imported_into_the_shopify_channel(
        qtbot: QtBot, wizard: OrderImportWizard, empty_context: ShopContext, tmp_path: Path,
        sql: Callable[..., list[Any]]):
    path = shopify_file(tmp_path, shopify_order("#1001", "TEE-S", "2", fulfillment="fulfilled"),
                        shopify_line("#1001", "MUG"), shopify_order("#1002", "MUG"))
    choose_file(qtbot, wizard, path)
    found = wizard.file_page.found.text()
    assert "Shopify order export" in found and "UTF-8" in found
    assert "3 rows, 2 orders with 3 lines" in found
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert page.channel_combo.currentText() == "Shopify US"
    assert problems_shown(wizard) == []
    assert [page.counts.text(name) for name in page.counts.FIELDS] == [
        "2", "3", "4", "0", "0", "3", "0"]
    assert "No problems found." in page.summary.text()

    with qtbot.waitSignal(empty_context.changed, timeout=TIMEOUT) as changed:
        import_now(qtbot, wizard)
    assert {ChangeArea.ORDERS, ChangeArea.STOCK} <= changed.args[0].areas
    assert "Imported: 2 new order(s) with 3 line(s)" in wizard.import_page.status.text()
    assert wizard.import_page.counts.text("orders_new") == "2"
    assert sql(empty_context.db, "SELECT number, status FROM orders ORDER BY number") == [
        ("#1001", "shipped"), ("#1002", "paid")]
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_problems_are_listed_by_row_and_column_and_only_valid_orders_import_when_chosen(
        qtbot: QtBot, wizard: OrderImportWizard, empty_context: ShopContext, tmp_path: Path,
        sql: Callable[..., list[Any]]):
    path = taobao_file(tmp_path, taobao_row("1.37359E+14"), taobao_row("402", "NOPE"),
                       taobao_row("403", "MUG", status=SHIPPED, shipped="2024-11-12 09:00:00"))
    choose_file(qtbot, wizard, path)
    assert "GB18030 (GBK)" in wizard.file_page.found.text()
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert page.channel_combo.currentText() == "天猫 Tmall"
    shown = problems_shown(wizard)
    assert shown[0][:2] == ("2", "订单编号") and "scientific notation" in shown[0][2]
    assert shown[1] == ("3", "商家编码", "'NOPE' is not in the catalog: add the SKU (or import "
                        "the products) first", "Error")
    assert "1 order(s) have errors" in page.summary.text()
    import_button = wizard.button(QWizard.WizardButton.CommitButton)
    assert not import_button.isEnabled() and not page.all_radio.isEnabled()
    assert page.valid_radio.text() == "Only the valid orders: import 1, skip the 1 with errors"
    page.valid_radio.setChecked(True)
    import_now(qtbot, wizard)
    assert "1 order(s) with problems skipped" in wizard.import_page.status.text()
    assert sql(empty_context.db, "SELECT number FROM orders") == [("403",)]


def test_with_two_channels_of_the_files_kind_the_user_chooses_one(
        qtbot: QtBot, wizard: OrderImportWizard, empty_context: ShopContext, tmp_path: Path):
    save_channel(empty_context.uow(), name="Shopify EU", kind="shopify", currency="EUR")
    choose_file(qtbot, wizard, shopify_file(tmp_path, shopify_order("#1")))
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert page.channel_combo.currentText() == "(choose the channel)"
    assert "Choose the channel these orders belong to" in page.summary.text()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    page.channel_combo.setCurrentIndex(page.channel_combo.findText("Shopify EU"))
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=TIMEOUT)
    assert wizard.preview.channel is not None and wizard.preview.channel.name == "Shopify EU"
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_a_product_file_is_named_as_such_and_the_page_waits(qtbot: QtBot,
                                                            wizard: OrderImportWizard,
                                                            tmp_path: Path):
    path = tmp_path / "products_export.csv"
    path.write_text("Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Status\n"
                    "tee,Tee,,Muzi,TEE-S,30.00,active\n", encoding="utf-8")
    choose_file(qtbot, wizard, path)
    assert "this is a product file" in wizard.file_page.found.text()
    assert not wizard.file_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_file_import_orders_opens_the_wizard(qtbot: QtBot, empty_context: ShopContext,
                                             window_settings: QSettings,
                                             wait_counted: Callable[..., None]):
    window = MainWindow(empty_context, window_settings)
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    file_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.text().replace("&", "") == "File")
    action = next(a for a in file_menu.actions() if a.text().replace("&", "") ==
                  "Import orders…")
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    action.trigger()
    opened = window.findChildren(OrderImportWizard)
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].reject()


def test_cancelling_a_slow_import_writes_nothing_and_says_so(
        qtbot: QtBot, wizard: OrderImportWizard, empty_context: ShopContext, tmp_path: Path,
        sql: Callable[..., list[Any]], monkeypatch: pytest.MonkeyPatch):
    real = wizard_module.import_orders
    reported: list[int] = []

    def slow_import(uow: Any, parsed: Any, **options: Any) -> Any:
        progress = options.pop("progress")

        def slow(done: int, total: int) -> bool:  # a batch is written: wait for Cancel
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:
                reported.append(done)
                if not progress(done, total):
                    return False
                time.sleep(0.02)
            return True
        return real(uow, parsed, progress=slow, **options)

    monkeypatch.setattr(wizard_module, "import_orders", slow_import)
    seen = broadcasts(empty_context)
    before = sql(empty_context.db, "SELECT count(*), (SELECT sum(on_hand) FROM variants) "
                 "FROM orders")
    choose_file(qtbot, wizard, shopify_file(tmp_path, shopify_order("#1", fulfillment="fulfilled"),
                                            shopify_order("#2", "MUG")))
    to_preview(qtbot, wizard)
    wizard.next()
    page = wizard.import_page
    qtbot.waitUntil(lambda: len(reported) >= 3, timeout=TIMEOUT)
    assert page.cancel_button.isVisible() and not page.done
    wizard.reject()  # Cancel stops the import; the wizard stays to say so
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: page.done, timeout=TIMEOUT)
    assert "cancelled: nothing was written" in page.status.text()
    assert sql(empty_context.db, "SELECT count(*), (SELECT sum(on_hand) FROM variants) "
               "FROM orders") == before
    assert seen == []


def test_the_order_import_runs_off_the_gui_thread_and_broadcasts_the_services_changed_once(
        qtbot: QtBot, wizard: OrderImportWizard, empty_context: ShopContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch):
    spy = spy_on(monkeypatch, wizard_module, "import_orders")
    choose_file(qtbot, wizard, shopify_file(tmp_path, shopify_order("#1", "MUG")))
    to_preview(qtbot, wizard)
    seen = broadcasts(empty_context)
    import_now(qtbot, wizard)
    assert spy.on_gui_thread == [False]
    assert seen == [spy.results[0].changed]
    assert seen[0].areas == {ChangeArea.ORDERS, ChangeArea.STOCK}


def test_a_refused_order_import_is_shown_in_the_services_words_and_broadcasts_nothing(
        qtbot: QtBot, wizard: OrderImportWizard, empty_context: ShopContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch):
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise ValidationError([Problem("Order #1", "was changed in the shop meanwhile", 2)])

    monkeypatch.setattr(wizard_module, "import_orders", refuse)
    choose_file(qtbot, wizard, shopify_file(tmp_path, shopify_order("#1", "MUG")))
    to_preview(qtbot, wizard)
    seen = broadcasts(empty_context)
    import_now(qtbot, wizard)
    assert "was changed in the shop meanwhile" in wizard.import_page.status.text()
    assert seen == []


def test_one_error_among_many_warnings_is_listed_first_with_a_count_of_each(
        qtbot: QtBot, wizard: OrderImportWizard, tmp_path: Path):
    partly = [shopify_order(f"#{n}", "TEE-S", fulfillment="partial") for n in range(1, 13)]
    path = shopify_file(tmp_path, *partly, shopify_order("#99", "NOPE"))
    choose_file(qtbot, wizard, path)
    to_preview(qtbot, wizard)
    shown = problems_shown(wizard)
    assert len(shown) == 13
    assert shown[0][0] == "14" and shown[0][3] == "Error"  # the last row's error comes first
    assert {row[3] for row in shown[1:]} == {"Warning"}
    summary = wizard.preview_page.summary.text()
    assert "Lineitem sku: 1 error(s)" in summary
    assert "Fulfillment Status: 12 warning(s)" in summary
    assert summary.index("Lineitem sku: 1 error(s)") < summary.index("Fulfillment Status: 12")


def test_a_taobao_report_of_two_files_is_read_from_both(
        qtbot: QtBot, wizard: OrderImportWizard, empty_context: ShopContext, tmp_path: Path,
        sql: Callable[..., list[Any]]):
    from tests.order_import_files import taobao_details_row, taobao_list_row, taobao_pair

    order_list, details = taobao_pair(tmp_path, [taobao_list_row("1373590000000001")],
                                      [taobao_details_row("1373590000000001", "MUG", "2")])
    choose_file(qtbot, wizard, details)
    assert "订单报表" in wizard.file_page.found.text()  # the details alone: what they lack
    assert not wizard.file_page.isComplete()
    wizard.file_page.second_edit.setText(str(order_list))
    wizard.file_page.read()
    qtbot.waitUntil(lambda: wizard.parsed is not None and not wizard.busy, timeout=TIMEOUT)
    assert "1 orders with 1 lines" in wizard.file_page.found.text()
    to_preview(qtbot, wizard)
    import_now(qtbot, wizard)
    assert sql(empty_context.db, "SELECT number FROM orders") == [("1373590000000001",)]
