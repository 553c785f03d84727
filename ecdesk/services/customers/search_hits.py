"""Customers in "search everything": by name, e-mail, phone or a channel handle's key; every
word must match. Customers merged into another are not found (the one kept is)."""

from __future__ import annotations

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.models import Channel, Customer, CustomerHandle
from ecdesk.services.common.search_registry import SearchHit, SearchProvider
from ecdesk.services.common.text_search import contains, search_words


def search_customers(session: Session, text: str, limit: int) -> list[SearchHit]:
    words = search_words(text)
    if not words:
        return []
    conditions = [or_(contains(Customer.name, word), contains(Customer.email, word),
                      contains(Customer.phone, word),
                      exists().where(CustomerHandle.customer_id == Customer.id,
                                     contains(CustomerHandle.key, word.casefold())))
                  for word in words]
    rows = session.execute(
        select(Customer.id, Customer.name, Customer.email).where(
            Customer.merged_into_id.is_(None), and_(*conditions))
        .order_by(Customer.name, Customer.id).limit(limit)).all()
    channels = _channels(session, [row.id for row in rows])
    return [SearchHit("customer", row.id, row.name or f"#{row.id}",
                      " · ".join(p for p in (row.email, channels.get(row.id, "")) if p),
                      find_text=row.name) for row in rows]


def _channels(session: Session, ids: list[int]) -> dict[int, str]:
    found: dict[int, list[str]] = {}
    for customer_id, channel in session.execute(
            select(CustomerHandle.customer_id, Channel.name).distinct()
            .join(Channel, Channel.id == CustomerHandle.channel_id)
            .where(CustomerHandle.customer_id.in_(ids)).order_by(Channel.name)):
        found.setdefault(customer_id, []).append(channel)
    return {key: ", ".join(names) for key, names in found.items()}


def find_customers(uow: UnitOfWork, text: str, limit: int = 20) -> list[SearchHit]:
    """Customers to pick (a new ticket's, for a question without an order): the same match as
    "search everything", without the RFM a customer list computes."""
    with uow:
        return search_customers(uow.session, text, limit)


CUSTOMERS = SearchProvider("customer", "Customers", search_customers)
