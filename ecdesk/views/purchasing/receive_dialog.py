"""Receiving a delivery: scan or type each unit's SKU or barcode (like the stock count), or type
the units accepted and rejected per line; then book it in one go."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError
from ecdesk.money import MoneyError, parse_amount
from ecdesk.services.purchasing.queries import PurchaseOrderLineRow, PurchaseOrderView
from ecdesk.services.purchasing.receiving import ReceivedLine, receive_purchase_order
from ecdesk.views.purchasing.line_units_model import LineUnitsModel
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.operations import explain_refusal

ACCEPTED, REJECTED = 3, 4


class ReceiveModel(LineUnitsModel):
    """The order's lines with the units to book; Accepted and Rejected are edited in place."""

    HEADINGS = (
        QT_TRANSLATE_NOOP("ReceiveModel", "SKU"),
        QT_TRANSLATE_NOOP("ReceiveModel", "Product"),
        QT_TRANSLATE_NOOP("ReceiveModel", "Expected"),
        QT_TRANSLATE_NOOP("ReceiveModel", "Accepted"),
        QT_TRANSLATE_NOOP("ReceiveModel", "Rejected"),
    )
    FIRST_EDITABLE = ACCEPTED

    def __init__(self, lines: tuple[PurchaseOrderLineRow, ...], parent: QWidget) -> None:
        super().__init__(list(lines), [[0, 0] for _ in lines], parent)

    def figures(self, row: int) -> tuple[object, ...]:
        line = self.lines[row]
        return line.sku, line.title, line.still_expected

    def add_one(self, code: str) -> int | None:
        """One more accepted unit of the line whose SKU or barcode is `code`; its row."""
        wanted = code.strip().lower()
        for row, line in enumerate(self.lines):
            if wanted in (line.sku.lower(), (line.barcode or "").lower()):
                self.units[row][0] += 1
                self.dataChanged.emit(self.index(row, ACCEPTED), self.index(row, ACCEPTED))
                return row
        return None

    def fill_expected(self) -> None:
        self.beginResetModel()
        self.units = [[line.still_expected, 0] for line in self.lines]
        self.endResetModel()

    def received(self) -> list[ReceivedLine]:
        return [ReceivedLine(line.sku, accepted, rejected)
                for line, (accepted, rejected) in zip(self.lines, self.units, strict=True)
                if accepted or rejected]


class ReceiveDialog(QDialog):
    def __init__(self, context: ShopContext, view: PurchaseOrderView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.view = context, view
        self.setWindowTitle(self.tr("Receive %s") % view.row.number)
        self.resize(760, 520)
        self.model = ReceiveModel(view.lines, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.scan = QLineEdit(placeholderText=self.tr("Scan or type a SKU or barcode, Enter"))
        self.scan.returnPressed.connect(self._scanned)
        self.scan_result = QLabel()
        self.reference = QLineEdit(placeholderText=self.tr("delivery note number"))
        self.shipping = QLineEdit("0.00")
        self.other = QLineEdit("0.00")
        form = QFormLayout()
        form.addRow(self.tr("Scan"), self.scan)
        form.addRow("", self.scan_result)
        form.addRow(self.tr("Delivery note"), self.reference)
        form.addRow(self.tr("This delivery's shipping (%s)") % context.settings.currency,
                    self.shipping)
        form.addRow(self.tr("This delivery's other costs (%s)") % context.settings.currency,
                    self.other)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        fill = buttons.addButton(self.tr("Everything expected"),
                                 QDialogButtonBox.ButtonRole.ActionRole)
        fill.clicked.connect(self.model.fill_expected)
        book = buttons.addButton(self.tr("Book receipt"), QDialogButtonBox.ButtonRole.AcceptRole)
        book.clicked.connect(self._book)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%1 from %2: type the units accepted and rejected, or "
                                        "scan each unit.").replace("%1", view.row.number)
                                .replace("%2", view.row.supplier_name)))
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.result_message = ""

    def _scanned(self) -> None:
        code = self.scan.text()
        row = self.model.add_one(code)
        if row is None:
            self.scan_result.setText(self.tr("%s is not on this order") % code.strip())
        else:
            self.table.selectRow(row)
            self.scan_result.setText(self.tr("%s: %d accepted") % (
                self.model.lines[row].sku, self.model.units[row][0]))
        self.scan.clear()

    def _amount(self, edit: QLineEdit) -> Decimal | None:
        try:
            return parse_amount(edit.text() or "0")
        except MoneyError as error:
            QMessageBox.warning(self, self.tr("Not booked"), str(error))
            return None

    def _book(self) -> None:
        shipping, other = self._amount(self.shipping), self._amount(self.other)
        if shipping is None or other is None:
            return
        try:
            result = receive_purchase_order(
                self.context.uow(), self.view.row.number, self.model.received(),
                reference=self.reference.text(), shipping_cost=shipping, other_costs=other)
        except EcdeskError as error:
            explain_refusal(self, error, self.tr("Not booked"))
            return
        self.context.broadcast(result.changed)
        self.result_message = result.changed.message
        self.accept()
