"""Edit an order until it ships: its lines, customer, number, date, shipping, fees and note.

An open order (pending or paid) has taken no stock yet: its units count as committed on the
stock position, which is read from the open orders' lines. So the lines can change freely and
the committed units follow them; no ledger movement is written (one would be a double
reservation), and a refused edit changes nothing. Once the goods have left (shipped, completed)
or the order is cancelled or refunded, the order is history and refuses with the reason.

Lines are matched to the stored ones by SKU, in order: a kept line keeps its id (what a ticket
or refund may point at) and its cost at the time of sale; a line that something points at cannot
be removed. The audit trail records each changed field and line (ORM audit) and one summary row
of the lines before and after.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import Order, OrderLine, OrderStatus, Variant
from ecdesk.models.audit import record_change
from ecdesk.models.orders import OPEN_STATUSES
from ecdesk.models.returns import OrderRefund, OrderReturn
from ecdesk.models.tickets import TicketLine
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.customers.handles import handle_key, link_order_customers
from ecdesk.services.orders.commands import draft_variants, number_taken_problem
from ecdesk.services.orders.dto import OrderDraft, OrderLineDraft
from ecdesk.services.orders.status_labels import status_label
from ecdesk.services.orders.validation import amount, check_order, line_total


def edit_refusal(status: OrderStatus, stock_issued: bool, number: str) -> Problem | None:
    """Why an order in this state cannot be edited any more (None: it can)."""
    if status in OPEN_STATUSES and not stock_issued:
        return None
    return Problem(N_("Status"), _("order {number} is {value}: only an order not shipped yet "
                                   "(pending or paid) can be edited").format(
                                       number=number, value=status_label(status)))


def order_draft(uow: UnitOfWork, order_id: int) -> OrderDraft:
    """The stored order as a draft: what the order form and the CLI start an edit from."""
    with uow:
        order = _load(uow.session, order_id)
        skus = dict(uow.session.execute(
            select(Variant.id, Variant.sku).where(
                Variant.id.in_([line.variant_id for line in order.lines]))).tuples().all())
        derived = order.customer_key == handle_key("", order.customer_name)
        return OrderDraft(
            channel_id=order.channel_id, number=order.number, ordered_at=order.ordered_at,
            lines=tuple(OrderLineDraft(skus[line.variant_id], line.quantity, line.unit_price,
                                       line.discount) for line in order.lines),
            status=order.status, customer_name=order.customer_name,
            # A key taken from the name follows the name when it is corrected.
            customer_key="" if derived else order.customer_key,
            shipping=order.shipping, platform_fees=order.platform_fees, note=order.note,
            ship_to=order.ship_to)


def edit_order(uow: UnitOfWork, order_id: int, draft: OrderDraft) -> Changed:
    """Replace an open order's details and lines with `draft`, all or nothing."""
    problems = check_order(draft)
    if problems:
        raise ValidationError(problems)
    with uow:
        session = uow.session
        order = _load(session, order_id)
        refusal = edit_refusal(order.status, order.stock_issued, order.number)
        if refusal is not None:
            raise ValidationError([refusal])
        problems += _head_problems(session, order, draft)
        variants = draft_variants(session, draft, problems)
        kept, removed = _match_lines(order.lines, draft, variants)
        problems += _removal_problems(session, removed, variants)
        problems += _refund_problem(order, draft)
        if problems:
            raise ValidationError(problems)
        before = _lines_text(session, order.lines)
        key_before = order.customer_key
        _apply_head(order, draft)
        _apply_lines(session, order, draft, variants, kept, removed)
        session.flush()
        if order.customer_key != key_before:
            order.customer_id = None
            session.flush()
            link_order_customers(session, order.id, source="edit_order")
        after = _lines_text(session, order.lines)
        if after != before:
            record_change(session, "orders", order.id, {"lines": [before, after]})
        number = order.number
        uow.commit()
    return Changed.of(ChangeArea.ORDERS, ChangeArea.STOCK, ChangeArea.CUSTOMERS,
                      message=_("Order {number} changed").format(number=number),
                      ids=(order_id,))


def _load(session: Session, order_id: int) -> Order:
    order = session.scalar(select(Order).where(Order.id == order_id)
                           .options(selectinload(Order.lines)))
    if order is None:
        raise NotFoundError(_("Order {order_id} does not exist (was it removed elsewhere?)")
                            .format(order_id=order_id))
    return order


def _head_problems(session: Session, order: Order, draft: OrderDraft) -> list[Problem]:
    problems = []
    if draft.channel_id != order.channel_id:
        problems.append(Problem(N_("Channel"), _("an order stays on the channel it was sold on; "
                                                 "cancel it and enter a new one instead")))
    if draft.status != order.status:
        problems.append(Problem(N_("Status"), _("the status is changed with Mark as…, not by "
                                                "editing the order")))
    number = draft.number.strip()
    if number != order.number:
        problems += number_taken_problem(session, order.channel, number)
    return problems


def _match_lines(lines: list[OrderLine], draft: OrderDraft, variants: dict[str, Variant]
                 ) -> tuple[list[OrderLine | None], list[OrderLine]]:
    """For each draft line the stored line it keeps (same SKU, first unused), or None; and
    the stored lines no draft line keeps."""
    unused = list(lines)
    kept: list[OrderLine | None] = []
    for line in draft.lines:
        variant = variants.get(line.sku.strip())
        match = next((s for s in unused if variant and s.variant_id == variant.id), None)
        if match is not None:
            unused.remove(match)
        kept.append(match)
    return kept, unused


def _removal_problems(session: Session, removed: list[OrderLine],
                      variants: dict[str, Variant]) -> list[Problem]:
    """A removed line that a ticket, return or refund names must stay."""
    ids = [line.id for line in removed]
    if not ids:
        return []
    named: set[int] = set()
    for model in (TicketLine, OrderReturn, OrderRefund):
        named.update(session.scalars(select(model.order_line_id)
                                     .where(model.order_line_id.in_(ids))))
    skus = dict(session.execute(select(Variant.id, Variant.sku).where(
        Variant.id.in_([line.variant_id for line in removed]))).tuples().all())
    return [Problem(N_("Lines"), _("the line of {sku} cannot be removed: a ticket, return or "
                                   "refund names it").format(sku=skus[line.variant_id]))
            for line in removed if line.id in named]


def _refund_problem(order: Order, draft: OrderDraft) -> list[Problem]:
    """An order cannot shrink below what was already paid back on it."""
    if not order.refunded:
        return []
    goods = sum((line_total(line.quantity, amount(line.unit_price, "", None, []) or Decimal(0),
                            amount(line.discount, "", None, []) or Decimal(0))
                 for line in draft.lines), Decimal(0))
    total = goods + (amount(draft.shipping, "", None, []) or Decimal(0))
    if total >= order.refunded:
        return []
    return [Problem(N_("Lines"), _("the order's total {total} would be less than the {refunded} "
                                   "already refunded").format(total=total,
                                                              refunded=order.refunded))]


def _apply_head(order: Order, draft: OrderDraft) -> None:
    """Assign only what changed, so that the audit trail records real changes only."""
    name = draft.customer_name.strip()
    values = {
        "number": draft.number.strip(), "ordered_at": draft.ordered_at,
        "customer_name": name, "customer_key": handle_key(draft.customer_key, name),
        "shipping": amount(draft.shipping, "", None, []),
        "platform_fees": amount(draft.platform_fees, "", None, []),
        "note": draft.note.strip(), "ship_to": draft.ship_to.strip(),
    }
    for field, value in values.items():
        if getattr(order, field) != value:
            setattr(order, field, value)


def _apply_lines(session: Session, order: Order, draft: OrderDraft,
                 variants: dict[str, Variant], kept: list[OrderLine | None],
                 removed: list[OrderLine]) -> None:
    for line in removed:
        order.lines.remove(line)
        session.delete(line)
    for position, (typed, stored) in enumerate(zip(draft.lines, kept, strict=True)):
        variant = variants[typed.sku.strip()]
        price = amount(typed.unit_price, "", None, []) or Decimal(0)
        discount = amount(typed.discount, "", None, []) or Decimal(0)
        values = {"position": position, "quantity": typed.quantity, "unit_price": price,
                  "discount": discount,
                  "line_total": line_total(typed.quantity, price, discount)}
        if stored is None:
            order.lines.append(OrderLine(variant_id=variant.id, unit_cost=variant.unit_cost,
                                         **values))
            continue
        for field, value in values.items():
            if getattr(stored, field) != value:
                setattr(stored, field, value)
    order.lines.sort(key=lambda line: line.position)


def _lines_text(session: Session, lines: list[OrderLine]) -> str:
    """'SKU ×2 @ 59.00 −5.00; …' for the audit row."""
    ids = [line.variant_id for line in lines]
    skus = dict(session.execute(select(Variant.id, Variant.sku)
                                .where(Variant.id.in_(ids))).tuples().all()) if ids else {}
    parts = []
    for line in sorted(lines, key=lambda item: item.position):
        discount = f" -{line.discount}" if line.discount else ""
        parts.append(f"{skus[line.variant_id]} x{line.quantity} @ {line.unit_price}{discount}")
    return "; ".join(parts)

