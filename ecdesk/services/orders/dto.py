"""Plain values for orders: drafts the forms and importers fill in, rows the GUI shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ecdesk.models import OrderStatus


@dataclass(frozen=True)
class OrderLineDraft:
    sku: str
    quantity: int
    unit_price: str | Decimal  # as typed; validated and parsed by the service
    discount: str | Decimal = "0"  # for the whole line


@dataclass(frozen=True)
class OrderDraft:
    channel_id: int
    number: str
    ordered_at: datetime  # time zone-aware
    lines: tuple[OrderLineDraft, ...]
    status: OrderStatus = OrderStatus.PAID
    customer_name: str = ""
    customer_key: str = ""  # e-mail or buyer nickname; defaults to the name
    shipping: str | Decimal = "0"
    platform_fees: str | Decimal = "0"
    note: str = ""
    ship_to: str = ""  # the shipping address, as the buyer gave it


@dataclass(frozen=True)
class OrderLineRow:
    sku: str
    title: str
    quantity: int
    unit_price: Decimal
    discount: Decimal
    line_total: Decimal


@dataclass(frozen=True)
class OrderRow:
    id: int
    channel: str
    number: str
    ordered_at: datetime
    status: OrderStatus
    customer_name: str
    currency: str
    lines: int
    units: int
    total: Decimal  # lines + shipping


@dataclass(frozen=True)
class OrderDetail:
    row: OrderRow
    shipping: Decimal
    platform_fees: Decimal
    refunded: Decimal
    note: str
    stock_issued: bool
    lines: tuple[OrderLineRow, ...]
    tax: Decimal = Decimal("0")  # as the platform charged it
    tax_included: bool = False  # True: the line prices already hold the tax
    carrier: str = ""  # 快递公司
    tracking_number: str = ""  # 快递单号
    ship_to: str = ""  # the shipping address
    delivered_at: datetime | None = None  # known delivery (确认收货时间 or "Mark delivered")
    # The return window's end (services/returns/window.py); None while not shipped. Estimated:
    # no delivery time, so counted from shipping plus the channel's transit days.
    returns_until: datetime | None = None
    returns_estimated: bool = False
