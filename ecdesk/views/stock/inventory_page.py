"""The Inventory page: every SKU's on hand, committed, available, on order, sales pace, days of
cover, reorder point and stock value, with the selected SKU's movement history below.

Search (debounced), filters and sorting go to the stock queries in SQL. Stock is received,
adjusted, counted and given its rules from the toolbar, the context menu or the keyboard; each
write broadcasts a Changed and the page (like every other) refreshes itself from it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.catalog.queries import filter_options
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.page import Page
from ecdesk.services.stock.inventory_dto import (
    STOCK_ALL,
    InventoryQuery,
    InventoryRow,
    InventorySummary,
)
from ecdesk.services.stock.queries import list_inventory, summarize_inventory
from ecdesk.views.shell.shop_context import ShopContext, SkuTarget
from ecdesk.views.stock.inventory_detail_pane import InventoryDetailPane
from ecdesk.views.stock.inventory_model import InventoryTableModel
from ecdesk.views.stock.stock_adjust_dialog import ADJUSTED, RECEIVED, StockAdjustDialog
from ecdesk.views.stock.stock_labels import STOCK_FILTER_LABELS, filter_label, units
from ecdesk.views.stock.stock_rules_dialog import StockRulesDialog
from ecdesk.views.stock.stocktake_dialog import StocktakeDialog
from ecdesk.views.widgets.forms import problem_label
from ecdesk.views.widgets.locale_format import amount, integer
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import paged_table_view, set_column_widths

SEARCH_DELAY_MS = 150
COLUMN_WIDTHS = (120, 230, 110, 70, 80, 75, 70, 80, 100, 100, 100)


class InventoryPage(QWidget):
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.STOCK, ChangeArea.ORDERS, ChangeArea.CATALOG, ChangeArea.SETTINGS})

    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loaded = False
        self.model = InventoryTableModel(self._load, self._summarize, self)
        self.model.summary_changed.connect(self._show_summary)
        self.model.rows_loaded.connect(self._on_rows_loaded)
        self.model.failed.connect(self._show_failure)
        # (deferred: the model is still between its loading flags when these are emitted)
        self.model.rowsInserted.connect(lambda *_: QTimer.singleShot(0, self, self._seek_target))
        self._reselect: int | None = None  # the SKU to select again once reloaded rows arrive
        self._target: SkuTarget | None = None  # a SKU another page asked for, until shown
        self._target_searched = False
        self.details = InventoryDetailPane(context)
        self.history, self.detail = self.details.history, self.details.detail
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self._build()
        context.listen(self, self._on_changed)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search SKU, title, barcode, options…"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.category_filter = QComboBox(minimumContentsLength=16)
        self.stock_filter = QComboBox()
        for value, _label in STOCK_FILTER_LABELS:
            self.stock_filter.addItem(filter_label(value), value)
        for combo in (self.category_filter, self.stock_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(self.tr("Category")))
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(QLabel(self.tr("Stock")))
        filters.addWidget(self.stock_filter, 1)

        self.table = paged_table_view(self.model, 1)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        set_column_widths(self.table, COLUMN_WIDTHS)
        # the selection, not the current row: a click makes the row current before it selects it
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.doubleClicked.connect(lambda _index: self.adjust_stock())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.receive_action = page_action(self, self.tr("Receive stock…"), "Ctrl+R",
                                          self.receive_stock, self.table, toolbar)
        self.adjust_action = page_action(self, self.tr("Adjust / write off…"), "Ctrl+D",
                                         self.adjust_stock, self.table, toolbar)
        self.count_action = page_action(self, self.tr("Stock count…"), "Ctrl+T",
                                        self.stock_count, self.table, toolbar)
        self.rules_action = page_action(self, self.tr("Stock rules…"), "Ctrl+Shift+R",
                                        self.stock_rules, self.table, toolbar)
        page_action(self, "", QKeySequence.StandardKey.Find, self.focus_search)
        self.count_label = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(toolbar)
        actions.addStretch(1)
        actions.addWidget(self.count_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.problem = problem_label()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self._update_actions()

    # -- data ------------------------------------------------------------------------------
    def _load(self, query: InventoryQuery, offset: int, limit: int,
              after: tuple[object, ...] | None = None) -> Page[InventoryRow]:
        return list_inventory(self.context.uow(), query, offset=offset, limit=limit, count=False,
                              after=after)

    def _summarize(self, query: InventoryQuery) -> InventorySummary:  # (on a worker thread)
        return summarize_inventory(self.context.uow(), query)

    def load(self) -> None:
        """Fill the filters and the first page; called when the page is first shown."""
        self.loaded = True
        self._refresh_categories()
        self.model.set_query(self.current_query())

    def _refresh_categories(self) -> None:
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for choice in filter_options(self.context.uow()).categories:
            self.category_filter.addItem(choice.label, choice.id)
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(current), 0))
        self.category_filter.blockSignals(False)

    def current_query(self) -> InventoryQuery:
        return replace(self.model.query, search=self.search.text(),
                       category_id=self.category_filter.currentData(),
                       stock=self.stock_filter.currentData() or STOCK_ALL)

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        if self.loaded:
            self.model.set_query(self.current_query())

    def _on_changed(self, change: Changed) -> None:
        if not self.loaded:
            return
        self._reselect = self.selected_variant_id()
        if ChangeArea.CATALOG in change.areas:
            self._refresh_categories()
        self.model.reload()

    def _on_rows_loaded(self) -> None:
        self.problem.clear()
        if self._reselect is not None:
            self.select_variant(self._reselect)
            self._reselect = None
        self._show_selected()
        QTimer.singleShot(0, self, self._seek_target)

    def _show_failure(self, reason: str) -> None:
        self.problem.setText(self.tr("The table could not be read: %s") % reason)

    def _show_summary(self, summary: InventorySummary | None) -> None:
        if summary is None:
            self.count_label.setText(self.tr("counting…"))
            return
        self.count_label.setText(self.tr("%s SKU(s) · %s units on hand · value %s") % (
            integer(summary.skus), units(summary.units),
            amount(summary.value, self.context.settings.currency)))

    # -- selection and detail --------------------------------------------------------------
    def selected_variant_id(self) -> int | None:
        row = self.table.currentIndex().row()
        if row < 0 or not self.table.selectionModel().isRowSelected(row):
            return None
        return self.model.row_at(row).variant_id

    def select_variant(self, variant_id: int) -> bool:
        row = self.model.row_of(variant_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    @property
    def history_loading(self) -> bool:
        return self.details.loading

    def _show_selected(self) -> None:
        variant_id = self.selected_variant_id()
        self._update_actions()
        self.details.show_row(None if variant_id is None
                              else self.model.row_at(self.table.currentIndex().row()))

    def _update_actions(self) -> None:
        writable = not self.context.db.read_only
        has_row = self.selected_variant_id() is not None
        for action in (self.receive_action, self.adjust_action, self.rules_action):
            action.setEnabled(writable and has_row)
        self.count_action.setEnabled(writable)

    # -- a SKU asked for by another page ---------------------------------------------------
    def show_target(self, target: object) -> None:
        """Select, scroll to and show the history of a SKU another page asked for ("Show in
        Inventory"); one not among the loaded rows is searched for, with the filters cleared."""
        if not isinstance(target, SkuTarget):
            return
        self._target, self._target_searched = target, False
        if not self.loaded:
            self.load()
        if not self.model.loading:  # (else the rows on their way call _seek_target)
            self._seek_target()

    def _seek_target(self) -> None:
        target = self._target
        if target is None or self.model.loading:
            return
        if self.select_variant(target.variant_id):
            self._target = None
            if self.history.variant_id != target.variant_id:  # (it was current already)
                self._show_selected()
            self.table.scrollTo(self.table.currentIndex(),
                                QAbstractItemView.ScrollHint.PositionAtCenter)
            self.table.setFocus()
        elif not self._target_searched:
            self._target_searched = True
            self._search_for(target.sku)
        elif self.model.canFetchMore():
            self.model.fetchMore()  # its code is part of many others': read on
        else:
            self._target = None
            self.problem.setText(self.tr("SKU %s is not in the inventory list: was it archived "
                                         "or removed?") % target.sku)

    def _search_for(self, sku: str) -> None:
        self._search_timer.stop()
        self.search.setText(sku)
        for combo in (self.category_filter, self.stock_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)  # all categories, all stock
            combo.blockSignals(False)
        self.model.set_query(self.current_query())

    # -- actions ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def receive_stock(self) -> None:
        self._open_adjust(RECEIVED)

    def adjust_stock(self) -> None:
        self._open_adjust(ADJUSTED)

    def _open_adjust(self, kind: str) -> None:
        variant_id = self.selected_variant_id()
        if variant_id is not None and not self.context.db.read_only:
            StockAdjustDialog(self.context, variant_id, kind, self).exec()

    def stock_rules(self) -> None:
        variant_id = self.selected_variant_id()
        if variant_id is not None and not self.context.db.read_only:
            StockRulesDialog(self.context, variant_id, self).exec()

    def stock_count(self) -> None:
        if not self.context.db.read_only:
            StocktakeDialog(self.context, self.model.query, self.scope_text(), self).exec()

    def scope_text(self) -> str:
        """The current view in words, for the stock count ("Out of stock · Clothing · 12 SKUs")."""
        query = self.model.query
        parts = [filter_label(query.stock)]
        if query.category_id is not None:
            parts.append(self.category_filter.currentText())
        if query.search.strip():
            parts.append(self.tr("matching '%s'") % query.search.strip())
        if self.model.summary is not None:
            parts.append(self.tr("%s SKU(s)") % integer(self.model.summary.skus))
        return " · ".join(parts)
