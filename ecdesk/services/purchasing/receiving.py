"""Receiving deliveries against purchase orders, and sending goods back to the supplier.

A receipt books, in one transaction: the units accepted into stock (RECEIVED movements linked
to their purchase-order line), the units rejected at inspection (no movement: they never
entered stock, and the line still expects them), each line's landed unit cost, and the SKUs'
new moving-average cost (ecdesk.services.purchasing.costing says how both are computed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import (
    MovementKind,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    Receipt,
    ReceiptLine,
    Supplier,
    Variant,
)
from ecdesk.models.base import utc_now
from ecdesk.money import round_document_total
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.spread import spread_by_value
from ecdesk.services.purchasing.costing import landed_unit_cost, moving_average
from ecdesk.services.purchasing.lines import refresh_open_quantities, status_after_receipt
from ecdesk.services.purchasing.purchase_orders import (
    STATUS_LABELS,
    is_whole_units,
    load_order,
    order_lines,
)
from ecdesk.services.stock.ledger import Movement, post_movements

S = PurchaseOrderStatus
RECEIVABLE = (S.SENT, S.PARTLY_RECEIVED, S.RECEIVED)
RETURNABLE = (S.PARTLY_RECEIVED, S.RECEIVED, S.CLOSED)
# The fields a return's problems name; the return dialog puts each under its own field.
RETURN_QUANTITY, RETURN_REASON, RETURN_LINES = N_("Quantity"), N_("Reason"), N_("Lines")


@dataclass(frozen=True)
class ReceivedLine:
    sku: str
    accepted: int
    rejected: int = 0


@dataclass(frozen=True)
class ReceiptResult:
    number: str
    status: PurchaseOrderStatus
    units_accepted: int
    units_rejected: int
    landed_costs: dict[str, Decimal]  # SKU -> landed unit cost (shop currency)
    changed: Changed


def check_received(received: Sequence[ReceivedLine], shipping: Decimal,
                   other: Decimal) -> list[Problem]:
    problems = []
    if not received:
        problems.append(Problem(_("Lines"), _("nothing was received")))
    for row, line in enumerate(received, start=1):
        for label, value in ((_("Accepted"), line.accepted), (_("Rejected"), line.rejected)):
            if not is_whole_units(value, 0):
                problems.append(Problem(label, _("{sku}: '{value}' is not a whole number of at "
                                                 "least 0").format(sku=line.sku, value=value),
                                        row))
        if is_whole_units(line.accepted, 0) and is_whole_units(line.rejected, 0) and not (
                line.accepted or line.rejected):
            problems.append(Problem(_("Accepted"), _("{sku}: no units").format(sku=line.sku),
                                    row))
    if shipping < 0 or other < 0:
        problems.append(Problem(_("Costs"), _("shipping and other costs must not be negative")))
    return problems


def receive_purchase_order(uow: UnitOfWork, number: str, received: Sequence[ReceivedLine], *,
                           at: datetime | None = None, reference: str = "",
                           shipping_cost: Decimal = Decimal("0"),
                           other_costs: Decimal = Decimal("0"),
                           note: str = "") -> ReceiptResult:
    """Book a delivery: full, partial, over or under what was ordered, with rejections.
    `shipping_cost` and `other_costs` are this delivery's own (shop currency), on top of the
    order's; both are spread over the lines by value into the landed cost."""
    problems = check_received(received, shipping_cost, other_costs)
    if problems:
        raise ValidationError(problems)
    at = at or utc_now()
    with uow:
        session = uow.session
        order = load_order(session, number)
        _refuse_status(order, RECEIVABLE, _("received against"))
        lines = order_lines(session, order.id)
        by_sku = _lines_by_sku(session, lines, [line.sku for line in received])
        landed = _landed_costs(order, lines, received, by_sku, shipping_cost + other_costs)
        supplier = session.get(Supplier, order.supplier_id)
        receipt = Receipt(order_id=order.id, received_at=at, reference=reference.strip(),
                          shipping_cost=shipping_cost, other_costs=other_costs, note=note.strip())
        session.add(receipt)
        session.flush()
        movements = []
        for item in received:
            line = by_sku[item.sku.lower()]
            _update_cost(session, line.variant_id, item.accepted, landed[line.id])
            line.received += item.accepted
            line.rejected += item.rejected
            session.add(ReceiptLine(receipt_id=receipt.id, order_line_id=line.id,
                                    accepted=item.accepted, rejected=item.rejected,
                                    landed_unit_cost=landed[line.id]))
            movements.append(Movement(
                line.variant_id, MovementKind.RECEIVED, item.accepted,
                _receipt_reason(supplier, item), order.number, at=at, po_line_id=line.id))
        order.status = status_after_receipt(lines)
        order.received_at = at
        refresh_open_quantities(lines, order.status)
        session.flush()
        post_movements(session, movements)
        status = order.status
        costs = {item.sku: landed[by_sku[item.sku.lower()].id] for item in received}
        uow.commit()
    accepted = sum(item.accepted for item in received)
    rejected = sum(item.rejected for item in received)
    message = _("{number}: {accepted} received, {rejected} rejected").format(
        number=number, accepted=accepted, rejected=rejected)
    return ReceiptResult(number, status, accepted, rejected, costs, Changed.of(
        ChangeArea.PURCHASING, ChangeArea.STOCK, message=message))


def _refuse_status(order: PurchaseOrder, allowed: Sequence[PurchaseOrderStatus],
                   action: str) -> None:
    if order.status not in allowed:
        raise ValidationError([Problem(_("Status"), _(
            "{number} is {status}: nothing can be {action} it").format(
            number=order.number, status=_(STATUS_LABELS[order.status]).lower(),
            action=action))])


def _lines_by_sku(session: Session, lines: Sequence[PurchaseOrderLine],
                  skus: Sequence[str]) -> dict[str, PurchaseOrderLine]:
    """The order's lines by SKU (any case); a SKU not on the order is refused."""
    names = dict(session.execute(select(Variant.id, Variant.sku).where(
        Variant.id.in_([line.variant_id for line in lines]))).tuples().all())
    by_sku = {names[line.variant_id].lower(): line for line in lines}
    problems = [Problem(_("SKU"), _("{sku} is not on this purchase order").format(sku=sku), row)
                for row, sku in enumerate(skus, start=1) if sku.strip().lower() not in by_sku]
    if len({sku.strip().lower() for sku in skus}) != len(skus):
        problems.append(Problem(_("SKU"), _("a SKU is listed twice: give its units once")))
    if problems:
        raise ValidationError(problems)
    return by_sku


def order_extra_costs(order: PurchaseOrder) -> Decimal:
    """The order's shipping and other costs in the shop's currency, to the cent."""
    return round_document_total((order.shipping_cost + order.other_costs) * order.exchange_rate)


def _landed_costs(order: PurchaseOrder, lines: Sequence[PurchaseOrderLine],
                  received: Sequence[ReceivedLine], by_sku: dict[str, PurchaseOrderLine],
                  receipt_costs: Decimal) -> dict[int, Decimal]:
    """Landed unit cost per line received: its unit cost converted, plus its share of the
    order's costs (spread over all its lines by ordered value) per ordered unit, plus its share
    of this delivery's costs (spread over the delivered lines by accepted value) per unit."""
    rate = order.exchange_rate
    order_shares = dict(zip((line.id for line in lines), spread_by_value(
        order_extra_costs(order), [line.quantity * line.unit_cost for line in lines]),
        strict=True))
    delivered = [by_sku[item.sku.lower()] for item in received]
    accepted = {by_sku[item.sku.lower()].id: item.accepted for item in received}
    delivery_shares = dict(zip((line.id for line in delivered), spread_by_value(
        receipt_costs, [accepted[line.id] * line.unit_cost for line in delivered]),
        strict=True))
    return {line.id: landed_unit_cost(line.unit_cost, rate, (
        (order_shares[line.id], line.quantity), (delivery_shares[line.id], accepted[line.id])))
        for line in delivered}


def _update_cost(session: Session, variant_id: int, accepted: int, landed: Decimal) -> None:
    variant = session.get(Variant, variant_id)
    assert variant is not None  # the order's lines hold existing SKUs (foreign key)
    cost = moving_average(variant.on_hand, variant.unit_cost, accepted, landed)
    if cost != variant.unit_cost:
        variant.unit_cost = cost


def _receipt_reason(supplier: Supplier | None, item: ReceivedLine) -> str:
    name = supplier.name if supplier else ""
    if item.rejected:
        return _("Received from {supplier} ({rejected} rejected)").format(
            supplier=name, rejected=item.rejected)
    return _("Received from {supplier}").format(supplier=name)


@dataclass(frozen=True)
class ReturnedLine:
    sku: str
    quantity: int


def return_to_supplier(uow: UnitOfWork, number: str, returned: Sequence[ReturnedLine], *,
                       reason: str, at: datetime | None = None) -> Changed:
    """Send received goods back: stock goes down (a supplier-return movement linked to the
    line), the line's returned units go up and the order is credited their unit cost. The SKU's
    cost stays: units leave at the average they were carried at."""
    problems = [Problem(_(RETURN_QUANTITY), _(
        "{sku}: '{value}' is not a whole number of at least 1").format(
            sku=line.sku, value=line.quantity), row)
                for row, line in enumerate(returned, start=1)
                if not is_whole_units(line.quantity, 1)]
    if not returned:
        problems.append(Problem(_(RETURN_LINES), _("nothing to return")))
    if not reason.strip():
        problems.append(Problem(_(RETURN_REASON), _("is required for a return to the supplier")))
    if problems:
        raise ValidationError(problems)
    at = at or utc_now()
    with uow:
        session = uow.session
        order = load_order(session, number)
        _refuse_status(order, RETURNABLE, _("returned from"))
        lines = order_lines(session, order.id)
        by_sku = _lines_by_sku(session, lines, [line.sku for line in returned])
        movements = []
        for row, item in enumerate(returned, start=1):
            line = by_sku[item.sku.lower()]
            if item.quantity > line.received - line.returned:
                problems.append(Problem(_(RETURN_QUANTITY), _(
                    "{sku}: {quantity} to return, but only {left} received and not yet "
                    "returned").format(sku=item.sku, quantity=item.quantity,
                                       left=line.received - line.returned), row))
            line.returned += item.quantity
            movements.append(Movement(line.variant_id, MovementKind.SUPPLIER_RETURN,
                                      -item.quantity, reason.strip(), order.number, at=at,
                                      po_line_id=line.id))
        if problems:
            raise ValidationError(problems)
        session.flush()
        post_movements(session, movements)
        uow.commit()
    units = sum(line.quantity for line in returned)
    return Changed.of(ChangeArea.PURCHASING, ChangeArea.STOCK, message=_(
        "{number}: {units} returned to the supplier").format(number=number, units=units))
