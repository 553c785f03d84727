"""Mark orders shipped: the carrier (快递公司) and, for one order, the tracking number (快递单号).

Both may stay empty (a parcel handed over without a number still ships). The carrier list
offers the carriers the shop used lately, then the common ones; any other name can be typed.
"""

from __future__ import annotations

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

from ecdesk.services.orders.dto import OrderRow
from ecdesk.services.orders.shipping import MAX_SHIPPING_TEXT, TRACKING_PATTERN
from ecdesk.views.widgets.locale_format import amount

SHOWN_ORDERS = 8  # orders named in the question; more are counted
# Carriers' own names (not translated): the ones Chinese and cross-border sellers use most.
COMMON_CARRIERS = ("顺丰速运", "中通快递", "圆通速递", "韵达快递", "申通快递", "极兔速递",
                   "京东物流", "中国邮政 EMS", "德邦快递", "DHL", "FedEx", "UPS")


class ShipDialog(QDialog):
    def __init__(self, rows: list[OrderRow], carriers_used: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.setWindowTitle(self.tr("Mark shipped"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._question(), wordWrap=True))
        form = QFormLayout()
        self.carrier = QComboBox(editable=True)
        self.carrier.addItems(list(dict.fromkeys([*carriers_used, *COMMON_CARRIERS])))
        self.carrier.setCurrentIndex(-1)  # nothing chosen for the user
        self.carrier.lineEdit().setPlaceholderText(self.tr("Optional, e.g. 顺丰速运"))
        self.carrier.lineEdit().setMaxLength(MAX_SHIPPING_TEXT)
        form.addRow(self.tr("Carrier (快递公司)"), self.carrier)
        # Parented even when unused: a widget left without one would be destroyed by Python's
        # garbage collector, which may run on a worker thread.
        self.tracking = QLineEdit(self, maxLength=MAX_SHIPPING_TEXT + 20)  # spaces are dropped
        self.tracking_problem = QLabel(self, styleSheet="color: #b3261e;", visible=False)
        self.tracking.setVisible(len(rows) == 1)
        if len(rows) == 1:
            self.tracking.setPlaceholderText(self.tr("Optional"))
            self.tracking.textChanged.connect(self._check)
            form.addRow(self.tr("Tracking number (快递单号)"), self.tracking)
            form.addRow("", self.tracking_problem)
        layout.addLayout(form)
        if len(rows) > 1:
            layout.addWidget(QLabel(self.tr("Tracking numbers are typed one order at a time; "
                                            "the carrier is recorded for every order."),
                                    wordWrap=True))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark shipped"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _question(self) -> str:
        names = ", ".join(f"{row.number} ({amount(row.total, row.currency)})"
                          for row in self.rows[:SHOWN_ORDERS])
        more = len(self.rows) - SHOWN_ORDERS
        if more > 0:
            names += self.tr(" and %n more", "", more)
        return self.tr("Ship %n order(s): %1? Their goods leave stock.", "",
                       len(self.rows)).replace("%1", names)

    def carrier_text(self) -> str:
        return self.carrier.currentText().strip()

    def tracking_number(self) -> str:
        """The typed number without spaces (the service reads it the same way)."""
        return "".join(self.tracking.text().split()) if len(self.rows) == 1 else ""

    def _check(self) -> None:
        typed = self.tracking_number()
        problem = ""
        if len(typed) > MAX_SHIPPING_TEXT:
            problem = self.tr("is longer than %1 characters").replace("%1",
                                                                     str(MAX_SHIPPING_TEXT))
        elif typed and not TRACKING_PATTERN.fullmatch(typed):
            problem = self.tr("may hold only letters, digits and dashes")
        self.tracking_problem.setText(problem)
        self.tracking_problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
