"""The product dialog: checked as the user types, saved through the catalog service."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from ecdesk.db import Database
from ecdesk.services.catalog.barcodes import check_digit
from ecdesk.services.catalog.dto import VariantQuery
from ecdesk.services.catalog.queries import (
    get_product,
    list_variants,
    sku_owner,
)
from ecdesk.services.search_providers import search_everything
from ecdesk.views.catalog.product_dialog import LISTING_COLUMNS, VARIANT_COLUMNS, ProductDialog
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import ERROR_BRUSH, WARNING_BRUSH

V = {name: column for column, name in enumerate(VARIANT_COLUMNS)}
L = {name: column for column, name in enumerate(LISTING_COLUMNS)}
Sql = Callable[..., list[Any]]
FIRST_TITLE = "Northwind 直筒牛仔裤 Straight jeans"  # product 1 of the demo shop


def new_dialog(qtbot: QtBot, context: ShopContext, product_id: int | None = None
               ) -> ProductDialog:
    dialog = ProductDialog(context, product_id)
    qtbot.addWidget(dialog)
    return dialog


def save_button(dialog: ProductDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def set_cell(dialog: ProductDialog, row: int, column: str, text: str) -> None:
    dialog.variants.item(row, V[column]).setText(text)


def listing_row(dialog: ProductDialog, variant_row: int, channel_id: int) -> int:
    row = dialog._listing_row(variant_row, channel_id)
    assert row is not None
    return row


def set_listing(dialog: ProductDialog, variant_row: int, channel_id: int, status: str,
                price: str = "", item_id: str = "") -> None:
    row = listing_row(dialog, variant_row, channel_id)
    combo = dialog.listings.cellWidget(row, L["Status"])
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(status))
    dialog.listings.item(row, L["Channel price"]).setText(price)
    dialog.listings.item(row, L["Channel item id"]).setText(item_id)


def marked(dialog: ProductDialog, row: int, column: str) -> tuple[str, str]:
    """('error' | 'warning' | '', tooltip) of a SKU cell."""
    item = dialog.variants.item(row, V[column])
    colour = item.background().color()
    style = item.background().style()
    if style != Qt.BrushStyle.NoBrush and colour == ERROR_BRUSH.color():
        return "error", item.toolTip()
    if style != Qt.BrushStyle.NoBrush and colour == WARNING_BRUSH.color():
        return "warning", item.toolTip()
    return "", item.toolTip()


def valid_new_product(qtbot: QtBot, context: ShopContext, sku: str = "TEST-1") -> ProductDialog:
    dialog = new_dialog(qtbot, context)
    qtbot.keyClicks(dialog.title, "Test flask")
    set_cell(dialog, 0, "SKU", sku)
    set_cell(dialog, 0, "Cost", "8.00")
    set_cell(dialog, 0, "Price", "19.90")
    return dialog


def ean13(body: str) -> str:
    return body + str(check_digit(body))


# -- checking as the user types -----------------------------------------------------------------
def test_a_new_product_cannot_be_saved_while_the_title_is_empty(
        qtbot: QtBot, context: ShopContext) -> None:
    dialog = new_dialog(qtbot, context)
    set_cell(dialog, 0, "SKU", "TEST-1")
    assert dialog.windowTitle() == "New product"
    assert not save_button(dialog).isEnabled()
    assert dialog.title_problem.text() == "is required"
    assert dialog.title_problem.isVisibleTo(dialog)
    assert "Title: is required" in dialog.problems.text()

    qtbot.keyClicks(dialog.title, "T")
    assert save_button(dialog).isEnabled()
    assert not dialog.title_problem.isVisibleTo(dialog)
    assert dialog.problems.text() == ""

    dialog.title.setText("   ")
    assert not save_button(dialog).isEnabled()
    assert dialog.title_problem.isVisibleTo(dialog)


def test_a_new_product_starts_with_one_empty_sku_row_that_must_be_filled(
        qtbot: QtBot, context: ShopContext) -> None:
    dialog = new_dialog(qtbot, context)
    dialog.title.setText("Test")
    assert dialog.variants.rowCount() == 1
    assert dialog.listings.rowCount() == 4  # one row per channel
    assert marked(dialog, 0, "SKU") == ("error", "is required")
    assert not save_button(dialog).isEnabled()


@pytest.mark.parametrize("typed", ["SKU-00001-1", "sku-00001-1", " SKU-00001-1 "])
def test_a_sku_used_by_another_product_is_named_and_blocks_saving(
        qtbot: QtBot, context: ShopContext, typed: str) -> None:
    dialog = valid_new_product(qtbot, context, sku=typed)
    message = f"'{typed.strip()}' is already used by '{FIRST_TITLE}'"
    assert marked(dialog, 0, "SKU") == ("error", message)
    assert message in dialog.problems.text()
    assert not save_button(dialog).isEnabled()


def test_the_same_sku_twice_in_the_form_is_refused(qtbot: QtBot, context: ShopContext) -> None:
    dialog = valid_new_product(qtbot, context, sku="TWIN-1")
    add_sku_button(dialog).click()
    set_cell(dialog, 1, "SKU", "twin-1")
    set_cell(dialog, 1, "Price", "1")
    assert marked(dialog, 1, "SKU") == ("error", "'twin-1' is also used in row 1")
    assert not save_button(dialog).isEnabled()


def add_sku_button(dialog: ProductDialog) -> QPushButton:
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "Add SKU"]
    assert len(buttons) == 1
    return buttons[0]


@pytest.mark.parametrize(("column", "typed", "reason"), [
    ("Barcode", "12345", "'12345' has 5 digits; EAN-13 has 13, UPC-A 12, EAN-8 8"),
    ("Barcode", "69000000000X4", "'69000000000X4' must contain digits only"),
    ("Barcode", "6900000000015",
     "'6900000000015' is not a valid EAN-13: the check digit should be 4"),
    ("Price", "12,5O", "'12,5O' is not a number"),
    ("Price", "", "is required"),
    ("Price", "9.999", "'9.999' has more than two decimals"),
    ("Cost", "-3", "'-3' is negative"),
    ("Weight (g)", "1.5", "'1.5' is not whole grams"),
    ("Compare-at price", "abc", "'abc' is not a number"),
    ("SKU", "TWO WORDS", "'TWO WORDS' contains spaces"),
    ("SKU", "X" * 65, "is longer than 64 characters"),
])
def test_an_invalid_cell_turns_red_with_the_reason_as_tooltip_and_blocks_saving(
        qtbot: QtBot, context: ShopContext, column: str, typed: str, reason: str) -> None:
    dialog = valid_new_product(qtbot, context)
    assert save_button(dialog).isEnabled()

    set_cell(dialog, 0, column, typed)

    assert marked(dialog, 0, column) == ("error", reason)
    assert not save_button(dialog).isEnabled()
    others = [name for name in V if name not in (column, "Archived")]
    assert all(marked(dialog, 0, name) == ("", "") for name in others)
    assert reason in dialog.problems.text()


def test_correcting_a_cell_clears_its_mark(qtbot: QtBot, context: ShopContext) -> None:
    dialog = valid_new_product(qtbot, context)
    set_cell(dialog, 0, "Price", "12,5O")
    assert marked(dialog, 0, "Price")[0] == "error"
    set_cell(dialog, 0, "Price", "12,50")  # a decimal comma is a number
    assert marked(dialog, 0, "Price") == ("", "")
    assert save_button(dialog).isEnabled()


def test_a_valid_barcode_is_accepted(qtbot: QtBot, context: ShopContext) -> None:
    dialog = valid_new_product(qtbot, context)
    set_cell(dialog, 0, "Barcode", ean13("690000099999"))
    assert marked(dialog, 0, "Barcode") == ("", "")
    assert save_button(dialog).isEnabled()


def test_a_price_below_cost_is_a_warning_that_still_allows_saving(
        qtbot: QtBot, context: ShopContext) -> None:
    dialog = valid_new_product(qtbot, context)
    set_cell(dialog, 0, "Cost", "20")
    set_cell(dialog, 0, "Price", "10")
    assert marked(dialog, 0, "Price") == ("warning", "10 is below the cost 20")
    assert "⚠ Row 1, Price: 10 is below the cost 20" in dialog.problems.text()
    assert save_button(dialog).isEnabled()


def test_a_thin_margin_warns_with_the_shop_minimum(qtbot: QtBot, context: ShopContext) -> None:
    dialog = valid_new_product(qtbot, context)
    set_cell(dialog, 0, "Cost", "9")
    set_cell(dialog, 0, "Price", "10")
    assert marked(dialog, 0, "Price") == (
        "warning", "margin 10.0 % is under the shop minimum 25.0 %")
    assert save_button(dialog).isEnabled()


def test_a_bad_channel_price_blocks_saving(qtbot: QtBot, context: ShopContext) -> None:
    dialog = valid_new_product(qtbot, context)
    set_listing(dialog, 0, 1, "listed", price="1O.00")
    expected = "Channel price of TEST-1 on 天猫旗舰店 Tmall: '1O.00' is not a number"
    assert expected in dialog.problems.text()
    assert not save_button(dialog).isEnabled()


def test_save_does_nothing_while_the_form_has_errors(
        qtbot: QtBot, context: ShopContext, message_boxes: list[Any]) -> None:
    dialog = new_dialog(qtbot, context)
    with qtbot.assertNotEmitted(context.changed):
        dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert message_boxes == []


def test_the_sku_typed_shows_on_the_channel_listings_tab(
        qtbot: QtBot, context: ShopContext) -> None:
    dialog = valid_new_product(qtbot, context, sku="TAB-9")
    rows = [r for r in range(dialog.listings.rowCount())
            if dialog.listings.item(r, 0).data(Qt.ItemDataRole.UserRole)[0] == 0]
    assert [dialog.listings.item(r, L["SKU"]).text() for r in rows] == ["TAB-9"] * 4
    assert [dialog.listings.item(r, L["Channel"]).text() for r in rows] == [
        "天猫旗舰店 Tmall", "京东 JD", "拼多多 Pinduoduo", "官网 Own site"]


# -- saving -------------------------------------------------------------------------------------
def test_a_valid_new_product_with_two_skus_and_a_listing_is_saved(
        qtbot: QtBot, context: ShopContext, demo_db: Database, sql: Sql,
        message_boxes: list[Any]) -> None:
    dialog = new_dialog(qtbot, context)
    dialog.title.setText("测试保温杯 Test flask")
    dialog.status.setCurrentIndex(dialog.status.findData("active"))
    dialog.brand.setText("Northwind")
    dialog.category.setCurrentText("家居 Home > 厨房 Kitchen")
    dialog.tags.setText("礼品 gift, 新 tag")
    dialog.option_names[0].setText("Colour")
    set_cell(dialog, 0, "SKU", "TEST-FLASK-1")
    set_cell(dialog, 0, "Option 1", "Black")
    set_cell(dialog, 0, "Barcode", ean13("690000099999"))
    set_cell(dialog, 0, "Weight (g)", "350")
    set_cell(dialog, 0, "Cost", "30.00")
    set_cell(dialog, 0, "Price", "59.90")
    set_cell(dialog, 0, "Compare-at price", "79")
    add_sku_button(dialog).click()
    assert (dialog.variants.rowCount(), dialog.listings.rowCount()) == (2, 8)
    set_cell(dialog, 1, "SKU", "TEST-FLASK-2")
    set_cell(dialog, 1, "Option 1", "White")
    set_cell(dialog, 1, "Cost", "31")
    set_cell(dialog, 1, "Price", "62.50")
    set_listing(dialog, 0, 1, "listed", price="57.00", item_id="TM-0001")
    assert save_button(dialog).isEnabled()

    messages: list[str] = []
    context.status_message.connect(messages.append)
    with qtbot.waitSignal(context.changed, timeout=2000) as changed:
        dialog.save()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert message_boxes == []
    owner = sku_owner(context.uow(), "TEST-FLASK-2")
    assert owner is not None
    product_id, title = owner
    assert title == "测试保温杯 Test flask"
    assert changed.args[0].ids == (product_id,)
    assert messages == ["Product '测试保温杯 Test flask' created"]
    draft = get_product(context.uow(), product_id).draft
    assert (draft.status, draft.brand, draft.category_path) == (
        "active", "Northwind", "家居 Home > 厨房 Kitchen")
    assert sorted(draft.tags) == ["新 tag", "礼品 gift"]
    assert [(v.sku, v.option1, v.unit_cost, v.price) for v in draft.variants] == [
        ("TEST-FLASK-1", "Black", "30.00", "59.90"), ("TEST-FLASK-2", "White", "31.00", "62.50")]
    first = draft.variants[0]
    assert (first.barcode, first.weight_grams, first.compare_at_price) == (
        ean13("690000099999"), "350", "79.00")
    assert [(lst.variant_index, lst.channel_id, lst.status, lst.channel_price,
             lst.channel_item_id) for lst in draft.listings] == [
        (0, 1, "listed", "57.00", "TM-0001")]

    rows = list_variants(context.uow(), VariantQuery(search="TEST-FLASK")).rows
    assert [row.sku for row in rows] == ["TEST-FLASK-1", "TEST-FLASK-2"]
    assert (rows[0].listings[1].status, rows[0].listings[1].price) == ("listed", Decimal("57.00"))
    assert rows[1].listings == {}
    [products] = search_everything(context.uow(), "TM-0001")
    assert [hit.id for hit in products.hits] == [product_id]
    created = sql(demo_db, "SELECT count(*) FROM audit_log WHERE action = 'create' "
                           "AND entity = 'variants' AND actor = 'gui'")[0][0]
    assert created == 2


def test_a_new_category_typed_in_the_form_is_created(
        qtbot: QtBot, context: ShopContext, demo_db: Database, sql: Sql) -> None:
    dialog = valid_new_product(qtbot, context)
    dialog.category.setCurrentText("测试 Test > 新 New")
    with qtbot.waitSignal(context.changed, timeout=2000):
        dialog.save()
    assert sql(demo_db, "SELECT path FROM categories WHERE name = '新 New'") == [
        ("测试 Test > 新 New",)]


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Answer the dialog's question with `button`; the questions asked are listed."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return button
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_cancel_writes_nothing(qtbot: QtBot, context: ShopContext,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = valid_new_product(qtbot, context)
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    with qtbot.assertNotEmitted(context.changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert sku_owner(context.uow(), "TEST-1") is None


def test_an_item_id_used_by_another_sku_on_the_channel_is_refused_on_save(
        qtbot: QtBot, context: ShopContext, message_boxes: list[Any]) -> None:
    """The form cannot see this one; the service refuses it and the user is told why."""
    dialog = valid_new_product(qtbot, context)
    set_listing(dialog, 0, 1, "listed", item_id="100000007919")  # SKU-00001-1's on Tmall
    with qtbot.assertNotEmitted(context.changed):
        dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert message_boxes == [(
        "warning", "Please check", "• Listing 1: channel item id '100000007919' is already used "
        "by SKU 'SKU-00001-1' on this channel")]
    assert sku_owner(context.uow(), "TEST-1") is None


# -- editing ------------------------------------------------------------------------------------
def test_the_edit_dialog_loads_the_product_its_skus_and_listings(
        qtbot: QtBot, context: ShopContext) -> None:
    dialog = new_dialog(qtbot, context, 1)
    assert dialog.windowTitle() == "Edit product"
    assert dialog.title.text() == FIRST_TITLE
    assert dialog.status.currentData() == "active"
    assert dialog.brand.text() == "Northwind"
    assert dialog.category.currentText() == "服装 Clothing > 裤子 Trousers"
    assert sorted(t.strip() for t in dialog.tags.text().split(",")) == ["618", "爆款 bestseller"]
    assert [e.text() for e in dialog.option_names] == ["颜色 Colour", "尺码 Size", ""]
    assert [dialog.variants.item(r, V["SKU"]).text() for r in range(4)] == [
        "SKU-00001-1", "SKU-00001-2", "SKU-00001-3", "SKU-00001-4"]
    # The cost is the demo's moving average of its receipts (services/demo/purchasing.py),
    # read here straight from the file: minor units.
    with context.uow() as uow:
        units = uow.session.execute(text(
            "SELECT unit_cost FROM variants WHERE sku = 'SKU-00001-1'")).scalar_one()
    stored_cost = f"{Decimal(units) / 100:.2f}"
    assert [dialog.variants.item(0, V[c]).text() for c in
            ("Barcode", "Weight (g)", "Cost", "Price", "Compare-at price")] == [
        "6900000000014", "1904", stored_cost, "98.90", "128.00"]
    assert stored_cost not in ("", "0.00")
    assert dialog.listings.rowCount() == 16

    def listing(variant_row: int, channel_id: int) -> tuple[str, str, str]:
        row = listing_row(dialog, variant_row, channel_id)
        return (dialog.listings.cellWidget(row, L["Status"]).currentData(),
                dialog.listings.item(row, L["Channel price"]).text(),
                dialog.listings.item(row, L["Channel item id"]).text())

    assert listing(0, 1) == ("listed", "", "100000007919")
    assert listing(2, 1) == ("paused", "", "100000023757")
    assert listing(2, 3) == ("listed", "109.40", "300000023757")
    assert listing(0, 2) == ("—", "", "")
    assert dialog.problems.text() == ""  # its own SKUs are not "used by another product"
    assert save_button(dialog).isEnabled()


def test_saving_a_changed_price_updates_it_and_audits_old_and_new(
        qtbot: QtBot, context: ShopContext, demo_db: Database, sql: Sql) -> None:
    dialog = new_dialog(qtbot, context, 1)
    set_cell(dialog, 0, "Price", "123.45")
    with qtbot.waitSignal(context.changed, timeout=2000):
        dialog.save()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert get_product(context.uow(), 1).draft.variants[0].price == "123.45"
    rows = sql(demo_db, "SELECT actor, action, changes FROM audit_log WHERE entity = 'variants' "
                        "AND entity_id = 1 ORDER BY id")
    assert len(rows) == 1
    actor, action, changes = rows[0]
    assert (actor, action) == ("gui", "update")
    assert json.loads(changes) == {"price": ["98.90", "123.45"]}


def test_saving_an_unchanged_product_records_no_change(
        qtbot: QtBot, context: ShopContext, demo_db: Database, sql: Sql) -> None:
    before = sql(demo_db, "SELECT count(*) FROM audit_log")[0][0]
    dialog = new_dialog(qtbot, context, 1)
    with qtbot.waitSignal(context.changed, timeout=2000):
        dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    new_rows = sql(demo_db, "SELECT entity, changes FROM audit_log WHERE id > :before",
                   before=before)
    assert new_rows == []


def test_taking_a_listing_off_a_channel_keeps_it_as_unlisted(
        qtbot: QtBot, context: ShopContext, demo_db: Database, sql: Sql) -> None:
    dialog = new_dialog(qtbot, context, 1)
    set_listing(dialog, 2, 3, "—", price="109.40", item_id="300000023757")
    with qtbot.waitSignal(context.changed, timeout=2000):
        dialog.save()
    assert sql(demo_db, "SELECT status, channel_item_id FROM listings "
                        "WHERE variant_id = 3 AND channel_id = 3") == [
        ("unlisted", "300000023757")]


def test_archiving_a_sku_in_the_form_hides_it_from_the_listings(
        qtbot: QtBot, context: ShopContext) -> None:
    dialog = new_dialog(qtbot, context, 1)
    dialog.variants.item(3, V["Archived"]).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(context.changed, timeout=2000):
        dialog.save()
    skus = [r.sku for r in list_variants(context.uow(), VariantQuery(search="SKU-00001")).rows]
    assert skus == ["SKU-00001-1", "SKU-00001-2", "SKU-00001-3"]
    assert get_product(context.uow(), 1).draft.variants[3].archived


def test_tags_that_differ_only_in_case_are_saved_as_one_tag(
        qtbot: QtBot, context: ShopContext, message_boxes: list[Any]) -> None:
    dialog = valid_new_product(qtbot, context)
    dialog.tags.setText("gift-box, Gift-Box")
    with qtbot.waitSignal(context.changed, timeout=2000):
        dialog.save()
    owner = sku_owner(context.uow(), "TEST-1")
    assert owner is not None
    assert [t.lower() for t in get_product(context.uow(), owner[0]).draft.tags] == ["gift-box"]


def test_a_bad_channel_price_is_marked_on_its_cell_in_the_listings_tab(
        qtbot: QtBot, context: ShopContext) -> None:
    dialog = valid_new_product(qtbot, context)
    add_sku_button(dialog).click()
    set_cell(dialog, 1, "SKU", "TEST-2")
    set_cell(dialog, 1, "Price", "5")
    set_listing(dialog, 1, 3, "listed", price="1O.00")  # second SKU on Pinduoduo: table row 7
    row = listing_row(dialog, 1, 3)
    assert not save_button(dialog).isEnabled()
    cell = dialog.listings.item(row, L["Channel price"])
    assert cell.background().color() == ERROR_BRUSH.color()
    assert cell.toolTip() == "'1O.00' is not a number"


def test_swapping_two_skus_of_a_product_is_saved_or_flagged_before_save(
        qtbot: QtBot, context: ShopContext, message_boxes: list[Any]) -> None:
    dialog = new_dialog(qtbot, context, 1)
    set_cell(dialog, 0, "SKU", "SKU-00001-2")
    set_cell(dialog, 1, "SKU", "SKU-00001-1")
    if save_button(dialog).isEnabled():
        dialog.save()
        assert message_boxes == []
        assert dialog.result() == QDialog.DialogCode.Accepted
    else:
        assert "SKU" in dialog.problems.text()


def test_escape_asks_before_dropping_typed_changes_and_keeps_them_when_told_to(
        qtbot: QtBot, context: ShopContext, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = new_dialog(qtbot, context, 1)
    dialog.show()
    dialog.title.setText("A title typed by hand")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Discard the changes you typed?"]
    assert dialog.isVisible() and dialog.title.text() == "A title typed by hand"
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_an_unchanged_form_closes_without_a_question(
        qtbot: QtBot, context: ShopContext, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = new_dialog(qtbot, context, 1)
    dialog.show()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()
