"""A purchase order's lines with units typed in place: the base of the receive dialog's table
(accepted, rejected) and the return dialog's (units to send back)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from ecdesk.services.purchasing.queries import PurchaseOrderLineRow

AnyIndex = QModelIndex | QPersistentModelIndex


class LineUnitsModel(QAbstractTableModel):
    """`HEADINGS` are marked for lupdate under the subclass's name (its context here); the
    columns from `FIRST_EDITABLE` on hold whole numbers of at least 0, edited in place."""

    HEADINGS: ClassVar[tuple[str, ...]] = ()
    FIRST_EDITABLE: ClassVar[int] = 0

    def __init__(self, lines: list[PurchaseOrderLineRow], units: list[list[int]],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.lines = lines
        self.units = units  # per line, the editable columns' values

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(type(self).__name__, self.HEADINGS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() >= self.FIRST_EDITABLE:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def figures(self, row: int) -> tuple[object, ...]:
        """The row's cells before the editable ones."""
        raise NotImplementedError

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = (*self.figures(index.row()), *self.units[index.row()])[column]
            return value if role == Qt.ItemDataRole.EditRole else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() < self.FIRST_EDITABLE:
            return False
        try:
            units = int(value)
        except (TypeError, ValueError):
            return False
        if units < 0:
            return False
        self.units[index.row()][index.column() - self.FIRST_EDITABLE] = units
        self.dataChanged.emit(index, index)
        return True
