"""Orders in "search everything": by order number or customer (name or id), newest first.

The words go through the Orders page's own search (services/orders/search.py, its trigram
index), without the SKUs of the lines: a SKU typed in the global box is a product, not the
hundreds of orders that sold it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.i18n import N_
from ecdesk.models import Channel, Order
from ecdesk.services.common.search_registry import SearchHit, SearchProvider
from ecdesk.services.orders.search import search_condition


def search_orders(session: Session, text: str, limit: int) -> list[SearchHit]:
    condition = search_condition(session, text, by_sku=False)
    if condition is None:
        return []
    rows = session.execute(
        select(Order.id, Order.number, Order.customer_name, Order.status, Channel.name)
        .join(Channel, Channel.id == Order.channel_id).where(condition)
        .order_by(Order.ordered_at.desc(), Order.id.desc()).limit(limit)).all()
    return [SearchHit("order", row.id, row.number, _subtitle(row.customer_name, row.name,
                                                             str(row.status)),
                      find_text=row.number) for row in rows]


def _subtitle(customer: str, channel: str, status: str) -> str:
    return " · ".join(part for part in (customer, channel, status) if part)


ORDERS = SearchProvider("order", N_("Orders"), search_orders)
