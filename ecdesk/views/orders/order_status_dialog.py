"""Cancel or refund orders: confirm, say whether shipped goods come back, and (for a refund of
one order) how much was paid back.

When any of the orders has shipped, the user must choose whether its goods return to stock:
neither answer is preselected, because guessing either way makes the stock figures wrong.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.money import MoneyError, parse_amount
from ecdesk.services.orders.dto import OrderRow
from ecdesk.views.widgets.locale_format import amount

SHOWN_ORDERS = 8  # orders named in the question; more are counted
ISSUED = ("shipped", "completed")  # statuses whose goods have left the shelf


class OrderStatusDialog(QDialog):
    def __init__(self, status: str, rows: list[OrderRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.rows = rows
        self.shipped = [row for row in rows if row.status in ISSUED]
        refund = status == "refunded"
        self.setWindowTitle(self.tr("Refund orders") if refund else self.tr("Cancel orders"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._question(refund), wordWrap=True))
        self.restock_group = QButtonGroup(self)
        self.restock_yes = QRadioButton(self.tr("The goods come back: return them to stock"))
        self.restock_no = QRadioButton(self.tr("The goods stay with the buyer: stock unchanged"))
        if self.shipped:
            asked = (self.tr("It has shipped. Do the goods come back?") if len(rows) == 1
                     else self.tr("%n of them shipped. Do the goods come back?", "",
                                  len(self.shipped)))
            layout.addWidget(QLabel(asked, wordWrap=True))
            for button in (self.restock_yes, self.restock_no):
                self.restock_group.addButton(button)
                layout.addWidget(button)
                button.toggled.connect(self._check)
        self.amount = QLineEdit()
        self.amount_problem = QLabel(styleSheet="color: #b3261e;", visible=False)
        if refund and len(rows) == 1:
            self.amount.setText(str(rows[0].total))
            self.amount.textChanged.connect(self._check)
            form = QFormLayout()
            form.addRow(self.tr("Refunded (%s)") % rows[0].currency, self.amount)
            form.addRow("", self.amount_problem)
            layout.addLayout(form)
        elif refund:
            layout.addWidget(QLabel(self.tr("Each order is refunded in full."), wordWrap=True))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Refund") if refund else self.tr("Cancel orders"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def _question(self, refund: bool) -> str:
        names = ", ".join(f"{row.number} ({amount(row.total, row.currency)})"
                          for row in self.rows[:SHOWN_ORDERS])
        more = len(self.rows) - SHOWN_ORDERS
        if more > 0:
            names += self.tr(" and %n more", "", more)
        if refund:
            return self.tr("Refund %n order(s): %1?", "", len(self.rows)).replace("%1", names)
        return self.tr("Cancel %n order(s): %1? A cancelled order cannot be reopened.", "",
                       len(self.rows)).replace("%1", names)

    @property
    def restock(self) -> bool:
        return self.restock_yes.isChecked()

    def refunded(self) -> str | None:
        """The amount typed for a single refund (the service parses it), else None."""
        return self.amount.text() if self.status == "refunded" and len(self.rows) == 1 else None

    def _amount_problem(self) -> str:
        typed = self.refunded()
        if typed is None:
            return ""
        try:
            value = parse_amount(typed)
        except MoneyError as error:
            return str(error)
        if value < 0:
            return self.tr("cannot be negative")
        if value > self.rows[0].total:
            return self.tr("is more than the order's total %s") % amount(
                self.rows[0].total)
        if value != value.quantize(Decimal("0.01")):
            return self.tr("has more than two decimals")
        return ""

    def _check(self) -> None:
        problem = self._amount_problem()
        self.amount_problem.setText(problem)
        self.amount_problem.setVisible(bool(problem))
        answered = not self.shipped or self.restock_group.checkedButton() is not None
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(answered and not problem)
        ok.setToolTip("" if answered else self.tr("Say first whether the goods come back"))
