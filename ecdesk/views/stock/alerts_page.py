"""The Alerts page: every inventory alert with its severity, reason and the numbers behind it.

Alerts are computed off the GUI thread (one SQL pass, see services.stock.alerts) shortly after
the window opens, so that the navigation item shows its count ("Alerts (12)": open critical and
warning alerts) before the page is ever opened, and again after every write that can change
them (orders, stock, catalog, settings). Alerts can be acknowledged, snoozed until a day or
shown again, several at once; stock can be received and a SKU's stock rules set from here, and
a double-click (or Enter) takes the owner to the SKU on the Inventory page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError
from ecdesk.i18n import _
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.stock.alerts import compute_alerts
from ecdesk.services.stock.alerts_acks import (
    acknowledge_alerts,
    snooze_alerts,
    unacknowledge_alerts,
)
from ecdesk.services.stock.alerts_dto import Alert, AlertKind, AlertReport, Severity
from ecdesk.services.stock.alerts_reasons import days, per_day
from ecdesk.views.shell.shop_clock import shop_time_text
from ecdesk.views.shell.shop_context import ShopContext, SkuTarget
from ecdesk.views.stock.alerts_page_model import (
    REASON_COLUMN,
    STATE_COLUMN,
    AlertsTableModel,
    kind_label,
    severity_label,
)
from ecdesk.views.stock.alerts_page_snooze import SnoozeDialog
from ecdesk.views.stock.stock_labels import units
from ecdesk.views.widgets.locale_format import day, integer
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import paged_table_view
from ecdesk.views.widgets.workers import Job

translate = QCoreApplication.translate

START_DELAY_MS = 1000  # the first computation waits until the window and Listings are shown
CHANGE_DELAY_MS = 300  # a burst of writes is one recomputation
SEARCH_DELAY_MS = 150
URGENT = (Severity.CRITICAL, Severity.WARNING)
SEVERITY_FILTERS: list[tuple[str, tuple[Severity, ...]]] = [
    (QT_TRANSLATE_NOOP("AlertsPage", "All severities"), tuple(Severity)),
    (QT_TRANSLATE_NOOP("AlertsPage", "Critical and warnings"), URGENT),
    (QT_TRANSLATE_NOOP("AlertsPage", "Critical"), (Severity.CRITICAL,)),
    (QT_TRANSLATE_NOOP("AlertsPage", "Warnings"), (Severity.WARNING,)),
    (QT_TRANSLATE_NOOP("AlertsPage", "Information"), (Severity.INFO,)),
]
# The text each column usually holds on one of its two lines (the header is measured too, for
# the figures): sized to them, the columns leave the Reason the rest of the width at 1280-1366
# px, where it wraps onto a second line and reads whole without its tooltip.
COLUMN_SAMPLES = ("Critical", "SKU-00000-0", "Linen shirt 244", "Runs out within",
                  "", "−999", "0.071", "99.9", "999", "999", "Back: worse than acknowledged")
ICON_ROOM = 24  # the severity icon beside its label
REASON_LINES = 2


class AlertsPage(QWidget):
    badge_changed = Signal(str)  # open critical + warning alerts, "" when none
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.CATALOG, ChangeArea.CHANNELS, ChangeArea.SETTINGS, ChangeArea.ORDERS,
        ChangeArea.STOCK})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.report: AlertReport | None = None
        self.model = AlertsTableModel(context.zone, self)
        self._job: Job | None = None  # the running computation
        self._again = False  # a change arrived while computing: compute once more after
        self._change_timer = QTimer(self, singleShot=True, interval=CHANGE_DELAY_MS)
        self._change_timer.timeout.connect(self.refresh)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self._build()
        context.listen(self, self._on_changed)
        context.clock.day_changed.connect(self._on_new_day)
        QTimer.singleShot(START_DELAY_MS, self, self._start)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addLayout(self._actions())
        self.table = self._table()
        self.detail = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self._update_actions()

    def _filters(self) -> QHBoxLayout:
        self.search = QLineEdit(placeholderText=self.tr("Search SKU or product…"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.severity_filter = QComboBox()
        for label, severities in SEVERITY_FILTERS:
            self.severity_filter.addItem(self.tr(label), severities)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All alerts"), None)
        for kind in AlertKind:
            self.kind_filter.addItem(kind_label_of(kind), kind)
        self.show_hidden = QCheckBox(self.tr("Show acknowledged and snoozed"))
        for combo in (self.severity_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.show_hidden.toggled.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(self.tr("Severity")))
        filters.addWidget(self.severity_filter)
        filters.addWidget(QLabel(self.tr("Alert")))
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.show_hidden)
        return filters

    def _actions(self) -> QHBoxLayout:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.inventory_action = self._show_in_inventory_action()
        toolbar.addAction(self.inventory_action)
        toolbar.addSeparator()
        self.ack_action = page_action(self, self.tr("Acknowledge"), "Ctrl+Shift+A",
                                      self.acknowledge_selected, toolbar)
        self.snooze_action = page_action(self, self.tr("Snooze until…"), "Ctrl+Shift+S",
                                         self.snooze_selected, toolbar)
        self.show_again_action = page_action(self, self.tr("Show again"), "Ctrl+Shift+U",
                                             self.show_selected_again, toolbar)
        toolbar.addSeparator()
        self.receive_action = page_action(self, self.tr("Receive stock…"), "Ctrl+R",
                                          self.receive_stock, toolbar)
        self.rules_action = page_action(self, self.tr("Stock rules…"), "Ctrl+Shift+R",
                                        self.stock_rules, toolbar)
        toolbar.addSeparator()
        self.refresh_action = page_action(self, self.tr("Refresh"), "F5", self.refresh, toolbar)
        page_action(self, "", QKeySequence.StandardKey.Find, self.search.setFocus)
        self.status = QLabel(self.tr("Checking stock…"))
        actions = QHBoxLayout()
        actions.addWidget(toolbar)
        actions.addStretch(1)
        actions.addWidget(self.status)
        return actions

    def _show_in_inventory_action(self) -> QAction:
        """Enter, like a double-click, opens the selected alert's SKU: only while the table has
        the focus (Enter in the search box must not take the owner away)."""
        action = QAction(self.tr("Show in Inventory"), self)
        action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(self.tr("Show the SKU on the Inventory page, with its stock "
                                  "movements (Enter or double-click)"))
        action.triggered.connect(self.show_in_inventory)
        return action

    def _table(self) -> QTableView:
        # Severity first (ascending sorts the most severe up), which keeps the service's order.
        table = paged_table_view(self.model, 0)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._fit_columns(table)
        table.setColumnHidden(STATE_COLUMN, True)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(self._double_clicked)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.inventory_action)  # (its Enter shortcut lives on the table)
        for action in self.actions():
            if action.text():
                table.addAction(action)
        return table

    def _fit_columns(self, table: QTableView) -> None:
        """Every column as wide as its usual text; the reason takes the rest, on two lines."""
        metrics, pad = table.fontMetrics(), 12
        for column, sample in enumerate(COLUMN_SAMPLES):
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(header))
            table.setColumnWidth(column, widest + pad + (ICON_ROOM if column == 0 else 0))
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().setSectionResizeMode(REASON_COLUMN,
                                                      QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setDefaultSectionSize(REASON_LINES * metrics.lineSpacing() + 8)

    # -- computing -------------------------------------------------------------------------
    def _start(self) -> None:
        if self.report is None and not self.computing:
            self.refresh()

    def load(self) -> None:
        """First shown: compute now unless the start-up computation already did or is on it."""
        self._start()

    @property
    def computing(self) -> bool:
        return self._job is not None and self._job.running

    def refresh(self) -> None:
        """Compute the alerts again on a worker thread (once more after, if one is running)."""
        self._change_timer.stop()
        if self.computing:
            self._again = True
            return
        db, forget = self.context.db, not self.context.db.read_only
        job = Job(lambda _progress: compute_alerts(db.uow("gui"), forget_resolved=forget), self)
        job.signals.finished.connect(self._computed)
        job.signals.failed.connect(self._failed)
        self._job = job.start()
        self._show_status()

    def _computed(self, report: AlertReport) -> None:
        self.report = report
        self.badge_changed.emit(str(report.urgent_count) if report.urgent_count else "")
        self._apply_filters()
        self._after_job()

    def _failed(self, error: EcdeskError) -> None:
        self.status.setText(self.tr("Alerts could not be computed: %s") % error)
        self._after_job()

    def _after_job(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _on_changed(self, change: Changed) -> None:
        if ChangeArea.SETTINGS in change.areas:
            self.model.set_zone(self.context.zone)
        self._change_timer.start()

    def _on_new_day(self, _day: date) -> None:
        """Snoozes end at the start of a shop day, and days without a sale count by day."""
        self._change_timer.start()

    # -- filtering -------------------------------------------------------------------------
    def _apply_filters(self) -> None:
        self._search_timer.stop()
        self.table.setColumnHidden(STATE_COLUMN, not self.show_hidden.isChecked())
        selected = {alert.key for alert in self.selected_alerts()}
        self.model.set_alerts(self._filtered())
        self._select_keys(selected)
        self._show_status()
        self._selection_changed()

    def _filtered(self) -> list[Alert]:
        if self.report is None:
            return []
        severities = set(self.severity_filter.currentData() or ())
        kind = self.kind_filter.currentData()
        text = self.search.text().strip().casefold()
        hidden_too = self.show_hidden.isChecked()
        return [alert for alert in self.report.alerts
                if (hidden_too or not alert.hidden) and alert.severity in severities
                and (kind is None or alert.kind == kind)
                and (not text or text in alert.sku.casefold() or text in alert.title.casefold())]

    def _select_keys(self, keys: set[object]) -> None:
        if not keys:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row, alert in enumerate(self.model.alerts):
            if alert.key in keys:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        self.table.selectionModel().select(selection,
                                           QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _show_status(self) -> None:
        report = self.report
        if report is None:
            self.status.setText(self.tr("Checking stock…"))
            return
        counts = report.open_counts
        text = self.tr("%s shown · %s critical, %s warnings, %s for information") % (
            integer(self.model.rowCount()), integer(counts[Severity.CRITICAL]),
            integer(counts[Severity.WARNING]), integer(counts[Severity.INFO]))
        if report.hidden_count:
            text += self.tr(" · %s acknowledged or snoozed") % integer(report.hidden_count)
        if not report.alerts:
            text = self.tr("No alerts: all %s SKUs look fine") % integer(report.skus_checked)
        text += self.tr(" · checked %s") % shop_time_text(report.computed_at, self.context.zone)
        if self.computing:
            text += self.tr(" · checking again…")
        self.status.setText(text)

    # -- selection and detail --------------------------------------------------------------
    def selected_alerts(self) -> list[Alert]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [alert for row in rows if (alert := self.model.alert_at(row)) is not None]

    def select_rows(self, *rows: int) -> None:
        selection = QItemSelection()
        for row in rows:
            selection.select(self.model.index(row, 0),
                             self.model.index(row, self.model.columnCount() - 1))
        self.table.selectionModel().select(selection,
                                           QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _selection_changed(self, *_args: object) -> None:
        alerts = self.selected_alerts()
        if len(alerts) == 1:
            self.detail.setText(detail_html(alerts[0], self.context.settings.timezone))
        else:
            hint = (self.tr("%s alerts selected: acknowledge or snooze them together.")
                    % len(alerts) if alerts else
                    self.tr("Select an alert to see the numbers behind it; select several to "
                            "acknowledge or snooze them together."))
            self.detail.setText(f"<span style='color:#8a8a8a'>{html.escape(hint)}</span>")
        self._update_actions()

    def _update_actions(self) -> None:
        alerts = self.selected_alerts()
        writable = not self.context.db.read_only
        self.ack_action.setEnabled(writable and any(not a.hidden for a in alerts))
        self.snooze_action.setEnabled(writable and any(not a.hidden for a in alerts))
        self.show_again_action.setEnabled(writable and any(
            a.acknowledged_at is not None for a in alerts))
        one_sku = len({a.variant_id for a in alerts}) == 1
        self.receive_action.setEnabled(writable and one_sku)
        self.rules_action.setEnabled(writable and one_sku)
        self.inventory_action.setEnabled(one_sku)

    # -- actions ---------------------------------------------------------------------------
    def acknowledge_selected(self) -> None:
        alerts = [a for a in self.selected_alerts() if not a.hidden]
        if alerts and self.context.write(self, acknowledge_alerts, alerts):
            now = datetime.now(UTC)
            self._mark(alerts, lambda a: a._replace(hidden=True, acknowledged_at=now,
                                                    snoozed_until=None))

    def snooze_selected(self) -> None:
        alerts = [a for a in self.selected_alerts() if not a.hidden]
        if not alerts:
            return
        zone = self.context.zone
        dialog = SnoozeDialog(self.context.clock.today(), len(alerts), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        day = dialog.chosen_day()
        if self.context.write(self, snooze_alerts, alerts, day):
            until = datetime(day.year, day.month, day.day, tzinfo=zone)
            now = datetime.now(UTC)
            self._mark(alerts, lambda a: a._replace(hidden=True, acknowledged_at=now,
                                                    snoozed_until=until))

    def show_selected_again(self) -> None:
        alerts = [a for a in self.selected_alerts() if a.acknowledged_at is not None]
        if alerts and self.context.write(self, unacknowledge_alerts, [a.key for a in alerts]):
            self._mark(alerts, lambda a: a._replace(hidden=False, acknowledged_at=None,
                                                    snoozed_until=None))

    def _mark(self, alerts: Sequence[Alert], change: Callable[[Alert], Alert]) -> None:
        """Show the write at once; the recomputation its Changed starts confirms it."""
        if self.report is None:
            return
        keys = {a.key for a in alerts}
        updated = tuple(change(a) if a.key in keys else a for a in self.report.alerts)
        hidden = sum(a.hidden for a in updated)
        counts = {s: sum(1 for a in updated if a.severity == s and not a.hidden)
                  for s in Severity}
        self.report = AlertReport(updated, self.report.computed_at, self.report.skus_checked,
                                  counts, hidden)
        urgent = self.report.urgent_count
        self.badge_changed.emit(str(urgent) if urgent else "")
        self._apply_filters()

    def show_in_inventory(self) -> None:
        """Take the owner to the selected alert's SKU on the Inventory page."""
        alerts = self.selected_alerts()
        if len({alert.variant_id for alert in alerts}) == 1:
            self._show_sku(alerts[0])

    def _double_clicked(self, index: QModelIndex) -> None:
        alert = self.model.alert_at(index.row())
        if alert is not None:
            self._show_sku(alert)

    def _show_sku(self, alert: Alert) -> None:
        self.context.show_on_page("inventory", SkuTarget(alert.variant_id, alert.sku))

    def receive_stock(self) -> None:
        from ecdesk.views.stock.stock_adjust_dialog import RECEIVED, StockAdjustDialog

        variant_id = self._one_sku()
        if variant_id is not None:
            StockAdjustDialog(self.context, variant_id, RECEIVED, self).exec()

    def stock_rules(self) -> None:
        from ecdesk.views.stock.stock_rules_dialog import StockRulesDialog

        variant_id = self._one_sku()
        if variant_id is not None:
            StockRulesDialog(self.context, variant_id, self).exec()

    def _one_sku(self) -> int | None:
        ids = {alert.variant_id for alert in self.selected_alerts()}
        if len(ids) != 1 or self.context.db.read_only:
            return None
        return ids.pop()


def kind_label_of(kind: AlertKind) -> str:
    from ecdesk.services.stock.alerts_dto import KIND_LABELS

    return _(KIND_LABELS[kind])


def detail_html(alert: Alert, timezone: str) -> str:
    """The selected alert and every number behind it."""
    f, zone = alert.figures, ZoneInfo(timezone)
    point = (translate("alerts", "set by hand") if f.reorder_point_set
             else translate("alerts", "from sales"))
    if f.sold_in_window:
        sold = translate("alerts", "Sold %s in the last %s days: %s a day") % (
            f.sold_in_window, f.window_days, per_day(f.velocity))
    else:
        sold = translate("alerts", "No sales in the last %s days") % f.window_days
    lines = [
        f"<b>{html.escape(alert.sku)}</b> · {html.escape(alert.title)} — "
        f"{html.escape(severity_label(alert.severity))}: {html.escape(kind_label(alert))}",
        html.escape(alert.reason),
        translate("alerts", "On hand %s · on open orders %s · available %s · on order %s · "
                  "projected %s") % (units(f.on_hand), units(f.committed), units(f.available),
                                     units(f.on_order), units(f.projected)),
        translate("alerts", "%s · days of cover %s · lead time %s days") % (
            sold, days(f.days_of_cover), f.lead_time_days),
        translate("alerts", "Safety stock %s · reorder point %s (%s) · maximum %s · order %s "
                  "(packs of %s, at least %s)") % (
            units(f.safety_stock), units(f.reorder_point), point, units(f.max_level),
            units(f.suggested_qty), f.pack_multiple, f.min_order_qty),
    ]
    extra = []
    if f.last_sold_at is not None:
        extra.append(translate("alerts", "last sale %s")
                     % day(f.last_sold_at.astimezone(zone).date()))
    if f.listed_on:
        extra.append(translate("alerts", "listed on %s") % html.escape(", ".join(f.listed_on)))
    if extra:
        text = " · ".join(extra)
        lines.append(text[:1].upper() + text[1:])
    return "<br>".join(lines)
