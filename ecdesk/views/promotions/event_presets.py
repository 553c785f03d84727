"""Start a promotion from a platform event: the year's events (年货节, 38女王节, 618, 99大促, 双11,
双12, Black Friday, Cyber Monday) in a table whose dates the user can change and keep for that
year (the shop's own dates, services/promotions/events.py), or put back to the defaults.
"Use" hands the chosen event to the promotion editor."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.promotions.events import (
    EventPreset,
    event_presets,
    reset_event_dates,
    save_event_dates,
)
from ecdesk.views.shell.shop_context import ShopContext

STARTS, ENDS = 1, 2


class EventPresetsDialog(QDialog):
    """`chosen` is the event picked with Use (None until then)."""

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.chosen: EventPreset | None = None
        self.events: list[EventPreset] = []
        self.setWindowTitle(self.tr("Start from an event"))
        self.year = QSpinBox(minimum=2000, maximum=2100,
                             value=datetime.now(context.zone).year)
        self.year.valueChanged.connect(lambda _year: self.load())
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Event"), self.tr("Starts"),
                                              self.tr("Ends (not included)"),
                                              self.tr("Channels")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.use())
        self.note = QLabel(self.tr("Dates differ per year and platform: change a start or an "
                                   "end in the table and Save dates to keep them for this "
                                   "year. Edited dates are marked ✎."), wordWrap=True)
        self.problems = QLabel(wordWrap=True)
        self.problems.setStyleSheet("color: #b3261e")
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton(self.tr("Use this event"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        save = QPushButton(self.tr("Save dates"))
        reset = QPushButton(self.tr("Default dates"))
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.use_button.clicked.connect(self.use)
        save.clicked.connect(self.save_dates)
        reset.clicked.connect(self.reset_dates)
        buttons.rejected.connect(self.reject)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Year")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(year_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(680, 400)
        self.load()

    def load(self) -> None:
        self.events = event_presets(self.context.uow(), self.year.value())
        self.table.setRowCount(len(self.events))
        for row, event in enumerate(self.events):
            name = QTableWidgetItem(event.label + (" ✎" if event.edited else ""))
            kinds = QTableWidgetItem(", ".join(event.channel_kinds))
            for item in (name, kinds):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, STARTS, QTableWidgetItem(event.starts))
            self.table.setItem(row, ENDS, QTableWidgetItem(event.ends))
            self.table.setItem(row, 3, kinds)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.problems.clear()

    def _dates(self, row: int) -> tuple[str, str]:
        return self.table.item(row, STARTS).text(), self.table.item(row, ENDS).text()

    def save_dates(self) -> bool:
        """Keep the dates changed in the table for the year; False when refused (shown)."""
        changed = {event.key: self._dates(row) for row, event in enumerate(self.events)
                   if self._dates(row) != (event.starts, event.ends)}
        if not changed:
            return True
        result = self.context.write(self, save_event_dates, self.year.value(), changed)
        if result is None:
            return False
        self.load()
        return True

    def show_refused(self, problems: list[object]) -> None:
        """A refused save: its problems under the table (the dialog stays as typed)."""
        self.problems.setText("\n".join(str(problem) for problem in problems))

    def reset_dates(self) -> None:
        if self.context.write(self, reset_event_dates, self.year.value()) is not None:
            self.load()

    def use(self) -> None:
        """Use the selected event with the dates in the table (kept first when changed)."""
        row = self.table.currentRow()
        if row < 0:
            return
        key = self.events[row].key
        if self.save_dates():
            self.chosen = next(event for event in self.events if event.key == key)
            self.accept()
