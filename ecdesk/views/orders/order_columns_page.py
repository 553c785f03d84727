"""The order import wizard's column page: shown when the file's columns are not all recognised
(a required field without a column, or a format that was a guess), or when the user asks to
check them (a file with columns nothing reads: the file page says how many).

Each column of the file is listed with a value it holds and what it is imported as: one of the
format's fields, or "Do not import". The page completes when every required field has a column
and no field has two. Next reads the file again with the choices (services.orders_io
read_orders_file `columns`), and the preview shows the result; an import remembers the choices
for the channel, so its next file needs none.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from ecdesk.i18n import _
from ecdesk.services.orders_io.dto import ParsedOrderFile
from ecdesk.services.orders_io.formats import (
    ORDER_FORMATS,
    column_fields,
    format_fields,
    order_column_index,
)
from ecdesk.services.orders_io.formats.common import FIELD_LABELS
from ecdesk.views.widgets.wizard_parts import ERROR_STYLE

DO_NOT_IMPORT = QT_TRANSLATE_NOOP("OrderColumnsPage", "Do not import")
COLUMN, EXAMPLE, FIELD = range(3)
FIELD_WIDTH = 210


def needs_columns(parsed: ParsedOrderFile) -> bool:
    """Whether the user must see (and may correct) how the file's columns are read."""
    if parsed.missing:
        return True
    return not parsed.file_error and parsed.format in ORDER_FORMATS and not parsed.format_confident


def can_check_columns(parsed: ParsedOrderFile) -> bool:
    return bool(parsed.missing) or (not parsed.file_error and parsed.format in ORDER_FORMATS)


class OrderColumnsPage(QWizardPage):
    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("What each column of the file is imported as. Fields marked * "
                                 "are required; a column set to \u201cDo not import\u201d is left "
                                 "out, and the preview lists it."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"),
                                              self.tr("Example value"),
                                              self.tr("Import as")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EXAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(FIELD, FIELD_WIDTH)  # (a combo's text, not measured by Qt)
        self.problem = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        self.note = QLabel(wordWrap=True, styleSheet="color: #5f5f5f")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        self.combos: list[QComboBox] = []
        self._required: tuple[str, ...] = ()

    def initializePage(self) -> None:
        parsed = self.owner.parsed
        assert parsed is not None
        module = ORDER_FORMATS[parsed.format]
        self._required = tuple(module.REQUIRED)
        current = column_fields(parsed.header, parsed.format, dict(parsed.corrected))
        self.table.setRowCount(len(parsed.header))
        self.combos = []
        for row, column in enumerate(parsed.header):
            sample = parsed.samples[row] if row < len(parsed.samples) else ""
            for position, text in ((COLUMN, column), (EXAMPLE, sample)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, position, item)
            combo = QComboBox()
            combo.addItem(self.tr(DO_NOT_IMPORT), "")
            for field in format_fields(parsed.format):
                mark = " *" if field in self._required else ""
                combo.addItem(_(FIELD_LABELS[field]) + mark, field)
            combo.setCurrentIndex(max(0, combo.findData(current[row])))
            combo.currentIndexChanged.connect(lambda _i: self.check())
            self.table.setCellWidget(row, FIELD, combo)
            self.combos.append(combo)
        self.note.setText(self.tr("Read as %1. The columns chosen here are remembered for the "
                                  "channel once the orders are imported.")
                          .replace("%1", parsed.format_label))
        self.check()

    def chosen(self) -> dict[str, str]:
        """{field: column} as chosen (a field chosen twice: its first column)."""
        parsed = self.owner.parsed
        chosen: dict[str, str] = {}
        for column, combo in zip(parsed.header, self.combos, strict=True):
            if combo.currentData():
                chosen.setdefault(combo.currentData(), column)
        return chosen

    def set_field(self, column: str, field: str) -> None:
        """Choose what the file's `column` is imported as ("" for nothing)."""
        row = list(self.owner.parsed.header).index(column)
        self.combos[row].setCurrentIndex(max(0, self.combos[row].findData(field)))

    def problems(self) -> list[str]:
        fields = [combo.currentData() for combo in self.combos if combo.currentData()]
        missing = [_(FIELD_LABELS[f]) for f in self._required if f not in fields]
        twice = sorted({_(FIELD_LABELS[f]) for f in fields if fields.count(f) > 1})
        lines = [self.tr("Choose a column for: %1").replace("%1", ", ".join(missing))] \
            if missing else []
        if twice:
            lines.append(self.tr("Several columns are imported as: %1").replace(
                "%1", ", ".join(twice)))
        return lines

    def check(self) -> None:
        self.problem.setText("\n".join(self.problems()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and not self.problems()

    def corrections(self) -> dict[str, str]:
        """What differs from what the format finds by itself: {field: column, or "" for a
        field the user left out}."""
        parsed = self.owner.parsed
        header = list(parsed.header)
        found = {field: header[i] for field, i in
                 order_column_index(header, parsed.format).items()}
        chosen = self.chosen()
        changed = {field: column for field, column in chosen.items()
                   if found.get(field) != column}
        changed.update({field: "" for field in found if field not in chosen})
        return changed

    def validatePage(self) -> bool:
        """Next: the preview reads the file again with these columns."""
        corrections = self.corrections()
        self.owner.wanted_columns = (
            corrections if corrections != dict(self.owner.parsed.corrected) else None)
        return True
