"""Write side of orders: enter one by hand, change its status (which moves stock)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import Channel, Order, OrderLine, OrderStatus, Variant
from ecdesk.models.base import utc_now
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.customers.handles import handle_key, link_order_customers
from ecdesk.services.orders.dto import OrderDraft
from ecdesk.services.orders.refunds import add_refund, order_total
from ecdesk.services.orders.shipping import (
    ShippedWith,
    read_shipped_with,
    record_shipped_with,
)
from ecdesk.services.orders.status_labels import status_label
from ecdesk.services.orders.stock import (
    can_change,
    movements_for,
    outstanding_lines,
    stock_after,
)
from ecdesk.services.orders.validation import amount, check_order, line_total
from ecdesk.services.stock.ledger import Movement, post_movements, variant_ids_by_sku


def record_order(uow: UnitOfWork, draft: OrderDraft) -> Changed:
    """Enter an order; if it is already shipped, its stock leaves the shelf with it."""
    problems = check_order(draft)
    if problems:
        raise ValidationError(problems)
    with uow:
        session = uow.session
        channel = session.get(Channel, draft.channel_id)
        if channel is None:
            raise NotFoundError(_("That channel no longer exists; choose another"))
        variants = draft_variants(session, draft, problems)
        problems += number_taken_problem(session, channel, draft.number.strip())
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
        link_order_customers(session, order_id, source="record_order")
        uow.commit()
    return Changed.of(ChangeArea.ORDERS, ChangeArea.STOCK,
                      message=_("Order {strip} saved").format(strip=draft.number.strip()),
                      ids=(order_id,))


def number_taken_problem(session: Session, channel: Channel, number: str) -> list[Problem]:
    """The problem of a number the channel already has on an order (none when it is free)."""
    if session.scalar(select(Order.id).where(Order.channel_id == channel.id,
                                             Order.number == number)) is None:
        return []
    return [Problem(N_("Order number"), _("{name} already has an order {strip}").format(
        name=channel.name, strip=number))]


def draft_variants(session: Session, draft: OrderDraft,
                   problems: list[Problem]) -> dict[str, Variant]:
    """The SKUs of the draft's lines by SKU; each SKU not in the catalog is a problem."""
    ids = variant_ids_by_sku(session, (line.sku.strip() for line in draft.lines))
    for row, line in enumerate(draft.lines, start=1):
        if line.sku.strip() not in ids:
            problems.append(Problem(N_("SKU"), _("'{strip}' is not in the catalog")
                                           .format(strip=line.sku.strip()), row))
    return {sku: session.get_one(Variant, vid) for sku, vid in ids.items()}


def _new_order(draft: OrderDraft, channel: Channel) -> Order:
    name = draft.customer_name.strip()
    return Order(
        channel_id=channel.id, number=draft.number.strip(), ordered_at=draft.ordered_at,
        status=draft.status, customer_name=name,
        customer_key=handle_key(draft.customer_key, name),
        currency=channel.currency, shipping=amount(draft.shipping, "", None, []),
        platform_fees=amount(draft.platform_fees, "", None, []), note=draft.note.strip(),
        ship_to=draft.ship_to.strip(),
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
            raise NotFoundError(_("Order {order_id} does not exist (was it removed elsewhere?)")
                                .format(order_id=order_id))
        if not can_change(order.status, status):
            raise ValidationError([_refusal(order, status)])
        old = order.status
        post_movements(session, _apply_status(order, status, restock, at or utc_now()))
        number = order.number
        uow.commit()
    return Changed.of(ChangeArea.ORDERS, ChangeArea.STOCK,
                      message=_("Order {number}: {value} → {value2}")
                              .format(number=number, value=status_label(old),
                                      value2=status_label(status)),
                      ids=(order_id,))


def set_orders_status(uow: UnitOfWork, order_ids: Sequence[int], status: OrderStatus | str, *,
                      restock: bool = True, refunded: str | Decimal | None = None,
                      carrier: str | None = None, tracking_number: str | None = None,
                      at: datetime | None = None) -> Changed:
    """Move several orders to `status` in one transaction, all or none.

    Every order that cannot make the move is named, and the stock they issue is checked
    together. A refund records the refunded amount: `refunded` (one order only) or else the
    order's whole total. Shipping records the carrier and (one order only) the tracking number
    typed, if any.
    """
    status = OrderStatus(status)
    ids = sorted(set(order_ids))
    with uow:
        session = uow.session
        orders = session.scalars(select(Order).where(Order.id.in_(ids))
                                 .options(selectinload(Order.lines)).order_by(Order.id)).all()
        if len(orders) < len(ids):
            raise NotFoundError(
                _(
                    "{value} of the orders no longer exist (removed elsewhere?); nothing was "
                    "changed"
                ).format(value=len(ids) - len(orders))
            )
        problems = [_refusal(order, status) for order in orders
                    if not can_change(order.status, status)]
        refund = _refund_amount(orders, status, refunded, problems)
        shipped_with = _shipped_with(orders, status, carrier, tracking_number, problems)
        if problems:
            raise ValidationError(problems)
        now = at or utc_now()
        movements = []
        for order in orders:
            if status == OrderStatus.REFUNDED:
                target = refund if refund is not None else order_total(order)
                add_refund(session, order, target - order.refunded, reason="Order refunded",
                           at=now)
            movements += _apply_status(order, status, restock, now)
            record_shipped_with(order, shipped_with)
        numbers = [order.number for order in orders]
        post_movements(session, movements)
        uow.commit()
    named = ", ".join(numbers[:3]) + ("…" if len(numbers) > 3 else "")
    return Changed.of(ChangeArea.ORDERS, ChangeArea.STOCK,
                      message=_("{count} order(s) {value}: {named}").format(
                          count=len(numbers), value=status_label(status), named=named),
                      ids=tuple(ids))


def _refusal(order: Order, status: OrderStatus) -> Problem:
    return Problem(
        N_("Status"),
        _("order {number} is {value}; it cannot become {value2}").format(
            number=order.number, value=status_label(order.status), value2=status_label(status)
        ),
    )


def _refund_amount(orders: Sequence[Order], status: OrderStatus, refunded: str | Decimal | None,
                   problems: list[Problem]) -> Decimal | None:
    """The refunded amount typed for a single order, checked against its total."""
    if refunded is None or status != OrderStatus.REFUNDED:
        return None
    if len(orders) != 1:
        problems.append(Problem(N_("Refunded"),
                                _("an amount can be given for one order at a time")))
        return None
    value = amount(refunded, "Refunded", None, problems)
    total = order_total(orders[0])
    if value is not None and value > total:
        problems.append(
            Problem(
                N_("Refunded"),
                _("{value} is more than the order's total {total}").format(
                    value=value, total=total
                ),
            )
        )
    return value


def _shipped_with(orders: Sequence[Order], status: OrderStatus, carrier: str | None,
                  tracking_number: str | None, problems: list[Problem]) -> ShippedWith:
    """The carrier and tracking number typed; they belong to shipping and to nothing else."""
    shipped = read_shipped_with(carrier, tracking_number, len(orders), problems)
    if not shipped.empty and status != OrderStatus.SHIPPED:
        problems.append(Problem(N_("Carrier"), _("a carrier and tracking number are given when an "
                                             "order ships, not when it becomes {value}")
                                .format(value=status_label(status))))
    return shipped


def _apply_status(order: Order, status: OrderStatus, restock: bool,
                  now: datetime) -> list[Movement]:
    """Set the new status and its dates; return the stock movements the move needs."""
    if status == OrderStatus.PAID and order.paid_at is None:
        order.paid_at = now
    if stock_after(status, order.stock_issued) and order.shipped_at is None:
        order.shipped_at = now
    was_issued, now_issued = order.stock_issued, stock_after(status, order.stock_issued, restock)
    order.status = status
    order.stock_issued = now_issued
    return movements_for(order.id, order.number, outstanding_lines(order.lines), was_issued,
                         now_issued, now, status)


def _move_stock(session: Session, order: Order, was_issued: bool, status: OrderStatus,
                restock: bool = True, at: datetime | None = None) -> None:
    now_issued = stock_after(status, was_issued, restock)
    post_movements(session, movements_for(order.id, order.number, outstanding_lines(order.lines),
                                          was_issued, now_issued, at or order.shipped_at, status))
    order.stock_issued = now_issued
