"""What an import wizard shows of a preview's problems: a list of thousands, by row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.views.widgets.locale_format import integer

translate = QCoreApplication.translate

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ERROR_COLOUR = QColor("#b3261e")
WARNING_COLOUR = QColor("#8a5300")


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ImportPreview", text)


class ProblemsModel(QAbstractTableModel):
    """Row, column, reason, severity of every problem (a preview can list thousands)."""

    HEADERS = (QT_TRANSLATE_NOOP("ImportPreview", "Row"),
               QT_TRANSLATE_NOOP("ImportPreview", "Column"),
               QT_TRANSLATE_NOOP("ImportPreview", "Problem"),
               QT_TRANSLATE_NOOP("ImportPreview", "Severity"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: tuple[Problem, ...] = ()

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Errors first (one blocking error was lost among 97 warnings), each kind by row."""
        self.beginResetModel()
        self._problems = tuple(sorted(problems, key=lambda p: not p.is_error))
        self.endResetModel()

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._problems

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self._problems[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return "" if problem.row is None else integer(problem.row)
            if column == 1:
                return _(problem.field)  # an import's English field name, in the user's language
            if column == 2:
                return problem.message
            if problem.is_error:
                return translate("ImportPreview", "Error")
            return translate("ImportPreview", "Warning")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return ERROR_COLOUR if problem.is_error else WARNING_COLOUR
        return None


def counts_by_column(problems: Sequence[Problem]) -> list[tuple[bool, str, int]]:
    """(is an error, column, how many) for each column with problems, errors first, the most
    frequent first within each."""
    counts = Counter((p.is_error, p.field) for p in problems)
    return [(error, field, count) for (error, field), count in
            sorted(counts.items(), key=lambda item: (not item[0][0], -item[1], item[0][1]))]


def problems_view(model: ProblemsModel) -> QTableView:
    """The problem list as a table: row, column (resizable), the reason (stretches), severity."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = view.horizontalHeader()
    for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                   QHeaderView.ResizeMode.Interactive,
                                   QHeaderView.ResizeMode.Stretch,
                                   QHeaderView.ResizeMode.ResizeToContents)):
        header.setSectionResizeMode(column, mode)
    header.resizeSection(1, 180)
    return view
