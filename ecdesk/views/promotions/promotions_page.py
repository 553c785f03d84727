"""The Promotions page: every promotion with its window in the shop's time, phase (draft,
scheduled, running, ended, cancelled: running and ended from the clock), type, channels and
stacking, filtered by phase, channel and words; new, edit (double-click) and duplicate in the
promotion editor; schedule, cancel or take back to draft; and the
checks before a promotion starts in a side panel (overlaps, prices below cost or the margin
floor after fees, compare-at prices above the seven-day lowest), each with its SKUs.

Promotions are a few hundred at most, so the list is read whole and filtered here; the checks
run as SQL on a worker. The calendar (calendar_panel.py: month and week views, drag to move a
draft) shows the same promotions as the list, the filters applying to both; a toggle switches.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.promotions.checks import Finding, check_promotions
from ecdesk.services.promotions.draft import draft_of
from ecdesk.services.promotions.store import edit_refusal, list_promotions, set_promotion_status
from ecdesk.services.promotions.terms import (
    KIND_LABELS,
    PHASE_LABELS,
    STACKING_LABELS,
    Phase,
    PromotionInfo,
    Status,
)
from ecdesk.services.promotions.usage import coupon_use_counts
from ecdesk.views.promotions.calendar_panel import CalendarPanel
from ecdesk.views.promotions.promotion_editor import PromotionEditor
from ecdesk.views.shell.shop_clock import shop_time_text
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import time_of_day
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import set_column_widths
from ecdesk.views.widgets.workers import Job

ROLE_ID = Qt.ItemDataRole.UserRole
# At most this wide, so that at 1366 px the channels stay in sight (a longer text is elided and
# whole in its tooltip; the daily hours go on a second line of the start).
NAME_WIDTH, CELL_WIDTH = 170, 220


def _label(text: str) -> str:
    """A label the services marked (N_) in their catalogue, shown in the page's language."""
    from ecdesk.i18n import _

    return _(text)


class PromotionsPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.PROMOTIONS, ChangeArea.PRICING, ChangeArea.CATALOG, ChangeArea.CHANNELS,
        ChangeArea.SETTINGS, ChangeArea.ORDERS})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.promotions: list[PromotionInfo] = []
        self.coupon_uses: dict[int, int] = {}
        self.open_editor: PromotionEditor | None = None  # the editor last opened
        self.phase = QComboBox()
        self.phase.addItem(self.tr("All phases"), "")
        for phase in Phase:
            self.phase.addItem(_label(PHASE_LABELS[phase]), phase.value)
        self.channel = QComboBox()
        self.search = QLineEdit(placeholderText=self.tr("Search names, codes, notes…"))
        for signal in (self.phase.currentIndexChanged, self.channel.currentIndexChanged,
                       self.search.textChanged):
            signal.connect(lambda *_args: self._fill())
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Starts"), self.tr("Ends"), self.tr("Phase"),
            self.tr("Type"), self.tr("Channels"), self.tr("Stacking"), self.tr("Coupon uses")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_promotion())
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = page_action(self, self.tr("New…"), "Ctrl+Shift+N", self.new_promotion,
                                      toolbar)
        self.edit_action = page_action(self, self.tr("Edit…"), "Ctrl+E", self.edit_promotion,
                                       toolbar)
        self.duplicate_action = page_action(self, self.tr("Duplicate…"), "Ctrl+Shift+C",
                                            self.duplicate_promotion, toolbar)
        self.schedule_action = page_action(self, self.tr("Schedule"), "Ctrl+Return",
                                           lambda: self._set_status(Status.SCHEDULED), toolbar)
        self.draft_action = page_action(self, self.tr("Back to draft"), "Ctrl+D",
                                        lambda: self._set_status(Status.DRAFT), toolbar)
        self.cancel_action = page_action(self, self.tr("Cancel promotion"), "Del",
                                         lambda: self._set_status(Status.CANCELLED), toolbar)
        self.calendar_action = page_action(self, self.tr("Calendar"), "Ctrl+L",
                                           self._toggle_calendar, toolbar)
        self.calendar_action.setCheckable(True)
        self.calendar_panel = CalendarPanel(context)
        self.calendar_panel.selected.connect(self._select)
        self.calendar_panel.edit_requested.connect(self._edit)
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.calendar_panel)
        filters = QHBoxLayout()
        filters.addWidget(toolbar)
        filters.addStretch(1)
        filters.addWidget(self.phase)
        filters.addWidget(self.channel)
        filters.addWidget(self.search, 1)
        self.summary = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.views, 1)
        left_layout.addWidget(self.summary)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._checks_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([940, 340])  # the list's channels in sight at 1366 px
        QVBoxLayout(self).addWidget(splitter)
        context.listen(self, self._on_changed)
        self._update_actions()

    def _checks_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        title = QLabel(self.tr("<b>Checks before a promotion starts</b>"))
        self.run_checks = QPushButton(self.tr("Run checks"))
        self.run_checks.clicked.connect(self.check)
        header.addWidget(title, 1)
        header.addWidget(self.run_checks)
        self.checks_state = QLabel(self.tr("Overlaps, prices below cost or the margin floor "
                                           "after fees, and compare-at prices above the lowest "
                                           "price of the seven days before."), wordWrap=True)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        layout.addLayout(header)
        layout.addWidget(self.checks_state)
        layout.addWidget(self.findings, 1)
        return panel

    def load(self) -> None:
        self.promotions = list_promotions(self.context.uow())
        self.coupon_uses = coupon_use_counts(self.context.uow())
        chosen = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), "")
        for name in sorted({name for p in self.promotions for name in p.channel_names}):
            self.channel.addItem(name, name)
        self.channel.setCurrentIndex(max(self.channel.findData(chosen or ""), 0))
        self.channel.blockSignals(False)
        self._fill()
        self.check()

    def _on_changed(self, _change: Changed) -> None:
        self.load()

    def shown(self) -> list[PromotionInfo]:
        now = datetime.now(UTC)
        phase, channel = self.phase.currentData(), self.channel.currentData()
        words = self.search.text().strip().lower()
        return [p for p in self.promotions
                if (not phase or p.phase(now).value == phase)
                and (not channel or channel in p.channel_names)
                and (not words or words in " ".join((p.name, p.coupon_code, p.notes)).lower())]

    def _fill(self) -> None:
        now = datetime.now(UTC)
        zone = self.context.zone
        rows = self.shown()
        self.table.setRowCount(len(rows))
        for row, p in enumerate(rows):
            hours = f"\n({_daily_hours(p)})" if p.daily_from and p.daily_to else ""
            cells = (p.name, shop_time_text(p.starts_at, zone, day=True) + hours,
                     shop_time_text(p.ends_at, zone, day=True), _label(PHASE_LABELS[p.phase(now)]),
                     _label(KIND_LABELS[p.kind]), ", ".join(p.channel_names),
                     f"{_label(STACKING_LABELS[p.stacking])} · {p.priority}",
                     self._coupon_text(p))
            self.table.setRowHeight(row, self._row_height(lines=2 if hours else 1))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(ROLE_ID, p.id)
                self.table.setItem(row, column, item)
        self._fit_columns()
        self.calendar_panel.load({p.id for p in rows})
        self.summary.setText(self.tr("%d of %d promotions") % (len(rows), len(self.promotions)))
        self._update_actions()

    def _fit_columns(self) -> None:
        """Each column as wide as its text, capped, and at least its heading (渠道 and Channels
        were cut at 1366 px); the last column takes what is left."""
        self.table.resizeColumnsToContents()
        widths = [min(self.table.columnWidth(column), NAME_WIDTH if column == 0 else CELL_WIDTH)
                  for column in range(self.table.columnCount())]
        set_column_widths(self.table, widths)

    def _row_height(self, lines: int) -> int:
        """Room for the daily hours on their own line under the start (Qt's own fit of the
        row's contents left a Chinese second line out)."""
        default = self.table.verticalHeader().defaultSectionSize()
        return default + (lines - 1) * self.table.fontMetrics().lineSpacing()

    def _coupon_text(self, promotion: PromotionInfo) -> str:
        """`D11 · 42`: the code and the orders that used it in the window."""
        if not promotion.coupon_code:
            return ""
        return f"{promotion.coupon_code} · {self.coupon_uses.get(promotion.id, 0)}"

    def current(self) -> PromotionInfo | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        promotion_id = item.data(ROLE_ID) if item else None
        return next((p for p in self.promotions if p.id == promotion_id), None)

    def show_calendar(self, shown: bool) -> None:
        """The calendar (True) or the list in the page's main area."""
        self.calendar_action.setChecked(shown)
        self.views.setCurrentWidget(self.calendar_panel if shown else self.table)

    def _toggle_calendar(self) -> None:
        self.show_calendar(self.calendar_action.isChecked())

    def _select(self, promotion_id: int) -> None:
        """A bar clicked on the calendar: the same promotion is the list's current one, so the
        actions (schedule, cancel, edit) act on it."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(ROLE_ID) == promotion_id:
                self.table.selectRow(row)
                return

    def show_target(self, target: object) -> None:
        """A search hit of a promotion: list every promotion and select it."""
        self.phase.setCurrentIndex(0)
        self.channel.setCurrentIndex(0)
        self.search.clear()
        self.load()
        promotion_id = getattr(target, "id", None)
        if isinstance(promotion_id, int):
            self.show_calendar(False)
            self._select(promotion_id)

    def _edit(self, promotion_id: int) -> None:
        """A bar double-clicked: select it and open it in the editor (read-only, saying why,
        when it can no longer be changed)."""
        self._select(promotion_id)
        self.edit_promotion()

    def editor(self, how: str) -> PromotionEditor | None:
        """The editor for a new promotion ("new"), the selected one ("edit": read-only, saying
        why, when it is running, ended or cancelled) or a draft copy of it ("duplicate")."""
        current = self.current()
        if how == "new":
            return PromotionEditor(self.context, parent=self)
        if current is None:
            return None
        if how == "duplicate":
            copy = replace(draft_of(current), status=Status.DRAFT.value,
                           name=self.tr("%1 (copy)").replace("%1", current.name))
            return PromotionEditor(self.context, copy, parent=self)
        return PromotionEditor(self.context, draft_of(current), current.id,
                               locked=edit_refusal(current, datetime.now(UTC)) or "",
                               parent=self)

    def _open_editor(self, how: str) -> None:
        """Open the editor over the page (window-modal, not a nested event loop); a saved
        promotion is then the list's current one."""
        editor = self.open_editor = self.editor(how)
        if editor is None:
            return
        editor.accepted.connect(lambda: editor.saved_id is not None
                                and self._select(editor.saved_id))
        editor.finished.connect(editor.deleteLater)
        editor.open()

    def new_promotion(self) -> None:
        self._open_editor("new")

    def edit_promotion(self) -> None:
        self._open_editor("edit")

    def duplicate_promotion(self) -> None:
        self._open_editor("duplicate")

    def _update_actions(self) -> None:
        current = self.current()
        status = current.status if current else None
        self.edit_action.setEnabled(current is not None)
        self.duplicate_action.setEnabled(current is not None)
        self.schedule_action.setEnabled(status is Status.DRAFT)
        self.draft_action.setEnabled(status is Status.SCHEDULED
                                     or status is Status.CANCELLED)
        self.cancel_action.setEnabled(status is not None and status is not Status.CANCELLED)
        self.calendar_panel.select(current.id if current else None)

    def _set_status(self, status: Status) -> None:
        current = self.current()
        if current is not None:
            self.context.write(self, set_promotion_status, current.id, status)

    def check(self) -> None:
        """Run the checks on a worker (SQL over every promotion's SKUs) and list the findings."""
        self.run_checks.setEnabled(False)
        self.checks_state.setText(self.tr("Checking…"))
        uow = self.context.uow()
        job = self.job = Job(lambda _progress: check_promotions(uow), self)
        job.signals.finished.connect(self._show_findings)
        job.signals.failed.connect(lambda error: self._checks_failed(str(error)))
        job.start()

    def _checks_failed(self, message: str) -> None:
        self.run_checks.setEnabled(True)
        self.checks_state.setText(message)

    def _show_findings(self, findings: list[Finding]) -> None:
        self.run_checks.setEnabled(True)
        self.findings.clear()
        for finding in findings:
            self.findings.addItem(_finding_text(finding))
        self.checks_state.setText(
            self.tr("Every check passed.") if not findings else
            self.tr("%n finding(s): look before the promotions start.", "", len(findings)))


def _daily_hours(promotion: PromotionInfo) -> str:
    """10:00–12:00 (10:00 AM–12:00 PM in English): the daily hours on the promotion's clock."""
    zone = ZoneInfo(promotion.time_zone)
    day = promotion.starts_at.astimezone(zone).date()
    return "–".join(time_of_day(datetime.combine(day, clock, zone), zone)
                    for clock in (promotion.daily_from, promotion.daily_to))


def _finding_text(finding: Finding) -> str:
    skus = ", ".join(finding.skus[:8])
    if len(finding.skus) > 8:
        skus += QCoreApplication.translate("PromotionsPage", " and %d more") % (
            len(finding.skus) - 8)
    return f"{finding.label} — {finding.promotion} · {finding.channel}\n{finding.detail}\n{skus}"
