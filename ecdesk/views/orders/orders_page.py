"""The Orders page: every order of every channel, newest first, with the selected one beside.

Search (debounced), the channel, status and period filters and sorting all go to the orders
service in SQL. Status actions work on the selection: shipping issues stock and asks for the
carrier and tracking number, cancelling or refunding a shipped order asks whether the goods
come back. A page that is not on screen refreshes when it is next shown rather than on every
change elsewhere.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.i18n import _
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.page import Page
from ecdesk.services.common.search_registry import SearchHit
from ecdesk.services.orders.commands import set_orders_status
from ecdesk.services.orders.dto import OrderRow
from ecdesk.services.orders.filters import ALL_STATUSES, OPEN, OrderQuery, period_days
from ecdesk.services.orders.queries import count_orders, get_order, list_orders
from ecdesk.services.orders.shipping import carriers_in_use
from ecdesk.services.orders.stock import can_change
from ecdesk.services.orders_io.export import export_orders
from ecdesk.services.reports.packing import write_packing_list
from ecdesk.services.returns.delivery import MARK_DELIVERED_ACTION, mark_delivered
from ecdesk.services.returns.dto import RETURN_OF_ORDER_ACTION, ReturnOfOrder
from ecdesk.views.orders.order_detail_pane import OrderDetailPane
from ecdesk.views.orders.order_status_dialog import OrderStatusDialog
from ecdesk.views.orders.orders_model import OrdersTableModel, order_status_label
from ecdesk.views.orders.ship_dialog import ShipDialog
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.channel_filter import refill_channel_filter
from ecdesk.views.widgets.locale_format import stamp
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import paged_table_view

SEARCH_DELAY_MS = 250
STATUS_FILTERS = [
    (QT_TRANSLATE_NOOP("OrdersPage", "All statuses"), ALL_STATUSES),
    (QT_TRANSLATE_NOOP("OrdersPage", "To ship (pending or paid)"), OPEN),
    (QT_TRANSLATE_NOOP("OrdersPage", "Pending"), "pending"),
    (QT_TRANSLATE_NOOP("OrdersPage", "Paid"), "paid"),
    (QT_TRANSLATE_NOOP("OrdersPage", "Shipped"), "shipped"),
    (QT_TRANSLATE_NOOP("OrdersPage", "Completed"), "completed"),
    (QT_TRANSLATE_NOOP("OrdersPage", "Cancelled"), "cancelled"),
    (QT_TRANSLATE_NOOP("OrdersPage", "Refunded"), "refunded"),
]
PERIOD_FILTERS = [
    (QT_TRANSLATE_NOOP("OrdersPage", "All time"), "all"),
    (QT_TRANSLATE_NOOP("OrdersPage", "Today"), "today"),
    (QT_TRANSLATE_NOOP("OrdersPage", "Last 7 days"), "7_days"),
    (QT_TRANSLATE_NOOP("OrdersPage", "Last 30 days"), "30_days"),
    (QT_TRANSLATE_NOOP("OrdersPage", "This month"), "this_month"),
]
# (status, action text, shortcut); Cancel and Refund ask first, in a dialog.
STATUS_ACTIONS = [("paid", QT_TRANSLATE_NOOP("OrdersPage", "Mark paid"), "Ctrl+Shift+P"),
                  ("shipped", QT_TRANSLATE_NOOP("OrdersPage", "Mark shipped"), "Ctrl+Shift+S"),
                  ("completed", QT_TRANSLATE_NOOP("OrdersPage", "Mark completed"), "Ctrl+Shift+D"),
                  ("cancelled", QT_TRANSLATE_NOOP("OrdersPage", "Cancel…"), "Ctrl+Shift+X"),
                  ("refunded", QT_TRANSLATE_NOOP("OrdersPage", "Refund…"), "Ctrl+Shift+R")]
ASKING = ("cancelled", "refunded")
SHIPPED = ("shipped", "completed")  # the goods went out: a return can bring them back
EDITABLE = ("pending", "paid")  # not shipped yet: the order form can still change them


# The widest text each column usually holds: a date and time, a channel, a Pinduoduo order
# number, a customer, a status, lines, units and a total.
# The date and time is measured as the language writes it (12/31/2026 12:38 PM, 2026/12/31 12:38).
COLUMN_SAMPLES = ("", "Tmall 天猫", "241111-123456789012345", "Customer",
                  "Completed", "Lines", "Units", "CN¥12,345.67")
LONGEST_MOMENT = datetime(2026, 12, 31, 12, 38, tzinfo=UTC)


class OrdersPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.ORDERS, ChangeArea.CHANNELS, ChangeArea.SETTINGS, ChangeArea.CATALOG})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loaded = False
        self._stale = False  # a change came while the page was hidden
        self.model = OrdersTableModel(self._load, self.context.zone, self, counter=self._count)
        self.model.total_changed.connect(self._update_count)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self.status_actions: dict[str, QAction] = {}
        self._build()
        context.listen(self, self._on_changed)
        context.clock.day_changed.connect(self._on_new_day)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search order number, customer, SKU…"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.channel_filter = QComboBox(minimumContentsLength=14)
        self.status_filter = QComboBox()
        for label, value in STATUS_FILTERS:
            self.status_filter.addItem(self.tr(label), value)
        self.period_filter = QComboBox()
        for label, value in PERIOD_FILTERS:
            self.period_filter.addItem(self.tr(label), value)
        for combo in (self.channel_filter, self.status_filter, self.period_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for label, combo in ((self.tr("Channel"), self.channel_filter),
                             (self.tr("Status"), self.status_filter),
                             (self.tr("Period"), self.period_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)

        self.table = self._build_table()
        self.detail = OrderDetailPane()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        # The table gets what its columns need and any width to spare, the pane the rest: at
        # 1280 px wide the Total column showed no figure and a Pinduoduo number was cut.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        self.detail.setMinimumWidth(240)
        needed = sum(self.table.columnWidth(c) for c in range(self.model.columnCount())) + 30
        splitter.setSizes([needed, 240])

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(splitter, 1)

    def _build_table(self) -> QTableView:
        table = paged_table_view(self.model, 0, Qt.SortOrder.DescendingOrder)
        # Wide enough for what the columns hold in the table's own font (a Pinduoduo order
        # number is 22 characters), narrow enough that the total shows beside the pane.
        metrics, pad = table.fontMetrics(), 22  # (24 cut the total at 1280 px in English)
        samples = (stamp(LONGEST_MOMENT, UTC), *COLUMN_SAMPLES[1:])
        for column, sample in enumerate(samples):
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + pad)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_context_menu)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        table.doubleClicked.connect(lambda _index: self.edit_order())
        return table

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = page_action(self, self.tr("New order…"), "Ctrl+Shift+N", self.new_order)
        toolbar.addAction(self.new_action)
        self.edit_action = page_action(self, self.tr("Edit order…"), "F2", self.edit_order)
        self.edit_action.setEnabled(False)
        toolbar.addAction(self.edit_action)
        toolbar.addSeparator()
        for status, text, keys in STATUS_ACTIONS:
            action = page_action(self, self.tr(text), keys,
                                 lambda _=False, s=status: self.change_status(s))
            self.status_actions[status] = action
            toolbar.addAction(action)
        toolbar.addSeparator()
        self.export_action = page_action(self, self.tr("Export…"), "Ctrl+Shift+E",
                                         self.export_orders)
        toolbar.addAction(self.export_action)
        self.packing_action = page_action(self, self.tr("Packing list…"), "Ctrl+Shift+L",
                                          self.packing_list)
        self.packing_action.setEnabled(False)
        toolbar.addAction(self.packing_action)
        self.return_action = page_action(self, _(RETURN_OF_ORDER_ACTION), "Ctrl+Shift+B",
                                         self.return_goods)
        self.return_action.setEnabled(False)
        toolbar.addAction(self.return_action)
        self.delivered_action = page_action(self, _(MARK_DELIVERED_ACTION), "Ctrl+Shift+Y",
                                            self.mark_delivered)
        self.delivered_action.setEnabled(False)
        toolbar.addAction(self.delivered_action)
        page_action(self, "", QKeySequence.StandardKey.Find, self.focus_search)
        self.count_label = QLabel()
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.count_label)
        return toolbar

    # -- data ------------------------------------------------------------------------------
    def _load(self, query: OrderQuery, offset: int, limit: int,
              after: tuple[object, ...] | None = None) -> Page[OrderRow]:
        return list_orders(self.context.uow(), query, offset=offset, limit=limit, count=False,
                           after=after)

    def _count(self, query: OrderQuery) -> int:  # (on a worker thread)
        return count_orders(self.context.uow(), query)

    def load(self) -> None:
        """Fill the channel filter and the first page; called when the page is first shown."""
        self._loaded = True
        self._refresh_channels()
        self._apply_filters()

    def _refresh_channels(self) -> None:
        refill_channel_filter(self.channel_filter, self.context.uow())

    def export_orders(self) -> None:
        """The orders the table shows (its filters and search), with their lines, to a CSV or
        XLSX file the user names."""
        name = f"orders-{self.context.clock.today().isoformat()}.csv"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the orders shown to"), name,
            self.tr("CSV (*.csv);;Excel workbook (*.xlsx)"))
        if not path:
            return
        if Path(path).suffix.lower() not in (".csv", ".xlsx"):
            path += ".xlsx" if "xlsx" in chosen else ".csv"
        query, db = self.current_query(), self.context.db
        self.context.run_operation(
            self, self.tr("Exporting orders"),
            lambda progress: export_orders(db.uow("gui"), query, path, progress=progress))

    def packing_list(self) -> None:
        """A picking list and a packing slip per selected order, as a PDF."""
        ids = [row.id for row in self.selected_orders()]
        if not ids:
            return
        name = f"packing-{self.context.clock.today().isoformat()}.pdf"
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save the packing list as"), name, self.tr("PDF (*.pdf)"))
        if not path:
            return
        if Path(path).suffix.lower() != ".pdf":
            path += ".pdf"
        db = self.context.db
        self.context.run_operation(
            self, self.tr("Writing the packing list"),
            lambda _progress: write_packing_list(db.uow("gui"), ids, path))

    def current_query(self) -> OrderQuery:
        today = self.context.clock.today()
        start, end = period_days(self.period_filter.currentData(), today)
        return replace(self.model.query, search=self.search.text(),
                       channel_id=self.channel_filter.currentData(),
                       status=self.status_filter.currentData(), start=start, end=end)

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.current_query())
        self._update_count()
        self._on_selection_changed()

    def _update_count(self) -> None:
        if self.model.total_known:
            self.count_label.setText(self.tr("%n order(s)", "", self.model.total))
        else:
            self.count_label.setText(self.tr("counting…"))

    def _on_changed(self, change: Changed | None) -> None:
        if not self._loaded:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _on_new_day(self, _day: date) -> None:
        """"Today" and "Last 7 days" count from the shop's today, which just turned."""
        if self.period_filter.currentData() != "all":
            self._on_changed(None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read everything again, keeping the filters and the selected orders."""
        self._stale = False
        selected = [row.id for row in self.selected_orders()]
        self.model.zone = self.context.zone
        self._refresh_channels()
        self.model.set_query(self.current_query())
        self._update_count()
        self.select_orders(selected)
        self._on_selection_changed()

    # -- selection -------------------------------------------------------------------------
    def selected_orders(self) -> list[OrderRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(row) for row in rows]

    def select_orders(self, order_ids: list[int]) -> None:
        """Select the rows of these orders that are loaded (after a reload, or a new order)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        for order_id in order_ids:
            row = self.model.row_of(order_id)
            if row is not None:
                selection.select(self.model.index(row, 0),
                                 QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(self.model.index(row, 0))

    def _on_selection_changed(self, *_args: object) -> None:
        rows = self.selected_orders()
        detail = get_order(self.context.uow(), rows[0].id) if len(rows) == 1 else None
        self.detail.show_order(detail, self.context.zone, len(rows))
        for status, action in self.status_actions.items():
            action.setEnabled(any(self._can_become(row, status) for row in rows))
        self.packing_action.setEnabled(bool(rows))
        self.edit_action.setEnabled(len(rows) == 1)
        self.return_action.setEnabled(len(rows) == 1 and rows[0].status in SHIPPED)
        self.delivered_action.setEnabled(any(row.status in SHIPPED for row in rows))

    @staticmethod
    def _can_become(row: OrderRow, status: str) -> bool:
        return row.status != status and can_change(row.status, status)

    def _show_context_menu(self, position: QPoint) -> None:
        self.context_menu().exec(self.table.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.new_action)
        menu.addAction(self.edit_action)
        menu.addSeparator()
        for action in self.status_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.return_action)
        menu.addAction(self.delivered_action)
        return menu

    def show_target(self, target: object) -> None:
        """Show an order found by "search everything": every filter cleared, searched for by
        its number, selected and in view."""
        if not isinstance(target, SearchHit) or target.kind != "order":
            return
        if not self._loaded:
            self.load()
        for combo in (self.channel_filter, self.status_filter, self.period_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)  # all channels, all statuses, all time
            combo.blockSignals(False)
        self.search.setText(target.find_text)
        self._apply_filters()
        self.select_orders([target.id])
        self.table.setFocus()

    # -- actions ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_order(self) -> None:
        from ecdesk.views.orders.order_dialog import OrderDialog

        dialog = OrderDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            if self.model.row_of(dialog.saved_id) is None:
                self.refresh()  # a page that was hidden has not reloaded yet
            self.select_orders([dialog.saved_id])

    def edit_order(self) -> None:
        """Edit the selected order in the order form, or say why it can no longer change."""
        rows = self.selected_orders()
        if len(rows) != 1:
            return
        row = rows[0]
        if row.status not in EDITABLE:
            QMessageBox.information(self, self.tr("Cannot edit this order"), self.tr(
                "Order %1 is %2: only an order not shipped yet (pending or paid) can be edited.")
                .replace("%1", row.number).replace("%2", order_status_label(row.status).lower()))
            return
        from ecdesk.views.orders.order_dialog import OrderDialog

        dialog = OrderDialog(self.context, self, order_id=row.id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.select_orders([row.id])
            self._on_selection_changed()

    def return_goods(self) -> None:
        """The Tickets page carries the return out (a ticket with the order's lines, then the
        goods received), so that its dialogs are written once."""
        rows = self.selected_orders()
        if len(rows) == 1:
            self.context.show_on_page("tickets", ReturnOfOrder(rows[0].id))

    def mark_delivered(self) -> None:
        """Record the selected shipped orders as delivered now: their return windows count
        from today (the service refuses, naming it, an order already delivered)."""
        rows = [row for row in self.selected_orders() if row.status in SHIPPED]
        if rows:
            self.context.write(self, mark_delivered, [row.id for row in rows],
                               at=self.context.clock.now())

    def change_status(self, status: str) -> None:
        """Move the selected orders that can make the move; say why the others cannot."""
        rows = self.selected_orders()
        movable = [row for row in rows if self._can_become(row, status)]
        refused = [row for row in rows if row not in movable]
        if not movable:
            if rows:
                QMessageBox.information(self, self.tr("Nothing to change"),
                                        self._refusals(refused, status))
            return
        if refused and not self._confirm_partial(movable, refused, status):
            return
        if status in ASKING:
            dialog = OrderStatusDialog(status, movable, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self.context.write(self, set_orders_status, [r.id for r in movable], status,
                               restock=dialog.restock, refunded=dialog.refunded())
        elif status == "shipped":
            self._ship(movable)
        else:
            self.context.write(self, set_orders_status, [r.id for r in movable], status)

    def _ship(self, rows: list[OrderRow]) -> None:
        """Ask for the carrier and tracking number (both optional), then ship."""
        dialog = ShipDialog(rows, carriers_in_use(self.context.uow()), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.context.write(self, set_orders_status, [r.id for r in rows], "shipped",
                           carrier=dialog.carrier_text(), tracking_number=dialog.tracking_number())

    def _refusals(self, refused: list[OrderRow], status: str) -> str:
        target = order_status_label(status).lower()
        return "\n".join(self.tr("Order %1 is %2: it cannot become %3.")
                         .replace("%1", row.number)
                         .replace("%2", order_status_label(row.status).lower())
                         .replace("%3", target) for row in refused[:10])

    def _confirm_partial(self, movable: list[OrderRow], refused: list[OrderRow],
                         status: str) -> bool:
        question = (self.tr("%1 of the %2 selected orders can become %3. These cannot:")
                    .replace("%1", str(len(movable))).replace("%2", str(len(movable + refused)))
                    .replace("%3", order_status_label(status).lower())
                    + "\n\n" + self._refusals(refused, status) + "\n\n"
                    + self.tr("Go on with the %n that can?", "", len(movable)))
        answer = QMessageBox.question(self, order_status_label(status), question)
        return answer == QMessageBox.StandardButton.Yes
