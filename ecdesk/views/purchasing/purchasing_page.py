"""The Purchasing page: purchase orders filtered by status (or late), one order's lines and
totals beside them, and the actions: new order, edit, send, receive (with scanning), close,
cancel, print as PDF or XLSX, return received goods of one or more lines to the supplier, and
the reorder suggestions."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.page import Page
from ecdesk.services.common.search_registry import SearchHit
from ecdesk.services.purchasing import purchase_orders
from ecdesk.services.purchasing.document import write_purchase_order
from ecdesk.services.purchasing.queries import (
    OrderFilter,
    PurchaseOrderLineRow,
    PurchaseOrderRow,
    PurchaseOrderView,
    list_purchase_orders,
    purchase_order_view,
)
from ecdesk.views.purchasing.labels import status_label
from ecdesk.views.purchasing.order_editor import OrderEditor
from ecdesk.views.purchasing.purchase_orders_model import PurchaseOrdersModel
from ecdesk.views.purchasing.receive_dialog import ReceiveDialog
from ecdesk.views.purchasing.return_dialog import ReturnDialog, returnable
from ecdesk.views.purchasing.suggestions_dialog import SuggestionsDialog
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.list_table_model import ListTableModel
from ecdesk.views.widgets.locale_format import amount, day, integer
from ecdesk.views.widgets.operations import explain_refusal
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import paged_table_view, set_column_widths

OPEN = ("draft", "sent", "partly_received")
STATUS_FILTERS = [
    (QT_TRANSLATE_NOOP("PurchasingPage", "Open"), OPEN),
    (QT_TRANSLATE_NOOP("PurchasingPage", "Late"), "late"),
    (QT_TRANSLATE_NOOP("PurchasingPage", "All"), ()),
    (QT_TRANSLATE_NOOP("PurchasingPage", "Draft"), ("draft",)),
    (QT_TRANSLATE_NOOP("PurchasingPage", "Sent"), ("sent",)),
    (QT_TRANSLATE_NOOP("PurchasingPage", "Partly received"), ("partly_received",)),
    (QT_TRANSLATE_NOOP("PurchasingPage", "Received"), ("received",)),
    (QT_TRANSLATE_NOOP("PurchasingPage", "Closed"), ("closed",)),
    (QT_TRANSLATE_NOOP("PurchasingPage", "Cancelled"), ("cancelled",)),
]
SEARCH_DELAY_MS = 200


class PurchasingPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.PURCHASING, ChangeArea.CATALOG, ChangeArea.SETTINGS})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loaded = False
        self.view: PurchaseOrderView | None = None
        self.model = PurchaseOrdersModel(self._load, context.zone, self)
        self.model.total_changed.connect(
            lambda total: self.count_label.setText(self.tr("%n order(s)", "", total)))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._build()
        context.listen(self, self._on_changed)
        context.clock.day_changed.connect(self.refresh)  # "late" turns with the day

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search PO number or supplier…"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.status_filter = QComboBox()
        for label, value in STATUS_FILTERS:
            self.status_filter.addItem(self.tr(label), value)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_filter, 1)
        self.table = paged_table_view(self.model, 0)
        self.table.setSortingEnabled(False)
        set_column_widths(self.table, (110, 170, 120, 120, 90, 50, 60, 70))
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_order())
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextFormat(Qt.TextFormat.RichText)
        self.lines_model: ListTableModel[PurchaseOrderLineRow] = ListTableModel([
            (self.tr("SKU"), lambda r: r.sku, False),
            (self.tr("Product"), lambda r: r.title, False),
            (self.tr("Ordered"), lambda r: integer(r.quantity), True),
            (self.tr("Unit cost"), lambda r: amount(r.unit_cost), True),
            (self.tr("Received"), lambda r: integer(r.received), True),
            (self.tr("Rejected"), lambda r: integer(r.rejected), True),
            (self.tr("Returned"), lambda r: integer(r.returned), True),
            (self.tr("Still expected"), lambda r: integer(r.still_expected), True)], self)
        self.lines_table = lines = QTableView()
        lines.setModel(self.lines_model)
        lines.verticalHeader().setVisible(False)
        lines.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        lines.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lines.selectionModel().selectionChanged.connect(lambda *_args: self._enable_actions())
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(lines, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([420, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(splitter, 1)
        self._enable_actions()

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name = {}
        for name, text, keys, slot in (
                ("new", self.tr("New order…"), "Ctrl+Shift+N", self.new_order),
                ("suggest", self.tr("Suggestions…"), "Ctrl+Shift+G", self.show_suggestions),
                ("edit", self.tr("Edit…"), "Ctrl+E", self.edit_order),
                ("send", self.tr("Send"), "Ctrl+Shift+S", lambda: self._state("send")),
                ("receive", self.tr("Receive…"), "Ctrl+R", self.receive),
                ("return", self.tr("Return to supplier…"), "Ctrl+Shift+R",
                 self.return_goods),
                ("close", self.tr("Close"), "Ctrl+Shift+C", lambda: self._state("close")),
                ("cancel", self.tr("Cancel order"), "Ctrl+Shift+X",
                 lambda: self._state("cancel")),
                ("print", self.tr("PDF / XLSX…"), "Ctrl+P", self.print_order)):
            action = page_action(self, text, keys, slot)
            self.actions_by_name[name] = action
            toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding,
                             spacer.sizePolicy().Policy.Preferred)
        toolbar.addWidget(spacer)
        self.count_label = QLabel()
        toolbar.addWidget(self.count_label)
        return toolbar

    # -- data ------------------------------------------------------------------------------
    def _load(self, query: OrderFilter, offset: int, limit: int) -> Page[PurchaseOrderRow]:
        return list_purchase_orders(self.context.uow(), query, offset=offset, limit=limit)

    def current_filter(self) -> OrderFilter:
        value = self.status_filter.currentData()
        if value == "late":
            return OrderFilter(late_only=True, search=self.search.text())
        return OrderFilter(tuple(value), search=self.search.text())

    def load(self) -> None:
        self.loaded = True
        self.refresh()

    def refresh(self) -> None:
        if not self.loaded:
            return
        number = self.view.row.number if self.view else None
        self.model.set_query(self.current_filter())
        self._select(number)

    def _select(self, number: str | None) -> None:
        rows = [n for n in range(self.model.rowCount()) if self.model.row_at(n).number == number]
        if rows:
            self.table.selectRow(rows[0])
        else:
            self.table.clearSelection()
            self._show_order(None)

    def _on_changed(self, _change: Changed) -> None:
        self.refresh()

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show_order(self.model.row_at(rows[0].row()).number if rows else None)

    def _show_order(self, number: str | None) -> None:
        self.view = purchase_order_view(self.context.uow(), number) if number else None
        self.lines_model.set_rows(self.view.lines if self.view else [])
        self.detail_title.setText(self._describe(self.view) if self.view else
                                  self.tr("Select a purchase order to see its lines."))
        self._enable_actions()

    def _describe(self, view: PurchaseOrderView) -> str:
        row = view.row
        parts = [f"<b>{row.number}</b> · {row.supplier_name} · {status_label(row.status.value)}"]
        if row.expected_on:
            parts.append(self.tr("expected %s") % day(row.expected_on)
                         + (" <span style='color:#b3261e'>" + self.tr("late") + "</span>"
                            if row.late else ""))
        money = (self.tr("Goods %1 + shipping %2 + other %3 = <b>%4</b>")
                 .replace("%1", amount(view.goods_total, row.currency))
                 .replace("%2", amount(view.shipping_cost, row.currency))
                 .replace("%3", amount(view.other_costs, row.currency))
                 .replace("%4", amount(view.total, row.currency)))
        if view.credit:
            money += " · " + self.tr("credited for returns %s") % amount(
                view.credit, row.currency)
        notes = f"<br>{view.notes}" if view.notes else ""
        return " · ".join(parts) + "<br>" + money + notes

    def _enable_actions(self) -> None:
        status = self.view.row.status.value if self.view else None
        allowed = {"edit": status in OPEN, "send": status == "draft",
                   "receive": status in ("sent", "partly_received", "received"),
                   "close": status in ("partly_received", "received"),
                   "cancel": status in ("draft", "sent"), "print": status is not None,
                   "return": status in ("partly_received", "received", "closed")
                   and self.view is not None
                   and any(returnable(line) for line in self.view.lines)}
        for name, enabled in allowed.items():
            self.actions_by_name[name].setEnabled(enabled)

    def selected_line(self) -> PurchaseOrderLineRow | None:
        """The line selected below the orders, if it has goods that can go back."""
        rows = self.lines_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.lines_model.rowCount():
            return None
        line = self.lines_model.row_at(rows[0].row())
        return line if returnable(line) > 0 else None

    def show_target(self, hit: SearchHit) -> None:
        """Show the purchase order a search hit names, whatever the filters were."""
        self.loaded = True
        self.status_filter.blockSignals(True)
        self.status_filter.setCurrentIndex(2)  # All
        self.status_filter.blockSignals(False)
        self.search.setText(hit.find_text)
        self.refresh()
        self._select(hit.find_text)

    # -- actions ---------------------------------------------------------------------------
    def new_order(self) -> None:
        editor = OrderEditor(self.context, None, self)
        if editor.exec():
            self.status_filter.setCurrentIndex(0)
            self.refresh()
            self._select(editor.number)

    def edit_order(self) -> None:
        if self.view is not None and self.view.row.status.value in OPEN:
            OrderEditor(self.context, self.view, self).exec()

    def show_suggestions(self) -> None:
        dialog = SuggestionsDialog(self.context, self)
        if dialog.exec() and dialog.created:
            self.status_filter.setCurrentIndex(0)
            self.refresh()
            self._select(dialog.created[0])

    def receive(self) -> None:
        if self.view is not None:
            ReceiveDialog(self.context, self.view, self).exec()

    def return_goods(self) -> None:
        """Send goods of the order back; the line selected below (if it has any to send)
        starts with one unit."""
        if self.view is not None:
            ReturnDialog(self.context, self.view, self.selected_line(), self).exec()

    def _state(self, action: str) -> None:
        if self.view is None:
            return
        number = self.view.row.number
        questions = {"close": self.tr("Close %s? What has not arrived is cancelled."),
                     "cancel": self.tr("Cancel %s? Nothing of it will be expected.")}
        if action in questions and QMessageBox.question(
                self, self.tr("Purchase order"), questions[action] % number
        ) != QMessageBox.StandardButton.Yes:
            return
        service = {"send": purchase_orders.send_purchase_order,
                   "close": purchase_orders.close_purchase_order,
                   "cancel": purchase_orders.cancel_purchase_order}[action]
        self.context.write(self, service, number)

    def print_order(self) -> None:
        if self.view is None:
            return
        number = self.view.row.number
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save purchase order"), str(Path.home() / f"{number}.pdf"),
            self.tr("PDF (*.pdf);;Excel (*.xlsx)"))
        if not path:
            return
        try:
            write_purchase_order(self.context.uow(), number, Path(path))
        except EcdeskError as error:
            explain_refusal(self, error, self.tr("Not written"))
            return
        self.context.status_message.emit(self.tr("Wrote %s") % path)
