"""Receiving goods back: RETURNED movements for the units, WRITTEN_OFF after them for damaged
ones, and each line's returned quantity raised, all in one transaction and exactly once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models import (
    Channel,
    MovementKind,
    Order,
    OrderLine,
    OrderReturn,
    ReturnCondition,
    ReturnReason,
)
from ecdesk.models.base import utc_now
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.returns.dto import ReturnLineDraft, ReturnWindow, WindowBasis
from ecdesk.services.returns.window import return_window
from ecdesk.services.stock.ledger import Movement, post_movements


def receive_return(uow: UnitOfWork, order_id: int, lines: Sequence[ReturnLineDraft], *,
                   at: datetime | None = None, override_window: bool = False,
                   reference: str = "", note: str = "") -> Changed:
    """Take goods of `order_id` back; refused whole (nothing written) if any line is wrong."""
    with uow:
        order = _order(uow.session, order_id)
        post_return(uow.session, order, lines, at=at, override_window=override_window,
                    reference=reference, note=note)
        number = order.number
        uow.commit()
    units = sum(line.quantity for line in lines)
    return Changed.of(ChangeArea.ORDERS, ChangeArea.STOCK,
                      message=_("Order {number}: {units} unit(s) received back").format(
                          number=number, units=units), ids=(order_id,))


def _order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFoundError(_("Order {id} does not exist (was it removed elsewhere?)")
                            .format(id=order_id))
    return order


def post_return(session: Session, order: Order, lines: Sequence[ReturnLineDraft], *,
                at: datetime | None = None, override_window: bool = False,
                reference: str = "", note: str = "") -> None:
    """The return inside the caller's transaction (a ticket receives its lines through it)."""
    at = at or utc_now()
    problems = return_problems(session, order, lines, at, override_window)
    if problems:
        raise ValidationError(problems)
    movements: list[Movement] = []
    by_id = {line.id: line for line in order.lines}
    for draft in lines:
        line = by_id[draft.order_line_id]
        condition = ReturnCondition(draft.condition)
        session.add(OrderReturn(
            order_id=order.id, order_line_id=line.id, quantity=draft.quantity,
            condition=condition, reason=ReturnReason(draft.reason), received_at=at,
            reference=reference[:64], window_overridden=override_window, note=note))
        line.returned_quantity += draft.quantity
        movements += _movements(order, line, draft.quantity, condition, reference, at)
    post_movements(session, movements)


def _movements(order: Order, line: OrderLine, quantity: int, condition: ReturnCondition,
               reference: str, at: datetime) -> list[Movement]:
    back = Movement(line.variant_id, MovementKind.RETURNED, quantity, "Return received",
                    reference or order.number, order.id, at)
    if condition == ReturnCondition.SELLABLE:
        return [back]
    # Received first, so the ledger shows the unit came back, then written off as damaged.
    return [back, Movement(line.variant_id, MovementKind.WRITTEN_OFF, -quantity,
                           "Returned damaged", reference or order.number, order.id, at)]


def return_problems(session: Session, order: Order, lines: Sequence[ReturnLineDraft],
                    at: datetime, override_window: bool) -> list[Problem]:
    """Every reason the return cannot be taken: lines not on the order, quantities beyond what
    was shipped and not yet back, unknown conditions or reasons, and the return window."""
    problems: list[Problem] = []
    if not lines:
        problems.append(Problem(_("Lines"), _("choose at least one line to return")))
    by_id = {line.id: line for line in order.lines}
    asked: dict[int, int] = {}
    for row, draft in enumerate(lines, start=1):
        line = by_id.get(draft.order_line_id)
        if line is None:
            problems.append(Problem(_("Line"), _("that line is not on order {number}").format(
                number=order.number), row))
            continue
        problems += _choice_problems(draft, row)
        if isinstance(draft.quantity, bool) or not isinstance(draft.quantity, int) \
                or draft.quantity < 1:
            problems.append(Problem(_("Quantity"), _("'{value}' is not a whole number above 0")
                                    .format(value=draft.quantity), row))
            continue
        asked[line.id] = asked.get(line.id, 0) + draft.quantity
        shipped = line.quantity if order.stock_issued else 0
        if line.returned_quantity + asked[line.id] > shipped:
            problems.append(Problem(_("Quantity"), _(
                "returning {asked} is more than was shipped and not yet back ({left} of "
                "{shipped} shipped)").format(asked=asked[line.id],
                                             left=shipped - line.returned_quantity,
                                             shipped=shipped), row))
    if order.stock_issued and not override_window:
        window = return_window(order, session.get_one(Channel, order.channel_id))
        if not window.allows(at):
            problems.append(Problem(_("Return window"), _window_ended(window)))
    return problems


def _window_ended(window: ReturnWindow) -> str:
    end = window.ends.date() if window.ends else ""
    if window.basis == WindowBasis.SHIPPED_PLUS_TRANSIT:
        return _("the channel's return window of {days} day(s) after delivery (taken as "
                 "shipping plus the transit days: the order has no delivery time) ended on "
                 "{end}: accept it anyway with the override").format(days=window.days, end=end)
    return _("the channel's return window of {days} day(s) after delivery ended on {end}: "
             "accept it anyway with the override").format(days=window.days, end=end)


def _choice_problems(draft: ReturnLineDraft, row: int) -> list[Problem]:
    problems = []
    if draft.condition not in {c.value for c in ReturnCondition}:
        problems.append(Problem(_("Condition"), _("'{value}' is not sellable or damaged")
                                .format(value=draft.condition), row))
    if draft.reason not in {r.value for r in ReturnReason}:
        problems.append(Problem(_("Reason"), _("'{value}' is not a return reason")
                                .format(value=draft.reason), row))
    return problems
