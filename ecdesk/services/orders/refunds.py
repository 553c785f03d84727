"""Money paid back on an order, in parts: each refund is a row, `Order.refunded` their sum.

`add_refund` is the one writer of both (a status change to refunded, a return ticket's refund
and `record_refund` all go through it), inside the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models import Order, OrderLine, OrderRefund
from ecdesk.models.base import utc_now
from ecdesk.money import round_document_total
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.orders.validation import amount as read_order_amount


def order_total(order: Order) -> Decimal:
    """Goods and shipping: the most an order can be refunded."""
    return round_document_total(sum((line.line_total for line in order.lines), order.shipping))


def refundable(order: Order) -> Decimal:
    return order_total(order) - order.refunded


def add_refund(session: Session, order: Order, amount: Decimal, *, reason: str = "",
               reference: str = "", order_line_id: int | None = None,
               at: datetime | None = None) -> None:
    """Record `amount` paid back on `order` (checked by the caller) and add it to its total."""
    if amount == 0:
        return
    session.add(OrderRefund(order_id=order.id, order_line_id=order_line_id, amount=amount,
                            refunded_at=at or utc_now(), reason=reason[:200],
                            reference=reference[:64]))
    order.refunded = order.refunded + amount


def refund_problems(order: Order, value: Decimal | None,
                    order_line_id: int | None = None) -> list[Problem]:
    """Why `value` cannot be refunded on `order` (and its line), if it cannot."""
    if value is None:
        return []
    if value <= 0:
        return [Problem(_("Refund"), _("{value} is not an amount above zero").format(
            value=value))]
    if value > refundable(order):
        return [Problem(_("Refund"), _("{value} is more than the {left} left to refund on "
                                       "order {number}").format(
            value=value, left=refundable(order), number=order.number))]
    if order_line_id is not None:
        line = line_of(order, order_line_id)
        if line is None:
            return [Problem(_("Line"), _("that line is not on order {number}").format(
                number=order.number))]
        if value > line.line_total:
            return [Problem(_("Refund"), _("{value} is more than the line's {total}").format(
                value=value, total=line.line_total))]
    return []


def record_refund(uow: UnitOfWork, order_id: int, amount: str | Decimal, *, reason: str = "",
                  reference: str = "", order_line_id: int | None = None,
                  at: datetime | None = None) -> Changed:
    """Pay back part (or the rest) of an order; the order keeps its status."""
    problems: list[Problem] = []
    value = read_order_amount(amount, _("Refund"), None, problems)
    with uow:
        session = uow.session
        order = session.get(Order, order_id)
        if order is None:
            raise NotFoundError(_("Order {id} does not exist (was it removed elsewhere?)")
                                .format(id=order_id))
        problems += refund_problems(order, value, order_line_id)
        if problems:
            raise ValidationError(problems)
        assert value is not None
        add_refund(session, order, value, reason=reason, reference=reference,
                   order_line_id=order_line_id, at=at)
        number = order.number
        uow.commit()
    return Changed.of(ChangeArea.ORDERS, message=_("Order {number}: {amount} refunded").format(
        number=number, amount=value), ids=(order_id,))


def line_of(order: Order, order_line_id: int) -> OrderLine | None:
    return next((line for line in order.lines if line.id == order_line_id), None)
