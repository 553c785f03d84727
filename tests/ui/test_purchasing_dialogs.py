"""The purchasing dialogs on the demo shop: the supplier (contract dates and evaluation), a
supplied SKU, the purchase order editor (lines in a draft, not once sent) and the reorder
suggestions (review, edit a quantity, create the drafts)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from ecdesk.services.purchasing.purchase_orders import send_purchase_order
from ecdesk.services.purchasing.queries import (
    list_suppliers,
    purchase_order_view,
    supplier_detail,
)
from ecdesk.views.purchasing.order_editor import OrderEditor
from ecdesk.views.purchasing.suggestions_dialog import ORDER, SuggestionsDialog
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.suppliers.supplier_dialog import ItemDialog, SupplierDialog


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What a refusal's message box would have said (a modal box would stop the test)."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *_a: said.append(text))
    return said


def _supplier_id(context: ShopContext, name: str) -> int:
    return next(row.id for row in list_suppliers(context.uow(), search=name).rows)


def test_the_supplier_dialog_saves_the_contract_dates_and_the_next_evaluation(
        qtbot: QtBot, context: ShopContext) -> None:
    dialog = SupplierDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.contract_from.text() == "—"  # not set
    qtbot.keyClicks(dialog.name, "Hangzhou Paper Co.")
    dialog.contract_from.setDate(QDate(2026, 1, 1))
    dialog.contract_to.setDate(QDate(2027, 12, 31))
    dialog.next_evaluation.setDate(QDate(2027, 6, 30))
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.saved_id is not None
    saved = supplier_detail(context.uow(), dialog.saved_id).supplier
    assert (saved.contract_from, saved.contract_to, saved.next_evaluation) == (
        date(2026, 1, 1), date(2027, 12, 31), date(2027, 6, 30))
    again = SupplierDialog(context, saved)
    qtbot.addWidget(again)
    assert again.contract_to.date() == QDate(2027, 12, 31)
    again.next_evaluation.setDate(again.next_evaluation.minimumDate())  # back to "—"
    again._save()
    assert supplier_detail(context.uow(), saved.id).supplier.next_evaluation is None


def test_a_contract_that_ends_before_it_starts_is_refused_under_its_dates(
        qtbot: QtBot, context: ShopContext) -> None:
    supplier = supplier_detail(context.uow(), list_suppliers(context.uow()).rows[0].id).supplier
    dialog = SupplierDialog(context, supplier)
    qtbot.addWidget(dialog)
    dialog.contract_from.setDate(QDate(2027, 1, 1))
    dialog.contract_to.setDate(QDate(2026, 12, 31))
    dialog._save()
    assert "ends before it starts" in dialog.contract_problem.text()
    assert dialog.contract_problem.isVisibleTo(dialog)
    assert dialog.result() != dialog.DialogCode.Accepted
    after = supplier_detail(context.uow(), supplier.id).supplier
    assert (after.contract_from, after.contract_to) == (supplier.contract_from,
                                                        supplier.contract_to)
    dialog.contract_to.setDate(QDate(2027, 12, 31))
    assert dialog.contract_problem.text() == ""  # edited: the old refusal is gone


def test_the_item_dialog_saves_a_supplied_sku_with_price_breaks_and_refuses_an_unknown_sku(
        qtbot: QtBot, context: ShopContext, refusals: list[str]) -> None:
    supplier_id = _supplier_id(context, "Pacific")
    detail = supplier_detail(context.uow(), supplier_id)
    sku = next(item.sku for other in list_suppliers(context.uow()).rows
               if other.id != supplier_id
               for item in supplier_detail(context.uow(), other.id).items
               if item.sku not in {i.sku for i in detail.items})
    dialog = ItemDialog(context, supplier_id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.sku, "NOT-A-SKU")
    qtbot.keyClicks(dialog.cost, "3.00")
    dialog._save()
    assert refusals == ["There is no SKU NOT-A-SKU"]
    dialog.sku.setText(sku)
    qtbot.keyClicks(dialog.breaks, "50=2.80 100=2.50")
    dialog.moq.setValue(20)
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted
    [item] = [i for i in supplier_detail(context.uow(), supplier_id).items if i.sku == sku]
    assert (str(item.unit_cost), item.min_order_qty) == ("3.00", 20)
    assert [(q, str(c)) for q, c in item.price_breaks] == [(50, "2.80"), (100, "2.50")]


def _new_draft(qtbot: QtBot, context: ShopContext, sku: str) -> str:
    editor = OrderEditor(context)
    qtbot.addWidget(editor)
    editor.supplier.setCurrentIndex(editor.supplier.findData(
        next(data for n in range(editor.supplier.count())
             if (data := editor.supplier.itemData(n))[1] == "CNY")))
    for column, text in enumerate((sku, "10", "4.50")):
        editor.lines.setItem(0, column, QTableWidgetItem(text))
    editor._save()
    assert editor.result() == editor.DialogCode.Accepted and editor.number
    return editor.number


def test_the_order_editor_edits_a_drafts_lines_and_only_the_date_and_notes_once_sent(
        qtbot: QtBot, context: ShopContext, refusals: list[str]) -> None:
    sku = supplier_detail(context.uow(), list_suppliers(context.uow()).rows[1].id).items[0].sku
    number = _new_draft(qtbot, context, sku)
    draft = OrderEditor(context, purchase_order_view(context.uow(), number))
    qtbot.addWidget(draft)
    assert draft.lines.isEnabled() and draft.supplier.isEnabled()
    draft.lines.item(0, 1).setText("25")
    draft._save()
    assert purchase_order_view(context.uow(), number).lines[0].quantity == 25
    stale = OrderEditor(context, purchase_order_view(context.uow(), number))
    qtbot.addWidget(stale)
    send_purchase_order(context.uow(), number)
    sent = OrderEditor(context, purchase_order_view(context.uow(), number))
    qtbot.addWidget(sent)
    assert not sent.lines.isEnabled() and not sent.supplier.isEnabled()
    sent.notes.setPlainText("call before delivery")
    sent._save()
    view = purchase_order_view(context.uow(), number)
    assert view.notes == "call before delivery" and view.lines[0].quantity == 25
    # An editor opened while it was a draft cannot change its lines now: the service refuses
    stale.lines.item(0, 1).setText("40")
    stale._save()
    assert refusals and stale.result() != stale.DialogCode.Accepted
    assert purchase_order_view(context.uow(), number).lines[0].quantity == 25


def test_the_suggestions_are_reviewed_a_quantity_edited_and_the_drafts_created(
        qtbot: QtBot, context: ShopContext) -> None:
    dialog = SuggestionsDialog(context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=30_000)
    assert dialog.create.isEnabled()
    row = next(n for n, (order, _line) in enumerate(dialog.model.rows) if order is not None)
    index = dialog.model.index(row, ORDER)
    assert dialog.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not dialog.model.setData(index, "-3")  # refused: stays as suggested
    assert dialog.model.setData(index, "37")
    order, line = dialog.model.rows[row]
    assert order is not None and line.quantity == 37
    dialog.rates.setText("USD=7.20")
    dialog._create()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(dialog.created) == len(dialog.model.reviewed())
    drafts = [purchase_order_view(context.uow(), number) for number in dialog.created]
    assert all(view.row.status.value == "draft" for view in drafts)
    [mine] = [view for view in drafts if view.row.supplier_id == order.supplier_id]
    assert {(ln.sku, ln.quantity) for ln in mine.lines} >= {(line.sku, 37)}
