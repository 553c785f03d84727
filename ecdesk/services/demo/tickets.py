"""The demo shop's after-sales: returns and refunds that match its refunded orders, a few
hundred tickets of every type and state (some overdue at the demo's generation time), and a
handful of canned replies. Deterministic for a seed: its own random stream, times from the
demo's clock, never from the computer's."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from ecdesk.models.tickets import (
    CannedReply,
    EntryKind,
    LineOutcome,
    Ticket,
    TicketEntry,
    TicketLine,
    TicketPriority,
    TicketStatus,
    TicketType,
)
from ecdesk.services.common.numbering import TICKET
from ecdesk.services.demo.draw import Weighted, pick
from ecdesk.services.demo.orders import DemoClock
from ecdesk.services.tickets.due import calendar_around, read_policies, refresh_due

TICKETS = 320
REASONS = ("no_reason", "wrong_size", "quality", "not_described", "wrong_item",
           "transit_damage")
REASON_WEIGHTS = (5, 4, 2, 2, 1, 1)
STATUS_WEIGHTS = {TicketStatus.NEW: 2, TicketStatus.OPEN: 4, TicketStatus.WAITING_CUSTOMER: 2,
                  TicketStatus.WAITING_SUPPLIER: 1, TicketStatus.RESOLVED: 4,
                  TicketStatus.CLOSED: 12}
TYPE_WEIGHTS = {TicketType.PRE_SALE: 6, TicketType.ORDER: 6, TicketType.COMPLAINT: 2,
                TicketType.REPAIR: 1, TicketType.OTHER: 1, TicketType.REFUND_ONLY: 2,
                TicketType.EXCHANGE: 2}
PRIORITY_WEIGHTS = {TicketPriority.LOW: 2, TicketPriority.NORMAL: 8, TicketPriority.HIGH: 3,
                    TicketPriority.URGENT: 1}
SUBJECTS = {
    TicketType.PRE_SALE: ("尺码怎么选？ Which size should I pick?", "有现货吗？ In stock?",
                          "能开发票吗？ Can you issue an invoice?",
                          "什么时候发货？ When do you ship?"),
    TicketType.ORDER: ("物流不动了 Parcel not moving", "地址写错了 Wrong address",
                       "能加急吗？ Can it ship faster?", "少发了一件 One item missing"),
    TicketType.RETURN: ("七天无理由退货 7-day return", "尺码不合适 Does not fit"),
    TicketType.EXCHANGE: ("换个颜色 Exchange for another colour", "换大一码 One size up"),
    TicketType.REFUND_ONLY: ("仅退款：破损 Refund only: arrived broken", "仅退款：少件"),
    TicketType.REPAIR: ("拉链坏了 Zip broken", "保修 Warranty repair"),
    TicketType.COMPLAINT: ("客服态度 Service complaint", "包装太差 Poor packaging"),
    TicketType.OTHER: ("合作咨询 Partnership enquiry", "其他问题 Other question"),
}
MESSAGES = ("亲，请问一下", "Hi, could you help me with this?", "在吗？", "Hello, a question")
REPLIES = ("亲，已为您处理，请留意物流信息。", "Thanks for writing, we are on it.",
           "您好，已为您登记，请耐心等待。")
CANNED = (
    ("退货地址 Return address",
     "亲爱的{customer}，订单{order}的退货请寄回：上海市浦东新区演示路 1 号，注明工单号{ticket}。"),
    ("发货时间 Shipping time", "Hi {customer}, order {order} leaves our warehouse within 48 h."),
    ("尺码建议 Size advice", "{customer} 您好，{sku} 偏小一码，建议选大一码。"),
    ("已退款 Refund issued", "Dear {customer}, the refund for {order} was issued on {today}."),
    ("跟进 Follow-up", "您好，关于工单{ticket}，我们会在{due}前给您答复。"),
)


def add_after_sales(session: Session, rng: random.Random, clock: DemoClock) -> Mapping[str, int]:
    """Returns and refunds for the refunded orders, then the tickets and canned replies."""
    conn = session.connection()
    returns, refunds = _returns_and_refunds(conn, rng)
    for title, body in CANNED:
        session.add(CannedReply(title=title, body=body, archived=False))
    tickets = _tickets(session, rng, clock)
    return {"returns": returns, "refunds": refunds, "tickets": tickets}


def _returns_and_refunds(conn: Connection, rng: random.Random) -> tuple[int, int]:
    """Refunded orders whose goods came back get a receipt per line (the stock came back in
    the orders generator); every refunded amount is a refund row of its order."""
    reasons = Weighted(REASONS, REASON_WEIGHTS)
    back = conn.exec_driver_sql(
        "SELECT l.id, l.order_id, l.quantity, o.updated_at FROM order_lines l "
        "JOIN orders o ON o.id = l.order_id WHERE o.status = 'refunded' "
        "AND o.shipped_at IS NOT NULL AND o.stock_issued = 0 ORDER BY l.id").all()
    rows = [(order_id, line_id, quantity, reasons.draw(rng), at, "demo")
            for line_id, order_id, quantity, at in back]
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO order_returns (order_id, order_line_id, quantity, condition, reason, "
            "received_at, reference, window_overridden, note) "
            "VALUES (?, ?, ?, 'sellable', ?, ?, ?, 0, '')", rows)
        conn.exec_driver_sql(
            "UPDATE order_lines SET returned_quantity = quantity WHERE id IN (SELECT "
            "order_line_id FROM order_returns)")
    refunds = conn.exec_driver_sql(
        "INSERT INTO order_refunds (order_id, amount, refunded_at, reason, reference) "
        "SELECT id, refunded, updated_at, 'Refund', '' FROM orders WHERE refunded > 0")
    return len(rows), refunds.rowcount


def _tickets(session: Session, rng: random.Random, clock: DemoClock) -> int:
    now = datetime.fromtimestamp(clock.now, UTC)
    conn = session.connection()
    recent = conn.exec_driver_sql(
        "SELECT id, channel_id, customer_id FROM orders WHERE shipped_at IS NOT NULL "
        "AND ordered_at >= ? ORDER BY id", ((now - timedelta(days=60)).replace(
            tzinfo=None).isoformat(" "),)).all()
    returned = conn.exec_driver_sql(
        "SELECT o.id, o.channel_id, o.customer_id, r.order_line_id, r.quantity, r.reason, "
        "r.received_at, o.shipped_at FROM order_returns r JOIN orders o ON o.id = r.order_id "
        "ORDER BY r.id DESC LIMIT 120").all()
    channels = [row[0] for row in conn.exec_driver_sql("SELECT id FROM channels ORDER BY id")]
    statuses = Weighted(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))
    types = Weighted(list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values()))
    priorities = Weighted(list(PRIORITY_WEIGHTS), list(PRIORITY_WEIGHTS.values()))
    tickets: list[Ticket] = []
    for row in returned:  # a closed return ticket for each goods receipt of the year's end
        order_id, channel_id, customer_id, line_id, quantity, reason, received, shipped = row
        created = _utc(shipped) + timedelta(days=rng.randint(2, 6), minutes=rng.randint(0, 600))
        ticket = _ticket(len(tickets) + 1, channel_id, customer_id, order_id, TicketType.RETURN,
                         priorities.draw(rng), pick(rng, SUBJECTS[TicketType.RETURN]), created)
        ticket.lines.append(TicketLine(order_line_id=line_id, quantity=quantity, reason=reason,
                                       outcome=LineOutcome.REFUND, received_quantity=quantity,
                                       replaced_quantity=0))
        _play(ticket, rng, max(_utc(received), created + timedelta(hours=1)),
              TicketStatus.CLOSED)
        tickets.append(ticket)
    while len(tickets) < TICKETS:
        kind = types.draw(rng)
        order = pick(rng, recent) if recent and kind != TicketType.PRE_SALE else None
        # Open work is recent (some of it overdue now); closed work is spread over 60 days.
        status = statuses.draw(rng)
        age = timedelta(minutes=rng.randint(30, 60 * 24 * (4 if status in (
            TicketStatus.NEW, TicketStatus.OPEN) else 60)))
        ticket = _ticket(len(tickets) + 1, order[1] if order else pick(rng, channels),
                         order[2] if order else None, order[0] if order else None, kind,
                         priorities.draw(rng), pick(rng, SUBJECTS[kind]), now - age)
        _play(ticket, rng, now, status)
        tickets.append(ticket)
    session.add_all(tickets)
    session.flush()
    calendar, policies = calendar_around(session, now), read_policies(session)
    for ticket in tickets:
        refresh_due(session, ticket, calendar=calendar, policies=policies)
    return len(tickets)


def _utc(stored: object) -> datetime:
    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(str(stored))
    return moment.replace(tzinfo=UTC)


def _ticket(n: int, channel_id: int, customer_id: int | None, order_id: int | None,
            kind: TicketType, priority: TicketPriority, subject: str,
            created: datetime) -> Ticket:
    ticket = Ticket(number=TICKET.format(n), channel_id=channel_id, customer_id=customer_id,
                    order_id=order_id, type=kind, priority=priority, status=TicketStatus.NEW,
                    subject=subject, tags="", created_at=created, updated_at=created,
                    reopened=0, satisfaction_comment="")
    ticket.entries.append(TicketEntry(kind=EntryKind.STATUS, at=created, status_from="",
                                      status_to=TicketStatus.NEW, body=""))
    return ticket


def _play(ticket: Ticket, rng: random.Random, until: datetime, status: TicketStatus) -> None:
    """The thread that brings a new ticket to `status` between its creation and `until`."""
    at = ticket.created_at
    ticket.entries.append(TicketEntry(kind=EntryKind.MESSAGE, at=at, body=pick(rng, MESSAGES),
                                      status_from="", status_to=""))
    if status == TicketStatus.NEW:
        return
    span = max((until - at).total_seconds(), 120)
    # Most first replies come within the working day; some wait overnight or longer.
    reply_at = min(at + timedelta(minutes=rng.choice((5, 20, 45, 90, 180, 600, 1500))
                                  * rng.uniform(0.5, 1.5)), at + timedelta(seconds=span * 0.4))
    ticket.entries.append(TicketEntry(kind=EntryKind.REPLY, at=reply_at,
                                      body=pick(rng, REPLIES), status_from="", status_to=""))
    ticket.first_response_at = reply_at
    _status(ticket, reply_at, TicketStatus.OPEN)
    if status == TicketStatus.OPEN:
        return
    later = min(reply_at + timedelta(hours=rng.choice((2, 6, 20, 30, 50, 100))
                                     * rng.uniform(0.5, 1.5)),
                reply_at + timedelta(seconds=span * 0.5))
    if status in (TicketStatus.WAITING_CUSTOMER, TicketStatus.WAITING_SUPPLIER):
        _status(ticket, later, status)
        return
    if status == TicketStatus.CLOSED and rng.random() < 0.08:  # resolved too soon: reopened
        _status(ticket, later, TicketStatus.RESOLVED)
        later = later + timedelta(seconds=span * 0.05)
        _status(ticket, later, TicketStatus.OPEN)
        ticket.reopened = 1
        later = later + timedelta(seconds=span * 0.05)
    _status(ticket, later, TicketStatus.RESOLVED)
    ticket.resolved_at = later
    if status == TicketStatus.CLOSED:
        closed = later + timedelta(seconds=span * rng.uniform(0.01, 0.1))
        _status(ticket, closed, TicketStatus.CLOSED)
        ticket.closed_at = closed
        if rng.random() < 0.7:
            ticket.satisfaction = rng.choices((5, 4, 3, 2, 1), (10, 5, 2, 1, 1))[0]


def _status(ticket: Ticket, at: datetime, status: TicketStatus) -> None:
    ticket.entries.append(TicketEntry(kind=EntryKind.STATUS, at=at, status_from=ticket.status,
                                      status_to=status, body=""))
    ticket.status = status
    ticket.updated_at = at
