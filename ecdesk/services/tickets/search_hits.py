"""Tickets in "search everything": by number, subject, customer or order number, newest first."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ecdesk.models import Customer, Order
from ecdesk.models.tickets import Ticket
from ecdesk.services.common.search_registry import SearchHit, SearchProvider
from ecdesk.services.common.text_search import contains, search_words
from ecdesk.services.tickets.labels import label


def search_tickets(session: Session, text: str, limit: int) -> list[SearchHit]:
    words = search_words(text)
    if not words:
        return []
    conditions = [or_(contains(Ticket.number, w), contains(Ticket.subject, w),
                      contains(Customer.name, w), contains(Order.number, w)) for w in words]
    rows = session.execute(
        select(Ticket.id, Ticket.number, Ticket.subject, Ticket.status)
        .outerjoin(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(Order, Order.id == Ticket.order_id).where(*conditions)
        .order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(limit)).all()
    return [SearchHit("ticket", row.id, f"{row.number} {row.subject}", label(row.status),
                      find_text=row.number) for row in rows]


TICKETS = SearchProvider("ticket", "Tickets", search_tickets)
