"""Orders delivered: "Mark delivered" records when the buyer got the goods, so that the return
window counts from then (the imports take it from the platform's file where it has one)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import Order, OrderStatus
from ecdesk.models.base import utc_now
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.shop_time import shop_zone

# The Orders page's action (its text lives here, with the rule it serves).
MARK_DELIVERED_ACTION = N_("Mark delivered")
DELIVERABLE = (OrderStatus.SHIPPED, OrderStatus.COMPLETED)


def mark_delivered(uow: UnitOfWork, order_ids: Sequence[int], *,
                   at: datetime | None = None) -> Changed:
    """Record the orders as delivered at `at` (now by default), all or none: refused for an
    order that has not shipped, one already delivered, or a time before it shipped."""
    at = at or utc_now()
    ids = sorted(set(order_ids))
    with uow:
        session = uow.session
        orders = session.scalars(select(Order).where(Order.id.in_(ids))
                                 .order_by(Order.id)).all()
        if len(orders) < len(ids) or not ids:
            raise NotFoundError(_("{count} of the orders no longer exist (removed elsewhere?); "
                                  "nothing was changed").format(count=len(ids) - len(orders)))
        problems = [problem for order in orders
                    for problem in _delivery_problems(session, order, at)]
        if problems:
            raise ValidationError(problems)
        for order in orders:
            order.delivered_at = at
        numbers = [order.number for order in orders]
        uow.commit()
    named = ", ".join(numbers[:3]) + ("…" if len(numbers) > 3 else "")
    return Changed.of(ChangeArea.ORDERS, message=_(
        "{count} order(s) delivered: {named}").format(count=len(numbers), named=named),
        ids=tuple(ids))


def _delivery_problems(session: Session, order: Order, at: datetime) -> list[Problem]:
    field = _("Delivered")
    if order.status not in DELIVERABLE or not order.stock_issued:
        return [Problem(field, _("order {number} has not shipped: it cannot be delivered")
                        .format(number=order.number))]
    if order.delivered_at is not None:
        return [Problem(field, _("order {number} was already delivered on {day}").format(
            number=order.number, day=_day(session, order.delivered_at)))]
    if order.shipped_at is not None and at < order.shipped_at:
        return [Problem(field, _("order {number} shipped on {day}: it cannot be delivered "
                                 "before that").format(number=order.number,
                                                       day=_day(session, order.shipped_at)))]
    return []


def _day(session: Session, at: datetime) -> str:
    return at.astimezone(shop_zone(session)).date().isoformat()
