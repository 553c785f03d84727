"""A purchase order's editor: a new draft or a draft in full (supplier, lines, costs, rate);
a sent order only in its expected date and notes."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError
from ecdesk.money import MoneyError, parse_amount
from ecdesk.services.orders.form_queries import suggest_skus
from ecdesk.services.purchasing.purchase_orders import (
    LineDraft,
    PurchaseOrderDraft,
    create_purchase_order,
    update_purchase_order,
)
from ecdesk.services.purchasing.queries import PurchaseOrderView, list_suppliers
from ecdesk.services.stock.queries import find_count_line
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import date_pattern
from ecdesk.views.widgets.operations import explain_refusal
from ecdesk.views.widgets.sku_completer import SkuDelegate

ROWS = 12


class OrderEditor(QDialog):
    def __init__(self, context: ShopContext, view: PurchaseOrderView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.view = context, view
        self.draft = view is None or view.row.status.value == "draft"
        self.setWindowTitle(self.tr("New purchase order") if view is None
                            else self.tr("Purchase order %s") % view.row.number)
        self.resize(720, 600)
        self.supplier = QComboBox()
        for row in list_suppliers(context.uow(), limit=10_000).rows:
            self.supplier.addItem(f"{row.name} ({row.currency})", (row.id, row.currency))
        self.rate = QLineEdit(placeholderText=self.tr("shop currency per unit, e.g. 7.20"))
        self.expected = QDateEdit(calendarPopup=True)
        self.expected.setDisplayFormat(date_pattern())
        self.has_expected = QCheckBox(self.tr("Expected on"))
        self.shipping, self.other = QLineEdit("0.00"), QLineEdit("0.00")
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.lines = QTableWidget(ROWS, 3)
        self.lines.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Quantity"),
                                              self.tr("Unit cost")])
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.setItemDelegateForColumn(0, SkuDelegate(
            lambda text: suggest_skus(context.uow(), text, None), self.lines))
        form = QFormLayout()
        form.addRow(self.tr("Supplier"), self.supplier)
        form.addRow(self.tr("Exchange rate"), self.rate)
        form.addRow(self.has_expected, self.expected)
        form.addRow(self.tr("Shipping"), self.shipping)
        form.addRow(self.tr("Other costs"), self.other)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lines)
        if not self.draft:
            layout.addWidget(QLabel(self.tr("This order was sent: only its expected date and "
                                            "notes can change.")))
        more = QPushButton(self.tr("More lines"))
        more.clicked.connect(lambda: self.lines.setRowCount(self.lines.rowCount() + 5))
        layout.addWidget(more)
        layout.addWidget(buttons)
        self._fill(view)
        self.number = view.row.number if view else ""

    def _fill(self, view: PurchaseOrderView | None) -> None:
        self.expected.setDate(QDate.currentDate().addDays(14))
        if view is None:
            return
        row = view.row
        index = self.supplier.findData((row.supplier_id, row.currency))
        self.supplier.setCurrentIndex(max(index, 0))
        self.rate.setText(str(view.exchange_rate.normalize()))
        if row.expected_on:
            self.has_expected.setChecked(True)
            self.expected.setDate(QDate(row.expected_on.year, row.expected_on.month,
                                        row.expected_on.day))
        self.shipping.setText(str(view.shipping_cost))
        self.other.setText(str(view.other_costs))
        self.notes.setPlainText(view.notes)
        self.lines.setRowCount(max(ROWS, len(view.lines) + 3))
        for n, line in enumerate(view.lines):
            for column, text in enumerate((line.sku, str(line.quantity), str(line.unit_cost))):
                self.lines.setItem(n, column, QTableWidgetItem(text))
        for widget in (self.supplier, self.rate, self.shipping, self.other, self.lines):
            widget.setEnabled(self.draft)

    def _cell(self, row: int, column: int) -> str:
        item = self.lines.item(row, column)
        return item.text().strip() if item else ""

    def _line_drafts(self) -> list[LineDraft] | None:
        drafts = []
        for row in range(self.lines.rowCount()):
            sku = self._cell(row, 0)
            if not sku:
                continue
            found = find_count_line(self.context.uow(), sku)
            if found is None:
                QMessageBox.warning(self, self.tr("Not saved"),
                                    self.tr("Row %d: there is no SKU %s") % (row + 1, sku))
                return None
            quantity = self._cell(row, 1)
            try:
                cost = parse_amount(self._cell(row, 2) or "0")
            except MoneyError as error:
                QMessageBox.warning(self, self.tr("Not saved"), f"{row + 1}: {error}")
                return None
            drafts.append(LineDraft(found.variant_id, int(quantity) if quantity.isdigit()
                                    else quantity, cost))  # type: ignore[arg-type]
        return drafts

    def _amount(self, edit: QLineEdit) -> Decimal:
        return parse_amount(edit.text() or "0")

    def _save(self) -> None:
        expected = self.expected.date().toPython() if self.has_expected.isChecked() else None
        try:
            if self.view is not None and not self.draft:
                changed = update_purchase_order(self.context.uow(), self.number,
                                                expected_on=expected,  # type: ignore[arg-type]
                                                notes=self.notes.toPlainText())
            else:
                lines = self._line_drafts()
                if lines is None:
                    return
                rate = Decimal(self.rate.text()) if self.rate.text().strip() else None
                if self.view is None:
                    supplier_id, _currency = self.supplier.currentData()
                    self.number, changed = create_purchase_order(
                        self.context.uow(), PurchaseOrderDraft(
                            supplier_id, tuple(lines), exchange_rate=rate,
                            expected_on=expected, shipping_cost=self._amount(self.shipping),  # type: ignore[arg-type]
                            other_costs=self._amount(self.other),
                            notes=self.notes.toPlainText()))
                else:
                    changed = update_purchase_order(
                        self.context.uow(), self.number, expected_on=expected,  # type: ignore[arg-type]
                        notes=self.notes.toPlainText(), lines=lines,
                        shipping_cost=self._amount(self.shipping),
                        other_costs=self._amount(self.other), exchange_rate=rate)
        except (EcdeskError, MoneyError, ArithmeticError) as error:
            if isinstance(error, EcdeskError):
                explain_refusal(self, error, self.tr("Not saved"))
            else:
                QMessageBox.warning(self, self.tr("Not saved"), str(error))
            return
        self.context.broadcast(changed)
        self.accept()
