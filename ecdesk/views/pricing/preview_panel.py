"""The preview tab: every price the rules would set, paged from the preview table, with filters
(changes only, a flag, a channel, a SKU); Preview builds it on a worker, Apply writes all or the
selected rows after a backup, Undo puts the last apply back. Nothing is written without asking,
and the question says how many of the changes are flagged."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.channels import list_channels
from ecdesk.services.common.page import Page
from ecdesk.services.pricing.apply import apply_price_preview, undo_last_apply
from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.history import export_price_history
from ecdesk.services.pricing.preview import (
    PreviewQuery,
    PreviewRow,
    PreviewSummary,
    build_price_preview,
    preview_summary,
    read_preview_page,
)
from ecdesk.services.pricing.price_settings import read_price_settings, set_price_settings
from ecdesk.views.pricing.pricing_models import FLAG_LABELS, PreviewTableModel, tr
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import paged_table_view, set_column_widths

SEARCH_DELAY_MS = 200


class PreviewPanel(QWidget):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.summary: PreviewSummary | None = None
        self.model = PreviewTableModel(self._load, self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        layout = QVBoxLayout(self)
        layout.addLayout(self._actions())
        layout.addLayout(self._filters())
        self.summary_label = QLabel(wordWrap=True)
        summary_row = QHBoxLayout()  # the limits beside the summary: with the filters they made
        summary_row.addWidget(self.summary_label, 1)  # a row wider than a 1024 px screen
        summary_row.addLayout(self._limits())
        layout.addLayout(summary_row)
        self.table = paged_table_view(self.model, 0)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        set_column_widths(self.table, (130, 90, 150, 90, 150, 75, 95, 95))
        layout.addWidget(self.table, 1)

    def _actions(self) -> QHBoxLayout:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.preview_action = page_action(self, self.tr("Preview all rules"), "F5",
                                          self.build, toolbar)
        self.apply_all_action = page_action(self, self.tr("Apply all…"), "Ctrl+Return",
                                            self.apply_all, toolbar)
        self.apply_selected_action = page_action(self, self.tr("Apply selected…"),
                                                 "Ctrl+Shift+Return", self.apply_selected,
                                                 toolbar)
        self.undo_action = page_action(self, self.tr("Undo last apply…"), "Ctrl+Shift+Z",
                                       self.undo, toolbar)
        self.history_action = toolbar.addAction(self.tr("Export price history…"),
                                                self.export_history)
        row = QHBoxLayout()
        row.addWidget(toolbar)
        row.addStretch(1)
        return row

    def _limits(self) -> QHBoxLayout:
        self.threshold = QLineEdit(maximumWidth=60)
        self.tolerance = QLineEdit(maximumWidth=60)
        save = QPushButton(self.tr("Set"))
        save.clicked.connect(self._save_settings)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Flag changes above %")))
        row.addWidget(self.threshold)
        row.addWidget(QLabel(self.tr("channels apart above %")))
        row.addWidget(self.tolerance)
        row.addWidget(save)
        return row

    def _filters(self) -> QHBoxLayout:
        self.search = QLineEdit(placeholderText=self.tr("Search SKU…"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.channel = QComboBox()
        self.flag = QComboBox()
        self.flag.addItem(self.tr("All rows"), 0)
        self.flag.addItem(self.tr("Flagged"), int(sum(Flag)))
        for flag, label in FLAG_LABELS.items():
            self.flag.addItem(tr(label), int(flag))
        self.changes_only = QCheckBox(self.tr("Changes only"), checked=True)
        self.channel.currentIndexChanged.connect(self._apply_filters)
        self.flag.currentIndexChanged.connect(self._apply_filters)
        self.changes_only.toggled.connect(self._apply_filters)
        row = QHBoxLayout()
        row.addWidget(self.search, 2)
        row.addWidget(QLabel(self.tr("Channel")))
        row.addWidget(self.channel)
        row.addWidget(QLabel(self.tr("Flags")))
        row.addWidget(self.flag)
        row.addWidget(self.changes_only)
        return row

    def _save_settings(self) -> None:
        try:
            threshold, tolerance = (Decimal(edit.text().strip().replace(",", ".")) / 100
                                    for edit in (self.threshold, self.tolerance))
        except InvalidOperation:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("Type each limit as a percentage, e.g. 20."))
            return
        self.context.write(self, set_price_settings, change_threshold=threshold,
                           tolerance=tolerance)

    # -- data ------------------------------------------------------------------------------
    def _load(self, query: PreviewQuery, offset: int, limit: int) -> Page[PreviewRow]:
        return read_preview_page(self.context.uow(), query, offset, limit)

    def load(self) -> None:
        self._fill_channels()
        with self.context.uow() as uow:
            settings = read_price_settings(uow.session)
        for edit, rate in ((self.threshold, settings.change_threshold),
                           (self.tolerance, settings.tolerance)):
            edit.setText(format((rate * 100).normalize(), "f"))
        self.model.set_query(self.current_query())
        self._show_summary(preview_summary(self.context.uow()))

    def _fill_channels(self) -> None:
        chosen = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All prices"), None)
        self.channel.addItem(self.tr("List prices"), 0)
        for channel in list_channels(self.context.uow()):
            self.channel.addItem(channel.name, channel.id)
        self.channel.setCurrentIndex(max(0, self.channel.findData(chosen)))
        self.channel.blockSignals(False)

    def current_query(self) -> PreviewQuery:
        return replace(self.model.query, changes_only=self.changes_only.isChecked(),
                       flag=self.flag.currentData() or 0, channel_id=self.channel.currentData(),
                       sku_text=self.search.text())

    def _apply_filters(self) -> None:
        self.model.set_query(self.current_query())

    def _show_summary(self, summary: PreviewSummary) -> None:
        self.summary = summary
        if summary.rows == 0:
            text = self.tr("No preview yet, or the rules price nothing: press Preview all rules "
                           "(F5).")
        else:
            text = (self.tr("%1 prices looked at; %2 would change (%3 stored prices written); "
                            "%4 of the changes are flagged.")
                    .replace("%1", str(summary.rows)).replace("%2", str(summary.changes))
                    .replace("%3", str(summary.writes))
                    .replace("%4", str(summary.flagged_changes)))
        self.summary_label.setText(text)
        self._update_actions()

    def _update_actions(self) -> None:
        writable = not self.context.db.read_only
        writes = bool(self.summary and self.summary.writes)
        self.preview_action.setEnabled(writable)
        self.apply_all_action.setEnabled(writable and writes)
        self.apply_selected_action.setEnabled(
            writable and writes and self.table.selectionModel().hasSelection())
        self.undo_action.setEnabled(writable)

    # -- actions ---------------------------------------------------------------------------
    def build(self) -> None:
        self.context.run_operation(
            self, self.tr("Previewing the price rules"),
            lambda progress: build_price_preview(self.context.uow(), progress=progress),
            self._built)

    def _built(self, summary: PreviewSummary) -> None:
        self.load()
        self._show_summary(summary)

    def apply_all(self) -> None:
        if self.summary and self._confirm(self.summary.writes, self.summary.flagged_changes):
            self._apply(None)

    def apply_selected(self) -> None:
        rows = [self.model.row_at(index.row()) for index in
                self.table.selectionModel().selectedRows()]
        chosen = [row for row in rows if row.writes]
        if chosen and self._confirm(len(chosen), sum(1 for r in chosen if r.flags)):
            self._apply([row.id for row in chosen])

    def _confirm(self, count: int, flagged: int) -> bool:
        text = self.tr("Write %1 prices? The shop is backed up first, and Undo last apply puts "
                       "them back.").replace("%1", str(count))
        if flagged:
            text += "\n\n" + self.tr("%1 of them are flagged (below the margin floor or cost, a "
                                     "big change, or channels now inconsistent).").replace(
                "%1", str(flagged))
        return QMessageBox.question(self, self.tr("Apply prices"), text) == \
            QMessageBox.StandardButton.Yes

    def _apply(self, row_ids: list[int] | None) -> None:
        self.context.run_operation(
            self, self.tr("Applying prices"),
            lambda _progress: apply_price_preview(self.context.uow(), row_ids=row_ids),
            lambda _result: self.load(), cancellable=False)

    def undo(self) -> None:
        answer = QMessageBox.question(self, self.tr("Undo last apply"), self.tr(
            "Put back every price the last apply wrote?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.context.run_operation(
                self, self.tr("Undoing the last apply"),
                lambda _progress: undo_last_apply(self.context.uow()),
                lambda _result: self.load(), cancellable=False)

    def export_history(self) -> None:
        """Every price change of the shop, whatever made it, to a CSV or XLSX file the user
        names (a SKU's own history is on its product dialog's Prices tab)."""
        name = f"price-history-{self.context.clock.today().isoformat()}.csv"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the price history to"), name,
            self.tr("CSV (*.csv);;Excel workbook (*.xlsx)"))
        if not path:
            return
        if Path(path).suffix.lower() not in (".csv", ".xlsx"):
            path += ".xlsx" if "xlsx" in chosen else ".csv"
        db = self.context.db
        self.context.run_operation(
            self, self.tr("Exporting the price history"),
            lambda _progress: export_price_history(db.uow("gui"), Path(path)),
            cancellable=False)
