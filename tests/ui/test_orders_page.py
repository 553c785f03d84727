"""The Orders page: filters, search, the detail pane, and status actions that move stock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from ecdesk.models import OrderStatus
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.views.orders.order_status_dialog import OrderStatusDialog
from ecdesk.views.orders.orders_page import OrdersPage
from ecdesk.views.orders.ship_dialog import ShipDialog
from ecdesk.views.shell.shop_context import ShopContext
from tests.integration.order_fixtures import SmallShop, enter
from tests.ui.conftest import finish_workers
from tests.ui.order_shop import on_hand, opened_order_shop, query

NOW = datetime.now(UTC)


@pytest.fixture
def order_shop(qapp: object, tmp_path: Path) -> Iterator[tuple[SmallShop, ShopContext]]:
    with opened_order_shop(tmp_path / "orders.ecdesk") as opened:
        yield opened


@pytest.fixture
def shop(order_shop: tuple[SmallShop, ShopContext]) -> SmallShop:
    """Five orders: paid, paid, shipped, cancelled and a month-old completed one."""
    shop, _context = order_shop
    enter(shop, "TM-1", (("SHIRT-WHITE", 2, "55"),), at=NOW - timedelta(minutes=5),
          customer="王伟", shipping="8")
    enter(shop, "TM-2", (("SHIRT-WHITE", 3, "55"), ("FLASK-1", 1, "88")),
          at=NOW - timedelta(minutes=4), customer="Alice")
    enter(shop, "TM-3", (("FLASK-1", 2, "88"),), at=NOW - timedelta(minutes=3),
          status=OrderStatus.SHIPPED)
    enter(shop, "SH-4", (("SHIRT-BLUE", 1, "60"),), at=NOW - timedelta(minutes=2),
          channel=shop.shopify, status=OrderStatus.CANCELLED)
    enter(shop, "OLD-5", (("SHIRT-BLUE", 1, "60"),), at=NOW - timedelta(days=40),
          status=OrderStatus.COMPLETED)
    return shop


@pytest.fixture
def page(qtbot: QtBot, shop: SmallShop,
         order_shop: tuple[SmallShop, ShopContext]) -> OrdersPage:
    page = OrdersPage(order_shop[1])
    qtbot.addWidget(page, before_close_func=lambda _page: finish_workers())
    page.resize(1300, 700)
    page.show()
    page.load()
    qtbot.waitUntil(lambda: page.model.total_known, timeout=5000)
    return page


def numbers(page: OrdersPage) -> list[str]:
    return [page.model.row_at(r).number for r in range(page.model.rowCount())]


def select(page: OrdersPage, *wanted: str) -> None:
    ids = [page.model.row_at(r).id for r in range(page.model.rowCount())
           if page.model.row_at(r).number in wanted]
    page.select_orders(ids)


def status_of(shop: SmallShop, number: str) -> str:
    return query(shop.db, "SELECT status FROM orders WHERE number = :n", n=number)[0][0]


def choose_in(combo_owner: OrdersPage, combo_name: str, value: object) -> None:
    combo = getattr(combo_owner, combo_name)
    combo.setCurrentIndex(combo.findData(value))


# --- the table and its filters -----------------------------------------------------------------


def test_the_page_lists_every_order_newest_first_with_a_count(qtbot: QtBot,
                                                              page: OrdersPage) -> None:
    assert numbers(page) == ["SH-4", "TM-3", "TM-2", "TM-1", "OLD-5"]
    assert page.count_label.text() == "5 order(s)"
    assert [page.channel_filter.itemText(i) for i in range(page.channel_filter.count())] == [
        "All channels", "Tmall 天猫", "Shopify"]


def test_the_status_filter_to_ship_shows_pending_and_paid_orders(qtbot: QtBot,
                                                                  page: OrdersPage) -> None:
    choose_in(page, "status_filter", "open")
    assert numbers(page) == ["TM-2", "TM-1"]
    choose_in(page, "status_filter", "cancelled")
    assert numbers(page) == ["SH-4"]


def test_the_channel_filter_and_the_period_presets_narrow_the_table(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop) -> None:
    choose_in(page, "channel_filter", shop.shopify)
    assert numbers(page) == ["SH-4"]
    choose_in(page, "channel_filter", None)
    choose_in(page, "period_filter", "30_days")
    assert "OLD-5" not in numbers(page) and len(numbers(page)) == 4
    choose_in(page, "period_filter", "all")
    assert "OLD-5" in numbers(page)


def test_typing_a_search_filters_after_a_pause(qtbot: QtBot, page: OrdersPage) -> None:
    qtbot.keyClicks(page.search, "flask")
    assert len(numbers(page)) == 5  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: numbers(page) == ["TM-3", "TM-2"], timeout=3000)
    qtbot.waitUntil(lambda: page.count_label.text() == "2 order(s)", timeout=5000)


def test_the_detail_pane_shows_the_selected_orders_lines_money_and_stock(
        qtbot: QtBot, page: OrdersPage) -> None:
    select(page, "TM-1")
    detail = page.detail
    assert detail.title.text() == "TM-1 · Tmall 天猫"
    assert detail.subtitle.text().startswith("Paid · ") and detail.subtitle.text().endswith("王伟")
    assert detail.lines.rowCount() == 1 and detail.lines.item(0, 0).text() == "SHIRT-WHITE"
    assert detail.figures["total"].text() == "CN¥118.00"
    assert detail.figures["shipping"].text() == "CN¥8.00"
    assert detail.figures["stock"].text() == "Not shipped: 2 unit(s) committed"
    select(page, "TM-3")
    assert detail.figures["stock"].text() == "Stock issued: 2 unit(s) left the shelf"
    select(page, "TM-1", "TM-2")
    assert detail.empty.isVisible() and not detail.lines.isVisible()
    assert detail.empty.text() == "2 orders selected. Select one to see its lines."


def test_actions_are_enabled_only_for_moves_the_selection_can_make(qtbot: QtBot,
                                                                   page: OrdersPage) -> None:
    def enabled() -> set[str]:
        return {s for s, action in page.status_actions.items() if action.isEnabled()}

    select(page)
    assert enabled() == set()
    select(page, "TM-1")
    assert enabled() == {"shipped", "completed", "cancelled", "refunded"}
    select(page, "SH-4")
    assert enabled() == set()
    select(page, "OLD-5")
    assert enabled() == {"refunded"}
    assert [a.text() for a in page.context_menu().actions() if not a.isSeparator()] == [
        "New order…", "Edit order…", "Mark paid", "Mark shipped", "Mark completed", "Cancel…",
        "Refund…", "Return or exchange…", "Mark delivered"]
    shortcuts = {a.text(): a.shortcut().toString() for a in page.actions()}
    assert shortcuts["Mark shipped"] == "Ctrl+Shift+S"
    assert shortcuts["New order…"] == "Ctrl+Shift+N"
    assert shortcuts["Edit order…"] == "F2"


# --- status actions ----------------------------------------------------------------------------


@pytest.fixture
def ship_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[ShipDialog]:
    """The ship dialogs shown, each accepted as it was opened (no carrier, no number)."""
    shown: list[ShipDialog] = []

    def exec_(dialog: ShipDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(ShipDialog, "exec", exec_)
    return shown


def test_marking_several_orders_shipped_issues_their_stock(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop,
        message_boxes: list[tuple[str, str, str]], ship_dialogs: list[ShipDialog]) -> None:
    select(page, "TM-1", "TM-2")
    page.status_actions["shipped"].trigger()
    assert (status_of(shop, "TM-1"), status_of(shop, "TM-2")) == ("shipped", "shipped")
    assert on_hand(shop.db, "SHIRT-WHITE") == 10 - 5 and on_hand(shop.db, "FLASK-1") == 10 - 3
    assert message_boxes == []
    assert [page.model.row_at(r).status for r in range(2, 4)] == ["shipped", "shipped"]
    assert {row.number for row in page.selected_orders()} == {"TM-1", "TM-2"}  # kept


def test_the_shortcut_marks_the_selection_shipped(qtbot: QtBot, page: OrdersPage,
                                                  shop: SmallShop,
                                                  ship_dialogs: list[ShipDialog]) -> None:
    select(page, "TM-1")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert status_of(shop, "TM-1") == "shipped"


def test_a_mixed_selection_asks_before_moving_only_the_orders_that_can(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop,
        answer_questions: Callable[[bool], list[str]], ship_dialogs: list[ShipDialog]) -> None:
    asked = answer_questions(False)
    select(page, "TM-1", "SH-4")
    page.change_status("shipped")
    assert asked and "Order SH-4 is cancelled: it cannot become shipped." in asked[0]
    assert asked[0].startswith("1 of the 2 selected orders can become shipped.")
    assert status_of(shop, "TM-1") == "paid"
    answer_questions(True)
    page.change_status("shipped")
    assert (status_of(shop, "TM-1"), status_of(shop, "SH-4")) == ("shipped", "cancelled")


def test_a_move_no_selected_order_can_make_is_explained(
        qtbot: QtBot, page: OrdersPage, message_boxes: list[tuple[str, str, str]]) -> None:
    select(page, "SH-4")
    page.change_status("paid")
    assert message_boxes == [("information", "Nothing to change",
                              "Order SH-4 is cancelled: it cannot become paid.")]


def test_shipping_more_than_is_on_hand_is_refused_with_the_reason(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop,
        message_boxes: list[tuple[str, str, str]], ship_dialogs: list[ShipDialog]) -> None:
    enter(shop, "BIG", (("FLASK-1", 50, "88"),), at=NOW)
    page.refresh()
    select(page, "BIG")
    page.status_actions["shipped"].trigger()
    assert status_of(shop, "BIG") == "paid"
    assert len(message_boxes) == 1
    assert "SKU FLASK-1: 8 on hand; this would take it to -42" in message_boxes[0][2]


def test_marking_an_order_shipped_records_the_carrier_and_tracking_number_typed(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, monkeypatch: pytest.MonkeyPatch) -> None:
    def exec_(dialog: ShipDialog) -> int:
        assert dialog.carrier.currentText() == ""  # no carrier chosen for the user
        dialog.carrier.setCurrentText("顺丰速运")
        dialog.tracking.setText("SF 1234 5678 9012")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(ShipDialog, "exec", exec_)
    select(page, "TM-1")
    page.status_actions["shipped"].trigger()
    assert query(shop.db, "SELECT status, carrier, tracking_number FROM orders "
                          "WHERE number = 'TM-1'") == [("shipped", "顺丰速运", "SF123456789012")]
    assert page.detail.figures["shipped_with"].text() == "顺丰速运 SF123456789012"


def test_closing_the_ship_dialog_ships_nothing(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ShipDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    select(page, "TM-1")
    page.change_status("shipped")
    assert status_of(shop, "TM-1") == "paid"


def test_the_ship_dialog_offers_the_carriers_used_and_checks_the_tracking_number(
        qtbot: QtBot, page: OrdersPage) -> None:
    rows = {page.model.row_at(r).number: page.model.row_at(r)
            for r in range(page.model.rowCount())}
    dialog = ShipDialog([rows["TM-1"]], ["Cainiao 菜鸟"], page)
    qtbot.addWidget(dialog)
    assert dialog.carrier.itemText(0) == "Cainiao 菜鸟" and dialog.carrier.findText("顺丰速运") > 0
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.tracking.setText("SF12/34")
    assert not ok.isEnabled()
    assert dialog.tracking_problem.text() == "may hold only letters, digits and dashes"
    dialog.tracking.setText("SF-1234")
    assert ok.isEnabled() and dialog.tracking_number() == "SF-1234"
    several = ShipDialog([rows["TM-1"], rows["TM-2"]], [], page)
    qtbot.addWidget(several)
    assert several.tracking_number() == "" and not several.tracking.isVisibleTo(several)
    assert "Tracking numbers are typed one order at a time; the carrier is recorded for every " \
        "order." in [label.text() for label in several.findChildren(QLabel)]


def answer_dialog(monkeypatch: pytest.MonkeyPatch, *, restock: bool | None,
                  amount: str | None = None) -> list[OrderStatusDialog]:
    """Make OrderStatusDialog.exec answer as a user would; returns the dialogs shown."""
    shown: list[OrderStatusDialog] = []

    def exec_(dialog: OrderStatusDialog) -> int:
        shown.append(dialog)
        if restock is not None:
            (dialog.restock_yes if restock else dialog.restock_no).setChecked(True)
        if amount is not None:
            dialog.amount.setText(amount)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        return QDialog.DialogCode.Accepted if ok.isEnabled() else QDialog.DialogCode.Rejected
    monkeypatch.setattr(OrderStatusDialog, "exec", exec_)
    return shown


def test_cancelling_a_shipped_order_asks_and_returns_the_goods_to_stock(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = answer_dialog(monkeypatch, restock=True)
    select(page, "TM-3")
    page.status_actions["cancelled"].trigger()
    assert len(shown) == 1 and shown[0].shipped
    assert status_of(shop, "TM-3") == "cancelled"
    assert on_hand(shop.db, "FLASK-1") == 10
    assert page.detail.figures["stock"].text() == "Not shipped, or the goods came back"


def test_cancelling_a_shipped_order_whose_goods_stay_away_leaves_stock_alone(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_dialog(monkeypatch, restock=False)
    select(page, "TM-3")
    page.change_status("cancelled")
    assert status_of(shop, "TM-3") == "cancelled" and on_hand(shop.db, "FLASK-1") == 8


def test_cancel_waits_for_the_answer_about_the_goods(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_dialog(monkeypatch, restock=None)  # the user answers nothing
    select(page, "TM-3")
    page.change_status("cancelled")
    assert status_of(shop, "TM-3") == "shipped"


def test_refunding_one_order_records_the_amount_typed(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = answer_dialog(monkeypatch, restock=None, amount="50,00")
    select(page, "TM-1")
    page.status_actions["refunded"].trigger()
    assert not shown[0].shipped  # paid, not shipped: no question about the goods
    rows = query(shop.db, "SELECT status, refunded FROM orders WHERE number = 'TM-1'")
    assert rows == [("refunded", 5000)]
    assert page.detail.figures["refunded"].text() == "CN¥50.00"


def test_a_refund_above_the_order_total_cannot_be_confirmed(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = answer_dialog(monkeypatch, restock=None, amount="500")
    select(page, "TM-1")
    page.change_status("refunded")
    assert shown[0].amount_problem.text() == "is more than the order's total 118.00"
    assert status_of(shop, "TM-1") == "paid"


# --- refreshing --------------------------------------------------------------------------------


def test_the_page_refreshes_when_orders_change_elsewhere(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop,
        order_shop: tuple[SmallShop, ShopContext]) -> None:
    context = order_shop[1]
    new_id = enter(shop, "NEW-6", (("FLASK-1", 1, "88"),), at=NOW)
    assert "NEW-6" not in numbers(page)
    context.changed.emit(Changed.of(ChangeArea.ORDERS, ids=(new_id,)))
    assert numbers(page)[0] == "NEW-6"
    qtbot.waitUntil(lambda: page.count_label.text() == "6 order(s)", timeout=5000)


def test_a_hidden_page_refreshes_when_it_is_shown_again(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop,
        order_shop: tuple[SmallShop, ShopContext]) -> None:
    page.hide()
    enter(shop, "NEW-6", (("FLASK-1", 1, "88"),), at=NOW)
    order_shop[1].changed.emit(Changed.of(ChangeArea.ORDERS))
    assert "NEW-6" not in numbers(page)
    page.show()
    assert numbers(page)[0] == "NEW-6"


def test_a_change_the_page_does_not_show_is_ignored(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop,
        order_shop: tuple[SmallShop, ShopContext]) -> None:
    enter(shop, "NEW-6", (("FLASK-1", 1, "88"),), at=NOW)
    order_shop[1].changed.emit(Changed.of(ChangeArea.STOCK))
    assert "NEW-6" not in numbers(page)
    order_shop[1].changed.emit(Changed.of(ChangeArea.CATALOG))  # SKUs and titles in the detail
    assert "NEW-6" in numbers(page)


def test_the_cancel_question_names_the_orders_and_waits_for_an_answer_about_the_goods(
        qtbot: QtBot, page: OrdersPage) -> None:
    rows = {page.model.row_at(r).number: page.model.row_at(r)
            for r in range(page.model.rowCount())}
    dialog = OrderStatusDialog("cancelled", [rows["TM-3"], rows["TM-1"]], page)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert texts[:2] == [
        "Cancel 2 order(s): TM-3 (CN¥176.00), TM-1 (CN¥118.00)? A cancelled order cannot "
        "be reopened.", "1 of them shipped. Do the goods come back?"]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Cancel orders" and not ok.isEnabled()
    dialog.restock_no.setChecked(True)
    assert ok.isEnabled() and dialog.restock is False and dialog.refunded() is None
    single = OrderStatusDialog("refunded", [rows["TM-3"]], page)
    qtbot.addWidget(single)
    assert "It has shipped. Do the goods come back?" in [
        label.text() for label in single.findChildren(QLabel)]
    assert single.amount.text() == "176.00"


def test_the_today_filter_moves_on_when_the_shops_day_turns(
        qtbot: QtBot, page: OrdersPage, order_shop: tuple[SmallShop, ShopContext]) -> None:
    context = order_shop[1]
    moment = [NOW]
    context.clock.set_source(lambda: moment[0])
    page.period_filter.setCurrentIndex(page.period_filter.findData("today"))
    assert "TM-1" in numbers(page)
    moment[0] += timedelta(days=1)
    context.clock.check()
    assert numbers(page) == [], "yesterday's orders left the 'today' filter"
    assert page.current_query().start == context.clock.today()


def test_export_writes_the_orders_the_table_shows_with_their_lines(
        qtbot: QtBot, page: OrdersPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import csv

    from PySide6.QtWidgets import QFileDialog

    choose_in(page, "status_filter", "open")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args: (str(tmp_path / "open-orders"), "CSV (*.csv)"))
    with qtbot.waitSignal(page.context.status_message, timeout=10_000) as said:
        page.export_action.trigger()
    assert said.args[0].startswith("Exported 2 order(s) with 3 line(s)")
    with open(tmp_path / "open-orders.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))[1:]
    assert [(row[1], row[6], row[8]) for row in rows] == [
        ("TM-2", "SHIRT-WHITE", "3"), ("TM-2", "FLASK-1", "1"), ("TM-1", "SHIRT-WHITE", "2")]


@pytest.mark.parametrize("window_width", [1280, 1366])
def test_at_1280_to_1366_px_a_pinduoduo_number_and_the_total_show_whole(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, window_width: int) -> None:
    enter(shop, "241111-123456789012345", (("FLASK-1", 1, "12345.67"),), at=NOW)
    page.resize(window_width - 200, 700)  # the navigation takes ~200 px of the window
    page.context.changed.emit(Changed.of(ChangeArea.ORDERS))
    qtbot.waitUntil(lambda: "241111-123456789012345" in numbers(page), timeout=5000)
    table, metrics = page.table, page.table.fontMetrics()
    row = numbers(page).index("241111-123456789012345")
    number, total = page.model.index(row, 2), page.model.index(row, 7)
    assert table.columnWidth(2) >= metrics.horizontalAdvance(number.data()) + 8
    assert table.columnWidth(7) >= metrics.horizontalAdvance(total.data()) + 8
    assert table.columnViewportPosition(7) + table.columnWidth(7) <= table.viewport().width()


def test_a_packing_list_is_written_for_the_selected_orders(
        qtbot: QtBot, page: OrdersPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    assert not page.packing_action.isEnabled()
    select(page, "TM-1", "TM-2")
    assert page.packing_action.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args: (str(tmp_path / "pack"), "PDF (*.pdf)"))
    with qtbot.waitSignal(page.context.status_message, timeout=20_000) as said:
        page.packing_action.trigger()
    assert said.args[0].startswith("Packing list of 2 order(s) written")
    assert (tmp_path / "pack.pdf").read_bytes().startswith(b"%PDF")


def test_a_shipped_order_opens_a_return_ticket_for_its_lines_and_receives_the_goods(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str, str]]) -> None:
    from ecdesk.views.tickets.ticket_dialogs import NewTicketDialog, ReceiveReturnDialog
    from ecdesk.views.tickets.tickets_page import TicketsPage

    seen: dict[str, object] = {}

    def open_ticket(dialog: NewTicketDialog) -> int:  # the user returns 1 of the 2 flasks
        seen["order"], seen["lines"] = dialog.order_number.text(), dialog.lines.rowCount()
        dialog.lines.cellWidget(0, 2).setValue(1)
        dialog.subject.setText("Leaks")
        dialog.save()
        return dialog.result()

    def receive(dialog: ReceiveReturnDialog) -> int:
        seen["receive"] = dialog.detail.row.number
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(NewTicketDialog, "exec", open_ticket)
    monkeypatch.setattr(ReceiveReturnDialog, "exec", receive)
    tickets = TicketsPage(page.context)  # the window shows the page asked for; here, by hand
    qtbot.addWidget(tickets)
    page.context.page_requested.connect(
        lambda key, target: tickets.show_target(target) if key == "tickets" else None)
    select(page, "TM-1")  # paid, not shipped: nothing can come back
    assert not page.return_action.isEnabled()
    select(page, "TM-3")
    assert page.return_action.isEnabled()
    before = on_hand(shop.db, "FLASK-1")
    page.return_action.trigger()
    assert message_boxes == []
    assert seen["order"] == "TM-3" and seen["lines"] == 1 and seen["receive"]
    assert on_hand(shop.db, "FLASK-1") == before + 1
    assert query(shop.db, "SELECT t.type, l.received_quantity FROM tickets t JOIN ticket_lines l "
                          "ON l.ticket_id = t.id") == [("return", 1)]
    assert tickets.pane.detail is not None and tickets.pane.detail.order_id is not None


def test_an_exchange_received_from_the_orders_page_shows_its_replacement_order(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str, str]]) -> None:
    from ecdesk.views.tickets.ticket_dialogs import NewTicketDialog, ReceiveReturnDialog
    from ecdesk.views.tickets.tickets_page import TicketsPage

    def open_exchange(dialog: NewTicketDialog) -> int:  # 1 flask back, the same one out
        dialog.type.setCurrentIndex(dialog.type.findData("exchange"))
        dialog.lines.cellWidget(0, 2).setValue(1)
        outcome = dialog.lines.cellWidget(0, 4)
        outcome.setCurrentIndex(outcome.findData("replace"))
        dialog.subject.setText("Wrong colour")
        dialog.save()
        return dialog.result()

    def receive(dialog: ReceiveReturnDialog) -> int:
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(NewTicketDialog, "exec", open_exchange)
    monkeypatch.setattr(ReceiveReturnDialog, "exec", receive)
    tickets = TicketsPage(page.context)
    qtbot.addWidget(tickets)
    page.context.page_requested.connect(
        lambda key, target: tickets.show_target(target) if key == "tickets" else None)
    select(page, "TM-3")
    page.return_action.trigger()
    assert message_boxes == []
    [(number, status)] = query(shop.db, "SELECT number, status FROM orders "
                                        "WHERE replaces_ticket_id IS NOT NULL")
    assert number.startswith("TM-3-T-") and status == "paid"
    assert f"Replacement order: {number}" in tickets.pane.info.text()


def test_mark_delivered_records_the_delivery_and_the_pane_says_the_return_window_follows_it(
        qtbot: QtBot, page: OrdersPage, shop: SmallShop,
        message_boxes: list[tuple[str, str, str]]) -> None:
    select(page, "TM-1")  # paid, not shipped: it cannot be delivered
    assert not page.delivered_action.isEnabled()
    select(page, "TM-3")
    assert page.delivered_action.isEnabled()
    returns = page.detail.figures["returns"]
    assert "no delivery time: shipping plus the channel's transit days" in returns.text()
    page.delivered_action.trigger()
    assert message_boxes == []
    [(delivered,)] = query(shop.db, "SELECT delivered_at FROM orders WHERE number = 'TM-3'")
    assert delivered is not None
    select(page, "TM-3")
    assert "(delivered " in page.detail.figures["returns"].text()
    page.delivered_action.trigger()  # a second time is refused, naming the order
    assert "TM-3 was already delivered" in message_boxes[-1][2]
