"""The fields of a promotion's type (its terms), one page per type in a stack: percent or
amount off, promotional price, 满减 tiers as an editable table, 多件多折 every nth unit at a
rate, a gift SKU with its quantity and threshold, a bundle's items as a table and its price.

Each page hands back the draft's text fields (services/promotions/draft.py) and has a problem
line under each field, keyed by the field's name as the service's problems give it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.i18n import _
from ecdesk.services.promotions.draft import PromotionDraft
from ecdesk.services.promotions.terms import Kind
from ecdesk.views.widgets.forms import ProblemLabel, problem_label, stacked

TERM_FIELDS = ("rate", "amount", "tiers", "every", "gift_sku", "gift_quantity", "threshold",
               "items")


class SkuCellDelegate(QStyledItemDelegate):
    """A cell edited as a SKU, with the SKU suggestions of the other SKU fields."""

    def __init__(self, attach_sku: Callable[[QLineEdit], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.attach_sku = attach_sku

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        edit = QLineEdit(parent)
        self.attach_sku(edit)
        return edit


class PairTable(QWidget):
    """Rows of two values ("200:30, 300:50"; "SKU-A:1, SKU-B:2") with Add and Remove; the
    first column is edited as a SKU when `attach_sku` is given."""

    def __init__(self, headers: tuple[str, str], add_text: str, changed: Callable[[], None],
                 parent: QWidget | None = None,
                 attach_sku: Callable[[QLineEdit], None] | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        if attach_sku is not None:
            self.table.setItemDelegateForColumn(0, SkuCellDelegate(attach_sku, self.table))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda _item: changed())
        add, remove = QPushButton(add_text), QPushButton(self.tr("Remove row"))
        add.clicked.connect(lambda: self.add_row("", ""))
        remove.clicked.connect(self._remove_row)
        remove.clicked.connect(changed)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, first: str, second: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(first))
        self.table.setItem(row, 1, QTableWidgetItem(second))

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        self.table.removeRow(row if row >= 0 else self.table.rowCount() - 1)

    def set_text(self, text: str) -> None:
        self.table.setRowCount(0)
        for part in (p.strip() for p in text.split(",")):
            if part:
                first, _colon, second = part.rpartition(":")
                self.add_row(first.strip(), second.strip())

    def text(self) -> str:
        """The rows as "a:b, c:d"; an empty row is left out, a half-filled one kept (and
        refused by the service with its reason)."""
        pairs = []
        for row in range(self.table.rowCount()):
            first, second = (self._cell(row, column) for column in (0, 1))
            if first or second:
                pairs.append(f"{first}:{second}")
        return ", ".join(pairs)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""


class TermsFields(QStackedWidget):
    """One page per type; `kind` picks the page shown."""

    def __init__(self, changed: Callable[[], None], attach_sku: Callable[[QLineEdit], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._changed = changed
        self.problems: dict[Kind, dict[str, ProblemLabel]] = {}
        self.percent_rate = self._line(self.tr("e.g. 20 for 20 % off"))
        self.off_amount = self._line(self.tr("taken off each item"))
        self.fixed_amount = self._line(self.tr("each item's price during the promotion"))
        self.tiers = PairTable((self.tr("Spend at least"), self.tr("Take off")),
                               self.tr("Add tier"), changed)
        self.every = QSpinBox(minimum=2, maximum=99, value=2)
        self.every.valueChanged.connect(lambda _value: changed())
        self.multi_rate = self._line(self.tr("50: that unit at half price; 100: free"))
        self.gift_sku = self._line(self.tr("the gift's SKU"))
        attach_sku(self.gift_sku)
        self.gift_quantity = QSpinBox(minimum=1, maximum=999, value=1)
        self.gift_quantity.valueChanged.connect(lambda _value: changed())
        self.threshold = self._line(self.tr("empty: with any purchase"))
        self.items = PairTable((self.tr("SKU"), self.tr("Units")), self.tr("Add item"), changed,
                               attach_sku=attach_sku)
        self.bundle_price = self._line(self.tr("the whole set's price"))
        pages: list[tuple[Kind, list[tuple[str, str, QWidget]]]] = [
            (Kind.PERCENT_OFF, [("Percent off", self.tr("Percent off each item"),
                                 self.percent_rate)]),
            (Kind.AMOUNT_OFF, [("Amount off", self.tr("Amount off each item"),
                                self.off_amount)]),
            (Kind.BASKET_TIERS, [("Tiers", self.tr("Tiers (满减)"), self.tiers)]),
            (Kind.MULTI_BUY, [("Every nth unit", self.tr("Every nth unit of a SKU"), self.every),
                              ("Percent off", self.tr("Percent off that unit"),
                               self.multi_rate)]),
            (Kind.GIFT, [("Gift SKU", self.tr("Gift SKU"), self.gift_sku),
                         ("Gift quantity", self.tr("Gift quantity"), self.gift_quantity),
                         ("Threshold", self.tr("When the basket reaches"), self.threshold)]),
            (Kind.BUNDLE, [("Bundle items", self.tr("Items in the bundle"), self.items),
                           ("Bundle price", self.tr("Bundle price"), self.bundle_price)]),
            (Kind.FIXED_PRICE, [("Promotional price", self.tr("Promotional price"),
                                 self.fixed_amount)]),
        ]
        self._pages: dict[Kind, int] = {}
        for kind, rows in pages:
            self._pages[kind] = self.addWidget(self._page(kind, rows))

    def _line(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(placeholderText=placeholder)
        edit.textEdited.connect(lambda _text: self._changed())
        return edit

    def _page(self, kind: Kind, rows: list[tuple[str, str, QWidget]]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        labels = self.problems[kind] = {}
        for field, text, widget in rows:
            label = labels[field] = problem_label()
            form.addRow(text, stacked(widget, label))
        if kind is Kind.MULTI_BUY:
            form.addRow(QLabel(self.tr("2nd at half price: every 2, 50 %. 3 for 2: every 3, "
                                       "100 %."), wordWrap=True))
        return page

    def show_kind(self, kind: Kind) -> None:
        self.setCurrentIndex(self._pages[kind])

    def problem_labels(self, kind: Kind) -> dict[str, ProblemLabel]:
        """The shown page's problem lines by the field's name in the service's words."""
        return {_(field): label for field, label in self.problems[kind].items()}

    def values(self, kind: Kind) -> dict[str, str]:
        """The draft's term fields for `kind` (the other types' fields are left empty)."""
        values = dict.fromkeys(TERM_FIELDS, "")
        values["gift_quantity"] = "1"
        if kind is Kind.PERCENT_OFF:
            values["rate"] = self.percent_rate.text()
        elif kind is Kind.AMOUNT_OFF:
            values["amount"] = self.off_amount.text()
        elif kind is Kind.FIXED_PRICE:
            values["amount"] = self.fixed_amount.text()
        elif kind is Kind.BASKET_TIERS:
            values["tiers"] = self.tiers.text()
        elif kind is Kind.MULTI_BUY:
            values.update(every=str(self.every.value()), rate=self.multi_rate.text())
        elif kind is Kind.GIFT:
            values.update(gift_sku=self.gift_sku.text(), threshold=self.threshold.text(),
                          gift_quantity=str(self.gift_quantity.value()))
        else:
            values.update(items=self.items.text(), amount=self.bundle_price.text())
        return values

    def fill(self, draft: PromotionDraft) -> None:
        kind = Kind(draft.kind)
        rate_edit = self.multi_rate if kind is Kind.MULTI_BUY else self.percent_rate
        rate_edit.setText(draft.rate)
        {Kind.AMOUNT_OFF: self.off_amount, Kind.FIXED_PRICE: self.fixed_amount,
         Kind.BUNDLE: self.bundle_price}.get(kind, self.off_amount).setText(draft.amount)
        self.tiers.set_text(draft.tiers)
        self.items.set_text(draft.items)
        if draft.every.strip().isdigit():
            self.every.setValue(int(draft.every))
        self.gift_sku.setText(draft.gift_sku)
        if draft.gift_quantity.strip().isdigit():
            self.gift_quantity.setValue(int(draft.gift_quantity))
        self.threshold.setText(draft.threshold)
