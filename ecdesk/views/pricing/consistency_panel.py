"""The consistency tab (保持线上线下价格一致): SKUs whose channels' prices lie further apart
than the shop's tolerance, widest spread first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ecdesk.services.common.page import Page
from ecdesk.services.pricing.consistency import ConsistencyRow, inconsistent_prices
from ecdesk.services.pricing.price_settings import read_price_settings
from ecdesk.views.pricing.pricing_models import ConsistencyQuery, ConsistencyTableModel
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.widgets.locale_format import percent
from ecdesk.views.widgets.paged_table_model import paged_table_view


class ConsistencyPanel(QWidget):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ConsistencyTableModel(self._load, self)
        self.model.total_changed.connect(self._show_count)
        self.label = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(paged_table_view(self.model, 4, Qt.SortOrder.DescendingOrder), 1)
        self._tolerance = ""

    def _load(self, query: ConsistencyQuery, offset: int, limit: int) -> Page[ConsistencyRow]:
        return inconsistent_prices(self.context.uow(), tolerance=query.tolerance, offset=offset,
                                   limit=limit)

    def load(self) -> None:
        with self.context.uow() as uow:
            self._tolerance = percent(read_price_settings(uow.session).tolerance)
        self.model.set_query(ConsistencyQuery())

    def _show_count(self, total: int) -> None:
        self.label.setText(self.tr("%1 SKUs are priced more than %2 apart across their "
                                   "channels.").replace("%1", str(total))
                           .replace("%2", self._tolerance))
