"""Plain frozen values for the Inventory page, its detail pane and the stock dialogs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from ecdesk.services.stock import position

if TYPE_CHECKING:  # (the command line imports this module at start: no SQLAlchemy here)
    from ecdesk.services.stock.commands import PolicyDraft
    from ecdesk.services.stock.defaults import StockDefaults

# Which SKUs the table shows, by their stock.
STOCK_ALL = "all"
STOCK_IN = "in_stock"  # something available to sell
STOCK_OUT = "out_of_stock"  # nothing available (on hand minus committed is 0 or less)
STOCK_NEGATIVE = "negative"  # on hand below zero
STOCK_REORDER = "reorder"  # projected stock at or below the reorder point
STOCK_FILTERS = (STOCK_ALL, STOCK_IN, STOCK_OUT, STOCK_NEGATIVE, STOCK_REORDER)

SORT_KEYS = ("title", "sku", "options", "on_hand", "committed", "available", "on_order",
             "velocity", "cover", "reorder_point", "value")


@dataclass(frozen=True)
class InventoryQuery:
    """What the Inventory table shows; filters, search and sort are applied in SQL."""

    search: str = ""  # words found in title, SKU, barcode, options or a channel item id
    category_id: int | None = None  # includes sub-categories
    stock: str = STOCK_ALL  # one of STOCK_FILTERS
    sort: str = "title"  # one of SORT_KEYS
    descending: bool = False


@dataclass(frozen=True)
class StockFigures:
    """One SKU's stock position (ecdesk.services.stock.position) and sales pace."""

    on_hand: int
    committed: int  # on lines of pending and paid orders: promised, not yet shipped
    on_order: int  # what purchase orders still expect (position_sql.on_order)
    units_sold: int  # in the sales window
    window_days: int
    velocity: Decimal  # units a day over the window
    days_of_cover: Decimal | None  # None when nothing sells
    reorder_point: int
    reorder_point_manual: bool  # set by hand in the SKU's stock rules (else suggested)

    @property
    def available(self) -> int:
        return position.available(self.on_hand, self.committed)

    @property
    def projected(self) -> int:
        return position.projected(self.available, self.on_order)


@dataclass(frozen=True)
class InventoryRow:
    variant_id: int
    product_id: int
    sku: str
    title: str
    options: str
    barcode: str | None
    unit_cost: Decimal
    figures: StockFigures

    @property
    def stock_value(self) -> Decimal:
        return self.figures.on_hand * self.unit_cost


@dataclass(frozen=True)
class InventorySummary:
    """Totals over every SKU the query matches (not only the loaded page)."""

    skus: int
    units: int  # on hand
    value: Decimal  # on hand at unit cost


@dataclass(frozen=True)
class MovementRow:
    id: int
    at: datetime  # in the shop's time zone
    kind: str  # a MovementKind value
    quantity: int  # signed
    balance: int  # on hand after this movement
    reason: str
    reference: str
    order_id: int | None


@dataclass(frozen=True)
class SuggestedLevels:
    """The levels a SKU gets when its own rules leave them blank."""

    safety_stock: int
    reorder_point: int
    max_stock: int


@dataclass(frozen=True)
class SkuStock:
    """One SKU for the stock dialogs: where it stands, its own rules and the shop defaults."""

    variant_id: int
    sku: str
    title: str
    options: str
    unit_cost: Decimal
    figures: StockFigures
    policy: PolicyDraft  # the SKU's own rules; None fields use the defaults
    defaults: StockDefaults
    suggested: SuggestedLevels
    allows_negative: bool  # the SKU's rule, else the shop default


@dataclass(frozen=True)
class CountLine:
    """A SKU on a stock count sheet, with what the shop expects on the shelf."""

    variant_id: int
    sku: str
    title: str
    options: str
    barcode: str | None
    expected: int  # on hand when the sheet was made
