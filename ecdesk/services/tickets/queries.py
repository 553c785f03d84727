"""Read side of tickets: the queue (saved filters, search, sort, paged in SQL on the stored
due times), one ticket with its thread and lines, the counts the navigation and Dashboard show.

"Now" is passed in (the shop clock's minute), so the same query gives the same page in tests
and the GUI refreshes due times as time passes without any write.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError
from ecdesk.i18n import _
from ecdesk.models import Channel, Customer, Order, OrderLine, Variant
from ecdesk.models.tickets import Ticket, TicketEntry, TicketLine, TicketStatus
from ecdesk.services.common.page import Page
from ecdesk.services.common.shop_time import day_bounds, shop_today, shop_zone
from ecdesk.services.common.text_search import contains, search_words
from ecdesk.services.tickets.dto import (
    EntryRow,
    QueueCounts,
    TicketDetail,
    TicketLineRow,
    TicketQuery,
    TicketRow,
)
from ecdesk.services.tickets.sla import PAUSED

DONE_VALUES = (TicketStatus.RESOLVED.value, TicketStatus.CLOSED.value)
WAITING_VALUES = tuple(s.value for s in PAUSED)
OPEN_VALUES = tuple(s.value for s in TicketStatus if s.value not in DONE_VALUES)
PRIORITY_RANK = case({"urgent": 0, "high": 1, "normal": 2, "low": 3}, value=Ticket.priority)

SORTS: dict[str, tuple[Any, ...]] = {
    "due": (Ticket.due_at.is_(None), Ticket.due_at),
    "created": (Ticket.created_at,), "number": (Ticket.number,),
    "priority": (PRIORITY_RANK,), "status": (Ticket.status,), "channel": (Channel.name,),
    "type": (Ticket.type,),
}


def _columns() -> Select[Any]:
    return (select(Ticket.id, Ticket.number, Ticket.subject, Channel.name.label("channel"),
                   func.coalesce(func.nullif(Customer.name, ""), Order.customer_name, "")
                   .label("customer"), func.coalesce(Order.number, "").label("order_number"),
                   Ticket.type, Ticket.priority, Ticket.status, Ticket.created_at,
                   Ticket.first_response_due_at, Ticket.resolution_due_at,
                   Ticket.first_response_at, Ticket.due_at)
            .join(Channel, Channel.id == Ticket.channel_id)
            .outerjoin(Customer, Customer.id == Ticket.customer_id)
            .outerjoin(Order, Order.id == Ticket.order_id))


def _id_columns(spec: TicketQuery) -> Select[Any]:
    """The ids of tickets, with the joins that the search and the sort need (only those)."""
    query = select(Ticket.id)
    if spec.sort == "channel":
        query = query.join(Channel, Channel.id == Ticket.channel_id)
    if search_words(spec.search):
        query = (query.outerjoin(Customer, Customer.id == Ticket.customer_id)
                 .outerjoin(Order, Order.id == Ticket.order_id))
    return query


def _overdue(now: datetime) -> Any:
    """Past its due time (a ticket paused or done has none, so it is never overdue)."""
    return Ticket.due_at < now


def _due_today(now: datetime, today_end: datetime) -> Any:
    """Due from now until the shop's midnight."""
    return and_(Ticket.due_at >= now, Ticket.due_at < today_end)


def _due_conditions(now: datetime, today_end: datetime) -> tuple[Any, Any]:
    return _overdue(now), _due_today(now, today_end)


def _filtered(query: Select[Any], spec: TicketQuery, now: datetime,
              today_end: datetime | None) -> Select[Any]:
    conditions: list[Any] = []
    if spec.filter == "open":
        conditions.append(Ticket.status.in_(OPEN_VALUES))
    elif spec.filter == "overdue":
        conditions.append(_overdue(now))
    elif spec.filter == "due_today":
        assert today_end is not None
        conditions.append(_due_today(now, today_end))
    elif spec.filter == "waiting":
        conditions.append(Ticket.status.in_(WAITING_VALUES))
    elif spec.filter == "resolved":
        conditions.append(Ticket.status.in_(DONE_VALUES))
    if spec.channel_id is not None:
        conditions.append(Ticket.channel_id == spec.channel_id)
    if spec.type:
        conditions.append(Ticket.type == spec.type)
    for word in search_words(spec.search):
        conditions.append(or_(contains(Ticket.number, word), contains(Ticket.subject, word),
                              contains(Ticket.tags, word), contains(Customer.name, word),
                              contains(Order.customer_name, word), contains(Order.number, word)))
    return query.where(*conditions) if conditions else query


def _today_end(session: Session, now: datetime) -> datetime:
    zone = shop_zone(session)
    return day_bounds(shop_today(zone, now), zone)[1]


def _today_end_for(session: Session, spec: TicketQuery, now: datetime) -> datetime | None:
    """The shop's midnight, read only for the filter that needs it: the settings query and
    the shop's zone were a fifth of the queue's cold first read (tests/bench/tickets_bench)."""
    return _today_end(session, now) if spec.filter == "due_today" else None


def list_tickets(uow: UnitOfWork, spec: TicketQuery, *, now: datetime, offset: int = 0,
                 limit: int = 256, count: bool = True) -> Page[TicketRow]:
    """One page of the queue for `spec` as of `now`, filtered, searched and sorted in SQL."""
    with uow:
        session = uow.session
        today_end = _today_end_for(session, spec, now)
        keys = SORTS.get(spec.sort, SORTS["due"])
        order = [*(key.desc() if spec.descending else key.asc() for key in keys),
                 Ticket.id.desc() if spec.descending else Ticket.id]
        # The page's ids first, from the tickets' own indexes (sorting 11,000 open tickets'
        # (status, due_at, id) takes 1.4 ms; sorting their joined rows took 100 ms), then the
        # joined columns of those rows only.
        ids = (_filtered(_id_columns(spec), spec, now, today_end).order_by(*order)
               .offset(offset).limit(limit + 1))
        rows = session.execute(_columns().where(Ticket.id.in_(ids.scalar_subquery()))
                               .order_by(*order)).all()
        has_more, rows = len(rows) > limit, rows[:limit]
        total = _count(session, spec, now, today_end) if count else None
    return Page([_row(row) for row in rows], total, has_more)


def count_tickets(uow: UnitOfWork, spec: TicketQuery, *, now: datetime) -> int:
    """How many tickets the queue holds for `spec` as of `now`."""
    with uow:
        return _count(uow.session, spec, now, _today_end_for(uow.session, spec, now))


def _count(session: Session, spec: TicketQuery, now: datetime,
           today_end: datetime | None) -> int:
    counting = _filtered(_columns().with_only_columns(func.count(Ticket.id)), spec, now,
                         today_end)
    return session.scalar(counting) or 0


def _row(row: Any) -> TicketRow:
    return TicketRow(row.id, row.number, row.subject, row.channel, row.customer,
                     row.order_number, str(row.type), str(row.priority), str(row.status),
                     row.created_at, row.first_response_due_at, row.resolution_due_at,
                     row.first_response_at, row.due_at)


def queue_counts(uow: UnitOfWork, *, now: datetime) -> QueueCounts:
    """Overdue, due today (not yet overdue), open and waiting tickets, in one query."""
    with uow:
        return read_queue_counts(uow.session, now)


def read_queue_counts(session: Session, now: datetime) -> QueueCounts:
    """queue_counts inside the caller's transaction (the Dashboard's tile)."""
    # One count per condition: each is a range of an index (four FILTERed counts in one
    # query scanned all 50,000 tickets, 12 ms; these take about 2 ms together).
    conditions = (*_due_conditions(now, _today_end(session, now)),
                  Ticket.status.in_(OPEN_VALUES), Ticket.status.in_(WAITING_VALUES))
    return QueueCounts(*(session.scalar(select(func.count()).select_from(Ticket)
                                        .where(condition)) or 0 for condition in conditions))


def get_ticket(uow: UnitOfWork, ticket_id: int) -> TicketDetail:
    """One ticket with its thread (oldest first) and its order lines."""
    with uow:
        session = uow.session
        head = session.execute(_columns().where(Ticket.id == ticket_id)).one_or_none()
        ticket = session.get(Ticket, ticket_id)
        if head is None or ticket is None:
            raise NotFoundError(_("Ticket {id} does not exist (was it removed elsewhere?)")
                                .format(id=ticket_id))
        entries = tuple(EntryRow(str(e.kind), e.at, e.body, e.status_from, e.status_to)
                        for e in session.scalars(select(TicketEntry).where(
                            TicketEntry.ticket_id == ticket_id).order_by(TicketEntry.id)))
        return TicketDetail(
            row=_row(head), tags=ticket.tags, customer_id=ticket.customer_id,
            order_id=ticket.order_id, resolved_at=ticket.resolved_at,
            closed_at=ticket.closed_at, reopened=ticket.reopened,
            satisfaction=ticket.satisfaction, satisfaction_comment=ticket.satisfaction_comment,
            paused=ticket.status in PAUSED, entries=entries,
            lines=_lines(session, ticket_id), replacement_order=session.scalar(
                select(Order.number).where(Order.replaces_ticket_id == ticket_id)) or "")


def _lines(session: Session, ticket_id: int) -> tuple[TicketLineRow, ...]:
    replacement = aliased(Variant)
    rows = session.execute(
        select(TicketLine, Variant.sku, func.coalesce(replacement.sku, ""))
        .join(OrderLine, OrderLine.id == TicketLine.order_line_id)
        .join(Variant, Variant.id == OrderLine.variant_id)
        .outerjoin(replacement, replacement.id == TicketLine.replacement_variant_id)
        .where(TicketLine.ticket_id == ticket_id).order_by(TicketLine.id))
    return tuple(TicketLineRow(line.id, line.order_line_id, sku, line.quantity, line.reason,
                               str(line.outcome), line.received_quantity, other,
                               line.replaced_quantity, line.refund_amount)
                 for line, sku, other in rows)

