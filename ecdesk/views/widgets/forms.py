"""What every form shares: a problem line under a field, the list of problems under the form,
cells coloured by their problem, Save allowed only while nothing is an error.

A form checks as the user types (DESIGN.md: "forms validate as the user types and say what is
wrong next to the field") with one service check that returns every problem; these helpers show
that list the same way in every dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5a00"
ERROR_BRUSH = QBrush(QColor("#f9d6d5"))
WARNING_BRUSH = QBrush(QColor("#fff1c2"))


class ProblemLabel(QLabel):
    """Red text under a field saying what is wrong with it; hidden while nothing is, so that
    an empty line does not push the fields apart."""

    def __init__(self) -> None:
        super().__init__(wordWrap=True)
        self.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


def problem_label() -> ProblemLabel:
    return ProblemLabel()


def stacked(*widgets: QWidget, spacing: int | None = 2) -> QWidget:
    """Widgets one above the other without margins (a field and its problem line);
    `spacing` None keeps the style's spacing."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if spacing is not None:
        layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def save_cancel_buttons(dialog: QDialog, save: Callable[[], None]) -> QDialogButtonBox:
    """Save and Cancel under a form; the platform's Save key (Ctrl+S) saves too."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    QShortcut(QKeySequence.StandardKey.Save, dialog, activated=save)
    return buttons


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def problem_html(problem: Problem) -> str:
    """One problem as a line of the form's problem list: ✖ for an error, ⚠ for a warning."""
    colour = ERROR_COLOUR if problem.is_error else WARNING_COLOUR
    prefix = "✖" if problem.is_error else "⚠"
    text = str(problem).replace("&", "&amp;").replace("<", "&lt;")
    return f'<span style="color:{colour}">{prefix} {text}</span>'


def show_problems(problems: Sequence[Problem], summary: QLabel, buttons: QDialogButtonBox,
                  under_fields: Mapping[str, QLabel] | None = None) -> None:
    """Show a form's problems: each field's own under it (`under_fields`: field -> its label),
    all of them in `summary`, and Save enabled only while none is an error."""
    for field, label in (under_fields or {}).items():
        messages = [p.message for p in problems if p.field == field]
        label.setText("; ".join(messages))
        label.setVisible(bool(messages))
    summary.setText("<br>".join(problem_html(p) for p in problems))
    buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not has_errors(problems))


def mark_cell(item: QTableWidgetItem | None, problem: Problem | None) -> None:
    """Colour a cell by its problem (none: plain) and give the reason as its tooltip."""
    if item is None:
        return
    if problem is None:
        item.setBackground(QBrush())
        item.setToolTip("")
    else:
        item.setBackground(ERROR_BRUSH if problem.is_error else WARNING_BRUSH)
        item.setToolTip(problem.message)


def mark_cells(table: QTableWidget, problems: Iterable[Problem], field_column: Mapping[str, int],
               columns: Iterable[int]) -> None:
    """Clear `columns` of every row, then mark each problem of a row (1-based, as the table
    shows it) in its field's column."""
    columns = tuple(columns)
    for row in range(table.rowCount()):
        for column in columns:
            mark_cell(table.item(row, column), None)
    for problem in problems:
        column = field_column.get(problem.field)
        if problem.row is not None and column is not None and problem.row <= table.rowCount():
            mark_cell(table.item(problem.row - 1, column), problem)
