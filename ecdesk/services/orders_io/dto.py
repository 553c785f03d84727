"""Plain frozen values that cross from the order import services to the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from ecdesk.errors import EcdeskError, Problem
from ecdesk.models import OrderStatus
from ecdesk.services.changes import Changed
from ecdesk.services.channels import ChannelInfo
from ecdesk.services.tabular_io.problems import PreviewProblems


class ChannelChoiceError(EcdeskError):
    """Which channel the orders belong to cannot be told: the user has to name one."""


@dataclass(frozen=True, slots=True)
class ParsedLine:
    row: int
    sku: str
    title: str
    quantity: int
    unit_price: Decimal
    discount: Decimal  # for the whole line


@dataclass(frozen=True, slots=True)
class ParsedOrder:
    """One order as read from the file; `rows` are all its rows (problems point at them)."""

    row: int  # the row with the order's own fields
    number: str
    ordered_at: datetime | None  # None only when the order has a problem
    status: OrderStatus
    paid_at: datetime | None = None
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None  # the buyer's confirmed receipt, when the file says
    customer_name: str = ""
    customer_key: str = ""  # e-mail or buyer nickname, casefolded
    currency: str = ""  # "" when the file does not say: the channel's
    shipping: Decimal = Decimal("0")
    refunded: Decimal = Decimal("0")
    tax: Decimal = Decimal("0")  # the order's tax as the file gives it
    tax_included: bool = False  # True when the line prices already include the tax
    carrier: str = ""  # 快递公司, when the file names it
    tracking_number: str = ""  # 快递单号
    coupon_codes: str = ""  # the discount codes used, "D11,FREESHIP" (orders_io/coupons.py)
    lines: tuple[ParsedLine, ...] = ()
    rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class ParsedOrderFile:
    path: str
    format: str  # shopify | taobao
    format_label: str
    format_confident: bool
    encoding: str
    timezone: str  # the zone of times written without an offset
    header: tuple[str, ...]
    rows: int  # data rows read (header excluded)
    orders: tuple[ParsedOrder, ...]
    problems: tuple[Problem, ...]  # found without the database
    file_error: bool = False  # True: nothing can be imported from this file
    # The user's corrections of the columns ({field: column name}), remembered per channel
    corrected: tuple[tuple[str, str], ...] = ()
    samples: tuple[str, ...] = ()  # a value of each column (its first non-empty one), if any
    missing: tuple[str, ...] = ()  # required fields with no column: the columns need choosing

    @property
    def lines(self) -> int:
        return sum(len(order.lines) for order in self.orders)


@dataclass(frozen=True)
class OrderImportCounts:
    orders_new: int = 0
    orders_updated: int = 0  # their status (or refunded amount) changes
    orders_unchanged: int = 0
    lines_new: int = 0
    units_new: int = 0
    units_issued: int = 0  # units that leave the shelf (orders that ship)
    units_returned: int = 0  # units that come back (shipped orders cancelled or refunded)


@dataclass(frozen=True)
class OrderImportPreview(PreviewProblems):
    file: ParsedOrderFile
    channel: ChannelInfo | None
    counts: OrderImportCounts  # of the orders that can be imported (those without errors)
    problems: tuple[Problem, ...]  # sorted by row
    orders_with_errors: int
    notes: tuple[str, ...] = field(default=())

    @property
    def blocked(self) -> bool:
        """True when importing everything is refused (only the valid orders could be)."""
        return self.file.file_error or self.channel is None or bool(self.errors)

    @property
    def importable(self) -> int:
        counts = self.counts
        return counts.orders_new + counts.orders_updated + counts.orders_unchanged


@dataclass(frozen=True)
class OrderImportResult:
    preview: OrderImportPreview  # what was checked inside the writing transaction
    counts: OrderImportCounts  # what was written
    skipped_orders: int
    changed: Changed  # orders and stock, with the new and updated orders' ids

    @property
    def order_ids(self) -> tuple[int, ...]:
        return self.changed.ids

    @property
    def message(self) -> str:
        return self.changed.message
