"""The Listings table: a lazy model over the paging catalog query (see `PagedTableModel`).

At start-up the first page is read before the shop is open and handed in through `show_page`;
the opened shop then takes the same model over.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from ecdesk.money import format_amount, format_rate
from ecdesk.services.catalog.dto import Choice, VariantQuery, VariantRow
from ecdesk.services.common.page import Page
from ecdesk.views.catalog.labels import status_label
from ecdesk.views.widgets.paged_table_model import (
    PAGE_SIZE as PAGE_SIZE,  # (callers import it here)
)
from ecdesk.views.widgets.paged_table_model import Heading, PagedTableModel

Loader = Callable[[VariantQuery, int, int], Page[VariantRow]]
Counter = Callable[[VariantQuery], int]

# (header, sort key, value of a row); channel columns are appended per channel.
BASE_COLUMNS: list[tuple[str, str, Callable[[VariantRow], str]]] = [
    ("Product", "title", lambda r: r.title),
    ("SKU", "sku", lambda r: r.sku),
    ("Options", "options", lambda r: r.options),
    ("Status", "status", lambda r: status_label(r.status)),
    ("Category", "category", lambda r: r.category),
    ("Price", "price", lambda r: format_amount(r.price)),
    ("Cost", "cost", lambda r: format_amount(r.cost)),
    ("Margin", "margin", lambda r: format_rate(r.margin)),
    ("Stock", "stock", lambda r: str(r.stock)),
]
NUMERIC_KEYS = {"price", "cost", "margin", "stock"}
WARNING_COLOUR = QColor("#b3261e")
MUTED_COLOUR = QColor("#8a8a8a")


def headings(channels: list[Choice]) -> list[Heading]:
    """The base columns (numbers right-aligned), then a column per channel."""
    return ([(header, key in NUMERIC_KEYS) for header, key, _value in BASE_COLUMNS]
            + [(channel.label, False) for channel in channels])


class ListingsTableModel(PagedTableModel[VariantQuery, VariantRow]):
    def __init__(self, loader: Loader, channels: list[Choice], min_margin: Decimal,
                 parent: QObject | None = None, counter: Counter | None = None) -> None:
        super().__init__(loader, VariantQuery(), headings(channels), parent, counter)
        self._channels = channels
        self._min_margin = min_margin

    def show_page(self, query: VariantQuery, page: Page[VariantRow],
                  channels: list[Choice] | None = None, min_margin: Decimal | None = None
                  ) -> None:
        """Show `page` as the first page of `query` (and `channels` as the channel columns).

        `set_query` reads the page with the loader; at start-up the page is read before the
        shop is open and handed in here.
        """
        def take_settings() -> None:
            if channels is not None:
                self._channels = channels
                self._headings = headings(channels)
            if min_margin is not None:
                self._min_margin = min_margin

        super().show_page(query, page, take_settings)

    def reload(self, channels: list[Choice] | None = None, min_margin: Decimal | None = None
               ) -> None:
        """Fetch again (after a write), keeping the query; columns follow the channels."""
        query = self._query
        self._read_page(query, 0, lambda page: self.show_page(query, page, channels, min_margin))

    # -- columns ---------------------------------------------------------------------------
    def _channel_at(self, column: int) -> Choice | None:
        channel_index = column - len(BASE_COLUMNS)
        return self._channels[channel_index] if 0 <= channel_index < len(self._channels) else None

    def sort_key(self, column: int) -> str | None:
        if 0 <= column < len(BASE_COLUMNS):
            return BASE_COLUMNS[column][1]
        channel = self._channel_at(column)
        return None if channel is None else f"channel:{channel.id}"

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts only (these headers keep Qt's alignment); a channel's name is the shop's own,
        not translated."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(BASE_COLUMNS):
            return self.tr(BASE_COLUMNS[section][0])
        channel = self._channel_at(section)
        return None if channel is None else channel.label

    # -- cells -----------------------------------------------------------------------------
    def cell_text(self, row: VariantRow, column: int) -> str | None:
        if column < len(BASE_COLUMNS):
            return BASE_COLUMNS[column][2](row)
        channel = self._channel_at(column)
        if channel is None:
            return None
        cell = row.listings.get(channel.id)
        if cell is None:
            return "—"
        return f"{status_label(cell.status)} · {format_amount(cell.price)}"

    def row_id(self, row: VariantRow) -> int:
        return row.variant_id

    def _is_thin(self, row: VariantRow) -> bool:
        return row.price < row.cost or (row.margin is not None and row.cost > 0
                                        and row.margin < self._min_margin)

    def cell_colour(self, row: VariantRow, column: int) -> QColor | None:
        key = self.sort_key(column) or ""
        if key in ("price", "margin") and self._is_thin(row):
            return WARNING_COLOUR
        if key.startswith("channel:"):
            cell = row.listings.get(int(key.split(":")[1]))
            if cell is None or cell.status != "listed":
                return MUTED_COLOUR
        return None

    def cell_tooltip(self, row: VariantRow, column: int) -> str | None:
        key = self.sort_key(column) or ""
        if key in ("title", "category"):  # long texts are elided in the cell
            return row.title if key == "title" else row.category or None
        if key in ("price", "margin") and self._is_thin(row):
            if row.price < row.cost:
                return self.tr("Price is below cost")
            return self.tr("Margin is under the shop minimum of %s") % format_rate(self._min_margin)
        if key.startswith("channel:"):
            cell = row.listings.get(int(key.split(":")[1]))
            if cell is not None and cell.channel_item_id:
                return self.tr("Channel item id: %s") % cell.channel_item_id
        return None
