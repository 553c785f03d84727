"""The Listings table: a lazy model over the paging catalog query (see `PagedTableModel`).

At start-up the first page is read before the shop is open and handed in through `show_page`;
the opened shop then takes the same model over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor

from ecdesk.services.catalog.dto import Choice, ListingCell, VariantQuery, VariantRow
from ecdesk.services.common.page import Page
from ecdesk.services.pricing.margin import MarginStatus, is_flagged
from ecdesk.views.catalog.labels import status_label
from ecdesk.views.widgets.locale_format import amount, percent
from ecdesk.views.widgets.paged_table_model import (
    PAGE_SIZE as PAGE_SIZE,  # (callers import it here)
)
from ecdesk.views.widgets.paged_table_model import Heading, PagedTableModel

Loader = Callable[..., Page[VariantRow]]  # (query, offset, limit, after=None)
Counter = Callable[[VariantQuery], int]

# (header, sort key, value of a row); channel columns are appended per channel.
BASE_COLUMNS: list[tuple[str, str, Callable[[VariantRow], str]]] = [
    (QT_TRANSLATE_NOOP("ListingsTableModel", "Product"), "title", lambda r: r.title),
    (QT_TRANSLATE_NOOP("ListingsTableModel", "SKU"), "sku", lambda r: r.sku),
    (QT_TRANSLATE_NOOP("ListingsTableModel", "Options"), "options", lambda r: r.options),
    (QT_TRANSLATE_NOOP("ListingsTableModel", "Status"), "status", lambda r: status_label(r.status)),
    (QT_TRANSLATE_NOOP("ListingsTableModel", "Category"), "category", lambda r: r.category),
    (QT_TRANSLATE_NOOP("ListingsTableModel", "Price"), "price", lambda r: amount(r.price)),
    (QT_TRANSLATE_NOOP("ListingsTableModel", "Cost"), "cost", lambda r: amount(r.cost)),
    (QT_TRANSLATE_NOOP("ListingsTableModel", "Margin"), "margin", lambda r: percent(r.margin)),
    (QT_TRANSLATE_NOOP("ListingsTableModel", "Stock"), "stock", lambda r: str(r.stock)),
]
NUMERIC_KEYS = {"price", "cost", "margin", "stock"}
WARNING_COLOUR = QColor("#b3261e")
MUTED_COLOUR = QColor("#8a8a8a")


def headings(channels: list[Choice]) -> list[Heading]:
    """The base columns (numbers right-aligned), then a column per channel."""
    return ([(header, key in NUMERIC_KEYS) for header, key, _value in BASE_COLUMNS]
            + [(channel.label, False) for channel in channels])


class ListingsTableModel(PagedTableModel[VariantQuery, VariantRow]):
    """Margins are shown as the rows bring them: the service judges them (pricing module)."""

    def __init__(self, loader: Loader, channels: list[Choice], parent: QObject | None = None,
                 counter: Counter | None = None) -> None:
        super().__init__(loader, VariantQuery(), headings(channels), parent, counter)
        self._channels = channels

    def show_page(self, query: VariantQuery, page: Page[VariantRow],
                  channels: list[Choice] | None = None) -> None:
        """Show `page` as the first page of `query` (and `channels` as the channel columns).

        `set_query` reads the page with the loader; at start-up the page is read before the
        shop is open and handed in here.
        """
        def take_channels() -> None:
            if channels is not None:
                self._channels = channels
                self._headings = headings(channels)

        super().show_page(query, page, take_channels)

    def reload(self, channels: list[Choice] | None = None) -> None:
        """Fetch again (after a write), keeping the query; columns follow the channels."""
        query = self._query
        self._read_page(query, 0, lambda page: self.show_page(query, page, channels))

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
        return f"{status_label(cell.status)} · {amount(cell.price)}"

    def row_id(self, row: VariantRow) -> int:
        return row.variant_id

    def _listing_at(self, row: VariantRow, key: str) -> ListingCell | None:
        return row.listings.get(int(key.split(":")[1])) if key.startswith("channel:") else None

    def cell_colour(self, row: VariantRow, column: int) -> QColor | None:
        key = self.sort_key(column) or ""
        if key in ("price", "margin") and is_flagged(row.margin_status):
            return WARNING_COLOUR
        if key.startswith("channel:"):
            cell = self._listing_at(row, key)
            if cell is None or cell.status != "listed":
                return MUTED_COLOUR
            if is_flagged(cell.margin_status):
                return WARNING_COLOUR
        return None

    def cell_tooltip(self, row: VariantRow, column: int) -> str | None:
        key = self.sort_key(column) or ""
        if key in ("title", "category"):  # long texts are elided in the cell
            return row.title if key == "title" else row.category or None
        if key in ("price", "margin"):
            return self._margin_note(row.margin_status, row, after_fees=False)
        cell = self._listing_at(row, key)
        if cell is None:
            return None
        lines = [self.tr("Channel item id: %s") % cell.channel_item_id
                 if cell.channel_item_id else None,
                 self._margin_note(cell.margin_status, row, after_fees=True)
                 if cell.status == "listed" else None]
        return "\n".join(line for line in lines if line) or None

    def _margin_note(self, status: MarginStatus, row: VariantRow, *, after_fees: bool
                     ) -> str | None:
        """Why a margin is flagged (None when it is not)."""
        minimum = percent(row.min_margin)
        if status == MarginStatus.NEGATIVE:
            return (self.tr("Price after the channel's fees is below cost") if after_fees
                    else self.tr("Price is below cost"))
        if status == MarginStatus.THIN:
            return (self.tr("Margin after the channel's fees is under the shop minimum of %s")
                    % minimum if after_fees
                    else self.tr("Margin is under the shop minimum of %s") % minimum)
        return None
