"""Plain values for customers: the rows the page and the CLI show, the edit the form sends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class CustomerQuery:
    text: str = ""  # words found in the name, contact fields, tags, notes or a handle's key
    segment: str = ""  # one of rfm.SEGMENTS, or "" for every customer
    sort: str = "spent"  # name | orders | spent | last_order | segment
    descending: bool = True


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    channels: str  # the channels of its handles, comma-separated
    email: str
    phone: str
    tags: str
    orders: int  # sold orders
    spent: int  # minor units, the shop's currency
    last_order_at: datetime | None
    recency_days: int | None
    r: int | None
    f: int | None
    m: int | None
    segment: str  # "" when the customer never bought


@dataclass(frozen=True)
class HandleRow:
    id: int
    channel_id: int
    channel: str
    key: str


@dataclass(frozen=True)
class CustomerOrderRow:
    id: int
    number: str
    channel: str
    ordered_at: datetime
    status: str
    total: Decimal  # goods + shipping
    currency: str


@dataclass(frozen=True)
class CustomerTicketRow:
    id: int
    number: str  # T-000123
    subject: str
    type: str  # labelled in the customer's language (services/tickets/labels.py)
    status: str
    created_at: datetime


@dataclass(frozen=True)
class CustomerDetail:
    row: CustomerRow
    address: str
    birthday: date | None
    notes: str
    handles: tuple[HandleRow, ...]
    created_at: datetime


@dataclass(frozen=True)
class CustomerEdit:
    """What the form sends, as typed; the service checks and normalises it."""

    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    birthday: str = ""  # YYYY-MM-DD or empty
    notes: str = ""
    tags: str = ""  # comma-separated


@dataclass(frozen=True)
class SegmentSummary:
    counts: dict[str, int]  # segment: customers
    customers: int  # every customer listed (never bought included)
    repeat_customers: int  # of those who bought in the last year, bought before or twice
    buyers_last_year: int
