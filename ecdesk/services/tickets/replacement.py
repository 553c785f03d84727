"""An exchange's replacement order (换货补发): once every unit of the ticket's lines to replace
has come back, one order sends the exchanged-to SKUs to the same customer on the same channel.

The order is an order like any other: paid (or pending while the buyer owes a price
difference), its lines are committed stock until it ships, and shipping it issues them. It is
made once per ticket: the unique index on `orders.replaces_ticket_id` holds even if two
receipts raced, and a second receipt finds nothing left to receive.

Price: a line sent as the same SKU costs 0; a line exchanged for another SKU costs the
difference between that SKU's price on the channel and what the buyer paid for the returned
unit, when it is dearer (补差价), else 0 (a cheaper SKU's difference is refunded from the
ticket, not taken off this order).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ecdesk.models import Listing, Order, OrderLine, OrderReturn, OrderStatus, Variant
from ecdesk.models.tickets import LineOutcome, Ticket, TicketLine
from ecdesk.money import round_unit_price
from ecdesk.services.orders.validation import line_total

NUMBER_LIMIT = 64


def replacement_order_id(session: Session, ticket_id: int) -> int | None:
    return session.scalar(select(Order.id).where(Order.replaces_ticket_id == ticket_id))


def replacement_ready(ticket: Ticket) -> list[TicketLine]:
    """The lines to replace when all of them are back; [] while any unit is still out."""
    lines = [line for line in ticket.lines if line.outcome == LineOutcome.REPLACE]
    if any(line.received_quantity < line.quantity for line in lines):
        return []
    return lines


def issue_replacement(session: Session, ticket: Ticket, original: Order,
                      at: datetime) -> Order | None:
    """The ticket's replacement order, made now if its goods are all back and it has none."""
    lines = replacement_ready(ticket)
    if not lines or replacement_order_id(session, ticket.id) is not None:
        return None
    by_id = {line.id: line for line in original.lines}
    dearer = False
    order = Order(
        channel_id=original.channel_id, number=_number(session, original, ticket),
        ordered_at=at, paid_at=at, status=OrderStatus.PAID,
        customer_name=original.customer_name, customer_key=original.customer_key,
        customer_id=ticket.customer_id or original.customer_id, currency=original.currency,
        source="exchange", replaces_ticket_id=ticket.id, stock_issued=False,
        note=f"{ticket.number} ← {original.number}")
    for position, line in enumerate(lines):
        returned = by_id[line.order_line_id]
        variant = session.get_one(Variant, line.replacement_variant_id or returned.variant_id)
        price = _difference(session, original.channel_id, returned, variant)
        dearer = dearer or price > 0
        line.replaced_quantity = line.quantity
        order.lines.append(OrderLine(
            position=position, variant_id=variant.id, quantity=line.quantity,
            unit_price=price, discount=Decimal("0"),
            line_total=line_total(line.quantity, price, Decimal("0")),
            unit_cost=variant.unit_cost))
    if dearer:  # the buyer pays the difference first (补差价); the goods stay committed
        order.status, order.paid_at = OrderStatus.PENDING, None
    session.add(order)
    session.flush()
    session.execute(update(OrderReturn).where(
        OrderReturn.order_id == original.id, OrderReturn.reference == ticket.number,
        OrderReturn.order_line_id.in_([line.order_line_id for line in lines]))
        .values(replacement_order_id=order.id))
    return order


def _difference(session: Session, channel_id: int, returned: OrderLine,
                variant: Variant) -> Decimal:
    """What one replacement unit costs the buyer: 0 for the same SKU, else how much dearer."""
    if variant.id == returned.variant_id or returned.quantity < 1:
        return Decimal("0")
    listed = session.scalar(select(Listing.channel_price).where(
        Listing.channel_id == channel_id, Listing.variant_id == variant.id))
    now = listed if listed is not None else variant.price
    paid = returned.line_total / returned.quantity
    return max(Decimal("0"), round_unit_price(now - paid))


def _number(session: Session, original: Order, ticket: Ticket) -> str:
    """The original's number and the ticket's, e.g. 1001-T-000012 (unique on the channel)."""
    base = f"{original.number}-{ticket.number}"[:NUMBER_LIMIT]
    number, n = base, 1
    while session.scalar(select(Order.id).where(Order.channel_id == original.channel_id,
                                                Order.number == number)) is not None:
        n += 1
        suffix = f"-{n}"
        number = base[:NUMBER_LIMIT - len(suffix)] + suffix
    return number
