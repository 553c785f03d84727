"""Sending received goods of a purchase order back to the supplier, several lines at once: the
units per line (at most what was received and not yet returned) and one reason, booked in one
transaction and each line credited on the order. The service checks everything and refuses the
whole return if one line is wrong; each problem is shown beside its line or under its field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.purchasing.queries import PurchaseOrderLineRow, PurchaseOrderView
from ecdesk.services.purchasing.receiving import (
    RETURN_LINES,
    RETURN_QUANTITY,
    RETURN_REASON,
    ReturnedLine,
    return_to_supplier,
)
from ecdesk.views.purchasing.line_units_model import AnyIndex, LineUnitsModel
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import (
    ERROR_COLOUR,
    problem_html,
    problem_label,
    save_cancel_buttons,
    show_problems,
    stacked,
)

RETURN_COLUMN = 5


def returnable(line: PurchaseOrderLineRow) -> int:
    """What can still go back: accepted into stock and not yet returned."""
    return max(line.received - line.returned, 0)


class ReturnModel(LineUnitsModel):
    """The order's lines that have goods to send back, with the units to return (edited in
    place) and the service's problem for each line, if any."""

    HEADINGS = (
        QT_TRANSLATE_NOOP("ReturnModel", "SKU"),
        QT_TRANSLATE_NOOP("ReturnModel", "Product"),
        QT_TRANSLATE_NOOP("ReturnModel", "Received"),
        QT_TRANSLATE_NOOP("ReturnModel", "Returned"),
        QT_TRANSLATE_NOOP("ReturnModel", "Can go back"),
        QT_TRANSLATE_NOOP("ReturnModel", "Return"),
    )
    FIRST_EDITABLE = RETURN_COLUMN

    def __init__(self, lines: tuple[PurchaseOrderLineRow, ...], parent: QWidget) -> None:
        going_back = [line for line in lines if returnable(line) > 0]
        super().__init__(going_back, [[0] for _ in going_back], parent)
        self.problems: dict[int, str] = {}  # row -> the service's problem with it
        self.dataChanged.connect(self._forget_problems)

    def figures(self, row: int) -> tuple[object, ...]:
        line = self.lines[row]
        return line.sku, line.title, line.received, line.returned, returnable(line)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if index.isValid() and row in self.problems:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.problems[row]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(ERROR_COLOUR)
        return super().data(index, role)

    def _forget_problems(self, *_args: object) -> None:
        """Units edited: the refusal they drew no longer stands."""
        if self.problems and not self._showing:
            self.show_problems({})

    def set_units(self, sku: str, units: int) -> int | None:
        """Return `units` of the line whose SKU is `sku`; its row (None: no such line)."""
        for row, line in enumerate(self.lines):
            if line.sku == sku:
                self.setData(self.index(row, RETURN_COLUMN), units)
                return row
        return None

    def returned(self) -> list[ReturnedLine]:
        """The lines to send back, in the table's order (the service's rows count in it)."""
        return [ReturnedLine(line.sku, units)
                for line, (units,) in zip(self.lines, self.units, strict=True) if units]

    _showing = False

    def show_problems(self, problems: dict[int, str]) -> None:
        self.problems = problems
        if self.lines:
            self._showing = True
            try:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self.lines) - 1, RETURN_COLUMN))
            finally:
                self._showing = False


class ReturnDialog(QDialog):
    def __init__(self, context: ShopContext, view: PurchaseOrderView,
                 selected: PurchaseOrderLineRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.number = context, view.row.number
        self.setWindowTitle(self.tr("Return to supplier · %s") % self.number)
        self.resize(720, 440)
        self.model = ReturnModel(view.lines, self)
        self.model.dataChanged.connect(lambda *_args: self._clear_refusal())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.reason = QLineEdit(placeholderText=self.tr("e.g. damaged, wrong colour"))
        self.reason.textEdited.connect(self._clear_refusal)
        self.lines_problem = problem_label()
        self.reason_problem = problem_label()
        self.summary = QLabel(wordWrap=True)
        self.buttons = save_cancel_buttons(self, self.save)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), stacked(self.reason, self.reason_problem))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "%1 from %2: type the units to send back on each line (at most what can go back). "
            "They leave stock together and each line is credited on the order.")
            .replace("%1", self.number).replace("%2", view.row.supplier_name), wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.lines_problem)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        if selected is not None:
            row = self.model.set_units(selected.sku, 1)
            if row is not None:
                self.table.selectRow(row)
        self._clear_refusal()

    def save(self) -> None:
        result = self.context.write(self, return_to_supplier, self.number,
                                    self.model.returned(), reason=self.reason.text())
        if result is not None:
            self.accept()

    def show_refused(self, problems: list[Problem]) -> None:
        """The service's refusal (called by context.write): a line's problem beside it and
        above the table, the reason's under it, the rest (the order's status) below."""
        returned = self.model.returned()
        rows = {line.sku: row for row, line in enumerate(self.model.lines)}
        by_row: dict[int, str] = {}
        for problem in problems:
            if problem.row is not None and problem.row <= len(returned):
                row = rows[returned[problem.row - 1].sku]
                by_row[row] = "; ".join(filter(None, (by_row.get(row), problem.message)))
        self.model.show_problems(by_row)
        show_problems(problems, self.summary, self.buttons, {_(RETURN_REASON): self.reason_problem})
        about_lines = [p.message for p in problems
                       if p.field in (_(RETURN_QUANTITY), _(RETURN_LINES), _("SKU"))]
        self.lines_problem.setText("; ".join(about_lines))
        self.summary.setText("<br>".join(
            problem_html(p) for p in problems
            if p.field not in (_(RETURN_REASON), _(RETURN_QUANTITY), _(RETURN_LINES), _("SKU"))))

    def _clear_refusal(self, *_args: object) -> None:
        for label in (self.lines_problem, self.reason_problem, self.summary):
            label.clear()
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(True)
