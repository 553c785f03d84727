"""The lines of an order being typed: SKU (with suggestions), quantity, unit price, discount.

A SKU brings its product title, a quantity of 1 and the channel's price (the catalog's price
stays "the catalog's" until the user types one, so a change of channel reprices it). A catalog
price follows the quantity too: a line reaching a quantity tier (阶梯定价) takes the tier's price,
and its product cell names the tier. An empty
line always waits at the end; blank lines are not part of the order. Line totals are shown
only for lines that pass the service's own check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.money import parse_amount
from ecdesk.services.orders.dto import OrderLineDraft
from ecdesk.services.orders.form_queries import SkuChoice
from ecdesk.services.orders.validation import check_line, line_total
from ecdesk.views.widgets.forms import mark_cells
from ecdesk.views.widgets.locale_format import amount
from ecdesk.views.widgets.sku_completer import SkuDelegate, Suggest

LINE_COLUMNS = [
    QT_TRANSLATE_NOOP("OrderLinesEditor", "SKU"),
    QT_TRANSLATE_NOOP("OrderLinesEditor", "Product"),
    QT_TRANSLATE_NOOP("OrderLinesEditor", "Quantity"),
    QT_TRANSLATE_NOOP("OrderLinesEditor", "Unit price"),
    QT_TRANSLATE_NOOP("OrderLinesEditor", "Discount"),
    QT_TRANSLATE_NOOP("OrderLinesEditor", "Line total"),
]
SKU, PRODUCT, QUANTITY, PRICE, DISCOUNT, TOTAL = range(len(LINE_COLUMNS))
TYPED_COLUMNS = (SKU, QUANTITY, PRICE, DISCOUNT)
FIELD_COLUMN = {"SKU": SKU, "Quantity": QUANTITY, "Unit price": PRICE, "Discount": DISCOUNT}
CATALOG_PRICE = Qt.ItemDataRole.UserRole  # on a price cell: True while it is the catalog's price
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WHOLE_NUMBER = re.compile(r"\s*\d+\s*")
Choose = Callable[[str], SkuChoice | None]


class OrderLinesEditor(QWidget):
    edited = Signal()  # the user changed a line

    def __init__(self, choose: Choose, suggest: Suggest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose = choose
        self._filling = False  # our own cell changes are not the user's edits
        self.table = QTableWidget(0, len(LINE_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in LINE_COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((SKU, 150), (QUANTITY, 75), (PRICE, 95), (DISCOUNT, 85),
                              (TOTAL, 105)):
            self.table.setColumnWidth(column, width)
        self.table.setItemDelegateForColumn(SKU, SkuDelegate(suggest, self.table))
        self.table.itemChanged.connect(self._on_item_changed)
        remove = QPushButton(self.tr("Remove line"))
        remove.clicked.connect(self.remove_current_line)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Type or pick a SKU; a new line opens below."),
                                 styleSheet="color: #6a6a6a;"))
        buttons.addStretch(1)
        buttons.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._add_line()

    # -- rows ------------------------------------------------------------------------------
    def _add_line(self) -> None:
        self._filling, was_filling = True, self._filling
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(len(LINE_COLUMNS)):
            item = QTableWidgetItem("")
            if column in (PRODUCT, TOTAL):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if column not in (SKU, PRODUCT):
                item.setTextAlignment(RIGHT)
            self.table.setItem(row, column, item)
        self._filling = was_filling

    def set_line(self, row: int, sku: str = "", quantity: str = "", unit_price: str = "",
                 discount: str = "") -> None:
        """Type a whole line (tests and pasting); only the given cells change."""
        while self.table.rowCount() <= row:
            self._add_line()
        for column, text in ((SKU, sku), (QUANTITY, quantity), (PRICE, unit_price),
                             (DISCOUNT, discount)):
            if text:
                self.table.item(row, column).setText(text)

    def remove_current_line(self) -> None:
        row = self.table.currentRow()
        if row < 0 or (row == self.table.rowCount() - 1 and self.is_blank(row)):
            return  # the empty line at the end stays for the next SKU
        self.table.removeRow(row)
        self.edited.emit()

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def is_blank(self, row: int) -> bool:
        return not any(self.text(row, column) for column in TYPED_COLUMNS)

    def filled_rows(self) -> list[int]:
        return [row for row in range(self.table.rowCount()) if not self.is_blank(row)]

    # -- the catalog's part ----------------------------------------------------------------
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        self._filling = True
        if item.column() == SKU or (item.column() == QUANTITY and self.table.item(
                item.row(), PRICE).data(CATALOG_PRICE)):
            self._fill_from_catalog(item.row())
        elif item.column() == PRICE:
            item.setData(CATALOG_PRICE, False)  # typed by the user: keep it
        if not self.is_blank(self.table.rowCount() - 1):
            self._add_line()
        self._filling = False
        self.edited.emit()

    def _fill_from_catalog(self, row: int) -> None:
        """Product title, a quantity of 1 and the channel's price for the SKU just entered (its
        quantity tier's for the line's quantity)."""
        choice = self._choose(self.text(row, SKU))
        self.table.item(row, PRODUCT).setText(choice.title if choice else "")
        if choice is None:
            return
        if not self.text(row, QUANTITY):
            self.table.item(row, QUANTITY).setText("1")
        price = self.table.item(row, PRICE)
        if not price.text().strip() or price.data(CATALOG_PRICE):
            quantity = self._quantity(row)
            tier = choice.tier(quantity) if isinstance(quantity, int) else None
            price.setText(str(choice.price if tier is None else tier.price))
            price.setData(CATALOG_PRICE, True)
            if tier is not None:
                self.table.item(row, PRODUCT).setText(f"{choice.title} · {tier.label}")

    def reprice(self) -> None:
        """The channel changed: prices that came from the catalog follow it; typed ones stay."""
        self._filling = True
        for row in range(self.table.rowCount()):
            if self.text(row, SKU) and self.table.item(row, PRICE).data(CATALOG_PRICE):
                self._fill_from_catalog(row)
        self._filling = False

    # -- what was typed --------------------------------------------------------------------
    def line_draft(self, row: int) -> OrderLineDraft:
        return OrderLineDraft(sku=self.text(row, SKU), quantity=self._quantity(row),
                              unit_price=self.text(row, PRICE),
                              discount=self.text(row, DISCOUNT) or "0")

    def _quantity(self, row: int) -> Any:
        """A whole number, or the text as typed so that the check can quote it."""
        text = self.text(row, QUANTITY)
        return int(text) if WHOLE_NUMBER.fullmatch(text) else text

    def line_total(self, row: int) -> Decimal | None:
        """The line's total, when the line passes the service's own check."""
        line = self.line_draft(row)
        if self.is_blank(row) or check_line(line, row + 1):
            return None
        return line_total(line.quantity, parse_amount(line.unit_price or "0"),
                          parse_amount(line.discount or "0"))

    def show_totals(self) -> Decimal:
        """Fill in every line's total; return the goods total of the lines that have one."""
        goods = Decimal("0.00")
        self._filling = True
        for row in range(self.table.rowCount()):
            total = self.line_total(row)
            self.table.item(row, TOTAL).setText("" if total is None else amount(total))
            goods += total or 0
        self._filling = False
        return goods

    def fee_bases(self) -> tuple[Decimal, int]:
        """The goods before the lines' discounts and the units, over the lines that have a
        total: what a channel charging before discounts, or per unit, bills on."""
        before, units = Decimal("0.00"), 0
        for row in range(self.table.rowCount()):
            if self.line_total(row) is None:
                continue
            line = self.line_draft(row)
            before += line_total(line.quantity, parse_amount(line.unit_price or "0"), Decimal(0))
            units += line.quantity
        return before, units

    def mark(self, problems: list[Problem]) -> None:
        """Colour the cells that have a problem and give the reason as their tooltip."""
        self._filling = True
        mark_cells(self.table, problems, FIELD_COLUMN, TYPED_COLUMNS)
        self._filling = False


