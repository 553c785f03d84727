"""An order as a return sees it: found by its number, with each line's shipped, returned and
still returnable units (the new-ticket form, the Orders page's return action and the CLI
pick lines from it)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.models import Order, OrderLine, Variant
from ecdesk.services.returns.dto import ReturnableLine


@dataclass(frozen=True)
class ReturnableOrder:
    id: int
    number: str
    channel_id: int
    customer_id: int | None
    customer_name: str
    lines: tuple[ReturnableLine, ...]


def find_returnable_order(uow: UnitOfWork, number: str,
                          channel_id: int | None = None) -> ReturnableOrder | None:
    """The order with this number (on this channel, else the newest of that number)."""
    with uow:
        session = uow.session
        query = select(Order).where(Order.number == number.strip())
        if channel_id is not None:
            query = query.where(Order.channel_id == channel_id)
        order = session.scalars(query.order_by(Order.ordered_at.desc()).limit(1)).first()
        return _returnable(session, order) if order is not None else None


def get_returnable_order(uow: UnitOfWork, order_id: int) -> ReturnableOrder | None:
    """The order with this id and its lines' units that can still come back (the Orders
    page's return action starts from it)."""
    with uow:
        order = uow.session.get(Order, order_id)
        return _returnable(uow.session, order) if order is not None else None


def _returnable(session: Session, order: Order) -> ReturnableOrder:
    lines = session.execute(
        select(OrderLine.id, Variant.sku, OrderLine.quantity, OrderLine.returned_quantity)
        .join(Variant, Variant.id == OrderLine.variant_id)
        .where(OrderLine.order_id == order.id).order_by(OrderLine.position)).all()
    shipped = order.stock_issued
    return ReturnableOrder(order.id, order.number, order.channel_id, order.customer_id,
                           order.customer_name, tuple(
                               ReturnableLine(lid, sku, qty, returned, qty if shipped else 0)
                               for lid, sku, qty, returned in lines))
