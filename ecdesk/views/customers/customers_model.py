"""The Customers table: a lazy model over the paging customers query (see `PagedTableModel`);
RFM and the segment come computed from SQL with each page."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QColor

from ecdesk.money import from_minor_units
from ecdesk.services.common.page import Page
from ecdesk.services.customers.dto import CustomerQuery, CustomerRow
from ecdesk.services.customers.segments import segment_label
from ecdesk.views.widgets.locale_format import amount, integer, stamp
from ecdesk.views.widgets.paged_table_model import PagedTableModel

Loader = Callable[[CustomerQuery, int, int], Page[CustomerRow]]
CONTEXT = "CustomersTableModel"
SEGMENT_COLOURS = {"high_value": QColor("#1a7f37"), "potential": QColor("#1a5fb4"),
                   "new": QColor("#6f42c1"), "at_risk": QColor("#b35900"),
                   "lost": QColor("#8a8a8a")}

# (header, sort key or "", right-aligned)
COLUMNS: list[tuple[str, str, bool]] = [
    (QT_TRANSLATE_NOOP("CustomersTableModel", "Customer"), "name", False),
    (QT_TRANSLATE_NOOP("CustomersTableModel", "Channels"), "", False),
    (QT_TRANSLATE_NOOP("CustomersTableModel", "Segment"), "segment", False),
    (QT_TRANSLATE_NOOP("CustomersTableModel", "Orders"), "orders", True),
    (QT_TRANSLATE_NOOP("CustomersTableModel", "Spent"), "spent", True),
    (QT_TRANSLATE_NOOP("CustomersTableModel", "Last order"), "last_order", False),
    (QT_TRANSLATE_NOOP("CustomersTableModel", "R F M"), "", False),
    (QT_TRANSLATE_NOOP("CustomersTableModel", "Tags"), "", False),
    (QT_TRANSLATE_NOOP("CustomersTableModel", "Email"), "", False),
    (QT_TRANSLATE_NOOP("CustomersTableModel", "Phone"), "", False),
]


class CustomersTableModel(PagedTableModel[CustomerQuery, CustomerRow]):
    def __init__(self, loader: Loader, zone: ZoneInfo, currency: str,
                 parent: QObject | None = None) -> None:
        headings = [(QCoreApplication.translate(CONTEXT, header), right)
                    for header, _key, right in COLUMNS]
        super().__init__(loader, CustomerQuery(), headings, parent)
        self.zone = zone
        self.currency = currency

    def sort_key(self, column: int) -> str | None:
        return (COLUMNS[column][1] or None) if 0 <= column < len(COLUMNS) else None

    def row_id(self, row: CustomerRow) -> int:
        return row.id

    def cell_text(self, row: CustomerRow, column: int) -> str:
        key = COLUMNS[column][0]
        if column == 0:
            return row.name or f"#{row.id}"
        if column == 2:
            return segment_label(row.segment) or "—"
        if column == 3:
            return integer(row.orders)
        if column == 4:
            return amount(from_minor_units(row.spent), self.currency)
        if column == 5:
            return stamp(row.last_order_at, self.zone) if row.last_order_at else "—"
        if column == 6:
            return f"{row.r} {row.f} {row.m}" if row.r is not None else "—"
        values = {1: row.channels, 7: row.tags, 8: row.email, 9: row.phone}
        return values.get(column, key)

    def cell_colour(self, row: CustomerRow, column: int) -> QColor | None:
        return SEGMENT_COLOURS.get(row.segment) if column == 2 else None

    def cell_tooltip(self, row: CustomerRow, column: int) -> str | None:
        if column == 6 and row.r is not None:
            return QCoreApplication.translate(
                "CustomersTableModel", "Recency %1, frequency %2, monetary %3 (1-5); %4 day(s) "
                "since the last order").replace("%1", str(row.r)).replace("%2", str(row.f)).replace(
                "%3", str(row.m)).replace("%4", str(row.recency_days))
        return None
