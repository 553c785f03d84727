"""The market prices tab: competitors' and the market's prices per SKU (newest first), and
importing a CSV/XLSX file of them (refused whole, by row, when a row is wrong)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecdesk.services.common.page import Page
from ecdesk.services.pricing.market import MarketPriceRow, import_market_prices, list_market_prices
from ecdesk.views.pricing.pricing_models import MarketQuery, MarketTableModel
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.paged_table_model import paged_table_view


class MarketPanel(QWidget):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = MarketTableModel(self._load, self)
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # (its key, Ctrl+Shift+M, is the page's File > Import entry's)
        self.import_action = toolbar.addAction(self.tr("Import market prices…"),
                                               self.import_file)
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
        layout.addWidget(paged_table_view(self.model, 3, Qt.SortOrder.DescendingOrder), 1)

    def _load(self, query: MarketQuery, offset: int, limit: int) -> Page[MarketPriceRow]:
        return list_market_prices(self.context.uow(), sku_text=query.sku_text, offset=offset,
                                  limit=limit)

    def load(self) -> None:
        self.model.set_query(MarketQuery(sku_text=self.search.text()))
        self.import_action.setEnabled(not self.context.db.read_only)

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import market prices"), "",
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"))
        if path:
            self.context.run_operation(
                self, self.tr("Importing market prices"),
                lambda _progress: import_market_prices(self.context.uow(), Path(path)),
                lambda _result: self.load(), cancellable=False)
