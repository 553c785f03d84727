"""The product dialog's Prices tab: for the chosen SKU, each channel's price broken down (the
rule that sets it, each step, the channel's fees and the margin after them) and the SKU's price
history, newest first, whatever changed it (a rule, this dialog, an import, an undo)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError
from ecdesk.services.pricing.breakdown import explain_price
from ecdesk.services.pricing.history import price_history
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import amount, stamp
from ecdesk.views.widgets.price_breakdown import breakdown_html

HISTORY_ROWS = 200


class PricesTab(QWidget):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sku = QComboBox()
        self.sku.currentTextChanged.connect(self.show_sku)
        self.breakdowns = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.breakdowns.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.breakdowns.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.breakdowns)
        self.history = QTableWidget(0, 5)
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Channel"),
                                                self.tr("Old"), self.tr("New"),
                                                self.tr("Source")])
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setStretchLastSection(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(self.history)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("SKU")))
        row.addWidget(self.sku, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)

    def set_skus(self, skus: list[str]) -> None:
        current = self.sku.currentText()
        self.sku.blockSignals(True)
        self.sku.clear()
        self.sku.addItems([s for s in skus if s])
        self.sku.blockSignals(False)
        index = self.sku.findText(current)
        self.sku.setCurrentIndex(max(index, 0))
        self.show_sku(self.sku.currentText())

    def show_sku(self, sku: str) -> None:
        """The saved SKU's prices (what is typed in the dialog counts once it is saved)."""
        if not sku:
            self.breakdowns.setText(self.tr("Save the product to see its prices broken down."))
            self.history.setRowCount(0)
            return
        try:
            found = explain_price(self.context.uow(), sku)
        except EcdeskError as error:
            self.breakdowns.setText(html.escape(str(error)))
            self.history.setRowCount(0)
            return
        parts = [f"<h4>{html.escape(b.channel or self.tr('List price'))} · "
                 f"{html.escape(b.rule_name or self.tr('no rule'))}</h4>{breakdown_html(b)}"
                 for b in found]
        self.breakdowns.setText("".join(parts))
        self._show_history(sku)

    def _show_history(self, sku: str) -> None:
        changes = price_history(self.context.uow(), sku=sku, limit=HISTORY_ROWS)
        self.history.setRowCount(len(changes))
        for row, change in enumerate(changes):
            source = change.source_label + (f" · {change.rule_name}" if change.rule_name else "")
            cells = (stamp(change.at, self.context.zone),
                     change.channel or self.tr("List price"),
                     amount(change.old_price) or self.tr("list price"),
                     amount(change.new_price) or self.tr("list price"), source)
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))
