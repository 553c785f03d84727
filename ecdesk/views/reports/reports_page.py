"""The Reports page: pick a report, a period, a channel and a file; generate it on a worker.

The report is read and written off the GUI thread (views.workers.Job) with a progress bar and
Cancel; a cancelled or failed report leaves no file. The file name is suggested from the report,
the period and the channel until the user types or browses one. "Open the file when done" hands
the finished file to the system's viewer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError, ValidationError
from ecdesk.i18n import LANGUAGE_NAMES, LANGUAGES, _, current_language
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.period import Period, last_month, this_month
from ecdesk.services.reports.generate import (
    REPORTS,
    ReportRequest,
    ReportResult,
    check_request,
    generate_report,
)
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import date_pattern
from ecdesk.views.widgets.wizard_parts import ERROR_STYLE, WARNING_STYLE, busy_row
from ecdesk.views.widgets.workers import Job

DESCRIPTIONS = {
    "sales": QT_TRANSLATE_NOOP(
        "ReportsPage", "Totals, by channel, category and day; refunds, discounts, platform fees "
        "and gross margin, with a trend chart"),
    "inventory": QT_TRANSLATE_NOOP(
        "ReportsPage", "Stock on hand x unit cost by category and SKU at the period's end, the "
        "period's movements reconciled, and the current alerts"),
    "accountant-pack": QT_TRANSLATE_NOOP(
        "ReportsPage", "Both reports in one PDF with a contents page: the file for your "
        "accountant each month"),
    "service": QT_TRANSLATE_NOOP(
        "ReportsPage", "Tickets' first-response and resolution times, SLA met, reopen rate and "
        "satisfaction by type and channel; returns by SKU and reason; refunds paid"),
    "suppliers": QT_TRANSLATE_NOOP(
        "ReportsPage", "Each supplier's scorecard for the period (on time, fill rate, lead time, "
        "rejections, returns, price variance, score) and the open purchase orders"),
    "price-list": QT_TRANSLATE_NOOP(
        "ReportsPage", "Every SKU's price on each channel, with its cost, the channel's fees on "
        "one unit and the margin after them, as they stand now"),
    "promotions": QT_TRANSLATE_NOOP(
        "ReportsPage", "Each promotion that ended in the period: sales, orders, average order "
        "value, discount cost and margin after fees during its window against the time just "
        "before, by channel and top SKUs, and coupon uses"),
}
PRESETS = ("last_month", "this_month", "custom")
FORMATS = ((".pdf", "PDF"), (".csv", QT_TRANSLATE_NOOP("ReportsPage", "CSV (the same tables)")),
           (".xlsx", QT_TRANSLATE_NOOP("ReportsPage",
                                       "Excel workbook (the same tables, one sheet each)")))


class ReportsPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.CHANNELS, ChangeArea.SETTINGS})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: Job | None = None
        self.result: ReportResult | None = None
        self._named_by_user = False  # once the user chose a file name, stop suggesting one
        self._build()
        self._fill_channels()
        self._report_chosen()
        self._preset_chosen()
        context.listen(self, self._on_changed)
        context.clock.day_changed.connect(self._on_new_day)

    # -- the form --------------------------------------------------------------------------
    def _build(self) -> None:
        self.report_buttons = QButtonGroup(self)
        reports = QVBoxLayout()
        for index, (name, kind) in enumerate(REPORTS.items()):
            button = QRadioButton(_(kind.title), checked=index == 0)
            button.setProperty("report", name)
            self.report_buttons.addButton(button, index)
            hint = QLabel(self.tr(DESCRIPTIONS[name]), wordWrap=True)
            hint.setStyleSheet("color: palette(mid); margin-left: 22px")
            reports.addWidget(button)
            reports.addWidget(hint)
        self.report_buttons.idToggled.connect(lambda _id, on: on and self._report_chosen())

        self.preset = QComboBox()
        for key, label in zip(PRESETS, (self.tr("Last month"), self.tr("This month (to date)"),
                                        self.tr("Other dates…")), strict=True):
            self.preset.addItem(label, key)
        self.first_edit, self.last_edit = self._date_edit(), self._date_edit()
        period_row = QHBoxLayout()
        for widget in (self.preset, QLabel(self.tr("from")), self.first_edit,
                       QLabel(self.tr("to")), self.last_edit):
            period_row.addWidget(widget)
        period_row.addStretch(1)
        self.preset.currentIndexChanged.connect(lambda _i: self._preset_chosen())

        self.channel = QComboBox()
        self.channel_hint = QLabel(wordWrap=True)
        self.channel_hint.setStyleSheet("color: palette(mid)")
        self.format = QComboBox()
        for suffix, label in FORMATS:
            self.format.addItem(self.tr(label), suffix)
        self.path_edit = QLineEdit()
        self.path_edit.textEdited.connect(self._path_typed)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.problem = QLabel(wordWrap=True)
        self.open_when_done = QCheckBox(self.tr("Open the file when done"), checked=True)
        self.language = QComboBox()  # an accountant abroad may read another language
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(current_language()))

        form = QFormLayout()
        form.addRow(self.tr("Report"), reports)
        form.addRow(self.tr("Period"), period_row)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow("", self.channel_hint)
        form.addRow(self.tr("File type"), self.format)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Save as"), file_row)
        form.addRow("", self.problem)
        form.addRow("", self.open_when_done)

        self.generate_button = QPushButton(self.tr("&Generate report"))
        self.generate_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.generate_button.setToolTip(self.tr("Generate the report (Ctrl+Enter)"))
        self.generate_button.clicked.connect(self.generate)
        self.bar, self.cancel_button, actions = busy_row(self)
        self.cancel_button.clicked.connect(self.cancel)
        actions.insertWidget(0, self.generate_button)
        actions.addStretch(0)
        self.status = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.
                             TextSelectableByMouse)

        column = QVBoxLayout()
        title = QLabel(self.tr("Reports"))
        title.setStyleSheet("font-size: 16pt")
        column.addWidget(title)
        column.addLayout(form)
        column.addLayout(actions)
        column.addWidget(self.status)
        column.addStretch(1)
        body = QWidget()
        body.setMaximumWidth(820)
        body.setLayout(column)
        outer = QHBoxLayout(self)
        outer.addWidget(body, 1)
        outer.addStretch(0)

        self.first_edit.dateChanged.connect(lambda _d: self._inputs_changed())
        self.last_edit.dateChanged.connect(lambda _d: self._inputs_changed())
        self.channel.currentIndexChanged.connect(lambda _i: self._inputs_changed())
        self.format.currentIndexChanged.connect(lambda _i: self._inputs_changed())

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(calendarPopup=True, displayFormat=date_pattern())
        edit.setMinimumDate(QDate(2000, 1, 1))
        return edit

    def _fill_channels(self) -> None:
        from ecdesk.services.channels import list_channels

        current = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), None)
        for channel in list_channels(self.context.uow(), include_archived=True):
            label = channel.name + (self.tr(" (archived)") if channel.archived else "")
            self.channel.addItem(label, channel.name)
        self.channel.setCurrentIndex(max(self.channel.findData(current), 0))
        self.channel.blockSignals(False)

    # -- what is chosen ----------------------------------------------------------------------
    @property
    def report_name(self) -> str:
        button = self.report_buttons.checkedButton()
        return str(button.property("report"))

    def choose_report(self, name: str) -> None:
        for button in self.report_buttons.buttons():
            if button.property("report") == name:
                button.setChecked(True)

    def period(self) -> Period | None:
        """The chosen days, or None while the end is before the start."""
        first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        return Period(first, last) if first <= last else None

    def set_dates(self, first: date, last: date) -> None:
        """Other dates, as typed in the date boxes."""
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self.first_edit.setDate(QDate(first))
        self.last_edit.setDate(QDate(last))

    def channel_name(self) -> str | None:
        if not REPORTS[self.report_name].per_channel:
            return None
        name = self.channel.currentData()
        return str(name) if name else None

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def request(self) -> ReportRequest | None:
        period = self.period()
        if period is None:
            return None
        return ReportRequest(self.report_name, period, self.path(), self.channel_name(),
                             language=self.language.currentData())

    # -- keeping the form consistent ----------------------------------------------------------
    def _today(self) -> date:
        return self.context.clock.today()

    def _preset_chosen(self) -> None:
        key = self.preset.currentData()
        custom = key == "custom"
        self.first_edit.setEnabled(custom)
        self.last_edit.setEnabled(custom)
        if not custom:
            period = (last_month if key == "last_month" else this_month)(self._today())
            for edit, day in ((self.first_edit, period.first), (self.last_edit, period.last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day))
                edit.blockSignals(False)
        self._inputs_changed()

    def _report_chosen(self) -> None:
        per_channel = REPORTS[self.report_name].per_channel
        self.channel.setEnabled(per_channel)
        self.channel_hint.setText("" if per_channel else self.tr(
            "Stock is shared by every channel: this report covers the whole shop."))
        self.channel_hint.setVisible(not per_channel)
        self._inputs_changed()

    def _path_typed(self, _text: str) -> None:
        self._named_by_user = True
        self.check()

    def _inputs_changed(self) -> None:
        suffix = self.format.currentData()
        if not self._named_by_user:
            self.path_edit.setText(str(self._folder() / self.suggested_name()))
        elif self.path_edit.text().strip() and self.path().suffix.lower() != suffix:
            self.path_edit.setText(str(self.path().with_suffix(suffix)))
        self.check()

    def _folder(self) -> Path:
        text = self.path_edit.text().strip()
        if text and self.path().parent.is_dir():
            return self.path().parent
        return self.context.db.path.parent

    def suggested_name(self) -> str:
        """`sales-2026-11.pdf`, `accountant-pack-2026-11-Tmall.pdf`..."""
        period = self.period()
        parts = [self.report_name, period.slug() if period else "period"]
        channel = self.channel_name()
        if channel:
            parts.append("".join(c if c.isalnum() or c in "-_" else "-" for c in channel))
        return "-".join(parts).replace("--", "-") + self.format.currentData()

    def browse(self) -> None:
        filters = ";;".join(self.tr(label) + f" (*{suffix})" for suffix, label in FORMATS)
        chosen, picked_filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), str(self.path()), filters,
            self._filter_for(filters))
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() not in [s for s, _ in FORMATS]:
                suffix = next((s for s, _ in FORMATS if s in picked_filter), ".pdf")
                path = path.with_suffix(suffix)
            self._named_by_user = True
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(path.suffix.lower()))
            self.format.blockSignals(False)
            self.path_edit.setText(str(path))
            self.check()

    def _filter_for(self, filters: str) -> str:
        return filters.split(";;")[max(self.format.currentIndex(), 0)]

    def check(self) -> bool:
        """Say what is wrong as soon as it is; Generate waits until it is right."""
        problem, warning = "", ""
        request = self.request()
        path = self.path()
        if request is None:
            problem = self.tr("The period ends before it starts: choose a later end date.")
        elif not self.path_edit.text().strip():
            problem = self.tr("Choose where to save the report.")
        else:
            problems = check_request(request)
            if problems:  # the service's own words, as a sentence
                message = problems[0].message
                problem = message[0].upper() + message[1:] + "."
            elif path.exists() and not (self.result and self.result.path == path):
                warning = self.tr("%s exists and will be replaced.") % path.name
        self.problem.setText(problem or warning)
        self.problem.setStyleSheet(ERROR_STYLE if problem else WARNING_STYLE)
        self.problem.setVisible(bool(problem or warning))
        self.generate_button.setEnabled(not problem and not self.running)
        return not problem

    # -- generating ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def generate(self) -> None:
        if self.running or not self.check():
            return
        request = self.request()
        assert request is not None  # check() refused a period ending before it starts
        db = self.context.db

        def work(progress: Any) -> ReportResult:
            return generate_report(db.uow("gui"), request, progress)

        self.result = None
        self._set_busy(True)
        self.status.setText(self.tr("Generating %s…") % _(REPORTS[request.name].title))
        self.status.setStyleSheet("")
        job = self.job = Job(work, self)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._generated)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        job.start()

    def cancel(self) -> None:
        if self.running and self.job is not None:
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
            self.job.cancel()

    def _set_busy(self, busy: bool) -> None:
        """While a report is made, its settings cannot change under it."""
        for widget in (self.preset, self.format, self.path_edit, self.browse_button,
                       *self.report_buttons.buttons()):
            widget.setEnabled(not busy)
        custom = self.preset.currentData() == "custom"
        self.first_edit.setEnabled(custom and not busy)
        self.last_edit.setEnabled(custom and not busy)
        self.channel.setEnabled(not busy and REPORTS[self.report_name].per_channel)
        self.bar.setRange(0, 0)
        self.bar.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.cancel_button.setVisible(busy)
        self.generate_button.setEnabled(not busy)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _generated(self, result: ReportResult) -> None:
        self.result = result
        self._stop(self.tr("Wrote %s to %s") % (
            result.title + (self.tr(" (%s pages)") % result.pages
                                     if result.pages else ""), result.path))
        self.context.status_message.emit(self.status.text())
        if self.open_when_done.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

    def _failed(self, error: EcdeskError) -> None:
        if isinstance(error, ValidationError):
            text = "; ".join(str(problem) for problem in error.problems)
        else:
            text = str(error)
        self._stop(self.tr("No report was written: %s") % text, ERROR_STYLE)

    def _cancelled(self) -> None:
        self._stop(self.tr("The report was cancelled: no file was written."), WARNING_STYLE)

    def _stop(self, text: str, style: str = "") -> None:
        self._set_busy(False)
        self.status.setText(text)
        self.status.setStyleSheet(style)
        self.check()

    def _on_new_day(self, _day: date) -> None:
        """"Last month" and "This month" follow the shop's today, which just turned."""
        if not self.running and self.preset.currentData() != "custom":
            self._preset_chosen()

    def _on_changed(self, change: Changed | None) -> None:
        if change is None or self.running:
            return
        if ChangeArea.CHANNELS in change.areas:
            self._fill_channels()
        if ChangeArea.SETTINGS in change.areas:
            self._preset_chosen()  # the shop's time zone decides which day today is
