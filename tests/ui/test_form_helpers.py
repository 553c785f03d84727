"""The shared form helpers (views/widgets/forms.py): problems under fields and the form, Save
allowed only without errors, cells coloured by their problem."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from ecdesk.errors import Problem
from ecdesk.views.widgets.forms import (
    ERROR_BRUSH,
    WARNING_BRUSH,
    mark_cells,
    problem_html,
    problem_label,
    save_cancel_buttons,
    show_problems,
)


def _form(qtbot: QtBot) -> tuple[QDialog, QDialogButtonBox, QLabel, QLabel, list[str]]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    saved: list[str] = []
    buttons = save_cancel_buttons(dialog, lambda: saved.append("saved"))
    return dialog, buttons, QLabel(), problem_label(), saved


def test_an_error_disables_save_and_is_shown_under_its_field_and_in_the_list(
        qtbot: QtBot) -> None:
    _dialog, buttons, summary, under_title, _saved = _form(qtbot)
    problems = [Problem("Title", "is required"), Problem("Price", "'-1' is negative", 2)]
    show_problems(problems, summary, buttons, {"Title": under_title})
    assert not buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert under_title.text() == "is required"
    assert not under_title.isHidden()
    assert "✖ Title: is required" in summary.text()
    assert "✖ Row 2, Price: '-1' is negative" in summary.text()


def test_warnings_alone_allow_saving_and_a_field_without_problems_hides_its_line(
        qtbot: QtBot) -> None:
    _dialog, buttons, summary, under_title, _saved = _form(qtbot)
    show_problems([Problem("Price", "12.00 is below the cost 15.00", 1, "warning")], summary,
                  buttons, {"Title": under_title})
    assert buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert under_title.isHidden()
    assert summary.text().startswith('<span style="color:#8a5a00">⚠ Row 1, Price')


def test_a_problem_text_cannot_inject_markup_into_the_list() -> None:
    assert "&lt;b>" in problem_html(Problem("Title", "'<b>x' is odd"))


def test_save_and_the_save_key_call_the_forms_save(qtbot: QtBot) -> None:
    _dialog, buttons, _summary, _under, saved = _form(qtbot)
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert saved == ["saved"]


def test_cells_are_coloured_by_their_problem_and_cleared_when_it_is_gone(qtbot: QtBot) -> None:
    table = QTableWidget(2, 2)
    qtbot.addWidget(table)
    for row in range(2):
        for column in range(2):
            table.setItem(row, column, QTableWidgetItem("x"))
    columns = {"SKU": 0, "Price": 1}
    mark_cells(table, [Problem("SKU", "is required", 1),
                       Problem("Price", "below cost", 2, "warning"),
                       Problem("Price", "a row the table does not have", 9),
                       Problem("Title", "a field without a column", 1)], columns, range(2))
    assert table.item(0, 0).background().color() == ERROR_BRUSH.color()
    assert table.item(0, 0).toolTip() == "is required"
    assert table.item(1, 1).background().color() == WARNING_BRUSH.color()
    mark_cells(table, [], columns, range(2))
    assert table.item(0, 0).toolTip() == ""
    assert table.item(1, 1).toolTip() == ""
