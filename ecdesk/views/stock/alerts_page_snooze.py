"""Snooze until…: pick the day the chosen alerts come back (unless they get worse first)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.stock.alerts_acks import MAX_SNOOZE_DAYS
from ecdesk.views.widgets.locale_format import day as locale_day

QUICK_CHOICES = (
    (QT_TRANSLATE_NOOP("SnoozeDialog", "Tomorrow"), 1),
    (QT_TRANSLATE_NOOP("SnoozeDialog", "In a week"), 7),
    (QT_TRANSLATE_NOOP("SnoozeDialog", "In two weeks"), 14),
    (QT_TRANSLATE_NOOP("SnoozeDialog", "In a month"), 30),
)


class SnoozeDialog(QDialog):
    def __init__(self, today: date, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze alerts"))
        self._today = today
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(_qdate(today + timedelta(days=1)))
        self.calendar.setMaximumDate(_qdate(today + timedelta(days=MAX_SNOOZE_DAYS)))
        self.calendar.setSelectedDate(_qdate(today + timedelta(days=7)))
        self.calendar.selectionChanged.connect(self._describe)
        self.calendar.activated.connect(lambda _day: self.accept())
        quick = QHBoxLayout()
        for label, offset in QUICK_CHOICES:
            button = QPushButton(self.tr(label))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, days=offset: self._pick(days))
            quick.addWidget(button)
        self.summary = QLabel(wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Snooze"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Hide %n alert(s) until the start of:", "", count)))
        layout.addLayout(quick)
        layout.addWidget(self.calendar)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self._describe()

    def chosen_day(self) -> date:
        return self.calendar.selectedDate().toPython()  # type: ignore[no-any-return]

    def _pick(self, days: int) -> None:
        self.calendar.setSelectedDate(_qdate(self._today + timedelta(days=days)))

    def _describe(self) -> None:
        chosen = self.chosen_day()
        self.summary.setText(self.tr(
            "They come back on %s (in %n day(s)), or sooner if they get worse.", "",
            (chosen - self._today).days) % locale_day(chosen))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
