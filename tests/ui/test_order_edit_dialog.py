"""Editing an order from the Orders page: the order form opens filled in, its channel and status
fixed; lines, customer and note change through the service; a shipped order says why not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from ecdesk.models import OrderStatus
from ecdesk.services.orders.commands import set_orders_status
from ecdesk.views.orders.order_dialog import OrderDialog
from ecdesk.views.orders.order_lines_editor import PRICE, QUANTITY, SKU
from ecdesk.views.orders.orders_page import OrdersPage
from ecdesk.views.shell.shop_context import ShopContext
from tests.integration.order_fixtures import SmallShop, enter
from tests.ui.conftest import finish_workers
from tests.ui.order_shop import opened_order_shop, query

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def order_shop(qapp: object, tmp_path: Path) -> Iterator[tuple[SmallShop, ShopContext]]:
    with opened_order_shop(tmp_path / "orders.ecdesk") as opened:
        yield opened


@pytest.fixture
def paid(order_shop: tuple[SmallShop, ShopContext]) -> int:
    return enter(order_shop[0], "TM-1", (("SHIRT-WHITE", 2, "55"), ("FLASK-1", 1, "88")),
                 at=NOW - timedelta(hours=2), customer="王伟", shipping="8")


@pytest.fixture
def dialog(qtbot: QtBot, order_shop: tuple[SmallShop, ShopContext], paid: int) -> OrderDialog:
    dialog = OrderDialog(order_shop[1], order_id=paid)
    qtbot.addWidget(dialog)
    return dialog


def save_button(dialog: OrderDialog) -> object:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def lines(shop: SmallShop, order_id: int) -> list[tuple[str, int, int]]:
    return [tuple(r) for r in query(
        shop.db, "SELECT v.sku, l.quantity, l.unit_price FROM order_lines l JOIN variants v "
        "ON v.id = l.variant_id WHERE l.order_id = :id ORDER BY l.position", id=order_id)]


def committed(shop: SmallShop) -> dict[str, int]:
    return dict(query(shop.db, "SELECT v.sku, sum(l.quantity) FROM order_lines l JOIN orders o "
                      "ON o.id = l.order_id JOIN variants v ON v.id = l.variant_id "
                      "WHERE o.status IN ('pending', 'paid') GROUP BY v.sku"))


def test_the_form_opens_with_the_order_as_stored_and_can_save_it_unchanged(
        dialog: OrderDialog, paid: int) -> None:
    assert dialog.windowTitle() == "Edit order TM-1"
    assert not dialog.channel.isEnabled() and not dialog.status.isEnabled()
    assert (dialog.number.text(), dialog.customer.text(), dialog.shipping.text()) == (
        "TM-1", "王伟", "8.00")
    assert [(dialog.editor.text(r, SKU), dialog.editor.text(r, QUANTITY),
             dialog.editor.text(r, PRICE)) for r in dialog.editor.filled_rows()] == [
        ("SHIRT-WHITE", "2", "55.00"), ("FLASK-1", "1", "88.00")]
    wall = dialog.ordered_at.dateTime().toPython()
    assert wall.replace(tzinfo=dialog.zone) == NOW.astimezone(dialog.zone) - timedelta(hours=2)
    # Its own number is not "already taken"; nothing blocks a save.
    assert [str(p) for p in dialog.validate()] == []
    assert save_button(dialog).isEnabled()


def test_changing_lines_and_customer_saves_them_and_the_committed_stock_follows(
        dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext], paid: int) -> None:
    shop = order_shop[0]
    assert committed(shop) == {"SHIRT-WHITE": 2, "FLASK-1": 1}
    dialog.editor.set_line(0, quantity="4")
    dialog.lines.setCurrentCell(1, SKU)
    dialog.editor.remove_current_line()
    dialog.editor.set_line(1, sku="SHIRT-BLUE", quantity="1")
    dialog.customer.setText("李娜")
    dialog.note.setPlainText("gift wrap")
    dialog.ship_to.setText("上海市 徐汇区 1号")
    assert save_button(dialog).isEnabled()
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert lines(shop, paid) == [("SHIRT-WHITE", 4, 5500), ("SHIRT-BLUE", 1, 5990)]
    assert committed(shop) == {"SHIRT-WHITE": 4, "SHIRT-BLUE": 1}
    assert query(shop.db, "SELECT customer_name, note, ship_to FROM orders WHERE id = :id",
                 id=paid) == [("李娜", "gift wrap", "上海市 徐汇区 1号")]
    assert query(shop.db, "SELECT count(*) FROM stock_movements WHERE order_id IS NOT NULL"
                 ) == [(0,)]


def test_an_order_shipped_meanwhile_is_refused_in_the_form_and_nothing_is_written(
        dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext], paid: int) -> None:
    shop = order_shop[0]
    set_orders_status(shop.db.uow(), [paid], OrderStatus.SHIPPED)
    dialog.editor.set_line(0, quantity="9")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "only an order not shipped yet" in dialog.problems.text()
    assert not save_button(dialog).isEnabled()
    assert lines(shop, paid) == [("SHIRT-WHITE", 2, 5500), ("FLASK-1", 1, 8800)]


def test_a_number_another_order_has_is_refused_as_typed(
        dialog: OrderDialog, order_shop: tuple[SmallShop, ShopContext]) -> None:
    enter(order_shop[0], "TM-2", (("FLASK-1", 1, "88"),))
    dialog.number.setText("TM-2")
    assert "Order number: Tmall 天猫 already has an order TM-2" in [
        str(p) for p in dialog.validate()]
    assert not save_button(dialog).isEnabled()


@pytest.fixture
def page(qtbot: QtBot, order_shop: tuple[SmallShop, ShopContext], paid: int) -> OrdersPage:
    enter(order_shop[0], "TM-3", (("FLASK-1", 2, "88"),), at=NOW - timedelta(hours=1),
          status=OrderStatus.SHIPPED)
    page = OrdersPage(order_shop[1])
    qtbot.addWidget(page, before_close_func=lambda _page: finish_workers())
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page.model.total_known, timeout=5000)
    return page


def select(page: OrdersPage, number: str) -> None:
    page.select_orders([page.model.row_at(r).id for r in range(page.model.rowCount())
                        if page.model.row_at(r).number == number])


def test_the_page_opens_the_selected_order_in_the_form_and_shows_the_saved_change(
        page: OrdersPage, order_shop: tuple[SmallShop, ShopContext], paid: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert not page.edit_action.isEnabled()
    select(page, "TM-1")
    assert page.edit_action.isEnabled() and page.edit_action.shortcut().toString() == "F2"
    opened: list[OrderDialog] = []

    def exec_(dialog: OrderDialog) -> int:
        opened.append(dialog)
        dialog.editor.set_line(0, quantity="5")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(OrderDialog, "exec", exec_)
    page.edit_action.trigger()
    assert opened and opened[0].order_id == paid
    assert lines(order_shop[0], paid)[0] == ("SHIRT-WHITE", 5, 5500)
    assert [row.number for row in page.selected_orders()] == ["TM-1"]
    assert page.detail.isVisible()


def test_a_shipped_order_is_not_opened_and_the_reason_is_given(
        page: OrdersPage, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text, *a: said.append(text))
    monkeypatch.setattr(OrderDialog, "exec", lambda _d: pytest.fail("the form opened"))
    select(page, "TM-3")
    page.edit_order()
    assert said == ["Order TM-3 is shipped: only an order not shipped yet (pending or paid) "
                    "can be edited."]
