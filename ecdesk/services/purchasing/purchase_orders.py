"""Purchase orders: create (draft), edit, send, cancel, close.

draft -> sent -> partly received -> received -> closed, or cancelled (from draft or sent,
before anything arrived). Once sent, only the expected date and the notes change; closing a
partly received order cancels what has not come.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError, Problem, ValidationError
from ecdesk.i18n import N_, _
from ecdesk.models import (
    Product,
    ProductStatus,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    StockMovement,
    Supplier,
    Variant,
)
from ecdesk.models.base import utc_now
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.numbering import PURCHASE_ORDER, next_number
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.purchasing.lines import refresh_open_quantities
from ecdesk.services.settings import read_settings

S = PurchaseOrderStatus
STATUS_LABELS = {S.DRAFT: N_("Draft"), S.SENT: N_("Sent"),
                 S.PARTLY_RECEIVED: N_("Partly received"), S.RECEIVED: N_("Received"),
                 S.CLOSED: N_("Closed"), S.CANCELLED: N_("Cancelled")}


@dataclass(frozen=True)
class LineDraft:
    variant_id: int
    quantity: int
    unit_cost: Decimal


@dataclass(frozen=True)
class PurchaseOrderDraft:
    supplier_id: int
    lines: tuple[LineDraft, ...]
    currency: str | None = None  # None: the supplier's
    exchange_rate: Decimal | None = None  # shop currency per unit; None: 1 in the shop's own
    expected_on: date | None = None
    shipping_cost: Decimal = Decimal("0")
    other_costs: Decimal = Decimal("0")
    notes: str = ""


def is_whole_units(value: object, lowest: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= lowest


def check_lines(lines: Sequence[LineDraft]) -> list[Problem]:
    problems = []
    if not lines:
        problems.append(Problem(_("Lines"), _("a purchase order needs at least one line")))
    for row, line in enumerate(lines, start=1):
        if not is_whole_units(line.quantity, 1):
            problems.append(Problem(_("Quantity"), _("'{value}' is not a whole number of at "
                                                     "least 1").format(value=line.quantity), row))
        if line.unit_cost < 0:
            problems.append(Problem(_("Unit cost"), _("must not be negative"), row))
    seen: set[int] = set()
    for row, line in enumerate(lines, start=1):
        if line.variant_id in seen:
            problems.append(Problem(_("SKU"), _("is on the order twice: one line per SKU"), row))
        seen.add(line.variant_id)
    return problems


def check_costs(rate: Decimal | None, shipping: Decimal, other: Decimal) -> list[Problem]:
    problems = []
    if rate is not None and rate <= 0:
        problems.append(Problem(_("Exchange rate"), _("must be above zero (got {value})")
                                .format(value=rate)))
    if shipping < 0 or other < 0:
        problems.append(Problem(_("Costs"), _("shipping and other costs must not be negative")))
    return problems


def create_purchase_order(uow: UnitOfWork, draft: PurchaseOrderDraft, *,
                          now: datetime | None = None) -> tuple[str, Changed]:
    """A draft purchase order, numbered PO-YYYY-NNNN after the highest number the shop holds
    (its own orders and the references of deliveries booked before purchasing existed)."""
    problems = check_lines(draft.lines) + check_costs(draft.exchange_rate, draft.shipping_cost,
                                                      draft.other_costs)
    if problems:
        raise ValidationError(problems)
    with uow:
        number = add_purchase_order(uow.session, draft, now)
        uow.commit()
    return number, Changed.of(ChangeArea.PURCHASING, message=_("{number} created (draft)")
                              .format(number=number))


def add_purchase_order(session: Session, draft: PurchaseOrderDraft,
                       now: datetime | None = None) -> str:
    """A draft purchase order inside the caller's transaction (its lines checked already)."""
    supplier = session.get(Supplier, draft.supplier_id)
    if supplier is None:
        raise NotFoundError(_("Supplier {id} does not exist").format(id=draft.supplier_id))
    currency, rate = _currency_and_rate(session, draft.currency or supplier.currency,
                                        draft.exchange_rate)
    _refuse_unknown_or_archived(session, [line.variant_id for line in draft.lines])
    number = next_purchase_order_number(session, now)
    order = PurchaseOrder(
        number=number, supplier_id=supplier.id, status=S.DRAFT, currency=currency,
        exchange_rate=rate, expected_on=draft.expected_on,
        shipping_cost=draft.shipping_cost, other_costs=draft.other_costs,
        notes=draft.notes.strip(), created_at=now or utc_now())
    session.add(order)
    session.flush()
    session.add_all(_lines(order.id, draft.lines))
    session.flush()
    return number


def last_rate(session: Session, currency: str) -> Decimal | None:
    """The exchange rate of the newest purchase order in `currency` (None: there is none)."""
    return session.scalar(select(PurchaseOrder.exchange_rate)
                          .where(PurchaseOrder.currency == currency)
                          .order_by(PurchaseOrder.created_at.desc(), PurchaseOrder.id.desc())
                          .limit(1))


def _lines(order_id: int, lines: Sequence[LineDraft]) -> list[PurchaseOrderLine]:
    return [PurchaseOrderLine(order_id=order_id, position=position, variant_id=line.variant_id,
                              quantity=line.quantity, unit_cost=line.unit_cost, received=0,
                              rejected=0, returned=0, cancelled=0, open_quantity=0)
            for position, line in enumerate(lines, start=1)]


def _currency_and_rate(session: Session, currency: str, rate: Decimal | None
                       ) -> tuple[str, Decimal]:
    shop_currency = read_settings(session).currency
    if currency == shop_currency:
        return currency, Decimal(1)
    if rate is None:
        raise ValidationError([Problem(_("Exchange rate"), _(
            "an order in {currency} needs its rate to {shop} (how many {shop} one {currency} "
            "costs)").format(currency=currency, shop=shop_currency))])
    return currency, rate


def _refuse_unknown_or_archived(session: Session, variant_ids: Sequence[int]) -> None:
    rows = session.execute(select(Variant.id, Variant.sku, Variant.archived, Product.status)
                           .join(Product, Product.id == Variant.product_id)
                           .where(Variant.id.in_(set(variant_ids)))).all()
    found = {row.id: row for row in rows}
    problems = []
    for row_number, vid in enumerate(variant_ids, start=1):
        row = found.get(vid)
        if row is None:
            problems.append(Problem(_("SKU"), _("SKU {id} does not exist").format(id=vid),
                                    row_number))
        elif row.archived or row.status == ProductStatus.ARCHIVED:
            problems.append(Problem(_("SKU"), _("{sku} is archived").format(sku=row.sku),
                                    row_number))
    if problems:
        raise ValidationError(problems)


def next_purchase_order_number(session: Session, now: datetime | None = None) -> str:
    """The next PO-YYYY-NNNN of the shop's current year, after both the purchase orders and
    the delivery references the ledger already holds (the demo's and hand-booked ones)."""
    year = shop_today(shop_zone(session), now).year
    candidates = (next_number(session, PurchaseOrder.number, PURCHASE_ORDER, year),
                  next_number(session, StockMovement.reference, PURCHASE_ORDER, year))
    return max(candidates, key=lambda number: PURCHASE_ORDER.counter_of(number, year) or 0)


def load_order(session: Session, number: str) -> PurchaseOrder:
    order = session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == number.strip()))
    if order is None:
        raise NotFoundError(_("Purchase order {number} does not exist").format(number=number))
    return order


def order_lines(session: Session, order_id: int) -> list[PurchaseOrderLine]:
    return list(session.scalars(select(PurchaseOrderLine).where(
        PurchaseOrderLine.order_id == order_id).order_by(PurchaseOrderLine.position)))


def _refuse_unless(order: PurchaseOrder, allowed: Sequence[PurchaseOrderStatus],
                   action: str) -> None:
    if order.status not in allowed:
        raise ValidationError([Problem(_("Status"), _(
            "{number} is {status}: it cannot be {action}").format(
            number=order.number, status=_(STATUS_LABELS[order.status]).lower(),
            action=action))])


def update_purchase_order(uow: UnitOfWork, number: str, *, expected_on: date | None,
                          notes: str, lines: Sequence[LineDraft] | None = None,
                          shipping_cost: Decimal | None = None,
                          other_costs: Decimal | None = None,
                          exchange_rate: Decimal | None = None) -> Changed:
    """Change an order: a draft in full, a sent one only in its expected date and notes."""
    changes_terms = (lines is not None or shipping_cost is not None or other_costs is not None
                     or exchange_rate is not None)
    with uow:
        session = uow.session
        order = load_order(session, number)
        if changes_terms and order.status != S.DRAFT:
            raise ValidationError([Problem(_("Lines"), _(
                "{number} was sent: only its expected date and notes can change").format(
                number=order.number))])
        _refuse_unless(order, (S.DRAFT, S.SENT, S.PARTLY_RECEIVED), _("changed"))
        problems = check_lines(lines) if lines is not None else []
        problems += check_costs(exchange_rate, shipping_cost or Decimal(0),
                                other_costs or Decimal(0))
        if problems:
            raise ValidationError(problems)
        order.expected_on, order.notes = expected_on, notes.strip()
        if shipping_cost is not None:
            order.shipping_cost = shipping_cost
        if other_costs is not None:
            order.other_costs = other_costs
        if exchange_rate is not None and order.currency != read_settings(session).currency:
            order.exchange_rate = exchange_rate
        if lines is not None:
            _refuse_unknown_or_archived(session, [line.variant_id for line in lines])
            for old in order_lines(session, order.id):
                session.delete(old)
            session.flush()
            session.add_all(_lines(order.id, lines))
        uow.commit()
    return Changed.of(ChangeArea.PURCHASING, message=_("{number} saved").format(number=number))


def send_purchase_order(uow: UnitOfWork, number: str, *,
                        now: datetime | None = None) -> Changed:
    """The order goes to the supplier: its lines count as on order from now on."""
    with uow:
        session = uow.session
        order = load_order(session, number)
        _refuse_unless(order, (S.DRAFT,), _("sent"))
        order.status, order.sent_at = S.SENT, now or utc_now()
        refresh_open_quantities(order_lines(session, order.id), order.status)
        uow.commit()
    return Changed.of(ChangeArea.PURCHASING, ChangeArea.STOCK,
                      message=_("{number} sent").format(number=number))


def cancel_purchase_order(uow: UnitOfWork, number: str, *,
                          now: datetime | None = None) -> Changed:
    """Nothing of the order will come: a draft, or a sent order before any delivery."""
    with uow:
        session = uow.session
        order = load_order(session, number)
        _refuse_unless(order, (S.DRAFT, S.SENT), _("cancelled"))
        lines = order_lines(session, order.id)
        if any(line.received or line.rejected for line in lines):
            raise ValidationError([Problem(_("Status"), _(
                "{number} has deliveries: close it instead").format(number=number))])
        order.status, order.closed_at = S.CANCELLED, now or utc_now()
        for line in lines:
            line.cancelled = line.quantity
        refresh_open_quantities(lines, order.status)
        uow.commit()
    return Changed.of(ChangeArea.PURCHASING, ChangeArea.STOCK,
                      message=_("{number} cancelled").format(number=number))


def close_purchase_order(uow: UnitOfWork, number: str, *,
                         now: datetime | None = None) -> Changed:
    """Done with the order: what has not come is cancelled (no longer on order)."""
    with uow:
        session = uow.session
        order = load_order(session, number)
        _refuse_unless(order, (S.PARTLY_RECEIVED, S.RECEIVED), _("closed"))
        lines = order_lines(session, order.id)
        for line in lines:
            line.cancelled += max(line.quantity - line.cancelled - line.received, 0)
        order.status, order.closed_at = S.CLOSED, now or utc_now()
        refresh_open_quantities(lines, order.status)
        uow.commit()
    return Changed.of(ChangeArea.PURCHASING, ChangeArea.STOCK,
                      message=_("{number} closed").format(number=number))
