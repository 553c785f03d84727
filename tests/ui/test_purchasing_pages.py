"""The Suppliers and Purchasing pages on the demo shop: lists, details, receiving by scanning,
suggestions, and the model contracts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ecdesk.services.purchasing.queries import PurchaseOrderView, purchase_order_view
from ecdesk.views.purchasing.purchasing_page import PurchasingPage
from ecdesk.views.purchasing.receive_dialog import ReceiveDialog
from ecdesk.views.purchasing.return_dialog import ReturnDialog, returnable
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.suppliers.suppliers_page import SuppliersPage


@pytest.fixture
def purchasing(qtbot: QtBot, context: ShopContext) -> PurchasingPage:
    page = PurchasingPage(context)
    qtbot.addWidget(page)
    page.load()
    return page


def test_the_purchasing_page_lists_the_open_orders_and_shows_one_with_its_lines(
        purchasing: PurchasingPage, qtbot: QtBot) -> None:
    ModelTester(None).check(purchasing.model)
    statuses = {purchasing.model.row_at(n).status.value
                for n in range(purchasing.model.rowCount())}
    assert statuses <= {"draft", "sent", "partly_received"} and "sent" in statuses
    purchasing.table.selectRow(0)
    assert purchasing.view is not None
    assert purchasing.lines_model.rowCount() == len(purchasing.view.lines) > 0
    assert purchasing.view.row.number in purchasing.detail_title.text()


def test_the_late_filter_shows_only_orders_past_their_expected_day(
        purchasing: PurchasingPage) -> None:
    purchasing.status_filter.setCurrentIndex(1)  # Late
    rows = [purchasing.model.row_at(n) for n in range(purchasing.model.rowCount())]
    assert rows and all(row.late for row in rows)


def test_receiving_by_scanning_books_one_unit_a_scan(
        purchasing: PurchasingPage, context: ShopContext, qtbot: QtBot) -> None:
    purchasing.status_filter.setCurrentIndex(4)  # Sent
    number = purchasing.model.row_at(0).number
    view = purchase_order_view(context.uow(), number)
    dialog = ReceiveDialog(context, view)
    qtbot.addWidget(dialog)
    sku = view.lines[0].sku
    for _ in range(3):
        qtbot.keyClicks(dialog.scan, sku.lower())
        dialog.scan.returnPressed.emit()
    qtbot.keyClicks(dialog.scan, "NOT-A-SKU")
    dialog.scan.returnPressed.emit()
    assert "NOT-A-SKU is not on this order" in dialog.scan_result.text()
    dialog._book()
    after = purchase_order_view(context.uow(), number)
    assert after.lines[0].received == 3
    assert after.row.status.value == "partly_received" or after.lines[0].still_expected == 0


def _loaded_suppliers_page(qtbot: QtBot, context: ShopContext) -> SuppliersPage:
    page = SuppliersPage(context)
    qtbot.addWidget(page)
    page.load()
    qtbot.waitUntil(lambda: not page.scores_loading, timeout=20_000)
    return page


def test_the_suppliers_page_shows_a_supplier_its_items_and_scorecards(
        qtbot: QtBot, context: ShopContext) -> None:
    page = _loaded_suppliers_page(qtbot, context)
    ModelTester(None).check(page.model)
    assert page.model.rowCount() == 5 and page.detail is not None
    assert page.items_model.rowCount() > 0
    assert page.detail.supplier.name in page.details.text()
    assert page.scores_model.rowCount() == 5
    sku = page.items_model.row_at(0).sku
    page.quote_sku.setText(sku)
    page._compare()
    assert page.quotes_model.rowCount() >= 1
    quote = page.quotes_model.row_at(0)
    scores = {card.supplier_name: card.score for card in page.scores_model.rows}
    assert quote.score is not None and quote.supplier_name in scores


def test_the_scorecard_shows_the_selected_suppliers_score_by_month_as_a_chart(
        qtbot: QtBot, context: ShopContext) -> None:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    page = _loaded_suppliers_page(qtbot, context)
    page.period.setCurrentIndex(1)  # Last 12 months
    qtbot.waitUntil(lambda: not page.scores_loading, timeout=20_000)
    page.scores_table.selectRow(1)
    card = page.scores_model.row_at(1)
    assert isinstance(page.trend_canvas, FigureCanvasQTAgg)
    assert card.supplier_name in page.trend_box.title()
    [axes] = page.trend_canvas.figure.axes
    trend = page.trends[card.supplier_id]
    assert len(axes.get_xticklabels()) == len(trend.months) >= 12
    drawn = list(axes.lines[0].get_ydata())
    assert drawn[-1] == (float(trend.months[-1].score) if trend.months[-1].score is not None
                         else pytest.approx(float("nan"), nan_ok=True))


def test_the_scorecards_are_computed_off_the_gui_thread_and_the_page_stays_usable(
        qtbot: QtBot, context: ShopContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scorecards wait on a worker (held here by an event) while the GUI thread selects
    another supplier and compares quotes; once released, the latest period's cards arrive."""
    import threading

    from ecdesk.views.suppliers import suppliers_page

    release, threads = threading.Event(), []
    real = suppliers_page.read_scorecards

    def held(*args: object) -> object:
        threads.append(threading.current_thread())
        assert release.wait(20), "the test never released the worker"
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(suppliers_page, "read_scorecards", held)
    page = SuppliersPage(context)
    qtbot.addWidget(page)
    page.load()
    qtbot.waitUntil(lambda: bool(threads))
    assert page.scores_loading and "Computing" in page.scores_note.text()
    assert threads[0] is not threading.main_thread()
    page.table.selectRow(1)  # the GUI thread answers while the scorecards are computed
    assert page.detail is not None and page.detail.supplier.name in page.details.text()
    page.quote_sku.setText(page.items_model.row_at(0).sku)
    page._compare()
    assert page.quotes_model.rowCount() >= 1
    page.period.setCurrentIndex(2)  # Last 30 days: the 90 days' answer is no longer wanted
    release.set()
    qtbot.waitUntil(lambda: not page.scores_loading, timeout=20_000)
    assert page.scores_model.rowCount() == 5
    today = context.clock.today()
    assert (today - timedelta(days=29)).isoformat() in page.scores_note.text()


def _received_order(purchasing: PurchasingPage) -> PurchaseOrderView:
    """A closed order of the demo's year of deliveries with two lines that can go back."""
    purchasing.status_filter.setCurrentIndex(7)  # Closed
    for row in range(purchasing.model.rowCount()):
        purchasing.table.selectRow(row)
        assert purchasing.view is not None
        if sum(returnable(line) >= 2 for line in purchasing.view.lines) >= 2:
            return purchasing.view
    raise AssertionError("the demo has no order with two received lines to return")


def test_returning_goods_of_several_lines_books_them_at_once_and_credits_each(
        purchasing: PurchasingPage, context: ShopContext, qtbot: QtBot) -> None:
    view = _received_order(purchasing)
    assert purchasing.actions_by_name["return"].isEnabled()
    first, second = [line for line in view.lines if returnable(line) >= 2][:2]
    purchasing.lines_table.selectRow(view.lines.index(second))
    dialog = ReturnDialog(context, view, purchasing.selected_line(), purchasing)
    qtbot.addWidget(dialog)
    assert [line.sku for line in dialog.model.returned()] == [second.sku]  # one unit to start
    ModelTester(None).check(dialog.model)
    dialog.model.set_units(first.sku, 2)
    dialog.model.set_units(second.sku, 2)
    dialog.save()
    assert "required" in dialog.reason_problem.text()
    assert dialog.reason_problem.isVisibleTo(dialog)
    assert purchase_order_view(context.uow(), view.row.number).credit == view.credit
    qtbot.keyClicks(dialog.reason, "cracked glaze")
    assert dialog.reason_problem.text() == ""  # edited: the old refusal is gone
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    after = purchase_order_view(context.uow(), view.row.number)
    returned = {line.sku: line.returned for line in after.lines}
    assert (returned[first.sku], returned[second.sku]) == (first.returned + 2,
                                                           second.returned + 2)
    assert after.credit == view.credit + 2 * first.unit_cost + 2 * second.unit_cost


def test_returning_more_than_is_left_on_one_line_refuses_every_line_and_says_which(
        purchasing: PurchasingPage, context: ShopContext, qtbot: QtBot) -> None:
    view = _received_order(purchasing)
    first, second = [line for line in view.lines if returnable(line) >= 2][:2]
    dialog = ReturnDialog(context, view, None, purchasing)
    qtbot.addWidget(dialog)
    assert dialog.model.returned() == []  # nothing chosen yet
    dialog.model.set_units(first.sku, 1)
    row = dialog.model.set_units(second.sku, returnable(second) + 1)
    qtbot.keyClicks(dialog.reason, "cracked glaze")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "to return, but only" in dialog.lines_problem.text()
    assert second.sku in dialog.lines_problem.text()
    assert row is not None
    assert "to return, but only" in dialog.model.data(dialog.model.index(row, 5),
                                                      Qt.ItemDataRole.ToolTipRole)
    after = purchase_order_view(context.uow(), view.row.number)
    assert [line.returned for line in after.lines] == [line.returned for line in view.lines]
