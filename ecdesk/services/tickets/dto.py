"""What the ticket services take and give: drafts in, frozen rows out (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from ecdesk.models.tickets import LineOutcome, TicketPriority, TicketType

# Saved filters of the queue (besides "all"): what a person works through in a day.
QUEUE_FILTERS = ("all", "open", "overdue", "due_today", "waiting", "resolved")
SORT_KEYS = ("due", "created", "number", "priority", "status", "channel", "type")


@dataclass(frozen=True)
class TicketLineDraft:
    order_line_id: int
    quantity: int
    reason: str = "no_reason"  # a ReturnReason value
    outcome: LineOutcome | str = LineOutcome.REFUND
    replacement_sku: str = ""  # an exchange's other SKU (empty: the same SKU)


@dataclass(frozen=True)
class TicketDraft:
    channel_id: int
    subject: str
    type: TicketType | str = TicketType.PRE_SALE
    priority: TicketPriority | str = TicketPriority.NORMAL
    customer_id: int | None = None
    order_id: int | None = None
    message: str = ""  # the customer's first message, if any
    tags: str = ""
    lines: tuple[TicketLineDraft, ...] = ()
    created_at: datetime | None = None  # when the customer asked (default: now)


@dataclass(frozen=True)
class TicketQuery:
    filter: str = "open"  # one of QUEUE_FILTERS
    search: str = ""  # ticket number, subject, customer or order number
    channel_id: int | None = None
    type: str = ""  # a TicketType value, or "" for all
    sort: str = "due"
    descending: bool = False


@dataclass(frozen=True)
class TicketRow:
    id: int
    number: str
    subject: str
    channel: str
    customer: str
    order_number: str
    type: str
    priority: str
    status: str
    created_at: datetime
    first_response_due_at: datetime | None
    resolution_due_at: datetime | None
    first_response_at: datetime | None
    # The due time that matters now (the first response until answered, then the
    # resolution); None while paused or done: what the queue sorts, shows and counts.
    due_at: datetime | None = None


@dataclass(frozen=True)
class EntryRow:
    kind: str
    at: datetime
    body: str
    status_from: str = ""
    status_to: str = ""


@dataclass(frozen=True)
class TicketLineRow:
    id: int
    order_line_id: int
    sku: str
    quantity: int
    reason: str
    outcome: str
    received: int
    replacement_sku: str
    replaced: int
    refund_amount: Decimal


@dataclass(frozen=True)
class TicketDetail:
    row: TicketRow
    tags: str
    customer_id: int | None
    order_id: int | None
    resolved_at: datetime | None
    closed_at: datetime | None
    reopened: int
    satisfaction: int | None
    satisfaction_comment: str
    paused: bool
    entries: tuple[EntryRow, ...] = ()
    lines: tuple[TicketLineRow, ...] = field(default=())
    # The exchange's replacement order (services/tickets/replacement.py): "" until made.
    replacement_order: str = ""


@dataclass(frozen=True)
class QueueCounts:
    overdue: int
    due_today: int
    open: int
    waiting: int


@dataclass(frozen=True)
class CannedReplyRow:
    id: int
    title: str
    body: str


@dataclass(frozen=True)
class SlaPolicyRow:
    ticket_type: str
    priority: str
    first_response_minutes: int
    resolution_minutes: int
    from_shop: bool  # False: the priority's default
