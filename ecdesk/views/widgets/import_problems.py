"""What the import wizard shows of a preview: the counts grid and the problem list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ecdesk.errors import Problem
from ecdesk.services.catalog_io import ImportCounts

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ERROR_COLOUR = QColor("#b3261e")
WARNING_COLOUR = QColor("#8a5300")


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ImportPreview", text)


class ProblemsModel(QAbstractTableModel):
    """Row, column, reason, severity of every problem (a preview can list thousands)."""

    HEADERS = ("Row", "Column", "Problem", "Severity")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: tuple[Problem, ...] = ()

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._problems = tuple(problems)
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
                return "" if problem.row is None else f"{problem.row:,}"
            if column == 1:
                return problem.field
            if column == 2:
                return problem.message
            return _tr("Error") if problem.is_error else _tr("Warning")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return ERROR_COLOUR if problem.is_error else WARNING_COLOUR
        return None


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


COUNT_ROWS = ("Products", "SKUs", "Listings")
COUNT_COLUMNS = ("New", "Updated", "Unchanged")


def counts_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(COUNT_ROWS), len(COUNT_COLUMNS), parent)
    table.setHorizontalHeaderLabels([_tr(c) for c in COUNT_COLUMNS])
    table.setVerticalHeaderLabels([_tr(r) for r in COUNT_ROWS])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for column in range(len(COUNT_COLUMNS)):
        table.setColumnWidth(column, 100)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    fill_counts(table, ImportCounts())
    _fit(table)
    return table


def fill_counts(table: QTableWidget, counts: ImportCounts) -> None:
    values = (
        (counts.products_created, counts.products_updated, counts.products_unchanged),
        (counts.variants_created, counts.variants_updated, counts.variants_unchanged),
        (counts.listings_created, counts.listings_updated, None),
    )
    for row, numbers in enumerate(values):
        for column, number in enumerate(numbers):
            item = QTableWidgetItem("—" if number is None else f"{number:,}")
            item.setTextAlignment(RIGHT)
            table.setItem(row, column, item)


def count_of(table: QTableWidget, row: str, column: str) -> str:
    """The text of one cell, by labels (tests read the grid as the user does)."""
    item = table.item(COUNT_ROWS.index(row), COUNT_COLUMNS.index(column))
    return item.text() if item is not None else ""


def _fit(table: QTableWidget) -> None:
    table.resizeRowsToContents()
    width = table.verticalHeader().sizeHint().width() + sum(
        table.columnWidth(c) for c in range(table.columnCount())) + 2 * table.frameWidth()
    height = table.horizontalHeader().sizeHint().height() + sum(
        table.rowHeight(r) for r in range(table.rowCount())) + 2 * table.frameWidth()
    table.setFixedSize(width, height)
