"""The market prices tab: competitors' and the market's prices per SKU (newest first), typed,
changed or deleted one at a time (Insert, Enter or a double click, Delete), or imported from a
CSV/XLSX file (refused whole, by row, when a row is wrong)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.common.page import Page
from ecdesk.services.pricing.market import (
    MarketPriceRow,
    delete_market_price,
    import_market_prices,
    list_market_prices,
)
from ecdesk.views.pricing.market_price_dialog import MarketPriceDialog
from ecdesk.views.pricing.pricing_models import MarketQuery, MarketTableModel
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import amount
from ecdesk.views.widgets.paged_table_model import paged_table_view


class MarketPanel(QWidget):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = MarketTableModel(self._load, self)
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = toolbar.addAction(self.tr("Add…"), self.add_price)
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.edit_action = toolbar.addAction(self.tr("Edit…"), self.edit_price)
        self.delete_action = toolbar.addAction(self.tr("Delete"), self.delete_price)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # (its key, Ctrl+Shift+M, is the page's File > Import entry's)
        self.import_action = toolbar.addAction(self.tr("Import market prices…"),
                                               self.import_file)
        for action in (self.add_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.search = QLineEdit(placeholderText=self.tr("Search SKU…"))
        self.search.setClearButtonEnabled(True)
        timer = QTimer(self, singleShot=True, interval=200)
        timer.timeout.connect(self.load)
        self.search.textEdited.connect(lambda _text: timer.start())
        hint = QLabel(self.tr("A file needs the columns SKU, Price and Date (YYYY-MM-DD); "
                              "Channel (empty: any channel) and Source are optional. A rule "
                              "based on the market price reads the newest price of the SKU on "
                              "its channel, else on any channel."), wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(toolbar)
        row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        self.table = paged_table_view(self.model, 3, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.edit_price())
        self.table.activated.connect(lambda _index: self.edit_price())  # Enter
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        layout.addWidget(self.table, 1)

    def _load(self, query: MarketQuery, offset: int, limit: int) -> Page[MarketPriceRow]:
        return list_market_prices(self.context.uow(), sku_text=query.sku_text, offset=offset,
                                  limit=limit)

    def load(self) -> None:
        self.model.set_query(MarketQuery(sku_text=self.search.text()))
        self._update_actions()

    def _update_actions(self) -> None:
        writable = not self.context.db.read_only
        chosen = self.current_price() is not None
        self.import_action.setEnabled(writable)
        self.add_action.setEnabled(writable)
        self.edit_action.setEnabled(writable and chosen)
        self.delete_action.setEnabled(writable and chosen)

    def current_price(self) -> MarketPriceRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return self.model.row_at(rows[0].row())

    def add_price(self) -> None:
        if not self.context.db.read_only:
            MarketPriceDialog(self.context, parent=self).exec()

    def edit_price(self) -> None:
        row = self.current_price()
        if row is not None and not self.context.db.read_only:
            MarketPriceDialog(self.context, row, self).exec()

    def delete_price(self) -> None:
        row = self.current_price()
        if row is None or self.context.db.read_only:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete market price"),
            self.tr("Delete the market price %1 of %2 seen on %3? A rule based on the market "
                    "price then reads the next newest.").replace("%1", amount(row.price))
            .replace("%2", row.sku).replace("%3", row.observed_on.isoformat()))
        if answer == QMessageBox.StandardButton.Yes:
            self.context.write(self, delete_market_price, row.id)

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import market prices"), "",
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"))
        if path:
            self.context.run_operation(
                self, self.tr("Importing market prices"),
                lambda _progress: import_market_prices(self.context.uow(), Path(path)),
                lambda _result: self.load(), cancellable=False)
