"""The order import wizard's column page: a file whose columns are not all recognised goes
through it; each column shows a value and what it is imported as; required fields and a field
chosen twice block Next; the preview reads the file with the choices and the import follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from ecdesk.services.orders_io.columns import load_order_columns
from ecdesk.views.orders.order_columns_page import COLUMN, EXAMPLE, FIELD
from ecdesk.views.orders.order_import_wizard import OrderImportWizard
from ecdesk.views.shell.shop_context import ShopContext
from tests.integration.test_order_columns import renamed_taobao_file
from tests.order_import_files import OrderShop, order_shop, shopify_file, shopify_order

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


def choose_file(qtbot: QtBot, wizard: OrderImportWizard, path: Path, format: str = "") -> None:
    if format:
        combo = wizard.file_page.format_combo
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(format))
        combo.blockSignals(False)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.read()
    qtbot.waitUntil(lambda: wizard.parsed is not None and not wizard.busy, timeout=TIMEOUT)


def rows(wizard: OrderImportWizard) -> dict[str, tuple[str, str]]:
    page = wizard.columns_page
    return {page.table.item(r, COLUMN).text(): (page.table.item(r, EXAMPLE).text(),
                                                page.table.cellWidget(r, FIELD).currentText())
            for r in range(page.table.rowCount())}


def test_a_file_with_renamed_columns_is_mapped_by_hand_previewed_and_imported(
        qtbot: QtBot, wizard: OrderImportWizard, shop: OrderShop, tmp_path: Path,
        sql: Callable[..., list[Any]]) -> None:
    choose_file(qtbot, wizard, renamed_taobao_file(tmp_path), "taobao")
    assert "Next: choose which column of the file holds each field." in \
        wizard.file_page.found.text()
    assert wizard.file_page.isComplete()
    wizard.next()
    page = wizard.columns_page
    assert wizard.currentPage() is page
    shown = rows(wizard)
    assert shown["成交日期"] == ("2024-11-11 00:05:00", "Do not import")
    assert shown["货品编号"] == ("TEE-S", "Do not import")
    assert shown["订单编号"] == ("3001", "Order number *")
    assert not page.isComplete()
    assert page.problem.text() == "Choose a column for: Order date, SKU"

    page.set_field("成交日期", "created_at")
    page.set_field("货品编号", "sku")
    assert page.isComplete() and page.problem.text() == ""
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=TIMEOUT)
    assert wizard.preview.counts.orders_new == 2
    assert wizard.preview_page.counts.text("orders_new") == "2"
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.done, timeout=TIMEOUT)
    assert sql(wizard.context.db, "SELECT number FROM orders ORDER BY number") == [
        ("3001",), ("3002",)]
    assert load_order_columns(wizard.context.uow(), shop.tmall) == {
        "created_at": "成交日期", "sku": "货品编号"}


def test_a_field_chosen_twice_or_a_required_one_left_out_blocks_next(
        qtbot: QtBot, wizard: OrderImportWizard, tmp_path: Path,
        sql: Callable[..., list[Any]]) -> None:
    choose_file(qtbot, wizard, renamed_taobao_file(tmp_path), "taobao")
    wizard.next()
    page = wizard.columns_page
    page.set_field("成交日期", "created_at")
    page.set_field("货品编号", "sku")
    page.set_field("订单付款时间", "created_at")
    assert not page.isComplete()
    assert page.problem.text() == "Several columns are imported as: Order date"
    page.set_field("订单付款时间", "paid_at")
    page.set_field("订单编号", "")
    assert page.problem.text() == "Choose a column for: Order number"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert sql(wizard.context.db, "SELECT count(*) FROM orders") == [(0,)]


def test_a_recognised_file_goes_straight_to_the_preview_unless_asked_to_check(
        qtbot: QtBot, wizard: OrderImportWizard, tmp_path: Path) -> None:
    path = shopify_file(tmp_path, shopify_order("#1001", "TEE-S"))
    choose_file(qtbot, wizard, path)
    box = wizard.file_page.check_columns
    assert box.isEnabled() and not box.isChecked()
    assert "columns are not imported" in box.text()
    box.setChecked(True)
    wizard.next()
    page = wizard.columns_page
    assert wizard.currentPage() is page
    assert rows(wizard)["Total"][1] == "Total"
    assert rows(wizard)["Accepts Marketing"][1] == "Do not import"
    page.set_field("Total", "")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=TIMEOUT)
    unread = next(n for n in wizard.preview.notes if "will not be imported" in n)
    assert "Total" in unread and "Accepts Marketing" in unread
    wizard.back()
    assert wizard.currentPage() is page  # back to change the columns again


def test_without_asking_a_recognised_file_skips_the_column_page(
        qtbot: QtBot, wizard: OrderImportWizard, tmp_path: Path) -> None:
    choose_file(qtbot, wizard, shopify_file(tmp_path, shopify_order("#1001", "TEE-S")))
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page


def test_the_next_file_of_the_channel_is_read_with_the_columns_chosen_before(
        qtbot: QtBot, wizard: OrderImportWizard, shop: OrderShop, tmp_path: Path,
        empty_context: ShopContext) -> None:
    from ecdesk.services.orders_io.columns import store_order_columns

    with empty_context.db.uow() as uow:
        store_order_columns(uow.session, shop.tmall, {"created_at": "成交日期", "sku": "货品编号",
                                                      "title": "No longer in the file"})
        uow.commit()
    choose_file(qtbot, wizard, renamed_taobao_file(tmp_path), "taobao")
    assert not wizard.parsed.file_error and wizard.parsed.missing == ()
    assert dict(wizard.parsed.corrected) == {"created_at": "成交日期", "sku": "货品编号"}
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page  # nothing left to choose
    qtbot.waitUntil(lambda: wizard.preview is not None and not wizard.busy, timeout=TIMEOUT)
    assert wizard.preview.counts.orders_new == 2
