"""Reorder suggestions to review: what the alerts say to order, by preferred supplier, with the
quantity to order editable; "Create drafts" makes one draft purchase order per supplier. The
suggestions are computed on a worker (the alerts' whole pass)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError
from ecdesk.services.purchasing.suggestions import (
    SuggestedLine,
    SuggestedOrder,
    Suggestions,
    create_draft_orders,
    suggest_purchase_orders,
)
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import integer
from ecdesk.views.widgets.operations import explain_refusal
from ecdesk.views.widgets.workers import Job

AnyIndex = QModelIndex | QPersistentModelIndex
HEADINGS = ("Supplier", "SKU", "Product", "Why", "Projected", "Max", "MOQ", "Pack", "EOQ",
            "Order", "Unit cost")
ORDER = HEADINGS.index("Order")
WHY = {"negative_stock": "Negative stock", "out_of_stock": "Out of stock",
       "stockout_risk": "Runs out within lead time", "below_reorder": "Below reorder point"}


class SuggestionsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.rows: list[tuple[SuggestedOrder | None, SuggestedLine]] = []

    def set_suggestions(self, suggestions: Suggestions) -> None:
        self.beginResetModel()
        self.rows = [(order, line) for order in suggestions.orders for line in order.lines]
        self.rows += [(None, line) for line in suggestions.without_supplier]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADINGS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        order = self.rows[index.row()][0] if index.isValid() else None
        if index.column() == ORDER and order is not None:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        order, line = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            supplier = (f"{order.supplier_name} ({order.currency})" if order
                        else self.tr("(no preferred supplier)"))
            values = (supplier, line.sku, line.title, self.tr(WHY.get(line.why.value, "")),
                      line.projected, line.max_level, line.min_order_qty, line.pack_multiple,
                      line.eoq or "", line.quantity,
                      "" if line.unit_cost is None else str(line.unit_cost))
            value = values[index.column()]
            return value if role == Qt.ItemDataRole.EditRole else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != ORDER or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        if quantity < 0:
            return False
        order, line = self.rows[index.row()]
        self.rows[index.row()] = (order, replace(line, quantity=quantity))
        self.dataChanged.emit(index, index)
        return True

    def reviewed(self) -> list[SuggestedOrder]:
        """The orders with the quantities as the user left them."""
        by_supplier: dict[int, list[SuggestedLine]] = {}
        orders: dict[int, SuggestedOrder] = {}
        for order, line in self.rows:
            if order is not None:
                orders[order.supplier_id] = order
                by_supplier.setdefault(order.supplier_id, []).append(line)
        return [replace(orders[sid], lines=tuple(lines)) for sid, lines in by_supplier.items()]


class SuggestionsDialog(QDialog):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Reorder suggestions"))
        self.resize(1000, 560)
        self.model = SuggestionsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self.tr("Working out what to order…"))
        self.rates = QLineEdit(placeholderText=self.tr(
            "Exchange rates for suppliers in other currencies, e.g. USD=7.20 EUR=7.80 "
            "(default: the newest order's)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.create = buttons.addButton(self.tr("Create draft orders"),
                                        QDialogButtonBox.ButtonRole.AcceptRole)
        self.create.setEnabled(False)
        self.create.clicked.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.rates)
        layout.addWidget(buttons)
        self.created: list[str] = []
        self.job = Job(lambda _progress: suggest_purchase_orders(context.uow()), self)
        self.job.signals.finished.connect(self._show)
        self.job.signals.failed.connect(lambda error: self.summary.setText(str(error)))
        self.job.start()

    def _show(self, suggestions: Suggestions) -> None:
        self.model.set_suggestions(suggestions)
        self.table.resizeColumnsToContents()
        self.summary.setText(self.tr("%1 SKUs checked: %2 to order from %3 suppliers, %4 "
                                     "without a preferred supplier. Edit the Order column, then "
                                     "create the drafts.")
                             .replace("%1", integer(suggestions.skus_checked))
                             .replace("%2", str(sum(len(o.lines) for o in suggestions.orders)))
                             .replace("%3", str(len(suggestions.orders)))
                             .replace("%4", str(len(suggestions.without_supplier))))
        self.create.setEnabled(bool(suggestions.orders))

    def _rates(self) -> dict[str, Decimal]:
        rates = {}
        for part in self.rates.text().split():
            currency, _sep, value = part.partition("=")
            try:
                rates[currency.strip().upper()] = Decimal(value)
            except InvalidOperation:
                continue
        return rates

    def _create(self) -> None:
        try:
            self.created, changed = create_draft_orders(self.context.uow(), self.model.reviewed(),
                                                        rates=self._rates())
        except EcdeskError as error:
            explain_refusal(self, error, self.tr("No orders created"))
            return
        self.context.broadcast(changed)
        self.accept()
