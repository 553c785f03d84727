"""Write side of orders: enter one by hand, change its status (which moves stock)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.models import Channel, Order, OrderLine, OrderStatus, Variant
from ecdesk.models.base import utc_now
from ecdesk.services.changes import ORDERS, STOCK, Changed
from ecdesk.services.orders.dto import OrderDraft
from ecdesk.services.orders.stock import can_change, movements_for, stock_after
from ecdesk.services.orders.validation import amount, check_order, line_total
from ecdesk.services.stock.ledger import post_movements, variant_ids_by_sku


def record_order(uow: UnitOfWork, draft: OrderDraft) -> Changed:
    """Enter an order; if it is already shipped, its stock leaves the shelf with it."""
    problems = check_order(draft)
    if problems:
        raise ValidationError(problems)
    with uow:
        session = uow.session
        channel = session.get(Channel, draft.channel_id)
        if channel is None:
            raise NotFoundError("That channel no longer exists; choose another")
        variants = _variants(session, draft, problems)
        if session.scalar(select(Order.id).where(Order.channel_id == channel.id,
                                                 Order.number == draft.number.strip())):
            problems.append(Problem("Order number", f"{channel.name} already has an order "
                                    f"{draft.number.strip()}"))
        if problems:
            raise ValidationError(problems)
        order = _new_order(draft, channel)
        session.add(order)
        for position, line in enumerate(draft.lines):
            variant = variants[line.sku.strip()]
            price = amount(line.unit_price, "", None, []) or 0
            discount = amount(line.discount, "", None, []) or 0
            order.lines.append(OrderLine(
                position=position, variant_id=variant.id, quantity=line.quantity,
                unit_price=price, discount=discount,
                line_total=line_total(line.quantity, price, discount),
                unit_cost=variant.unit_cost))
        session.flush()
        _move_stock(session, order, False, order.status)
        order_id = order.id
        uow.commit()
    return Changed.of(ORDERS, STOCK, message=f"Order {draft.number.strip()} saved",
                      ids=(order_id,))


def _variants(session: Session, draft: OrderDraft,
              problems: list[Problem]) -> dict[str, Variant]:
    ids = variant_ids_by_sku(session, (line.sku.strip() for line in draft.lines))
    for row, line in enumerate(draft.lines, start=1):
        if line.sku.strip() not in ids:
            problems.append(Problem("SKU", f"'{line.sku.strip()}' is not in the catalog", row))
    return {sku: session.get_one(Variant, vid) for sku, vid in ids.items()}


def _new_order(draft: OrderDraft, channel: Channel) -> Order:
    name = draft.customer_name.strip()
    return Order(
        channel_id=channel.id, number=draft.number.strip(), ordered_at=draft.ordered_at,
        status=draft.status, customer_name=name,
        customer_key=(draft.customer_key.strip() or name).casefold(),
        currency=channel.currency, shipping=amount(draft.shipping, "", None, []),
        platform_fees=amount(draft.platform_fees, "", None, []), note=draft.note.strip(),
        paid_at=draft.ordered_at if draft.status != OrderStatus.PENDING else None,
        shipped_at=draft.ordered_at if stock_after(draft.status, False) else None,
        source="manual", stock_issued=False,
    )


def set_order_status(uow: UnitOfWork, order_id: int, status: OrderStatus, *,
                     restock: bool = True, at: datetime | None = None) -> Changed:
    """Move an order to a new status; shipping issues its stock, cancelling or refunding a
    shipped order returns it to the shelf unless `restock` is False (goods not sent back)."""
    with uow:
        session = uow.session
        order = session.get(Order, order_id)
        if order is None:
            raise NotFoundError(f"Order {order_id} does not exist (was it removed elsewhere?)")
        if not can_change(order.status, status):
            raise ValidationError([Problem("Status", f"order {order.number} is "
                                           f"{order.status.value}; it cannot become "
                                           f"{status.value}")])
        old = order.status
        order.status = status
        now = at or utc_now()
        if status == OrderStatus.PAID and order.paid_at is None:
            order.paid_at = now
        if stock_after(status, order.stock_issued) and order.shipped_at is None:
            order.shipped_at = now
        _move_stock(session, order, order.stock_issued, status, restock, now)
        number = order.number
        uow.commit()
    return Changed.of(ORDERS, STOCK, message=f"Order {number}: {old.value} → {status.value}",
                      ids=(order_id,))


def _move_stock(session: Session, order: Order, was_issued: bool, status: OrderStatus,
                restock: bool = True, at: datetime | None = None) -> None:
    now_issued = stock_after(status, was_issued, restock)
    lines = [(line.variant_id, line.quantity) for line in order.lines]
    post_movements(session, movements_for(order.id, order.number, lines, was_issued, now_issued,
                                          at or order.shipped_at, status))
    order.stock_issued = now_issued
