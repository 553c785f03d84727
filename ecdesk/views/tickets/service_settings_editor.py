"""Service settings, one editor shown in two places (the Tickets page's Service settings dialog,
Ctrl+Shift+T, and the Settings page's Service section): the business calendar the SLA clocks run on
(working days and hours, the holiday calendar, the shop's own days off and make-up working days
for a year), the SLA targets per type and priority, and each channel's return window (days
after delivery) and transit days.

Each part saves through its service, which refuses what is wrong (a target of zero, hours that
end before they start) in its own words; the open tickets' due times follow at once. The
editor follows the changes it listens to, so its two copies never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.channels import list_channels
from ecdesk.services.returns.window import (
    DEFAULT_DAYS,
    DEFAULT_TRANSIT_DAYS,
    MAX_DAYS,
    MAX_TRANSIT_DAYS,
    WINDOW_RULE,
    return_windows,
    set_return_window,
    set_transit_days,
)
from ecdesk.services.tickets.calendar_settings import CalendarSettings, hours_text, parse_hours
from ecdesk.services.tickets.canned import list_canned_replies, save_canned_reply
from ecdesk.services.tickets.policies import (
    get_business_calendar,
    list_sla_policies,
    save_sla_policy,
    set_calendar_day,
    update_calendar_settings,
)
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.tickets.ticket_labels import PRIORITIES, TYPES, word
from ecdesk.views.widgets.locale_format import date_pattern, day
from ecdesk.views.widgets.operations import explain_refusal

WEEKDAYS = (QT_TRANSLATE_NOOP("ServiceSettingsEditor", "Mon"),
            QT_TRANSLATE_NOOP("ServiceSettingsEditor", "Tue"),
            QT_TRANSLATE_NOOP("ServiceSettingsEditor", "Wed"),
            QT_TRANSLATE_NOOP("ServiceSettingsEditor", "Thu"),
            QT_TRANSLATE_NOOP("ServiceSettingsEditor", "Fri"),
            QT_TRANSLATE_NOOP("ServiceSettingsEditor", "Sat"),
            QT_TRANSLATE_NOOP("ServiceSettingsEditor", "Sun"))


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(22)
    return table


class ServiceSettingsEditor(QWidget):
    # Calendar writes say SETTINGS and TICKETS, targets and canned replies TICKETS, and a
    # channel added or its return window changed CHANNELS.
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.SETTINGS, ChangeArea.TICKETS, ChangeArea.CHANNELS})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._calendar_box())
        left.addWidget(self._days_box())
        right.addWidget(self._sla_box())
        right.addWidget(self._windows_box())
        left.addWidget(self._canned_box())
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        context.listen(self, self._on_changed)
        self.reload()

    # -- the parts -------------------------------------------------------------------------
    def _calendar_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Business calendar"))
        self.weekdays = [QCheckBox(self.tr(day)) for day in WEEKDAYS]
        days = QHBoxLayout()
        for check in self.weekdays:
            days.addWidget(check)
        self.hours = QLineEdit(placeholderText="09:00-12:00,13:30-18:00")
        self.country = QComboBox()
        self.country.addItem(self.tr("China: public holidays and 调休"), "CN")
        self.country.addItem(self.tr("None: weekdays only"), "")
        save = QPushButton(self.tr("Save calendar"))
        save.clicked.connect(self.save_calendar)
        form = QFormLayout(box)
        form.addRow(self.tr("Working days"), days)
        form.addRow(self.tr("Working hours"), self.hours)
        form.addRow(self.tr("Holidays"), self.country)
        form.addRow(save)
        return box

    def _days_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Holidays and make-up days"))
        self.year = QSpinBox(minimum=2000, maximum=2100, value=self.context.clock.today().year)
        self.year.valueChanged.connect(lambda _y: self.reload())
        self.days = _table([self.tr("Day"), self.tr("Kind"), self.tr("Name"), self.tr("From")])
        self.day = QDateEdit(calendarPopup=True, displayFormat=date_pattern())
        self.day.setDate(QDate.currentDate())
        self.day_name = QLineEdit(placeholderText=self.tr("Name (optional)"))
        self.day_name.setMinimumWidth(120)
        off, working, forget = (QPushButton(self.tr("Day off")),
                                QPushButton(self.tr("Working day")),
                                QPushButton(self.tr("As the library says")))
        off.clicked.connect(lambda: self.set_day(False))
        working.clicked.connect(lambda: self.set_day(True))
        forget.clicked.connect(lambda: self.set_day(None))
        row = QHBoxLayout()
        for widget in (self.day, self.day_name, off, working, forget):
            row.addWidget(widget)
        column = QVBoxLayout(box)
        column.addWidget(self.year)
        column.addWidget(self.days, 1)
        column.addLayout(row)
        return box

    def _sla_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("SLA targets (working minutes)"))
        self.policies = _table([self.tr("Type"), self.tr("Priority"),
                                self.tr("First response"), self.tr("Resolution"),
                                self.tr("Set by")])
        self.policies.currentCellChanged.connect(lambda *_cells: self._policy_chosen())
        self.first = QSpinBox(minimum=0, maximum=129600, singleStep=15)
        self.resolve = QSpinBox(minimum=0, maximum=129600, singleStep=60)
        save = QPushButton(self.tr("Save targets"))
        save.clicked.connect(self.save_policy)
        row = QHBoxLayout()
        for widget in (self.first, self.resolve, save):
            row.addWidget(widget)
        column = QVBoxLayout(box)
        column.addWidget(self.policies, 1)
        column.addLayout(row)
        return box

    def _windows_box(self) -> QGroupBox:
        """Per channel: the return window in days after delivery and the days a parcel
        travels, under the rule they follow (services/returns/window.py)."""
        box = QGroupBox(self.tr("Return window"))
        self.window_rule = QLabel(_(WINDOW_RULE), wordWrap=True)
        self.window_rule.setStyleSheet("color: #5a5a5a;")
        self.windows = QGridLayout()
        self.window_spins: dict[int, QSpinBox] = {}
        self.transit_spins: dict[int, QSpinBox] = {}
        column = QVBoxLayout(box)
        column.addWidget(self.window_rule)
        column.addLayout(self.windows)
        return box

    def _fill_windows(self) -> None:
        """One row per channel (rebuilt: a channel may have been added since)."""
        while self.windows.count():
            item = self.windows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.windows.addWidget(QLabel(self.tr("Days after delivery")), 0, 1)
        self.windows.addWidget(QLabel(self.tr("Transit days")), 0, 2)
        self.window_spins.clear()
        self.transit_spins.clear()
        windows = return_windows(self.context.uow())
        for row, channel in enumerate(list_channels(self.context.uow()), start=1):
            days, transit = windows.get(channel.id, (DEFAULT_DAYS, DEFAULT_TRANSIT_DAYS))
            spin = QSpinBox(minimum=1, maximum=MAX_DAYS, value=days)
            spin.editingFinished.connect(lambda c=channel.id, s=spin, d=days: self._save_days(
                set_return_window, c, s, d))
            travel = QSpinBox(minimum=1, maximum=MAX_TRANSIT_DAYS, value=transit)
            travel.editingFinished.connect(lambda c=channel.id, s=travel, d=transit: (
                self._save_days(set_transit_days, c, s, d)))
            self.window_spins[channel.id], self.transit_spins[channel.id] = spin, travel
            self.windows.addWidget(QLabel(channel.name), row, 0)
            self.windows.addWidget(spin, row, 1)
            self.windows.addWidget(travel, row, 2)

    def _save_days(self, action: Callable[..., Changed], channel_id: int, spin: QSpinBox,
                   shown: int) -> None:
        # editingFinished also fires when the focus merely leaves the box: write a change only.
        if spin.value() != shown:
            self.context.write(self, action, channel_id, spin.value())

    def _canned_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Canned replies"))
        self.canned = QComboBox()
        self.canned.currentIndexChanged.connect(self._canned_chosen)
        self.canned_title = QLineEdit(placeholderText=self.tr("Title"))
        self.canned_body = QPlainTextEdit()
        self.canned_body.setPlaceholderText(self.tr(
            "Text; {customer}, {order}, {sku}, {ticket}, {today} and {due} are filled in"))
        self.canned_body.setMaximumHeight(80)
        save = QPushButton(self.tr("Save reply"))
        save.clicked.connect(self.save_canned)
        form = QFormLayout(box)
        form.addRow(self.canned)
        form.addRow(self.tr("Title"), self.canned_title)
        form.addRow(self.canned_body)
        form.addRow(save)
        return box

    def _canned_chosen(self) -> None:
        reply = self.canned.currentData()
        self.canned_title.setText(reply.title if reply else "")
        self.canned_body.setPlainText(reply.body if reply else "")

    def save_canned(self) -> None:
        reply = self.canned.currentData()
        self.context.write(self, save_canned_reply, title=self.canned_title.text(),
                           body=self.canned_body.toPlainText(),
                           reply_id=reply.id if reply else None)

    # -- data ------------------------------------------------------------------------------
    def _on_changed(self, _change: Changed) -> None:
        self.reload()

    def reload(self) -> None:
        self._fill_windows()
        settings, days = get_business_calendar(self.context.uow(), self.year.value())
        for n, check in enumerate(self.weekdays):
            check.setChecked(n in settings.weekdays)
        self.hours.setText(hours_text(settings.hours))
        self.country.setCurrentIndex(max(self.country.findData(settings.country), 0))
        self.days.setRowCount(len(days))
        for row, info in enumerate(days):
            values = (day(info.day), self.tr("Working day") if info.working
                      else self.tr("Day off"), info.name,
                      self.tr("Shop") if info.source == "shop" else self.tr("Library"))
            for column, value in enumerate(values):
                self.days.setItem(row, column, QTableWidgetItem(value))
        current = self.canned.currentData()
        self.canned.blockSignals(True)
        self.canned.clear()
        self.canned.addItem(self.tr("New canned reply"), None)
        for reply in list_canned_replies(self.context.uow()):
            self.canned.addItem(reply.title, reply)
        if current is not None:
            self.canned.setCurrentIndex(max(self.canned.findText(current.title), 0))
        self.canned.blockSignals(False)
        self._canned_chosen()
        self.policy_rows = list_sla_policies(self.context.uow())
        self.policies.setRowCount(len(self.policy_rows))
        for row, policy in enumerate(self.policy_rows):
            values = (word(TYPES, policy.ticket_type), word(PRIORITIES, policy.priority),
                      str(policy.first_response_minutes), str(policy.resolution_minutes),
                      self.tr("Shop") if policy.from_shop else self.tr("Default"))
            for column, value in enumerate(values):
                self.policies.setItem(row, column, QTableWidgetItem(value))

    def _policy_chosen(self) -> None:
        row = self.policies.currentRow()
        if 0 <= row < len(self.policy_rows):
            policy = self.policy_rows[row]
            self.first.setValue(policy.first_response_minutes)
            self.resolve.setValue(policy.resolution_minutes)

    # -- saving ----------------------------------------------------------------------------
    def save_calendar(self) -> None:
        try:
            hours = parse_hours(self.hours.text())
        except ValueError as error:
            explain_refusal(self, ValidationError([Problem(
                self.tr("Working hours"),
                self.tr("'%1' is not a span such as 09:00-18:00").replace("%1", str(error)))]),
                self.tr("Not saved"))
            return
        settings = CalendarSettings(
            weekdays=tuple(n for n, check in enumerate(self.weekdays) if check.isChecked()),
            hours=hours, country=self.country.currentData())
        self.context.write(self, update_calendar_settings, settings)

    def set_day(self, working: bool | None) -> None:
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        self.context.write(self, set_calendar_day, day, working=working,
                           name=self.day_name.text())

    def save_policy(self) -> None:
        row = self.policies.currentRow()
        if not 0 <= row < len(self.policy_rows):
            return
        policy = self.policy_rows[row]
        self.context.write(self, save_sla_policy, ticket_type=policy.ticket_type,
                           priority=policy.priority, first_response_minutes=self.first.value(),
                           resolution_minutes=self.resolve.value())
