"""Receive, return, adjust or write off stock of one SKU by hand.

The quantity is typed the way people say it: units received or written off are plain numbers
(the kind says which way they go); an adjustment needs its sign (+3 found, −2 missing). The
dialog shows on hand before and after as the user types and refuses, next to the field, what
the ledger would refuse (a missing reason, a wrong sign, negative stock where it is not allowed).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.services.stock.commands import MANUAL_KINDS, adjust_stock
from ecdesk.services.stock.queries import sku_stock
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock.stock_labels import MINUS, kind_label, signed, units
from ecdesk.views.widgets.forms import (
    ERROR_COLOUR,
    problem_label,
    save_cancel_buttons,
    stacked,
)
from ecdesk.views.widgets.locale_format import integer

translate = QCoreApplication.translate

# The movements made by hand, by their stored value (orders and counts make the others).
RECEIVED, RETURNED, ADJUSTED, WRITTEN_OFF = "received", "returned", "adjusted", "written_off"
KINDS = {kind.value: kind for kind in MANUAL_KINDS}
ORDER = (RECEIVED, RETURNED, ADJUSTED, WRITTEN_OFF)
MAX_UNITS = 1_000_000
_NUMBER = re.compile(r"([+-]?)(\d+)")
HINTS = {
    RECEIVED: QT_TRANSLATE_NOOP(
        "StockAdjustDialog", "Units that arrived; they are added to stock."),
    RETURNED: QT_TRANSLATE_NOOP(
        "StockAdjustDialog", "Units back on the shelf (e.g. a customer return); added to stock."),
    ADJUSTED: QT_TRANSLATE_NOOP(
        "StockAdjustDialog", "Type + to add or − to remove, e.g. +3 found or −2 missing."),
    WRITTEN_OFF: QT_TRANSLATE_NOOP(
        "StockAdjustDialog", "Units damaged, lost or expired; they are taken from stock."),
}
REASON_HINTS = {
    RECEIVED: QT_TRANSLATE_NOOP("StockAdjustDialog", "optional, e.g. supplier delivery"),
    RETURNED: QT_TRANSLATE_NOOP("StockAdjustDialog", "optional, e.g. return of order 1024"),
    ADJUSTED: QT_TRANSLATE_NOOP("StockAdjustDialog", "required, e.g. found behind the shelf"),
    WRITTEN_OFF: QT_TRANSLATE_NOOP("StockAdjustDialog", "optional, e.g. damaged in transit"),
}


def parse_quantity(text: str, kind: str) -> tuple[int | None, str | None]:
    """The signed quantity `text` means for `kind`, or None and the reason it means nothing."""
    cleaned = text.strip().replace(MINUS, "-").replace(" ", "").replace(",", "")
    if not cleaned:
        return None, translate(
            "StockAdjustDialog", "is required")
    match = _NUMBER.fullmatch(cleaned)
    if match is None:
        return None, translate(
            "StockAdjustDialog", "'%1' is not a whole number").replace("%1", text.strip())
    sign, digits = match.groups()
    amount = int(digits)
    if amount == 0:
        return None, translate(
            "StockAdjustDialog", "must not be zero")
    if amount > MAX_UNITS:
        return None, translate(
            "StockAdjustDialog", "more than %1 units at once: please check the number").replace(
            "%1", integer(MAX_UNITS))
    if kind == ADJUSTED:
        if not sign:
            return None, translate(
            "StockAdjustDialog", "needs a sign: + to add to stock, − to take from it (e.g. −2)")
        return (amount if sign == "+" else -amount), None
    if kind == WRITTEN_OFF:
        return -amount, None  # "5" and "−5" both mean five units gone
    if sign == "-":
        return None, "is added to stock: type the units without a minus"
    return amount, None


class StockAdjustDialog(QDialog):
    def __init__(self, context: ShopContext, variant_id: int, kind: str = ADJUSTED,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stock = sku_stock(context.uow(), variant_id)
        self.setWindowTitle(self.tr("Receive stock") if kind == RECEIVED
                            else self.tr("Adjust or write off stock"))
        self._build()
        self.kind.setCurrentIndex(ORDER.index(kind) if kind in ORDER else 0)
        self.validate()

    def _build(self) -> None:
        stock = self.stock
        figures = stock.figures
        heading = QLabel(f"<b>{stock.sku}</b> · {stock.title}"
                         + (f" · {stock.options}" if stock.options else ""))
        position = QLabel(self.tr("On hand %s · committed %s · available %s") % (
            units(figures.on_hand), units(figures.committed), units(figures.available)))
        self.kind = QComboBox()
        for kind in ORDER:
            self.kind.addItem(kind_label(kind), kind)
        self.quantity = QLineEdit()
        self.quantity_hint = QLabel(wordWrap=True)
        self.quantity_problem = problem_label()
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason_problem = problem_label()
        self.reference = QLineEdit(placeholderText=self.tr("optional, e.g. PO-2026-0012"))
        self.reference.setMaxLength(120)
        self.after = QLabel()
        self.problems = problem_label()
        form = QFormLayout()
        form.addRow(self.tr("Movement"), self.kind)
        form.addRow(self.tr("Quantity"), stacked(self.quantity, self.quantity_hint,
                                                  self.quantity_problem))
        form.addRow(self.tr("Reason"), stacked(self.reason, self.reason_problem))
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("On hand after"), self.after)
        self.buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(position)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._on_kind)
        for edit in (self.quantity, self.reason):
            edit.textChanged.connect(self.validate)
        self.setMinimumWidth(460)

    def _on_kind(self) -> None:
        self.validate()

    def current_kind(self) -> str:
        return self.kind.currentData()  # type: ignore[no-any-return]

    def validate(self) -> bool:
        """Check as the user types; Save is enabled only for a movement the ledger takes."""
        kind = self.current_kind()
        self.quantity_hint.setText(self.tr(HINTS[kind]))
        self.reason.setPlaceholderText(self.tr(REASON_HINTS[kind]))
        self.problems.clear()
        quantity, problem = parse_quantity(self.quantity.text(), kind)
        typed = bool(self.quantity.text().strip())
        self.quantity_problem.setText(problem if problem and typed else "")
        reason_missing = kind == ADJUSTED and not self.reason.text().strip()
        self.reason_problem.setText(
            self.tr("An adjustment needs a reason, for the stock history")
            if reason_missing and typed else "")
        negative = self._negative_problem(quantity)
        self._show_after(quantity, negative)
        ok = quantity is not None and not reason_missing and negative is None
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        return ok

    def _negative_problem(self, quantity: int | None) -> str | None:
        if quantity is None:
            return None
        after = self.stock.figures.on_hand + quantity
        if after < 0 and not self.stock.allows_negative:
            return self.tr("Negative stock is not allowed for this SKU (see its stock rules)")
        return None

    def _show_after(self, quantity: int | None, negative: str | None) -> None:
        on_hand = self.stock.figures.on_hand
        if quantity is None:
            self.after.setText(units(on_hand))
            return
        text = f"{units(on_hand)} → {units(on_hand + quantity)} ({signed(quantity)})"
        if negative:
            self.after.setText(f"<span style='color:{ERROR_COLOUR}'>{text}<br>{negative}</span>")
        else:
            self.after.setText(text)

    def quantity_value(self) -> int | None:
        return parse_quantity(self.quantity.text(), self.current_kind())[0]

    def save(self) -> None:
        if not self.validate():
            return
        result = self.context.write(
            self, adjust_stock, variant_id=self.stock.variant_id, kind=KINDS[self.current_kind()],
            quantity=self.quantity_value(), reason=self.reason.text(),
            reference=self.reference.text())
        if result is not None:
            self.accept()

    def show_refused(self, problems: list[Problem]) -> None:
        """The ledger refused the movement (stock changed meanwhile): say why, keep the form."""
        self.problems.setText("\n".join(str(p) for p in problems))

