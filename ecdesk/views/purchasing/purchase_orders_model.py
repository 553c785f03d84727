"""The purchase orders table: a lazy model over the paging orders query (see PagedTableModel)."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor

from ecdesk.services.common.page import Page
from ecdesk.services.purchasing.queries import OrderFilter, PurchaseOrderRow
from ecdesk.views.purchasing.labels import LATE, LATE_WORD, STATUS_COLOURS, status_label, tr
from ecdesk.views.widgets.locale_format import amount, day, integer, stamp
from ecdesk.views.widgets.paged_table_model import PagedTableModel

Loader = Callable[[OrderFilter, int, int], Page[PurchaseOrderRow]]
COLUMNS = [
    QT_TRANSLATE_NOOP("PagedTableModel", "Number"),
    QT_TRANSLATE_NOOP("PagedTableModel", "Supplier"),
    QT_TRANSLATE_NOOP("PagedTableModel", "Status"),
    QT_TRANSLATE_NOOP("PagedTableModel", "Created"),
    QT_TRANSLATE_NOOP("PagedTableModel", "Expected"),
    QT_TRANSLATE_NOOP("PagedTableModel", "Lines"),
    QT_TRANSLATE_NOOP("PagedTableModel", "Units"),
    QT_TRANSLATE_NOOP("PagedTableModel", "Received"),
    QT_TRANSLATE_NOOP("PagedTableModel", "Goods total"),
]
RIGHT_FROM = 5


class PurchaseOrdersModel(PagedTableModel[OrderFilter, PurchaseOrderRow]):
    def __init__(self, loader: Loader, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(loader, OrderFilter(), [(name, i >= RIGHT_FROM)
                                                 for i, name in enumerate(COLUMNS)], parent)
        self.zone = zone

    def row_id(self, row: PurchaseOrderRow) -> int:
        return row.id

    def cell_text(self, row: PurchaseOrderRow, column: int) -> str:
        if column == 2:
            return status_label(row.status.value) + (" · " + tr(LATE_WORD) if row.late else "")
        if column == 3:
            return stamp(row.created_at, self.zone)
        if column == 4:
            return day(row.expected_on)
        values = [row.number, row.supplier_name, "", "", "", integer(row.lines), integer(row.units),
                  integer(row.received), amount(row.goods_total, row.currency)]
        return values[column]

    def cell_colour(self, row: PurchaseOrderRow, column: int) -> QColor | None:
        if column == 2:
            return LATE if row.late else STATUS_COLOURS.get(row.status.value)
        return None
