"""The Tickets page: one queue for every channel's questions and complaints, the selected
ticket's thread and reply box beside it.

Saved filters (open, overdue, due today, waiting, resolved, all), the channel and type filters,
search and sort go to the tickets service in SQL. Due times come stored with the tickets; the
shop clock's minute moves "now", so "overdue 5 min" and the navigation's overdue count change
as time passes, not only when data changes. Status changes have keys (Ctrl+Shift+O open,
W waiting on the customer, U waiting on a supplier, R resolved, L close).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.page import Page
from ecdesk.services.common.search_registry import SearchHit
from ecdesk.services.returns.dto import ReturnOfOrder
from ecdesk.services.tickets.canned import list_canned_replies, placeholder_values
from ecdesk.services.tickets.commands import (
    add_entry,
    set_ticket_status,
    set_ticket_tags,
)
from ecdesk.services.tickets.dto import TicketQuery, TicketRow
from ecdesk.services.tickets.queries import (
    count_tickets,
    get_ticket,
    list_tickets,
    queue_counts,
)
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.tickets.order_returns import return_or_exchange
from ecdesk.views.tickets.ticket_dialogs import (
    CloseTicketDialog,
    NewTicketDialog,
    ReceiveReturnDialog,
    RefundDialog,
)
from ecdesk.views.tickets.ticket_labels import TYPES, word
from ecdesk.views.tickets.ticket_pane import TicketPane
from ecdesk.views.tickets.tickets_model import TicketsTableModel
from ecdesk.views.widgets.channel_filter import refill_channel_filter
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import paged_table_view, set_column_widths

SEARCH_DELAY_MS = 250
SAVED_FILTERS = [(QT_TRANSLATE_NOOP("TicketsPage", "Open"), "open"),
                 (QT_TRANSLATE_NOOP("TicketsPage", "Overdue"), "overdue"),
                 (QT_TRANSLATE_NOOP("TicketsPage", "Due today"), "due_today"),
                 (QT_TRANSLATE_NOOP("TicketsPage", "Waiting"), "waiting"),
                 (QT_TRANSLATE_NOOP("TicketsPage", "Resolved or closed"), "resolved"),
                 (QT_TRANSLATE_NOOP("TicketsPage", "All"), "all")]
# (status, action text, keys); closing asks for the satisfaction rating.
STATUS_ACTIONS = [("open", QT_TRANSLATE_NOOP("TicketsPage", "Open"), "Ctrl+Shift+O"),
                  ("waiting_customer", QT_TRANSLATE_NOOP("TicketsPage", "Waiting on customer"),
                   "Ctrl+Shift+W"),
                  ("waiting_supplier", QT_TRANSLATE_NOOP("TicketsPage", "Waiting on supplier"),
                   "Ctrl+Shift+U"),
                  ("resolved", QT_TRANSLATE_NOOP("TicketsPage", "Resolve"), "Ctrl+Shift+R"),
                  ("closed", QT_TRANSLATE_NOOP("TicketsPage", "Close…"), "Ctrl+Shift+L")]
TIME_FILTERS = ("overdue", "due_today")  # their rows change as time passes


class TicketsPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.TICKETS, ChangeArea.CHANNELS, ChangeArea.SETTINGS, ChangeArea.ORDERS})
    badge_changed = Signal(str)  # overdue tickets, "" when none

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loaded = False
        self._stale = False
        self.model = TicketsTableModel(self._load, context.zone, self._now(), self,
                                       counter=self._count)
        self.model.total_changed.connect(self._update_count)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self.status_actions: dict[str, QAction] = {}
        self._build()
        context.listen(self, self._on_changed)
        context.clock.minute_changed.connect(self._on_minute)
        QTimer.singleShot(0, self._update_badge)  # the count shows before the page is opened

    def _now(self) -> datetime:
        return self.context.clock.now()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.saved_filter = QComboBox()
        for label, value in SAVED_FILTERS:
            self.saved_filter.addItem(self.tr(label), value)
        self.search = QLineEdit(placeholderText=self.tr("Search ticket, subject, customer, "
                                                        "order…"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.channel_filter = QComboBox(minimumContentsLength=12)
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("All types"), "")
        for value in TYPES:
            self.type_filter.addItem(word(TYPES, value), value)
        for combo in (self.saved_filter, self.channel_filter, self.type_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.saved_filter, 1)
        filters.addWidget(self.search, 3)
        for label, combo in ((self.tr("Channel"), self.channel_filter),
                             (self.tr("Type"), self.type_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
        self.table = self._build_table()
        self.pane = TicketPane()
        self.pane.entry_requested.connect(self.add_entry)
        self.pane.tags_requested.connect(self.save_tags)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([980, 300])  # the list wide enough for its status at 1366 px
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(splitter, 1)

    def _build_table(self) -> QTableView:
        table = paged_table_view(self.model, 0, Qt.SortOrder.AscendingOrder)
        # (deadline, number, subject, customer, channel, type, priority, status; the creation
        # fills the rest): the type and the channel were cut at 1366 px (售中（订单/物流）,
        # 天猫旗舰店 Tmall), and the status needed scrolling; the subject, elided and whole in
        # its thread, gives way.
        set_column_widths(table, (140, 80, 120, 70, 115, 125, 60, 70))
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        return table

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = page_action(self, self.tr("New ticket…"), "Ctrl+Shift+N",
                                      self.new_ticket, toolbar)
        toolbar.addSeparator()
        for status, text, keys in STATUS_ACTIONS:
            self.status_actions[status] = page_action(
                self, self.tr(text), keys, lambda _=False, s=status: self.change_status(s),
                toolbar)
        toolbar.addSeparator()
        self.receive_action = page_action(self, self.tr("Receive return…"), "Ctrl+Shift+E",
                                          self.receive_return, toolbar)
        self.refund_action = page_action(self, self.tr("Refund…"), "Ctrl+Shift+F",
                                         self.refund, toolbar)
        toolbar.addSeparator()
        self.settings_action = page_action(self, self.tr("Service settings…"), "Ctrl+Shift+T",
                                           self.service_settings, toolbar)
        page_action(self, "", "Ctrl+Return", lambda: self.pane.request("reply"))
        page_action(self, "", QKeySequence.StandardKey.Find, self.focus_search)
        self.count_label = QLabel()
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.count_label)
        return toolbar

    # -- data ------------------------------------------------------------------------------
    def _load(self, query: TicketQuery, offset: int, limit: int) -> Page[TicketRow]:
        return list_tickets(self.context.uow(), query, now=self._now(), offset=offset,
                            limit=limit, count=False)

    def _count(self, query: TicketQuery) -> int:  # (on a worker thread)
        return count_tickets(self.context.uow(), query, now=self._now())

    def load(self) -> None:
        self._loaded = True
        self._refresh_channels()
        self._apply_filters()

    def _refresh_channels(self) -> None:
        refill_channel_filter(self.channel_filter, self.context.uow())

    def current_query(self) -> TicketQuery:
        return replace(self.model.query, filter=self.saved_filter.currentData(),
                       search=self.search.text(), channel_id=self.channel_filter.currentData(),
                       type=self.type_filter.currentData())

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.now = self._now()
        self.model.set_query(self.current_query())
        self._update_count()
        self._on_selection_changed()

    def _update_count(self) -> None:
        if self.model.total_known:
            self.count_label.setText(self.tr("%n ticket(s)", "", self.model.total))
        else:
            self.count_label.setText(self.tr("counting…"))

    def _update_badge(self) -> None:
        counts = queue_counts(self.context.uow(), now=self._now())
        self.badge_changed.emit(str(counts.overdue) if counts.overdue else "")

    def _on_changed(self, change: Changed | None) -> None:
        self._update_badge()
        if not self._loaded:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _on_minute(self, now: datetime) -> None:
        """Time passed: due texts move on, the overdue count may grow, and the overdue and
        due-today lists gain or lose rows."""
        self._update_badge()
        if not self._loaded:
            return
        if self.saved_filter.currentData() in TIME_FILTERS:
            self._on_changed(None)
            return
        self.model.set_now(now)
        self.pane.update_due(self.context.zone, now)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        selected = self.selected_ticket()
        self.model.zone = self.context.zone
        self._refresh_channels()
        self._apply_filters()
        if selected is not None:
            self.select_ticket(selected.id)

    # -- selection -------------------------------------------------------------------------
    def selected_ticket(self) -> TicketRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if len(rows) == 1 else None

    def select_ticket(self, ticket_id: int) -> None:
        row = self.model.row_of(ticket_id)
        selection = self.table.selectionModel()
        selection.clearSelection()
        if row is not None:
            selection.select(self.model.index(row, 0),
                             QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))

    def _on_selection_changed(self, *_args: object) -> None:
        row = self.selected_ticket()
        detail = get_ticket(self.context.uow(), row.id) if row is not None else None
        now = self._now()
        self.pane.show_ticket(detail, self.context.zone, now)
        if detail is not None:
            self.pane.reply.set_replies(list_canned_replies(self.context.uow()),
                                        placeholder_values(detail, now, self.context.zone))
        status = detail.row.status if detail else ""
        for value, action in self.status_actions.items():
            action.setEnabled(detail is not None and value != status)
        goods = detail is not None and bool(detail.lines)
        self.receive_action.setEnabled(goods and any(
            line.received < line.quantity for line in detail.lines) if detail else False)
        self.refund_action.setEnabled(detail is not None and detail.order_id is not None)

    def show_target(self, target: object) -> None:
        """Show a ticket found by "search everything": all tickets, searched by number; or
        start a return of a shipped order (the Orders page's action) and show its ticket."""
        if isinstance(target, ReturnOfOrder):
            if not self._loaded:
                self.load()
            ticket_id = return_or_exchange(self.context, target.order_id, self)
            if ticket_id is not None:
                number = get_ticket(self.context.uow(), ticket_id).row.number
                self.show_target(SearchHit("ticket", ticket_id, number, find_text=number))
            return
        if not isinstance(target, SearchHit) or target.kind != "ticket":
            return
        if not self._loaded:
            self.load()
        for combo in (self.channel_filter, self.type_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.saved_filter.blockSignals(True)
        self.saved_filter.setCurrentIndex(self.saved_filter.findData("all"))
        self.saved_filter.blockSignals(False)
        self.search.setText(target.find_text)
        self._apply_filters()
        self.select_ticket(target.id)
        self.table.setFocus()

    # -- actions ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_ticket(self) -> None:
        dialog = NewTicketDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            if self.model.row_of(dialog.saved_id) is None:
                self.refresh()
            self.select_ticket(dialog.saved_id)

    def add_entry(self, kind: str, text: str) -> None:
        row = self.selected_ticket()
        if row is None:
            return
        if self.context.write(self, add_entry, row.id, kind, text, at=self._now()) is not None:
            self.pane.clear_reply()

    def save_tags(self, tags: str) -> None:
        row = self.selected_ticket()
        if row is not None:
            self.context.write(self, set_ticket_tags, row.id, tags, at=self._now())

    def change_status(self, status: str) -> None:
        row = self.selected_ticket()
        if row is None:
            return
        if status == "closed":
            CloseTicketDialog(self.context, row.id, row.number, self).exec()
        else:
            self.context.write(self, set_ticket_status, row.id, status, at=self._now())

    def receive_return(self) -> None:
        if self.pane.detail is not None:
            ReceiveReturnDialog(self.context, self.pane.detail, self._now(), self).exec()

    def refund(self) -> None:
        if self.pane.detail is not None:
            RefundDialog(self.context, self.pane.detail, self).exec()

    def service_settings(self) -> None:
        from ecdesk.views.tickets.service_settings_dialog import ServiceSettingsDialog

        ServiceSettingsDialog(self.context, self).exec()
