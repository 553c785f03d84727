"""The stock count sheet: SKUs with the on-hand the shop expects and what was counted.

A blank count means "not counted" (the SKU keeps its on-hand), never zero. A count must be a
whole number of at least 0; anything else marks its cell and is named by row and SKU.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ecdesk.services.stock.inventory_dto import CountLine
from ecdesk.views.stock.stock_labels import signed, units
from ecdesk.views.widgets.locale_format import integer
from ecdesk.views.widgets.paged_table_model import (  # (the table models' shared names)
    RIGHT,
    AnyIndex,
)

translate = QCoreApplication.translate
ERROR_BACKGROUND = QColor("#f9d6d5")
DIFFERENCE_COLOUR = QColor("#b3261e")
HEADERS = [
    QT_TRANSLATE_NOOP("StocktakeModel", "SKU"),
    QT_TRANSLATE_NOOP("StocktakeModel", "Product"),
    QT_TRANSLATE_NOOP("StocktakeModel", "Options"),
    QT_TRANSLATE_NOOP("StocktakeModel", "Expected"),
    QT_TRANSLATE_NOOP("StocktakeModel", "Counted"),
    QT_TRANSLATE_NOOP("StocktakeModel", "Difference"),
]
EXPECTED, COUNTED, DIFFERENCE = 3, 4, 5
MAX_COUNT = 10_000_000


def parse_count(text: str) -> tuple[int | None, str | None]:
    """(units, None) for a count, (None, None) for a blank one, (None, reason) otherwise.

    Full-width digits from a Chinese input method count as digits; thousands commas are fine.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    if not cleaned:
        return None, None
    if re.fullmatch(r"-[0-9]+", cleaned):
        return None, translate(
            "StocktakeModel", "'%1' is below zero").replace("%1", text.strip())
    if not re.fullmatch(r"\+?[0-9]+", cleaned):
        return None, translate(
            "StocktakeModel", "'%1' is not a whole number").replace("%1", text.strip())
    value = int(cleaned)
    if value > MAX_COUNT:
        return None, translate(
            "StocktakeModel", "'%1' is more than %2: please check the number").replace(
            "%1", text.strip()).replace("%2", integer(MAX_COUNT))
    return value, None


@dataclass(frozen=True)
class CountSummary:
    counted: int  # SKUs with a valid count
    differ: int  # of them, SKUs whose count is not what was expected
    net: int  # units the differences add (+) or remove (-)
    invalid: int  # counts that are not whole numbers of at least 0
    not_counted: int


class StocktakeModel(QAbstractTableModel):
    counts_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[CountLine] = []
        self._counted: dict[int, str] = {}  # row -> text typed (only rows with text)
        self._rows_by_code: dict[str, int] = {}  # SKU (casefolded) and barcode -> row, for scans

    # -- lines -----------------------------------------------------------------------------
    def set_lines(self, lines: list[CountLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._counted = {}
        self._rows_by_code = {}
        for row, line in enumerate(self._lines):
            self._index(row, line)
        self.endResetModel()
        self.counts_changed.emit()

    def add_line(self, line: CountLine) -> int:
        """Append `line` unless it is on the sheet already; its row either way."""
        known = self._rows_by_code.get(line.sku.casefold())
        if known is not None and self._lines[known].variant_id == line.variant_id:
            return known
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(line)
        self._index(row, line)
        self.endInsertRows()
        self.counts_changed.emit()
        return row

    def _index(self, row: int, line: CountLine) -> None:
        if line.barcode:
            self._rows_by_code.setdefault(line.barcode, row)
        self._rows_by_code[line.sku.casefold()] = row  # a SKU code wins over a barcode

    def row_of_code(self, code: str) -> int | None:
        """The row of the SKU whose code (any case) or barcode is `code`."""
        code = code.strip()
        found = self._rows_by_code.get(code.casefold())
        return found if found is not None else self._rows_by_code.get(code)

    def line_at(self, row: int) -> CountLine:
        return self._lines[row]

    # -- counts ----------------------------------------------------------------------------
    def set_counted(self, row: int, text: str) -> None:
        text = text.strip()
        if text:
            self._counted[row] = text
        else:
            self._counted.pop(row, None)
        changed = self.index(row, COUNTED)
        self.dataChanged.emit(changed, self.index(row, DIFFERENCE))
        self.counts_changed.emit()

    def increment(self, row: int) -> None:
        """One more unit counted (a scan); an unreadable count starts again from 1."""
        value, _problem = parse_count(self._counted.get(row, ""))
        self.set_counted(row, str((value or 0) + 1))

    def counted_text(self, row: int) -> str:
        return self._counted.get(row, "")

    def counts(self) -> dict[int, int]:
        """Variant id -> units counted, for the valid counts."""
        found = {}
        for row, text in self._counted.items():
            value, _problem = parse_count(text)
            if value is not None:
                found[self._lines[row].variant_id] = value
        return found

    def problems(self) -> list[str]:
        """One line per unreadable count, naming its row and SKU, in row order."""
        lines = []
        for row in sorted(self._counted):
            _value, problem = parse_count(self._counted[row])
            if problem:
                lines.append(self.tr("Row %1 (%2): %3").replace("%1", integer(row + 1)).replace(
                    "%2", self._lines[row].sku).replace("%3", problem))
        return lines

    def summary(self) -> CountSummary:
        counted = differ = net = invalid = 0
        for row, text in self._counted.items():
            value, _problem = parse_count(text)
            if value is None:
                invalid += 1
                continue
            counted += 1
            difference = value - self._lines[row].expected
            differ += difference != 0
            net += difference
        return CountSummary(counted, differ, net, invalid,
                            len(self._lines) - counted - invalid)

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section >= EXPECTED:
            return RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COUNTED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != COUNTED
                or role != Qt.ItemDataRole.EditRole):
            return False
        self.set_counted(index.row(), str(value))
        return True

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column >= EXPECTED else None
        value, problem = parse_count(self._counted.get(row, ""))
        if role == Qt.ItemDataRole.BackgroundRole and column == COUNTED and problem:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and column == COUNTED:
            return problem or (None if row in self._counted
                               else self.tr("Not counted: on hand stays as it is"))
        if (role == Qt.ItemDataRole.ForegroundRole and column == DIFFERENCE and value is not None
                and value != self._lines[row].expected):
            return DIFFERENCE_COLOUR
        return None

    def _text(self, row: int, column: int) -> str | None:
        line = self._lines[row]
        if column == COUNTED:
            return self._counted.get(row, "")
        if column == DIFFERENCE:
            value, _problem = parse_count(self._counted.get(row, ""))
            return "" if value is None else signed(value - line.expected)
        texts = {0: line.sku, 1: line.title, 2: line.options, EXPECTED: units(line.expected)}
        return texts.get(column)
