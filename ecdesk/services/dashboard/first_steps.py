"""A new shop's first steps, and which of them are done: the Dashboard lists those left.

Each is one EXISTS on an indexed table (a few microseconds on the large shop), so the page
asks again on every change without a worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, select

from ecdesk.db import UnitOfWork
from ecdesk.models import Channel, Order, Product, StockMovement, Variant


@dataclass(frozen=True)
class FirstSteps:
    channels: bool  # a sales channel exists
    products: bool  # a product was imported or added
    stock: bool  # stock was received, counted or adjusted
    orders: bool  # an order was imported or entered

    @property
    def done(self) -> bool:
        return self.channels and self.products and self.stock and self.orders


def first_steps(uow: UnitOfWork) -> FirstSteps:
    with uow:
        session = uow.session
        def any_of(condition: ColumnElement[bool]) -> bool:
            return bool(session.scalar(select(exists().where(condition))))

        return FirstSteps(
            channels=any_of(Channel.id.isnot(None)), products=any_of(Product.id.isnot(None)),
            # A movement, or stock a catalog import set (it writes no movement per SKU).
            stock=any_of(StockMovement.id.isnot(None)) or any_of(Variant.on_hand != 0),
            orders=any_of(Order.id.isnot(None)))
