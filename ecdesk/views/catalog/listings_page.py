"""The Listings page: every SKU with its price, margin, stock and per-channel listing.

Search as you type (debounced), filters and sorting all go to the catalog service in SQL.

At start-up the page is built before the shop is open: it shows the first rows read without
SQLAlchemy (`show_first_rows`), and its filters and actions wait for `bind`. So this module
imports the catalog queries, commands and the product dialog (all SQLAlchemy) only when used.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.catalog.dto import STATUS_NOT_ARCHIVED, FilterOptions, VariantQuery
from ecdesk.services.catalog.first_rows import DEFAULT_QUERY, FirstRows, count_rows, read_page
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.page import Page
from ecdesk.services.common.search_registry import SearchHit
from ecdesk.views.catalog.labels import status_label
from ecdesk.views.catalog.listings_model import ListingsTableModel
from ecdesk.views.widgets.page_actions import page_action
from ecdesk.views.widgets.paged_table_model import paged_table_view

if TYPE_CHECKING:
    from ecdesk.views.shell.shop_context import ShopContext

SEARCH_DELAY_MS = 150
STATUS_FILTERS = [
    (QT_TRANSLATE_NOOP("ListingsPage", "Not archived"), STATUS_NOT_ARCHIVED),
    (QT_TRANSLATE_NOOP("ListingsPage", "Active"), "active"),
    (QT_TRANSLATE_NOOP("ListingsPage", "Draft"), "draft"),
    (QT_TRANSLATE_NOOP("ListingsPage", "Archived"), "archived"),
    (QT_TRANSLATE_NOOP("ListingsPage", "All"), ""),
]
LISTING_FILTERS = [
    (QT_TRANSLATE_NOOP("ListingsPage", "on"), None),
    (QT_TRANSLATE_NOOP("ListingsPage", "listed on"), "listed"),
    (QT_TRANSLATE_NOOP("ListingsPage", "paused on"), "paused"),
    (QT_TRANSLATE_NOOP("ListingsPage", "unlisted on"), "unlisted"),
    (QT_TRANSLATE_NOOP("ListingsPage", "not listed on"), "none"),
]

# The filters' choices and the margin limit come from these.
OPTIONS_FROM = frozenset({ChangeArea.CATALOG, ChangeArea.CHANNELS, ChangeArea.SETTINGS})


class ListingsPage(QWidget):
    rows_shown = Signal()  # the first rows are in the table (used by the startup probe)
    # Orders and stock too: the table shows each SKU's stock.
    refresh_on: ClassVar[frozenset[ChangeArea]] = frozenset({
        ChangeArea.CATALOG, ChangeArea.CHANNELS, ChangeArea.SETTINGS, ChangeArea.ORDERS,
        ChangeArea.STOCK})

    def __init__(self, context: ShopContext | None, parent: QWidget | None = None) -> None:
        """The page for the open shop `context`; None builds it for `show_first_rows`."""
        super().__init__(parent)
        self.context: ShopContext | None = None
        self._first: FirstRows | None = None  # rows shown before the shop was open
        self._needs_shop: list[QWidget | QAction] = []  # enabled by `bind`
        self._options = FilterOptions([], [], [])
        self.model = ListingsTableModel(self._load, [], self, counter=self._count)
        self.model.total_changed.connect(self._update_count)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self._build()
        if context is not None:
            self.bind(context)
        else:
            self._set_shop_controls_enabled(False)

    def bind(self, context: ShopContext) -> None:
        """Connect the page to the open shop; `load` then fills it (or takes over first rows)."""
        self.context = context
        context.listen(self, self._on_changed)
        self._set_shop_controls_enabled(True)

    def _set_shop_controls_enabled(self, enabled: bool) -> None:
        for control in self._needs_shop:
            control.setEnabled(enabled)
        # Sorting is done by the shop's queries: no header clicks before they are there.
        self.table.horizontalHeader().setSectionsClickable(enabled)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search title, SKU, barcode, item id…"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.status_filter = QComboBox()
        for label, value in STATUS_FILTERS:
            self.status_filter.addItem(self.tr(label), value)
        self.category_filter = QComboBox(minimumContentsLength=14)
        self.tag_filter = QComboBox(minimumContentsLength=8)
        self.channel_filter = QComboBox(minimumContentsLength=14)
        for combo in (self.status_filter, self.category_filter, self.tag_filter,
                      self.channel_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self._needs_shop += [self.search, self.status_filter, self.category_filter,
                             self.tag_filter, self.channel_filter]

        new_button = QPushButton(self.tr("New product"))
        new_button.clicked.connect(self.new_product)
        edit_button = QPushButton(self.tr("Edit…"))
        edit_button.clicked.connect(self.edit_selected)
        self.bulk_button = QToolButton(text=self.tr("Bulk actions"))
        self.bulk_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk_button.setMenu(QMenu(self.bulk_button))
        self.bulk_button.menu().aboutToShow.connect(self._fill_bulk_menu)
        self._needs_shop += [new_button, edit_button, self.bulk_button]

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for label, combo in ((self.tr("Status"), self.status_filter),
                             (self.tr("Category"), self.category_filter),
                             (self.tr("Tag"), self.tag_filter),
                             (self.tr("Channel"), self.channel_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
        actions = QHBoxLayout()
        actions.addWidget(new_button)
        actions.addWidget(edit_button)
        actions.addWidget(self.bulk_button)
        actions.addStretch(1)
        self.count_label = QLabel()
        actions.addWidget(self.count_label)

        self.table = paged_table_view(self.model, 0)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table)
        self._add_shortcuts()

    def _add_shortcuts(self) -> None:
        for keys, slot in ((QKeySequence.StandardKey.Find, self.focus_search),
                           (QKeySequence(Qt.Key.Key_Return), self.edit_selected),
                           (QKeySequence("Ctrl+Shift+N"), self.new_product),
                           (QKeySequence.StandardKey.Delete, self.archive_selected)):
            self._needs_shop.append(page_action(self, "", keys, slot))

    # -- data ------------------------------------------------------------------------------
    def _load(self, query: VariantQuery, offset: int, limit: int,
              after: tuple[object, ...] | None = None) -> Page:
        if self.context is None:  # before the shop is open only the default query can be asked
            if self._first is None or query != DEFAULT_QUERY:
                return Page([], 0)
            return read_page(self._first.path, offset, limit)
        from ecdesk.services.catalog.queries import list_variants

        return list_variants(self.context.uow(), query, offset=offset, limit=limit, count=False,
                             after=after)

    def _count(self, query: VariantQuery) -> int:  # (on a worker thread)
        # Read in this order: `bind` sets the context before `load` drops the first rows, so a
        # count that started before the shop was open sees at least one of them.
        first = self._first
        context = self.context
        if context is None:
            return count_rows(first.path) if first is not None and query == DEFAULT_QUERY else 0
        from ecdesk.services.catalog.queries import count_matching

        return count_matching(context.uow(), query)

    def show_first_rows(self, first: FirstRows) -> None:
        """Show the shop's first rows, read before it is open; `bind` and `load` follow."""
        self._first = first
        self.model.show_page(DEFAULT_QUERY, first.page, first.channels)
        self._resize_columns()
        self._update_count()
        self.rows_shown.emit()

    def load(self) -> None:
        """Fill filters and the first page; called once the window has painted."""
        assert self.context is not None
        self._refresh_options()
        if not self._takes_over_first_rows():
            self.model.reload(self._options.channels)
            self._resize_columns()
        self._first = None  # first rows or not, further pages come through the shop's queries
        self._update_count()
        self.rows_shown.emit()

    def _takes_over_first_rows(self) -> bool:
        """True when the rows shown before the shop was open are what `reload` would show."""
        first = self._first
        return (first is not None and self.context is not None
                and self.model.query == DEFAULT_QUERY and self.model.total_known
                and first.channels == self._options.channels)

    def _resize_columns(self) -> None:
        widths = {0: 260, 1: 130, 2: 140, 3: 70, 4: 200}
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, widths.get(column, 110))

    def _refresh_options(self) -> None:
        from ecdesk.services.catalog.queries import filter_options

        assert self.context is not None
        self._options = filter_options(self.context.uow())
        self._fill_combo(self.category_filter, self.tr("All categories"),
                         [(c.label, c.id) for c in self._options.categories])
        self._fill_combo(self.tag_filter, self.tr("All tags"),
                         [(t.label, t.id) for t in self._options.tags])
        channel_items = [(f"{self.tr(label)} {c.label}", (c.id, status))
                         for c in self._options.channels for label, status in LISTING_FILTERS]
        self._fill_combo(self.channel_filter, self.tr("All channels"), channel_items)

    @staticmethod
    def _fill_combo(combo: QComboBox, all_label: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, None)
        for label, value in items:
            combo.addItem(label, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def current_query(self) -> VariantQuery:
        channel = self.channel_filter.currentData()
        return replace(
            self.model.query, search=self.search.text(),
            status=self.status_filter.currentData(),
            category_id=self.category_filter.currentData(), tag_id=self.tag_filter.currentData(),
            channel_id=channel[0] if channel else None,
            listing_status=channel[1] if channel else None)

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.current_query())
        self._update_count()

    def _update_count(self) -> None:
        if self.model.total_known:
            self.count_label.setText(self.tr("%n SKU(s)", "", self.model.total))
        else:
            self.count_label.setText(self.tr("counting…"))

    def _on_changed(self, change: Changed) -> None:
        assert self.context is not None  # (connected by `bind`)
        if change.touches(OPTIONS_FROM):
            self._refresh_options()
        self.model.reload(self._options.channels)
        self._update_count()

    # -- actions ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_search(self, text: str) -> None:
        self.search.setText(text)
        self._apply_filters()

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def _selected_ids(self) -> tuple[list[int], list[int]]:
        rows = [self.model.row_at(r) for r in self.selected_rows()]
        return sorted({r.product_id for r in rows}), [r.variant_id for r in rows]

    def new_product(self) -> None:
        self._open_product(None)

    def edit_product(self, product_id: int) -> None:
        self._open_product(product_id)

    def show_target(self, target: object) -> None:
        """A product found by "search everything": open it."""
        if isinstance(target, SearchHit) and target.kind == "product":
            self.edit_product(target.id)

    def _open_product(self, product_id: int | None) -> None:
        from ecdesk.views.catalog.product_dialog import ProductDialog

        if self.context is not None:  # (a double click on a first row before the shop is open)
            ProductDialog(self.context, product_id, self).exec()

    def edit_selected(self) -> None:
        product_ids, _ = self._selected_ids()
        if product_ids:
            self.edit_product(product_ids[0])

    def archive_selected(self) -> None:
        from ecdesk.services.catalog import commands

        product_ids, _ = self._selected_ids()
        if not product_ids or self.context is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Archive products"),
            self.tr("Archive %n product(s)? They are hidden from the table but kept, and can be "
                    "set active again from the Archived filter.", "", len(product_ids)))
        if answer == QMessageBox.StandardButton.Yes:
            self.context.write(self, commands.set_product_status, product_ids, "archived")

    def _fill_bulk_menu(self) -> None:
        from ecdesk.services.catalog import commands

        assert self.context is not None  # (the button waits for the shop)
        context = self.context
        menu = self.bulk_button.menu()
        menu.clear()
        product_ids, variant_ids = self._selected_ids()
        if not variant_ids:
            menu.addAction(self.tr("Select rows first")).setEnabled(False)
            return
        status_menu = menu.addMenu(self.tr("Set product status"))
        for status in ("active", "draft", "archived"):
            status_menu.addAction(status_label(status)).triggered.connect(
                lambda _=False, s=status: self._bulk_status(product_ids, s))
        for channel in self._options.channels:
            channel_menu = menu.addMenu(self.tr("On %s") % channel.label)
            for status in ("listed", "paused", "unlisted"):
                channel_menu.addAction(status_label(status)).triggered.connect(
                    lambda _=False, c=channel.id, s=status: context.write(
                        self, commands.set_listing_status, variant_ids, c, s))
        menu.addAction(self.tr("Add tag…")).triggered.connect(lambda: self._bulk_tag(product_ids))

    def _bulk_status(self, product_ids: list[int], status: str) -> None:
        from ecdesk.services.catalog import commands

        assert self.context is not None
        if status == "archived":
            question = self.tr("Archive %n product(s)?", "", len(product_ids))
            answer = QMessageBox.question(self, self.tr("Archive products"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.context.write(self, commands.set_product_status, product_ids, status)

    def _bulk_tag(self, product_ids: list[int]) -> None:
        from ecdesk.services.catalog import commands

        assert self.context is not None
        names = [t.label for t in self._options.tags]
        tag, ok = QInputDialog.getItem(self, self.tr("Add tag"),
                                       self.tr("Tag for %n product(s):", "", len(product_ids)),
                                       names, 0, True)
        if ok and tag.strip():
            self.context.write(self, commands.add_tag, product_ids, tag)

    def select_row(self, row: int) -> None:
        """Select one row (used by tests and after creating a product)."""
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
