"""The Inventory page's lower pane: the selected SKU's figures and its stock movements.

The movements are read on a worker thread: a best seller's history over a big ledger takes long
enough to make arrowing down the list stutter. The pane says it is loading meanwhile, and shows
only the answer for the SKU it shows now (`LatestJob` drops the others).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from ecdesk.services.common.page import Page
from ecdesk.services.stock.inventory_dto import InventoryRow, MovementRow
from ecdesk.services.stock.queries import movement_history
from ecdesk.views.shell.shop_context import ShopContext
from ecdesk.views.stock.inventory_model import HISTORY_PAGE_SIZE, MovementsTableModel
from ecdesk.views.stock.stock_labels import rate, units
from ecdesk.views.widgets.latest_job import LatestJob
from ecdesk.views.widgets.locale_format import decimal

COLUMN_WIDTHS = (130, 100, 80, 100, 320)


class InventoryDetailPane(QWidget):
    def __init__(self, context: ShopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.row: InventoryRow | None = None  # the SKU shown
        self.history = MovementsTableModel(self._read, self)
        self._reading = LatestJob(self)
        self._reading.finished.connect(self._arrived)
        self._reading.failed.connect(self._failed)
        self.detail = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.table = self._table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.detail)
        layout.addWidget(self.table, 1)
        self.show_row(None)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.history)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(22)
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        return table

    def _read(self, variant_id: int, offset: int, limit: int,
              after: tuple[object, ...] | None = None) -> Page[MovementRow]:
        return movement_history(self.context.uow(), variant_id, offset=offset, limit=limit,
                                after=after)

    @property
    def loading(self) -> bool:
        return self._reading.running

    def show_row(self, row: InventoryRow | None) -> None:
        """Show a SKU's figures at once and its movements once read (None: nothing selected).
        The same SKU again (after a write) keeps its rows until the new ones come."""
        self.row = row
        if row is None:
            self._reading.forget()
            self.history.show_page(None, Page([], 0))
            self.detail.setText(self.tr("Select a SKU to see its stock movements."))
            return
        if row.variant_id != self.history.variant_id:
            self.history.show_page(row.variant_id, Page([], 0))
        self.detail.setText(self._text(row, self.tr("Loading movements…")))
        read, variant_id = self._read, row.variant_id
        self._reading.start(variant_id, lambda: read(variant_id, 0, HISTORY_PAGE_SIZE))

    def _arrived(self, variant_id: int, page: Page[MovementRow]) -> None:
        row = self.row
        if row is None or row.variant_id != variant_id:
            return  # the owner has moved on; that SKU's movements are being read instead
        self.history.show_page(variant_id, page)
        movements = (self.tr("%n movement(s), newest first", "", self.history.total)
                     if self.history.total else self.tr("No stock movements yet"))
        self.detail.setText(self._text(row, movements))

    def _failed(self, variant_id: int, error: object) -> None:
        row = self.row
        if row is not None and row.variant_id == variant_id:
            self.detail.setText(self._text(
                row, self.tr("The movements could not be read: %s") % error))

    def _text(self, row: InventoryRow, movements: str) -> str:
        f = row.figures
        cover = ("—" if f.days_of_cover is None
                 else self.tr("%s days") % decimal(f.days_of_cover, None))
        how = self.tr("set by hand") if f.reorder_point_manual else self.tr("suggested")
        title = " · ".join(html.escape(part) for part in (row.title, row.options) if part)
        figures = self.tr(
            "On hand %s · committed %s · available %s · on order %s · sells %s a day · "
            "cover %s · reorder point %s (%s)") % (
            units(f.on_hand), units(f.committed), units(f.available), units(f.on_order),
            rate(f.velocity), cover, units(f.reorder_point), how)
        return (f"<b>{html.escape(row.sku)}</b> · {title}<br>{figures}<br>"
                f"<i>{html.escape(movements)}</i>")
