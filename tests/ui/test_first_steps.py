"""A new shop's first steps: the new-shop dialog sets up its channels, and an empty shop's
Dashboard lists the steps left, each opening the right page's dialog, each gone once done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ecdesk.models import MovementKind, Variant
from ecdesk.services.catalog.commands import save_product
from ecdesk.services.catalog.dto import ProductDraft, VariantDraft
from ecdesk.services.channels import NewChannel, list_channels, save_channel
from ecdesk.services.settings import get_settings
from ecdesk.services.stock.commands import adjust_stock
from ecdesk.views.dashboard.first_steps_panel import FirstStepsPanel
from ecdesk.views.shell.first_run_dialog import FirstRunDialog
from ecdesk.views.shell.launcher import ShopController
from ecdesk.views.shell.main_window import MainWindow
from ecdesk.views.shell.pages import StartOnPage
from ecdesk.views.shell.shop_context import ShopContext
from tests.integration.order_fixtures import START

# -- the new-shop dialog ------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot: QtBot) -> FirstRunDialog:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.form.shop_name.setText("林家茶铺")
    return dialog


def ok_enabled(dialog: FirstRunDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_new_shop_dialog_starts_with_one_empty_channel_row_that_is_left_out(
        dialog: FirstRunDialog) -> None:
    assert len(dialog.channel_editor.rows) == 1
    assert dialog.channels() == []
    assert ok_enabled(dialog) and dialog.problem.text() == ""


def test_choosing_a_platform_names_the_row_and_the_shop_currency_is_its_currency(
        dialog: FirstRunDialog) -> None:
    row = dialog.channel_editor.rows[0]
    row.kind.setCurrentIndex(row.kind.findData("jd"))
    assert row.name.text() == "JD"
    row.kind.setCurrentIndex(row.kind.findData("pinduoduo"))
    assert row.name.text() == "Pinduoduo"  # still the platform's name: it follows
    abroad = dialog.channel_editor.add_row("Shopify US", "shopify", "USD")
    dialog.form.currency.setCurrentText("HKD")
    assert dialog.channels() == [NewChannel("Pinduoduo", "pinduoduo", "HKD"),
                                 NewChannel("Shopify US", "shopify", "USD")]
    abroad.name.setText("")
    abroad.name.textEdited.emit("")
    assert dialog.channels() == [NewChannel("Pinduoduo", "pinduoduo", "HKD")]


def test_a_typed_name_is_kept_when_the_platform_changes(dialog: FirstRunDialog) -> None:
    row = dialog.channel_editor.rows[0]
    row.name.setText("My flagship")
    row.name.textEdited.emit("My flagship")
    row.kind.setCurrentIndex(row.kind.findData("jd"))
    assert row.name.text() == "My flagship"


def test_two_channels_with_one_name_or_a_bad_currency_block_ok_naming_their_rows(
        dialog: FirstRunDialog) -> None:
    editor = dialog.channel_editor
    editor.rows[0].name.setText("Tmall")
    editor.add_row()  # an empty row between: the rows are numbered as they are seen
    editor.add_row("tmall", "tmall")
    last = editor.add_row("Amazon", "amazon")
    last.currency.setCurrentText("dollars")
    assert dialog.check() and not ok_enabled(dialog)
    assert dialog.problem.text().splitlines() == [
        "Channel 3: Name: a channel named 'tmall' already exists",
        "Channel 4: Currency: 'DOLLARS' is not a three-letter code such as CNY"]
    editor.remove_row(editor.rows[2])
    last.currency.setCurrentText("USD")
    assert ok_enabled(dialog) and dialog.problem.text() == ""


@pytest.fixture
def controller(qtbot: QtBot, window_settings: QSettings) -> Iterator[ShopController]:
    shops = ShopController(window_settings)
    yield shops
    QThreadPool.globalInstance().waitForDone(10_000)
    shops.shutdown()


def test_a_new_shop_opens_with_the_channels_typed_in_its_dialog(
        qtbot: QtBot, controller: ShopController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, wait_counted: Any) -> None:
    def exec_(dialog: FirstRunDialog) -> int:
        dialog.form.shop_name.setText("林家茶铺")
        dialog.channel_editor.rows[0].name.setText("天猫旗舰店")
        dialog.channel_editor.add_row("Shopify", "shopify", "USD")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(FirstRunDialog, "exec", exec_)
    assert controller.open(tmp_path / "new.ecdesk") is True
    window = controller.window
    assert window is not None
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    channels = list_channels(controller.db.uow())
    assert [(c.name, c.kind, c.currency) for c in channels] == [
        ("天猫旗舰店", "tmall", "CNY"), ("Shopify", "shopify", "USD")]
    assert get_settings(controller.db.uow()).shop_name == "林家茶铺"


# -- the Dashboard's first steps ----------------------------------------------------------------


@pytest.fixture
def panel(qtbot: QtBot, empty_context: ShopContext) -> FirstStepsPanel:
    panel = FirstStepsPanel(empty_context)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    return panel


def test_an_empty_shop_lists_every_first_step(panel: FirstStepsPanel) -> None:
    assert panel.isVisible()
    assert panel.steps_left() == ["channels", "products", "stock", "orders"]
    assert [[b.text() for b in panel.buttons[s]] for s in panel.steps_left()] == [
        ["Add a channel…"], ["Import products…", "New product…"], ["Stock count…"],
        ["Import orders…", "New order…"]]


def test_each_button_asks_the_window_for_its_page_and_dialog(
        panel: FirstStepsPanel, empty_context: ShopContext) -> None:
    asked: list[tuple[str, object]] = []
    empty_context.page_requested.connect(lambda key, target: asked.append((key, target)))
    for buttons in panel.buttons.values():
        for button in buttons:
            button.click()
    assert asked == [
        ("settings_page", StartOnPage("add_channel")),
        ("listings", StartOnPage("ecdesk.views.catalog.import_wizard:ImportWizard", "imports")),
        ("listings", StartOnPage("new_product")),
        ("inventory", StartOnPage("stock_count")),
        ("orders", StartOnPage("ecdesk.views.orders.order_import_wizard:OrderImportWizard",
                               "imports")),
        ("orders", StartOnPage("new_order"))]


def test_a_step_disappears_once_done_and_the_panel_when_all_are(
        panel: FirstStepsPanel, empty_context: ShopContext) -> None:
    from ecdesk.services.orders.commands import record_order
    from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft

    uow = empty_context.uow
    empty_context.write(panel, save_channel, name="Tmall", kind="tmall", currency="CNY")
    panel.refresh()
    assert panel.steps_left() == ["products", "stock", "orders"]
    assert not panel.buttons["channels"][0].isVisible()
    save_product(uow(), ProductDraft(title="Tea", status="active",
                                     variants=(VariantDraft("TEA-1", price="30"),)))
    with uow() as unit:
        variant_id = unit.session.scalar(select(Variant.id))
    adjust_stock(uow(), variant_id=variant_id, kind=MovementKind.RECEIVED, quantity=5)
    panel.refresh()
    assert panel.steps_left() == ["orders"] and panel.isVisible()
    channel = list_channels(uow())[0].id
    record_order(uow(), OrderDraft(channel, "T-1", START, (OrderLineDraft("TEA-1", 1, "30"),)))
    panel.refresh()
    assert panel.steps_left() == [] and not panel.isVisible()


def test_the_window_starts_the_step_asked_for_on_its_page(
        qtbot: QtBot, empty_context: ShopContext, window_settings: QSettings,
        monkeypatch: pytest.MonkeyPatch, wait_counted: Any) -> None:
    from ecdesk.views.orders.orders_page import OrdersPage

    window = MainWindow(empty_context, window_settings)
    qtbot.addWidget(window, before_close_func=lambda w: wait_counted(w.listings))
    started: list[str] = []
    monkeypatch.setattr(OrdersPage, "new_order", lambda page: started.append("new_order"))
    empty_context.show_on_page("orders", StartOnPage("new_order"))
    assert started == ["new_order"]
    assert window.pages.currentWidget() is window.orders


def test_an_empty_shops_dashboard_shows_the_first_steps(
        qtbot: QtBot, empty_context: ShopContext, window_settings: QSettings,
        wait_counted: Any) -> None:
    window = MainWindow(empty_context, window_settings)
    qtbot.addWidget(window, before_close_func=lambda w: (
        wait_counted(w.listings), qtbot.waitUntil(lambda: not w.dashboard.computing)))
    window.show()
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: window.dashboard.first_steps.isVisible(), timeout=5000)
    assert window.dashboard.first_steps.steps_left() == ["channels", "products", "stock",
                                                         "orders"]
