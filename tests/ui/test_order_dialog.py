"""The New order dialog: checked as typed, prices and fees filled in, saved through the service."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from ecdesk.db import open_database
from ecdesk.services.channels import FixedFees, save_channel
from ecdesk.views.orders.order_dialog import OrderDialog
from ecdesk.views.orders.order_lines_editor import DISCOUNT, PRICE, PRODUCT, QUANTITY, SKU, TOTAL
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.sku_completer import attach_sku_completer
from tests.integration.order_fixtures import SmallShop, enter
from tests.ui.conftest import finish_workers
from tests.ui.order_shop import on_hand, opened_order_shop, query


@pytest.fixture
def order_shop(qapp: object, tmp_path: Path) -> Iterator[tuple[SmallShop, ShopContext]]:
    with opened_order_shop(tmp_path / "orders.ecdesk") as opened:
        yield opened


@pytest.fixture
def dialog(qtbot: QtBot, order_shop: tuple[SmallShop, ShopContext]) -> OrderDialog:
    dialog = OrderDialog(order_shop[1])
    qtbot.addWidget(dialog)
    return dialog


def save_enabled(dialog: OrderDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def problems(dialog: OrderDialog) -> list[str]:
    return [str(p) for p in dialog.validate()]


def cell(dialog: OrderDialog, row: int, column: int) -> str:
    return dialog.lines.item(row, column).text()


def fill_good_order(dialog: OrderDialog, number: str = "TM-9") -> None:
    dialog.number.setText(number)
    dialog.customer.setText("王伟")
    dialog.editor.set_line(0, sku="SHIRT-WHITE", quantity="2")
    dialog.editor.set_line(1, sku="FLASK-1", quantity="1", discount="8")
    dialog.shipping.setText("10")


# --- checked as typed --------------------------------------------------------------------------


def test_a_new_dialog_asks_for_a_number_and_a_line_and_cannot_save_yet(
        dialog: OrderDialog) -> None:
    assert problems(dialog) == ["Order number: is required",
                                "Lines: an order needs at least one line"]
    assert not save_enabled(dialog)
    assert dialog.status.currentData() == "paid"
    assert dialog.lines.rowCount() == 1  # one empty line to type into


def test_an_unknown_sku_is_named_with_its_row_and_its_cell_turns_red(
        dialog: OrderDialog) -> None:
    dialog.number.setText("TM-9")
    dialog.editor.set_line(0, sku="SHIRT-WHITE", quantity="1")
    dialog.editor.set_line(1, sku="NO-SUCH", quantity="1", unit_price="5")
    assert problems(dialog) == ["Row 2, SKU: 'NO-SUCH' is not in the catalog"]
    assert dialog.lines.item(1, SKU).toolTip() == "'NO-SUCH' is not in the catalog"
    assert dialog.lines.item(0, SKU).toolTip() == ""
    assert cell(dialog, 1, PRODUCT) == ""
    assert not save_enabled(dialog)
    assert "Row 2, SKU: 'NO-SUCH' is not in the catalog" in dialog.problems.text()


@pytest.mark.parametrize(("quantity", "price", "discount", "expected"), [
    ("0", "", "", "Row 1, Quantity: '0' is not a whole number above 0"),
    ("1.5", "", "", "Row 1, Quantity: '1.5' is not a whole number above 0"),
    ("two", "", "", "Row 1, Quantity: 'two' is not a whole number above 0"),
    ("1", "12,5O", "", "Row 1, Unit price: '12,5O' is not a number"),
    ("1", "-3", "", "Row 1, Unit price: '-3' is negative"),
    ("1", "9.999", "", "Row 1, Unit price: '9.999' has more than two decimals"),
    ("2", "10", "25", "Row 1, Discount: 25 is more than the line's 20.00"),
])
def test_a_bad_quantity_price_or_discount_is_named_and_blocks_saving(
        dialog: OrderDialog, quantity: str, price: str, discount: str, expected: str) -> None:
    dialog.number.setText("TM-9")
    dialog.editor.set_line(0, sku="FLASK-1", quantity=quantity)
    if price:
        dialog.lines.item(0, PRICE).setText(price)
    if discount:
        dialog.lines.item(0, DISCOUNT).setText(discount)
    assert problems(dialog) == [expected]
    assert not save_enabled(dialog)
    assert cell(dialog, 0, TOTAL) == ""


def test_a_number_the_channel_already_has_is_reported_next_to_the_field(
        qtbot: QtBot, dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext]) -> None:
    shop = order_shop[0]
    enter(shop, "TM-9", (("FLASK-1", 1, "88"),))
    dialog.show()
    fill_good_order(dialog)
    assert dialog.number_problem.isVisible()
    assert dialog.number_problem.text() == "Tmall 天猫 already has an order TM-9"
    assert not save_enabled(dialog)
    dialog.channel.setCurrentIndex(dialog.channel.findData(shop.shopify))  # free there
    assert not dialog.number_problem.isVisible() and save_enabled(dialog)


def test_bad_shipping_and_fees_are_named(qtbot: QtBot, dialog: OrderDialog) -> None:
    fill_good_order(dialog)
    dialog.shipping.setText("abc")
    dialog.fees.clear()
    qtbot.keyClicks(dialog.fees, "-1")
    assert problems(dialog) == ["Shipping: 'abc' is not a number",
                                "Platform fees: '-1' is negative"]


def test_a_dialog_without_channels_says_to_add_one_first(qtbot: QtBot, tmp_path: Path,
                                                         qapp: object) -> None:
    db = open_database(tmp_path / "empty.ecdesk")
    try:
        dialog = OrderDialog(ShopContext(db))
        qtbot.addWidget(dialog)
        assert problems(dialog)[0] == "Channel: add a sales channel under Settings first"
        assert not save_enabled(dialog)
    finally:
        finish_workers()
        db.close()


# --- filled in for the user --------------------------------------------------------------------


def test_a_sku_brings_its_title_a_quantity_of_one_and_the_channels_price(
        dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext]) -> None:
    dialog.editor.set_line(0, sku="SHIRT-WHITE")
    assert (cell(dialog, 0, PRODUCT), cell(dialog, 0, QUANTITY), cell(dialog, 0, PRICE)) == (
        "Linen shirt 亚麻衬衫 · White", "1", "55.00")  # Tmall's own price
    assert dialog.lines.rowCount() == 2  # a fresh line opened below
    dialog.lines.item(0, QUANTITY).setText("3")
    assert cell(dialog, 0, TOTAL) == "165.00"
    dialog.channel.setCurrentIndex(dialog.channel.findData(order_shop[0].shopify))
    assert cell(dialog, 0, PRICE) == "59.90"  # Shopify has no price of its own: the list price


def test_a_typed_price_stays_when_the_channel_changes(
        dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext]) -> None:
    dialog.editor.set_line(0, sku="SHIRT-WHITE", quantity="1")
    dialog.lines.item(0, PRICE).setText("50")
    dialog.channel.setCurrentIndex(dialog.channel.findData(order_shop[0].shopify))
    assert cell(dialog, 0, PRICE) == "50"


def test_fees_follow_the_goods_at_the_channels_rates_until_typed(qtbot: QtBot,
                                                                 dialog: OrderDialog) -> None:
    dialog.editor.set_line(0, sku="FLASK-1", quantity="2")  # 176.00 at 5 % + 0.6 %
    assert dialog.fees.text() == "9.86"  # 8.80 + 1.056 -> 1.06
    assert "5.0% commission + 0.6% payment fee" in dialog.fees_hint.text()
    dialog.fees.clear()
    qtbot.keyClicks(dialog.fees, "7.00")
    dialog.lines.item(0, QUANTITY).setText("3")
    assert dialog.fees.text() == "7.00"
    estimate = next(b for b in dialog.findChildren(QToolButton) if b.text() == "Estimate")
    estimate.click()
    assert dialog.fees.text() == "14.78"  # 264.00: 13.20 + 1.584 -> 1.58


def test_fees_add_the_channels_fixed_fees_and_take_its_rate_before_discounts(
        qtbot: QtBot, order_shop: tuple[SmallShop, ShopContext]) -> None:
    shop, context = order_shop
    save_channel(shop.db.uow(), channel_id=shop.tmall, name="Tmall 天猫", kind="tmall",
                 currency="CNY", commission_rate="0.05",
                 fixed_fees=FixedFees("1.00", "0.30", "before_discounts"))
    dialog = OrderDialog(context)
    qtbot.addWidget(dialog)
    dialog.editor.set_line(0, sku="FLASK-1", quantity="2", discount="16.00")
    # 5 % of 176.00 before the discount = 8.80; + 1.00 per order + 2 x 0.30 per unit
    assert dialog.fees.text() == "10.40"
    assert "before discounts" in dialog.fees_hint.text()
    assert "1.00 per order + 0.30 per unit" in dialog.fees_hint.text()


def test_the_order_total_is_goods_plus_shipping_in_the_channels_currency(
        dialog: OrderDialog) -> None:
    fill_good_order(dialog)  # 2 x 55.00 + 88.00 - 8.00, shipping 10
    assert "Goods 190.00 + shipping 10.00" in dialog.totals.text()
    assert "Order total CN¥200.00" in dialog.totals.text()


def test_shipping_more_than_on_hand_is_a_warning_not_a_block(dialog: OrderDialog) -> None:
    fill_good_order(dialog)
    dialog.lines.item(0, QUANTITY).setText("11")
    dialog.status.setCurrentIndex(dialog.status.findData("shipped"))
    assert problems(dialog) == ["Row 1, Quantity: only 10 on hand of SHIRT-WHITE"]
    assert save_enabled(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("paid"))
    assert problems(dialog) == []


def test_the_sku_editor_suggests_skus_as_the_user_types(
        qtbot: QtBot, order_shop: tuple[SmallShop, ShopContext]) -> None:
    from ecdesk.services.orders.form_queries import suggest_skus

    shop, context = order_shop
    edit = QLineEdit()
    qtbot.addWidget(edit)
    completer = attach_sku_completer(edit, lambda t: suggest_skus(context.uow(), t, shop.tmall))
    edit.show()
    qtbot.keyClicks(edit, "shirt")
    model = completer.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=3000)
    assert model.index(1, 0).data() == "SHIRT-WHITE · Linen shirt 亚麻衬衫 · White · 55.00"
    assert model.index(1, 0).data(completer.completionRole()) == "SHIRT-WHITE"
    completer.popup().hide()


# --- saving ------------------------------------------------------------------------------------


def test_a_good_order_is_saved_with_its_lines_and_the_shop_time_converted_to_utc(
        dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext]) -> None:
    fill_good_order(dialog)
    utc = QTimeZone(QTimeZone.Initialization.UTC)
    dialog.ordered_at.setDateTime(QDateTime(QDate(2026, 11, 11), QTime(0, 30), utc))
    dialog.note.setPlainText("gift wrap")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.saved_id is not None
    db = order_shop[0].db
    head = query(db, "SELECT number, status, customer_name, shipping, platform_fees, note, "
                     "ordered_at, source FROM orders WHERE id = :i", i=dialog.saved_id)
    # fees: 5 % of 190.00 = 9.50 and 0.6 % = 1.14
    assert head == [("TM-9", "paid", "王伟", 1000, 1064, "gift wrap",
                     "2026-11-10 16:30:00.000000", "manual")]
    lines = query(db, "SELECT v.sku, l.quantity, l.unit_price, l.discount, l.line_total "
                      "FROM order_lines l JOIN variants v ON v.id = l.variant_id "
                      "WHERE l.order_id = :i ORDER BY l.position", i=dialog.saved_id)
    assert lines == [("SHIRT-WHITE", 2, 5500, 0, 11000), ("FLASK-1", 1, 8800, 800, 8000)]
    assert on_hand(db, "SHIRT-WHITE") == 10  # paid, not shipped: no stock moved


def test_a_shipped_order_takes_its_stock_when_saved(
        dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext]) -> None:
    fill_good_order(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("shipped"))
    dialog.save()
    db = order_shop[0].db
    assert (on_hand(db, "SHIRT-WHITE"), on_hand(db, "FLASK-1")) == (8, 9)
    moves = query(db, "SELECT kind, quantity, reference FROM stock_movements "
                      "WHERE order_id = :i ORDER BY id", i=dialog.saved_id)
    assert moves == [("sold", -2, "TM-9"), ("sold", -1, "TM-9")]


def test_a_refusal_by_the_service_is_shown_in_the_form_which_stays_open(
        qtbot: QtBot, dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext],
        message_boxes: list[tuple[str, str, str]]) -> None:
    shop = order_shop[0]
    # The shop does not allow negative stock (the default).
    fill_good_order(dialog)
    dialog.lines.item(1, QUANTITY).setText("12")
    dialog.status.setCurrentIndex(dialog.status.findData("shipped"))
    dialog.save()
    assert dialog.saved_id is None and message_boxes == []
    assert "SKU FLASK-1: 10 on hand; this would take it to -2" in dialog.problems.text()
    assert not save_enabled(dialog)
    dialog.lines.item(1, QUANTITY).setText("2")  # a new edit clears the service's verdict
    assert "would take it to" not in dialog.problems.text() and save_enabled(dialog)
    assert query(shop.db, "SELECT count(*) FROM orders") == [(0,)]


def test_an_order_saved_elsewhere_meanwhile_is_refused_next_to_the_number(
        dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext],
        monkeypatch: pytest.MonkeyPatch) -> None:
    fill_good_order(dialog)
    assert save_enabled(dialog)
    enter(order_shop[0], "TM-9", (("FLASK-1", 1, "88"),),
          at=datetime(2026, 1, 1, tzinfo=UTC))  # typed in another window a moment ago
    monkeypatch.setattr("ecdesk.views.orders.order_dialog.order_number_taken", lambda *_a: False)
    dialog.save()
    assert dialog.saved_id is None
    assert dialog.number_problem.text() == "Tmall 天猫 already has an order TM-9"


def test_removing_a_line_takes_it_out_of_the_order(dialog: OrderDialog) -> None:
    fill_good_order(dialog)
    dialog.lines.setCurrentCell(1, SKU)
    dialog.editor.remove_current_line()
    assert [cell(dialog, r, SKU) for r in range(dialog.lines.rowCount())] == ["SHIRT-WHITE", ""]
    dialog.lines.setCurrentCell(1, SKU)
    dialog.editor.remove_current_line()  # the empty line at the end stays
    assert dialog.lines.rowCount() == 2
    assert "Goods 110.00" in dialog.totals.text()
    assert dialog.draft()[0].lines[0].unit_price == "55.00"
    assert Decimal(dialog.fees.text()) == Decimal("6.16")


def test_a_line_reaching_a_quantity_tier_takes_its_price_and_names_it(
        dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext]) -> None:
    from ecdesk.services.pricing.rule_draft import RuleDraft
    from ecdesk.services.pricing.rule_store import save_rule

    save_rule(order_shop[1].uow(), RuleDraft(  # on Tmall from 10 units: the list price - 10 %
        name="批发 10+", method="relative", base="list_price", rate="10",
        channel="Tmall 天猫", min_quantity="10"))
    dialog.editor.set_line(0, sku="SHIRT-WHITE", quantity="9")
    assert cell(dialog, 0, PRICE) == "55.00"
    dialog.lines.item(0, QUANTITY).setText("10")
    assert cell(dialog, 0, PRICE) == "53.91"  # the list price 59.90 less 10 %
    assert "quantity tier from 10 units: 批发 10+" in cell(dialog, 0, PRODUCT)
    assert cell(dialog, 0, TOTAL) == "539.10"
    dialog.lines.item(0, QUANTITY).setText("2")
    assert (cell(dialog, 0, PRICE), cell(dialog, 0, PRODUCT)) == ("55.00",
                                                                  "Linen shirt 亚麻衬衫 · White")
    dialog.lines.item(0, PRICE).setText("50")  # typed: the quantity no longer moves it
    dialog.lines.item(0, QUANTITY).setText("12")
    assert cell(dialog, 0, PRICE) == "50"
