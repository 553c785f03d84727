"""Write side of tickets: open one, add to its thread, change its status (reopen, close with a
satisfaction rating), and the after-sales work of its lines: receive the goods back (stock moves
once, through services/returns; an exchange's replacement order follows its goods), refund."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models import (
    Channel,
    Customer,
    Order,
    ReturnReason,
    Variant,
)
from ecdesk.models.base import utc_now
from ecdesk.models.tickets import (
    EntryKind,
    LineOutcome,
    Ticket,
    TicketEntry,
    TicketLine,
    TicketPriority,
    TicketStatus,
    TicketType,
)
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.numbering import TICKET, next_number
from ecdesk.services.customers.tags import normalise_tags
from ecdesk.services.orders.refunds import add_refund, refund_problems
from ecdesk.services.orders.validation import amount as read_amount
from ecdesk.services.returns.dto import ReturnLineDraft
from ecdesk.services.returns.receive import post_return, return_problems
from ecdesk.services.tickets.dto import TicketDraft, TicketLineDraft
from ecdesk.services.tickets.due import refresh_due
from ecdesk.services.tickets.labels import label
from ecdesk.services.tickets.replacement import issue_replacement
from ecdesk.services.tickets.sla import DONE

SUBJECT_LIMIT = 200
# Types whose lines send goods back: closing waits until they are received.
GOODS_BACK = frozenset({TicketType.RETURN, TicketType.EXCHANGE, TicketType.REPAIR})


def open_ticket(uow: UnitOfWork, draft: TicketDraft, *, override_window: bool = False
                ) -> Changed:
    """Open a ticket with its number (T-000123), first message and lines, and its due times."""
    at = draft.created_at or utc_now()
    with uow:
        session = uow.session
        order = session.get(Order, draft.order_id) if draft.order_id is not None else None
        problems = _draft_problems(session, draft, order)
        if order is not None and draft.lines and not problems:
            problems += return_problems(session, order, [
                ReturnLineDraft(line.order_line_id, line.quantity, reason=line.reason)
                for line in draft.lines], at, override_window)
        if problems:
            raise ValidationError(problems)
        ticket = Ticket(
            number=next_number(session, Ticket.number, TICKET), channel_id=draft.channel_id,
            customer_id=draft.customer_id or (order.customer_id if order else None),
            order_id=draft.order_id, type=TicketType(draft.type),
            priority=TicketPriority(draft.priority), status=TicketStatus.NEW,
            subject=draft.subject.strip(), tags=normalise_tags(draft.tags), created_at=at,
            updated_at=at)
        session.add(ticket)
        _entry(ticket, EntryKind.STATUS, at, status_to=TicketStatus.NEW)
        if draft.message.strip():
            _entry(ticket, EntryKind.MESSAGE, at, draft.message.strip())
        for line in draft.lines:
            ticket.lines.append(_line(session, line))
        session.flush()
        refresh_due(session, ticket)
        ticket_id, number = ticket.id, ticket.number
        uow.commit()
    return Changed.of(ChangeArea.TICKETS, message=_("Ticket {number} opened").format(
        number=number), ids=(ticket_id,))


def _draft_problems(session: Session, draft: TicketDraft, order: Order | None) -> list[Problem]:
    problems = []
    subject = draft.subject.strip()
    if not subject:
        problems.append(Problem(_("Subject"), _("is required")))
    elif len(subject) > SUBJECT_LIMIT:
        problems.append(Problem(_("Subject"), _("is longer than {most} characters").format(
            most=SUBJECT_LIMIT)))
    if session.get(Channel, draft.channel_id) is None:
        problems.append(Problem(_("Channel"), _("that channel does not exist")))
    if draft.type not in {t.value for t in TicketType}:
        problems.append(Problem(_("Type"), _("'{value}' is not a ticket type").format(
            value=draft.type)))
    if draft.priority not in {p.value for p in TicketPriority}:
        problems.append(Problem(_("Priority"), _("'{value}' is not a priority").format(
            value=draft.priority)))
    if draft.customer_id is not None and session.get(Customer, draft.customer_id) is None:
        problems.append(Problem(_("Customer"), _("that customer does not exist")))
    if draft.order_id is not None and order is None:
        problems.append(Problem(_("Order"), _("that order does not exist")))
    if draft.lines and order is None:
        problems.append(Problem(_("Lines"), _("lines are chosen from the ticket's order: "
                                              "choose the order first")))
    for row, line in enumerate(draft.lines, start=1):
        if line.outcome not in {o.value for o in LineOutcome}:
            problems.append(Problem(_("Outcome"), _("'{value}' is not refund, replace, repair "
                                                    "or reject").format(value=line.outcome), row))
        if line.replacement_sku.strip() and session.scalar(
                select(Variant.id).where(Variant.sku == line.replacement_sku.strip())) is None:
            problems.append(Problem(_("Replacement"), _("'{sku}' is not in the catalog")
                                    .format(sku=line.replacement_sku.strip()), row))
    return problems


def _line(session: Session, line: TicketLineDraft) -> TicketLine:
    replacement = session.scalar(select(Variant.id).where(
        Variant.sku == line.replacement_sku.strip())) if line.replacement_sku.strip() else None
    return TicketLine(order_line_id=line.order_line_id, quantity=line.quantity,
                      reason=ReturnReason(line.reason).value, outcome=LineOutcome(line.outcome),
                      received_quantity=0, replacement_variant_id=replacement,
                      replaced_quantity=0, refund_amount=Decimal("0"))


def _entry(ticket: Ticket, kind: EntryKind, at: datetime, body: str = "", *,
           status_from: str = "", status_to: str = "") -> None:
    ticket.entries.append(TicketEntry(kind=kind, at=at, body=body, status_from=str(status_from),
                                      status_to=str(status_to)))


def _ticket(session: Session, ticket_id: int) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError(_("Ticket {id} does not exist (was it removed elsewhere?)")
                            .format(id=ticket_id))
    return ticket


def _move(ticket: Ticket, status: TicketStatus, at: datetime) -> None:
    """Change status with its thread entry and dates (no checks: callers check)."""
    old = ticket.status
    if old == status:
        return
    _entry(ticket, EntryKind.STATUS, at, status_from=old, status_to=status)
    if status in DONE and ticket.resolved_at is None:
        ticket.resolved_at = at
    if status == TicketStatus.CLOSED:
        ticket.closed_at = at
    if old in DONE and status not in DONE:
        ticket.reopened += 1
        ticket.resolved_at = ticket.closed_at = None
    ticket.status = status
    ticket.updated_at = at


def add_entry(uow: UnitOfWork, ticket_id: int, kind: EntryKind | str, body: str, *,
              at: datetime | None = None) -> Changed:
    """Add a message received, a reply sent or an internal note to the thread.

    A reply is the first response if none came before, and opens a new ticket; a message from
    the customer on a ticket waiting on them (or resolved) opens it again."""
    kind = EntryKind(kind)
    if kind == EntryKind.STATUS:
        raise ValidationError([Problem(_("Kind"), _("a status change is made with its own "
                                                    "action"))])
    if not body.strip():
        raise ValidationError([Problem(_("Text"), _("is empty"))])
    at = at or utc_now()
    with uow:
        ticket = _ticket(uow.session, ticket_id)
        if ticket.status == TicketStatus.CLOSED:
            raise ValidationError([Problem(_("Status"), _(
                "ticket {number} is closed: reopen it first").format(number=ticket.number))])
        _entry(ticket, kind, at, body.strip())
        if kind == EntryKind.REPLY:
            if ticket.first_response_at is None:
                ticket.first_response_at = at
            if ticket.status == TicketStatus.NEW:
                _move(ticket, TicketStatus.OPEN, at)
        elif kind == EntryKind.MESSAGE and ticket.status in (TicketStatus.WAITING_CUSTOMER,
                                                             TicketStatus.RESOLVED):
            _move(ticket, TicketStatus.OPEN, at)
        ticket.updated_at = at
        refresh_due(uow.session, ticket)
        number = ticket.number
        uow.commit()
    return Changed.of(ChangeArea.TICKETS, message=_("Ticket {number}: {kind} added").format(
        number=number, kind=label(kind)), ids=(ticket_id,))


def set_ticket_tags(uow: UnitOfWork, ticket_id: int, tags: str, *,
                    at: datetime | None = None) -> Changed:
    """Replace a ticket's tags (typed with commas; normalised as a customer's are). The change
    is kept in the thread as a note, old → new, as a status change is; the same tags again
    write nothing."""
    at = at or utc_now()
    new = normalise_tags(tags)
    with uow:
        ticket = _ticket(uow.session, ticket_id)
        old, number = ticket.tags, ticket.number
        if new != old:
            _entry(ticket, EntryKind.NOTE, at, _("Tags: {old} → {new}").format(
                old=old or _("(none)"), new=new or _("(none)")))
            ticket.tags = new
            ticket.updated_at = at
            uow.commit()
    return Changed.of(ChangeArea.TICKETS, message=_("Ticket {number}: tags {tags}").format(
        number=number, tags=new or _("(none)")), ids=(ticket_id,))


def set_ticket_status(uow: UnitOfWork, ticket_id: int, status: TicketStatus | str, *,
                      at: datetime | None = None, satisfaction: int | None = None,
                      comment: str = "") -> Changed:
    """Move a ticket to `status`. Closing is refused while a return's goods have not all come
    back; a satisfaction rating (1-5) and comment are given at closing only. A resolved or
    closed ticket moved back to work counts as reopened."""
    if status not in {s.value for s in TicketStatus}:
        raise ValidationError([Problem(_("Status"), _("'{value}' is not a ticket status")
                                       .format(value=status))])
    status = TicketStatus(status)
    at = at or utc_now()
    with uow:
        ticket = _ticket(uow.session, ticket_id)
        problems = _status_problems(ticket, status, satisfaction)
        if problems:
            raise ValidationError(problems)
        old = ticket.status
        _move(ticket, status, at)
        if status == TicketStatus.CLOSED and satisfaction is not None:
            ticket.satisfaction = satisfaction
            ticket.satisfaction_comment = comment.strip()
        refresh_due(uow.session, ticket)
        number = ticket.number
        uow.commit()
    return Changed.of(ChangeArea.TICKETS, message=_("Ticket {number}: {old} → {new}").format(
        number=number, old=label(old), new=label(status)), ids=(ticket_id,))


def _status_problems(ticket: Ticket, status: TicketStatus,
                     satisfaction: int | None) -> list[Problem]:
    problems = []
    if status == TicketStatus.NEW and ticket.status != TicketStatus.NEW:
        problems.append(Problem(_("Status"), _("a ticket cannot become new again")))
    if satisfaction is not None:
        if status != TicketStatus.CLOSED:
            problems.append(Problem(_("Satisfaction"), _("is given when the ticket is closed")))
        elif isinstance(satisfaction, bool) or not isinstance(satisfaction, int) \
                or not 1 <= satisfaction <= 5:
            problems.append(Problem(_("Satisfaction"), _("'{value}' is not a rating from 1 to 5")
                                    .format(value=satisfaction)))
    if status == TicketStatus.CLOSED:
        waiting = [line for line in ticket.lines if line.outcome != LineOutcome.REJECT
                   and ticket.type in GOODS_BACK and line.received_quantity < line.quantity]
        if waiting:
            units = sum(line.quantity - line.received_quantity for line in waiting)
            problems.append(Problem(_("Status"), _(
                "ticket {number} still waits for {units} unit(s) to come back: receive the "
                "return (or set its lines to reject) before closing").format(
                    number=ticket.number, units=units)))
    return problems


def receive_ticket_return(uow: UnitOfWork, ticket_id: int, received: Mapping[int, int], *,
                          condition: str = "sellable", at: datetime | None = None,
                          override_window: bool = False) -> Changed:
    """Receive goods of the ticket's lines back ({ticket line id: units}): stock moves once,
    through the order's returns, with the ticket number as reference."""
    at = at or utc_now()
    with uow:
        session = uow.session
        ticket = _ticket(session, ticket_id)
        lines = {line.id: line for line in ticket.lines}
        problems = [Problem(_("Line"), _("that line is not on ticket {number}").format(
            number=ticket.number)) for line_id in received if line_id not in lines]
        for line_id, units in received.items():
            line = lines.get(line_id)
            if line is not None and line.received_quantity + units > line.quantity:
                problems.append(Problem(_("Quantity"), _(
                    "{units} is more than the {left} unit(s) the ticket still expects").format(
                        units=units, left=line.quantity - line.received_quantity)))
        order = session.get(Order, ticket.order_id) if ticket.order_id else None
        if order is None:
            problems.append(Problem(_("Order"), _("the ticket has no order to return goods of")))
        if problems:
            raise ValidationError(problems)
        assert order is not None
        post_return(session, order, [
            ReturnLineDraft(lines[line_id].order_line_id, units, condition,
                            lines[line_id].reason) for line_id, units in received.items()],
            at=at, override_window=override_window, reference=ticket.number)
        for line_id, units in received.items():
            lines[line_id].received_quantity += units
        _entry(ticket, EntryKind.NOTE, at, _("{units} unit(s) received back ({condition})")
               .format(units=sum(received.values()), condition=label(condition)))
        replacement = issue_replacement(session, ticket, order, at)
        if replacement is not None:
            _entry(ticket, EntryKind.NOTE, at, _(
                "Replacement order {number} created: its goods are reserved until it ships")
                .format(number=replacement.number))
        ticket.updated_at = at
        number = ticket.number
        message = _("Ticket {number}: return received").format(number=number)
        if replacement is not None:
            message = _("Ticket {number}: return received, replacement order {order} created"
                        ).format(number=number, order=replacement.number)
        uow.commit()
    return Changed.of(ChangeArea.TICKETS, ChangeArea.ORDERS, ChangeArea.STOCK,
                      message=message, ids=(ticket_id,))


def refund_ticket(uow: UnitOfWork, ticket_id: int, amount: str | Decimal, *,
                  ticket_line_id: int | None = None, at: datetime | None = None) -> Changed:
    """Refund money on the ticket's order (part of it: the order keeps its status)."""
    at = at or utc_now()
    problems: list[Problem] = []
    value = read_amount(amount, _("Refund"), None, problems)
    with uow:
        session = uow.session
        ticket = _ticket(session, ticket_id)
        order = session.get(Order, ticket.order_id) if ticket.order_id else None
        line = next((ln for ln in ticket.lines if ln.id == ticket_line_id), None)
        if order is None:
            problems.append(Problem(_("Order"), _("the ticket has no order to refund")))
        else:
            problems += refund_problems(order, value, line.order_line_id if line else None)
        if ticket_line_id is not None and line is None:
            problems.append(Problem(_("Line"), _("that line is not on ticket {number}").format(
                number=ticket.number)))
        if problems:
            raise ValidationError(problems)
        assert order is not None and value is not None
        add_refund(session, order, value, reason=ticket.subject, reference=ticket.number,
                   order_line_id=line.order_line_id if line else None, at=at)
        if line is not None:
            line.refund_amount += value
        _entry(ticket, EntryKind.NOTE, at, _("Refunded {amount}").format(amount=value))
        number = ticket.number
        uow.commit()
    return Changed.of(ChangeArea.TICKETS, ChangeArea.ORDERS,
                      message=_("Ticket {number}: {amount} refunded").format(
                          number=number, amount=value), ids=(ticket_id,))
