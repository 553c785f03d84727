"""Sending received goods of one purchase order line back to the supplier: how many (at most
what was received and not yet returned) and why. The service checks both; what it refuses is
shown under the field it is about."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.purchasing.queries import PurchaseOrderLineRow
from ecdesk.services.purchasing.receiving import (
    RETURN_LINES,
    RETURN_QUANTITY,
    RETURN_REASON,
    ReturnedLine,
    return_to_supplier,
)
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import (
    problem_html,
    problem_label,
    save_cancel_buttons,
    show_problems,
    stacked,
)


def returnable(line: PurchaseOrderLineRow) -> int:
    """What can still go back: accepted into stock and not yet returned."""
    return max(line.received - line.returned, 0)


class ReturnDialog(QDialog):
    def __init__(self, context: ShopContext, number: str, line: PurchaseOrderLineRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.number, self.line = context, number, line
        self.setWindowTitle(self.tr("Return to supplier · %s") % number)
        self.quantity = QSpinBox(minimum=0, maximum=max(line.received, 1))
        self.quantity.setValue(min(1, returnable(line)))
        self.quantity.valueChanged.connect(self._clear_refusal)
        self.reason = QLineEdit(placeholderText=self.tr("e.g. damaged, wrong colour"))
        self.reason.textEdited.connect(self._clear_refusal)
        self.quantity_problem = problem_label()
        self.reason_problem = problem_label()
        self.summary = QLabel(wordWrap=True)
        about = QLabel(self.tr("%1 · %2<br>received %3, already returned %4: "
                               "<b>%5 can go back</b>")
                       .replace("%1", line.sku).replace("%2", line.title)
                       .replace("%3", f"{line.received:,}").replace("%4", f"{line.returned:,}")
                       .replace("%5", f"{returnable(line):,}"), wordWrap=True)
        self.buttons = save_cancel_buttons(self, self.save)
        form = QFormLayout(self)
        form.addRow(about)
        form.addRow(self.tr("Quantity"), stacked(self.quantity, self.quantity_problem))
        form.addRow(self.tr("Reason"), stacked(self.reason, self.reason_problem))
        form.addRow(self.summary)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        result = self.context.write(self, return_to_supplier, self.number,
                                    [ReturnedLine(self.line.sku, self.quantity.value())],
                                    reason=self.reason.text())
        if result is not None:
            self.accept()

    def show_refused(self, problems: list[Problem]) -> None:
        """The service's refusal, each problem under its field (called by context.write)."""
        under = {_(RETURN_QUANTITY): self.quantity_problem, _(RETURN_REASON): self.reason_problem}
        show_problems(problems, self.summary, self.buttons, under)
        lines = [p.message for p in problems if p.field == _(RETURN_LINES)]
        if lines:  # no units at all: that is the quantity's problem too
            self.quantity_problem.setText("; ".join(lines))
        # Below the form only what no field shows (the order's status, say).
        self.summary.setText("<br>".join(problem_html(p) for p in problems
                                         if p.field not in (*under, _(RETURN_LINES))))

    def _clear_refusal(self, *_args: object) -> None:
        for label in (self.quantity_problem, self.reason_problem, self.summary):
            label.clear()
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(True)
