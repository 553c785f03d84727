"""Customer-service tickets (工单): the queue, each ticket's thread, the order lines a return or
exchange takes back, canned replies, SLA targets and the business calendar's own days.

A ticket's due times are stored (computed by services/tickets/sla.py whenever its status or
policy changes) so that the queue filters and sorts by them in SQL: "overdue" is a comparison
with now, not an SLA computation per row.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ecdesk.models.base import Base, UtcDateTime, utc_now
from ecdesk.models.catalog import _enum
from ecdesk.money import Money


class TicketType(enum.StrEnum):
    PRE_SALE = "pre_sale"  # 售前
    ORDER = "order"  # 售中: order and shipping questions
    RETURN = "return"  # 退货退款
    EXCHANGE = "exchange"  # 换货
    REFUND_ONLY = "refund_only"  # 仅退款
    REPAIR = "repair"
    COMPLAINT = "complaint"
    OTHER = "other"


class TicketPriority(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TicketStatus(enum.StrEnum):
    NEW = "new"
    OPEN = "open"
    WAITING_CUSTOMER = "waiting_customer"  # the SLA clock pauses
    WAITING_SUPPLIER = "waiting_supplier"  # the SLA clock pauses
    RESOLVED = "resolved"
    CLOSED = "closed"


class EntryKind(enum.StrEnum):
    MESSAGE = "message"  # received from the customer
    REPLY = "reply"  # sent to the customer
    NOTE = "note"  # internal
    STATUS = "status"  # a status change (body: from -> to)


class LineOutcome(enum.StrEnum):
    REFUND = "refund"
    REPLACE = "replace"
    REPAIR = "repair"
    REJECT = "reject"


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_due_at", "due_at"),
        Index("ix_tickets_status_due_at", "status", "due_at"),
        Index("ix_tickets_created_at", "created_at"),
        Index("ix_tickets_customer_id", "customer_id"),
        Index("ix_tickets_order_id", "order_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)  # T-000123
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    type: Mapped[TicketType] = mapped_column(_enum(TicketType, "ticket_type"))
    priority: Mapped[TicketPriority] = mapped_column(_enum(TicketPriority, "ticket_priority"))
    status: Mapped[TicketStatus] = mapped_column(_enum(TicketStatus, "ticket_status"))
    subject: Mapped[str] = mapped_column(String(200))
    # Normalised ", "-separated labels, as customers' tags.
    tags: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    first_response_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # None while the clock is paused (waiting on the customer or a supplier).
    first_response_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolution_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The due time that matters now (the first response until there is one, then the
    # resolution); None while paused or once resolved. The queue sorts and filters by it.
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reopened: Mapped[int] = mapped_column(Integer, default=0)  # times reopened
    satisfaction: Mapped[int | None] = mapped_column(Integer)  # 1-5, given at closing
    satisfaction_comment: Mapped[str] = mapped_column(Text, default="")

    entries: Mapped[list[TicketEntry]] = relationship(order_by="TicketEntry.id")
    lines: Mapped[list[TicketLine]] = relationship(order_by="TicketLine.id")


class TicketEntry(Base):
    """One event of a ticket's thread, in the order it happened."""

    __tablename__ = "ticket_entries"
    __table_args__ = (Index("ix_ticket_entries_ticket_id", "ticket_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[EntryKind] = mapped_column(_enum(EntryKind, "ticket_entry_kind"))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    body: Mapped[str] = mapped_column(Text, default="")
    # For status entries: the statuses before and after (the SLA clock's pauses).
    status_from: Mapped[str] = mapped_column(String(16), default="")
    status_to: Mapped[str] = mapped_column(String(16), default="")


class TicketLine(Base):
    """An order line a return, exchange or repair ticket is about: how many, why, what
    happens, and how many came back (received through services/returns, once)."""

    __tablename__ = "ticket_lines"
    __table_args__ = (Index("ix_ticket_lines_ticket_id", "ticket_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(16))  # a ReturnReason value
    outcome: Mapped[LineOutcome] = mapped_column(_enum(LineOutcome, "ticket_line_outcome"))
    received_quantity: Mapped[int] = mapped_column(Integer, default=0)
    # An exchange sends this SKU back out (the same SKU when None).
    replacement_variant_id: Mapped[int | None] = mapped_column(ForeignKey("variants.id"))
    replaced_quantity: Mapped[int] = mapped_column(Integer, default=0)
    refund_amount: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))


class CannedReply(Base):
    """A reply kept for reuse; {customer}, {order}, {sku}, {ticket}, {today} are filled in."""

    __tablename__ = "canned_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(80), unique=True)
    body: Mapped[str] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(default=False)


class SlaPolicy(Base):
    """Targets in working minutes for one ticket type and priority (defaults in sla.py)."""

    __tablename__ = "sla_policies"
    __table_args__ = (UniqueConstraint("ticket_type", "priority"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_type: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16))
    first_response_minutes: Mapped[int] = mapped_column(Integer)
    resolution_minutes: Mapped[int] = mapped_column(Integer)


class CalendarDay(Base):
    """A day the shop's calendar says differently from the holiday library: a day off, or a
    make-up working day (调休) the library does not know yet."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column()
    name: Mapped[str] = mapped_column(String(80), default="")
