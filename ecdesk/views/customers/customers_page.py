"""The Customers page: every customer across channels with RFM and segment, searched and
filtered by segment in SQL, with the selected customer's profile, handles and orders below.
Edit, merge and export a segment to CSV/XLSX from the toolbar or the keyboard."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.errors import EcdeskError
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.page import Page
from ecdesk.services.common.search_registry import SearchHit
from ecdesk.services.customers.dto import (
    CustomerDetail,
    CustomerQuery,
    CustomerRow,
    SegmentSummary,
)
from ecdesk.services.customers.export import export_customers
from ecdesk.services.customers.queries import (
    customer_orders,
    customer_tickets,
    get_customer,
    list_customers,
    segment_summary,
)
from ecdesk.services.customers.rfm_store import (
    RfmRefreshed,
    refresh_customer_rfm,
    scores_are_stale,
)
from ecdesk.services.customers.segments import SEGMENTS, segment_label
from ecdesk.views.customers.customer_dialogs import CustomerDialog, MergeDialog
from ecdesk.views.customers.customers_model import CustomersTableModel
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.forms import problem_label
from ecdesk.views.widgets.locale_format import amount, day, integer, percent, stamp
from ecdesk.views.widgets.operations import Operation, explain_refusal
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import paged_table_view, set_column_widths

SEARCH_DELAY_MS = 200
COLUMN_WIDTHS = (150, 150, 100, 60, 100, 130, 60, 140, 170)


class CustomersPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.CUSTOMERS, ChangeArea.ORDERS, ChangeArea.TICKETS, ChangeArea.SETTINGS,
        ChangeArea.CHANNELS})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loaded = False
        self.model = CustomersTableModel(self._load, context.zone, context.settings.currency,
                                         self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self._target: int | None = None
        self._summary: SegmentSummary | None = None
        self.scoring: Operation | None = None  # the stored RFM's refresh on a worker, if running
        self._build()
        context.listen(self, self._on_changed)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr(
            "Search name, buyer id, e-mail, phone, tags, notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.segment_filter = QComboBox()
        self.segment_filter.addItem(self.tr("All customers"), "")
        for segment in SEGMENTS:
            self.segment_filter.addItem(segment_label(segment), segment)
        self.segment_filter.currentIndexChanged.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(self.tr("Segment")))
        filters.addWidget(self.segment_filter, 1)

        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.table = paged_table_view(self.model, 4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        set_column_widths(self.table, COLUMN_WIDTHS)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.doubleClicked.connect(lambda _index: self.edit_customer())
        self.edit_action = page_action(self, self.tr("Edit…"), "Ctrl+E", self.edit_customer,
                                       self.table, toolbar)
        self.merge_action = page_action(self, self.tr("Merge into…"), "Ctrl+M",
                                        self.merge_customer, self.table, toolbar)
        self.export_action = page_action(self, self.tr("Export list…"), "Ctrl+Shift+E",
                                         self.export_list, self.table, toolbar)
        page_action(self, "", QKeySequence.StandardKey.Find, self.focus_search)
        self.summary_label = QLabel()
        self.count_label = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(toolbar)
        actions.addStretch(1)
        actions.addWidget(self.summary_label)
        actions.addWidget(self.count_label)

        self.profile = QLabel()
        self.profile.setWordWrap(True)
        self.profile.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.profile.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.orders = _list_table([self.tr("Date"), self.tr("Channel"),
                                   self.tr("Order number"), self.tr("Status"), self.tr("Total")])
        self.orders.doubleClicked.connect(lambda _index: self._open_order())
        self.tickets = _list_table([self.tr("Created"), self.tr("Ticket"), self.tr("Type"),
                                    self.tr("Status"), self.tr("Subject")])
        self.history = QTabWidget()
        self.history.addTab(self.orders, self.tr("Orders"))
        self.history.addTab(self.tickets, self.tr("Tickets"))
        profile = QScrollArea(widgetResizable=True)  # (a long note must not grow the window)
        profile.setWidget(self.profile)
        details = QSplitter(Qt.Orientation.Horizontal)
        details.addWidget(profile)
        details.addWidget(self.history)
        details.setSizes([480, 720])

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.problem = problem_label()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self.model.total_changed.connect(self._show_count)
        self._update_actions()

    # -- data ------------------------------------------------------------------------------
    def _load(self, query: CustomerQuery, offset: int, limit: int,
              after: tuple[object, ...] | None = None) -> Page[CustomerRow]:
        # Paged by keyset (the next page after the last row shown). A search is counted with
        # its page; the whole list and a segment are counted by the segment summary the page
        # shows anyway (each count is a pass over every order).
        return list_customers(self.context.uow(), query, offset=offset, limit=limit,
                              count=bool(query.text.strip()), after=after)

    def _show_count(self, total: int) -> None:
        query, summary = self.model.query, self._summary
        if not self.model.total_known and summary is not None and not query.text.strip():
            total = summary.counts[query.segment] if query.segment else summary.customers
        self.count_label.setText(self.tr("%s customer(s)") % integer(total))

    def load(self) -> None:
        self.loaded = True
        self._refresh()

    def _refresh(self) -> None:
        self.model.currency = self.context.settings.currency
        self.model.zone = self.context.zone
        try:
            self._refresh_scores_if_stale()
            self._show_summary()
            self.model.set_query(self.current_query())
            if self.scoring is None:
                self.problem.clear()
        except EcdeskError as error:
            self.problem.setText(self.tr("The customers could not be read: %s") % error)
        self._show_selected()

    def _refresh_scores_if_stale(self) -> None:
        """Recompute the stored RFM on a worker when orders or customers changed since it, or
        the day turned; meanwhile the page shows the stored rows. On its end, the page reloads."""
        if self.scoring is not None:
            return
        if not scores_are_stale(self.context.uow()):
            return
        db = self.context.db
        self.scoring = self.context.run_operation(
            self, self.tr("Updating customer segments"),
            lambda progress: refresh_customer_rfm(db.uow("gui"), progress),
            self._scores_refreshed, progress=lambda _done, _total: None,
            on_failed=self._scores_failed, on_cancelled=self._scores_ended)
        self.problem.setText(self.tr("Updating the customer segments…"))

    def _scores_refreshed(self, _result: RfmRefreshed) -> None:
        self.scoring = None
        self._refresh()

    def _scores_failed(self, error: EcdeskError) -> None:
        self.scoring = None
        self.problem.setText(self.tr("The customer segments could not be updated: %s") % error)

    def _scores_ended(self) -> None:
        self.scoring = None

    def _show_summary(self) -> None:
        summary = self._summary = segment_summary(self.context.uow())
        rate = (percent(Decimal(summary.repeat_customers) / summary.buyers_last_year)
                if summary.buyers_last_year else "—")
        self.summary_label.setText(self.tr("Repeat customers (last 365 days): %s · ") % rate)
        for index in range(1, self.segment_filter.count()):
            segment = self.segment_filter.itemData(index)
            self.segment_filter.setItemText(index, f"{segment_label(segment)} "
                                                   f"({integer(summary.counts[segment])})")

    def current_query(self) -> CustomerQuery:
        return replace(self.model.query, text=self.search.text(),
                       segment=self.segment_filter.currentData() or "")

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        if self.loaded:
            self.model.set_query(self.current_query())
            self._show_selected()

    def _on_changed(self, change: Changed) -> None:
        if self.loaded:
            self._refresh()

    # -- selection and detail --------------------------------------------------------------
    def selected_id(self) -> int | None:
        row = self.table.currentIndex().row()
        if row < 0 or not self.table.selectionModel().isRowSelected(row):
            return None
        return self.model.row_at(row).id

    def _selected_row(self) -> CustomerRow | None:
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if self.selected_id() is not None else None

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _show_selected(self) -> None:
        self._update_actions()
        customer_id = self.selected_id()
        self.orders.setRowCount(0)
        self.tickets.setRowCount(0)
        if customer_id is None:
            self.profile.setText(self.tr("Select a customer to see their profile and orders."))
            return
        try:
            detail = get_customer(self.context.uow(), customer_id, row=self._selected_row())
            orders = customer_orders(self.context.uow(), customer_id)
            tickets = customer_tickets(self.context.uow(), customer_id)
        except EcdeskError as error:
            self.profile.setText(str(error))
            return
        self.profile.setText(self._profile_html(detail))
        self.orders.setRowCount(len(orders))
        for n, order in enumerate(orders):
            cells = (stamp(order.ordered_at, self.context.zone), order.channel,
                     order.number, _status_label(order.status),
                     amount(order.total, order.currency))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, order.id)
                if column == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.orders.setItem(n, column, item)
        self.tickets.setRowCount(len(tickets))
        for n, ticket in enumerate(tickets):
            cells = (stamp(ticket.created_at, self.context.zone), ticket.number,
                     ticket.type, ticket.status, ticket.subject)
            for column, text in enumerate(cells):
                self.tickets.setItem(n, column, QTableWidgetItem(text))
        self.history.setTabText(0, self.tr("Orders (%s)") % len(orders))
        self.history.setTabText(1, self.tr("Tickets (%s)") % len(tickets))

    def _profile_html(self, detail: CustomerDetail) -> str:
        row = detail.row
        handles = "<br>".join(f"{h.channel}: {h.key}" for h in detail.handles) or "—"
        fields = [
            (self.tr("Customer"), f"{row.name or '—'} (#{row.id})"),
            (self.tr("Segment"), segment_label(row.segment) or self.tr("no purchases yet")),
            (self.tr("Handles"), handles),
            (self.tr("Email"), row.email or "—"), (self.tr("Phone"), row.phone or "—"),
            (self.tr("Address"), detail.address or "—"),
            (self.tr("Birthday"), day(detail.birthday) or "—"),
            (self.tr("Tags"), row.tags or "—"), (self.tr("Notes"), detail.notes or "—"),
            (self.tr("Customer since"), stamp(detail.created_at, self.context.zone)),
        ]
        cells = "".join(f"<tr><td><b>{label}</b>&nbsp;</td><td>{_escape(value)}</td></tr>"
                        for label, value in fields)
        return f"<table>{cells}</table>"

    def _update_actions(self) -> None:
        writable = not self.context.db.read_only
        has_row = self.selected_id() is not None
        self.edit_action.setEnabled(writable and has_row)
        self.merge_action.setEnabled(writable and has_row)

    def _open_order(self) -> None:
        item = self.orders.currentItem()
        if item is not None:
            number = self.orders.item(item.row(), 2).text()
            self.context.show_on_page("orders", SearchHit(
                "order", int(item.data(Qt.ItemDataRole.UserRole)), number, ""))

    # -- a customer asked for by search ----------------------------------------------------
    def show_target(self, target: object) -> None:
        if not isinstance(target, SearchHit) or target.kind != "customer":
            return
        self.loaded = True
        self.search.setText(target.title)
        self.segment_filter.blockSignals(True)
        self.segment_filter.setCurrentIndex(0)
        self.segment_filter.blockSignals(False)
        self._refresh()
        row = self.model.row_of(target.id)
        if row is not None:
            self.select_row(row)

    # -- actions ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _detail(self) -> CustomerDetail | None:
        customer_id = self.selected_id()
        return None if customer_id is None else get_customer(
            self.context.uow(), customer_id, row=self._selected_row())

    def edit_customer(self) -> None:
        detail = self._detail()
        if detail is not None and not self.context.db.read_only:
            CustomerDialog(self.context, detail, self).exec()

    def merge_customer(self) -> None:
        detail = self._detail()
        if detail is not None and not self.context.db.read_only:
            MergeDialog(self.context, detail, self).exec()

    def export_list(self) -> None:
        """The customers the table lists (a segment, a search) to CSV or XLSX."""
        segment = self.segment_filter.currentData() or "customers"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export customers"), f"{segment}.csv",
            self.tr("CSV (*.csv);;Excel workbook (*.xlsx)"))
        if not path:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_customers(self.context.uow(), path, self.model.query)
        except EcdeskError as error:
            QApplication.restoreOverrideCursor()
            explain_refusal(self, error, self.tr("Not exported"))
            return
        QApplication.restoreOverrideCursor()
        QMessageBox.information(self, self.tr("Exported"), self.tr(
            "%s customer(s) written to %s") % (integer(result.customers), result.path))


def _list_table(headings: list[str]) -> QTableWidget:
    """A small read-only list (a customer's orders or tickets: a few hundred rows at most)."""
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(headings)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    for column in range(len(headings) - 1):
        table.setColumnWidth(column, 130)
    return table


def _escape(text: str) -> str:
    if "<br>" in text:  # the handles' own line breaks
        return "<br>".join(_escape(part) for part in text.split("<br>"))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _status_label(status: str) -> str:
    """An order status as the Orders page names it (its "order_status" translations)."""
    return QCoreApplication.translate("order_status", status.title())
