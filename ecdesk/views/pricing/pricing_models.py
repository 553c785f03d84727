"""The Pricing page's tables: lazy models over the preview, the market prices and the
consistency check, each paged, filtered and sorted by its service (see `PagedTableModel`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QColor

from ecdesk.services.pricing.consistency import ConsistencyRow
from ecdesk.services.pricing.flags import Flag
from ecdesk.services.pricing.market import MarketPriceRow
from ecdesk.services.pricing.preview import PreviewQuery, PreviewRow
from ecdesk.views.widgets.locale_format import amount, day, percent
from ecdesk.views.widgets.paged_table_model import PagedTableModel

FLAG_COLOUR = QColor("#b3261e")
QUIET = QColor("#6b6b6b")


def tr(text: str) -> str:
    return QCoreApplication.translate("pricing", text)


# (header, sort key, right-aligned)
PREVIEW_COLUMNS: list[tuple[str, str, bool]] = [
    ("SKU", "sku", False), ("Channel", "channel", False), ("Rule", "rule", False),
    ("Old price", "old", True), ("New price", "new", True), ("Change", "change", True),
    ("Margin before", "margin_before", True), ("Margin after", "margin", True),
    ("Flags", "flags", False),
]


class PreviewTableModel(PagedTableModel[PreviewQuery, PreviewRow]):
    def __init__(self, loader, parent: QObject | None = None, counter=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(loader, PreviewQuery(), [(h, r) for h, _k, r in PREVIEW_COLUMNS],
                         parent, counter)

    def sort_key(self, column: int) -> str | None:
        return PREVIEW_COLUMNS[column][1] if 0 <= column < len(PREVIEW_COLUMNS) else None

    def row_id(self, row: PreviewRow) -> int:
        return row.id

    def cell_text(self, row: PreviewRow, column: int) -> str:
        key = PREVIEW_COLUMNS[column][1]
        if key == "channel":
            return row.channel or QCoreApplication.translate("pricing", "List price")
        if key == "new":
            text = amount(row.new_price)
            follows = QCoreApplication.translate("pricing", "follows list")
            return f"{text} ({follows})" if row.follows_list else text
        values = {"sku": row.sku, "rule": row.rule_name, "old": amount(row.old_effective),
                  "change": _signed_rate(row.change_rate), "margin_before":
                  percent(row.margin_before), "margin": percent(row.margin_after),
                  "flags": flags_text(row.flags)}
        return values[key]

    def cell_colour(self, row: PreviewRow, column: int) -> QColor | None:
        key = PREVIEW_COLUMNS[column][1]
        if key == "flags" or (key == "margin" and row.flags & (Flag.BELOW_FLOOR
                                                              | Flag.BELOW_COST)):
            return FLAG_COLOUR if row.flags else None
        if key == "new" and row.follows_list:
            return QUIET
        return None

    def cell_tooltip(self, row: PreviewRow, column: int) -> str | None:
        if PREVIEW_COLUMNS[column][1] == "new" and row.follows_list:
            return QCoreApplication.translate(
                "pricing", "This listing has no price of its own: it follows the list price, "
                "and applying writes nothing for it.")
        return None


FLAG_LABELS = {Flag.BELOW_FLOOR: QT_TRANSLATE_NOOP("pricing", "below margin floor"),
               Flag.BELOW_COST: QT_TRANSLATE_NOOP("pricing", "below cost"),
               Flag.BIG_CHANGE: QT_TRANSLATE_NOOP("pricing", "big change"),
               Flag.INCONSISTENT: QT_TRANSLATE_NOOP("pricing", "channels inconsistent"),
               Flag.NO_PRICE: QT_TRANSLATE_NOOP("pricing", "no price")}


def flags_text(flags: int) -> str:
    return ", ".join(tr(label) for flag, label in FLAG_LABELS.items() if flags & flag)


def _signed_rate(rate: Decimal | None) -> str:
    if rate is None:
        return ""
    text = percent(rate)
    return f"+{text}" if rate > 0 else text


@dataclass(frozen=True)
class MarketQuery:
    sku_text: str = ""
    sort: str = "date"
    descending: bool = True


MARKET_COLUMNS = [("SKU", False), ("Channel", False), ("Price", True), ("Date", False),
                  ("Source", False)]


class MarketTableModel(PagedTableModel[MarketQuery, MarketPriceRow]):
    def __init__(self, loader, parent: QObject | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(loader, MarketQuery(), MARKET_COLUMNS, parent)

    def cell_text(self, row: MarketPriceRow, column: int) -> str:
        return (row.sku, row.channel or QCoreApplication.translate("pricing", "Any channel"),
                amount(row.price),
                day(row.observed_on), row.source)[column]


@dataclass(frozen=True)
class ConsistencyQuery:
    tolerance: Decimal | None = None
    sort: str = "spread"
    descending: bool = True


CONSISTENCY_COLUMNS = [("SKU", False), ("Product", False), ("Lowest", True), ("Highest", True),
                       ("Spread", True), ("Prices by channel", False)]


class ConsistencyTableModel(PagedTableModel[ConsistencyQuery, ConsistencyRow]):
    def __init__(self, loader, parent: QObject | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(loader, ConsistencyQuery(), CONSISTENCY_COLUMNS, parent)

    def row_id(self, row: ConsistencyRow) -> int:
        return row.variant_id

    def cell_text(self, row: ConsistencyRow, column: int) -> str:
        prices = ", ".join(f"{name} {amount(price)}" for name, price in row.prices)
        return (row.sku, row.title, amount(row.lowest), amount(row.highest),
                percent(row.spread), prices)[column]
