"""Reading suppliers and purchase orders: pages for the lists (filtered and paged in SQL), one
supplier or order in full, the orders due and late, and quotes to compare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Integer, Select, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError
from ecdesk.i18n import _
from ecdesk.models import (
    Product,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    Supplier,
    SupplierItem,
    SupplierPriceBreak,
    SupplierStatus,
    Variant,
)
from ecdesk.models.purchasing import EXPECTING_STATUSES
from ecdesk.money import from_minor_units, round_document_total, round_line_total
from ecdesk.services.common.page import Page
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.purchasing.receiving import order_extra_costs
from ecdesk.services.suppliers.commands import unit_cost_at

S = PurchaseOrderStatus
OPEN_STATUSES = (S.DRAFT, S.SENT, S.PARTLY_RECEIVED)


@dataclass(frozen=True)
class SupplierRow:
    id: int
    name: str
    contact_name: str
    currency: str
    status: SupplierStatus
    lead_time_days: int | None
    items: int
    open_orders: int
    next_evaluation: date | None


def _like(text: str) -> str:
    return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def list_suppliers(uow: UnitOfWork, *, search: str = "", offset: int = 0,
                   limit: int = 256) -> Page[SupplierRow]:
    items = (select(func.count()).where(SupplierItem.supplier_id == Supplier.id)
             .scalar_subquery())
    orders = (select(func.count()).where(PurchaseOrder.supplier_id == Supplier.id,
                                         PurchaseOrder.status.in_(OPEN_STATUSES))
              .scalar_subquery())
    query = select(Supplier.id, Supplier.name, Supplier.contact_name, Supplier.currency,
                   Supplier.status, Supplier.lead_time_days, items, orders,
                   Supplier.next_evaluation)
    if search.strip():
        pattern = _like(search)
        query = query.where(or_(Supplier.name.ilike(pattern, escape="\\"),
                                Supplier.contact_name.ilike(pattern, escape="\\")))
    with uow:
        total = uow.session.scalar(select(func.count()).select_from(query.subquery()))
        rows = uow.session.execute(query.order_by(Supplier.name).offset(offset)
                                   .limit(limit)).all()
    return Page([SupplierRow(*row) for row in rows], total, offset + len(rows) < (total or 0))


@dataclass(frozen=True)
class SupplierItemRow:
    id: int
    variant_id: int
    sku: str
    title: str
    supplier_code: str
    supplier_name: str
    unit_cost: Decimal
    min_order_qty: int | None
    pack_multiple: int | None
    lead_time_days: int | None  # the item's own; None: the supplier's
    valid_from: date | None
    valid_to: date | None
    preferred: bool
    price_breaks: tuple[tuple[int, Decimal], ...]


@dataclass(frozen=True)
class SupplierDetail:
    supplier: SupplierFields
    items: tuple[SupplierItemRow, ...]
    open_orders: tuple[PurchaseOrderRow, ...]


@dataclass(frozen=True)
class SupplierFields:
    id: int
    name: str
    contact_name: str
    email: str
    phone: str
    address: str
    currency: str
    payment_terms: str
    lead_time_days: int | None
    min_order_value: Decimal
    status: SupplierStatus
    contract_from: date | None
    contract_to: date | None
    next_evaluation: date | None
    documents: tuple[str, ...]
    notes: str
    service_rating: int | None
    innovation_rating: int | None


def supplier_detail(uow: UnitOfWork, supplier_id: int) -> SupplierDetail:
    with uow:
        session = uow.session
        supplier = session.get(Supplier, supplier_id)
        if supplier is None:
            raise NotFoundError(_("Supplier {id} does not exist").format(id=supplier_id))
        fields = SupplierFields(
            supplier.id, supplier.name, supplier.contact_name, supplier.email, supplier.phone,
            supplier.address, supplier.currency, supplier.payment_terms,
            supplier.lead_time_days, supplier.min_order_value, supplier.status,
            supplier.contract_from, supplier.contract_to, supplier.next_evaluation,
            tuple(path for path in supplier.documents.splitlines() if path), supplier.notes,
            supplier.service_rating, supplier.innovation_rating)
        items = _items(session, SupplierItem.supplier_id == supplier_id)
        orders = order_rows(session, orders_query().where(
            PurchaseOrder.supplier_id == supplier_id,
            PurchaseOrder.status.in_(OPEN_STATUSES)), shop_today(shop_zone(session)))
    return SupplierDetail(fields, tuple(items), tuple(orders))


def _items(session: Session, condition: object) -> list[SupplierItemRow]:
    rows = session.execute(
        select(SupplierItem, Variant.sku, Product.title)
        .join(Variant, Variant.id == SupplierItem.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .where(condition).order_by(Variant.sku)).all()  # type: ignore[arg-type]
    ids = [item.id for item, _sku, _title in rows]
    breaks: dict[int, list[tuple[int, Decimal]]] = {}
    for item_id, quantity, cost in session.execute(
            select(SupplierPriceBreak.supplier_item_id, SupplierPriceBreak.min_quantity,
                   SupplierPriceBreak.unit_cost)
            .where(SupplierPriceBreak.supplier_item_id.in_(ids))
            .order_by(SupplierPriceBreak.min_quantity)):
        breaks.setdefault(item_id, []).append((quantity, cost))
    return [SupplierItemRow(
        item.id, item.variant_id, sku, title, item.supplier_code, item.supplier_name,
        item.unit_cost, item.min_order_qty, item.pack_multiple, item.lead_time_days,
        item.valid_from, item.valid_to, item.preferred, tuple(breaks.get(item.id, ())))
        for item, sku, title in rows]


@dataclass(frozen=True)
class PurchaseOrderRow:
    id: int
    number: str
    supplier_id: int
    supplier_name: str
    status: PurchaseOrderStatus
    currency: str
    created_at: datetime
    expected_on: date | None
    lines: int
    units: int
    received: int
    goods_total: Decimal  # in the order's currency
    late: bool  # still expecting goods after its expected day


def orders_query() -> Select[tuple[object, ...]]:
    lines = (select(PurchaseOrderLine.order_id.label("order_id"),
                    func.count().label("lines"),
                    func.sum(PurchaseOrderLine.quantity).label("units"),
                    func.sum(PurchaseOrderLine.received).label("received"),
                    # minor units as stored (the Money type would read them as amounts)
                    func.sum(type_coerce(PurchaseOrderLine.quantity, Integer)
                             * type_coerce(PurchaseOrderLine.unit_cost, Integer))
                    .label("goods"))
             .group_by(PurchaseOrderLine.order_id).subquery("po_lines"))
    return (select(PurchaseOrder.id, PurchaseOrder.number, PurchaseOrder.supplier_id,
                   Supplier.name, PurchaseOrder.status, PurchaseOrder.currency,
                   PurchaseOrder.created_at, PurchaseOrder.expected_on,
                   func.coalesce(lines.c.lines, 0), func.coalesce(lines.c.units, 0),
                   func.coalesce(lines.c.received, 0), func.coalesce(lines.c.goods, 0))
            .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
            .outerjoin(lines, lines.c.order_id == PurchaseOrder.id))


def order_rows(session: Session, query: Select[tuple[object, ...]],
                today: date) -> list[PurchaseOrderRow]:
    rows = []
    for row in session.execute(query.order_by(PurchaseOrder.id.desc())).all():
        *head, goods = row
        status, expected = head[4], head[7]
        late = status in EXPECTING_STATUSES and expected is not None and expected < today
        rows.append(PurchaseOrderRow(*head, from_minor_units(int(goods)), late))  # type: ignore[arg-type]
    return rows


@dataclass(frozen=True)
class OrderFilter:
    statuses: tuple[str, ...] = ()  # status values ("sent"); none: every status
    supplier_id: int | None = None
    search: str = ""  # a PO number or supplier name, in part
    late_only: bool = False


def list_purchase_orders(uow: UnitOfWork, spec: OrderFilter = OrderFilter(), *,
                         offset: int = 0, limit: int = 256,
                         now: datetime | None = None) -> Page[PurchaseOrderRow]:
    """Purchase orders, newest first, filtered and paged in SQL."""
    with uow:
        session = uow.session
        today = shop_today(shop_zone(session), now)
        query = orders_query()
        if spec.statuses:
            query = query.where(PurchaseOrder.status.in_(
                [PurchaseOrderStatus(status) for status in spec.statuses]))
        if spec.supplier_id is not None:
            query = query.where(PurchaseOrder.supplier_id == spec.supplier_id)
        if spec.search.strip():
            pattern = _like(spec.search)
            query = query.where(or_(PurchaseOrder.number.ilike(pattern, escape="\\"),
                                    Supplier.name.ilike(pattern, escape="\\")))
        if spec.late_only:
            query = query.where(PurchaseOrder.status.in_(EXPECTING_STATUSES),
                                PurchaseOrder.expected_on < today)
        total = session.scalar(select(func.count()).select_from(query.subquery()))
        rows = order_rows(session, query.offset(offset).limit(limit), today)
    return Page(rows, total, offset + len(rows) < (total or 0))


@dataclass(frozen=True)
class PurchaseOrderLineRow:
    id: int
    variant_id: int
    sku: str
    title: str
    barcode: str | None
    quantity: int
    unit_cost: Decimal
    line_total: Decimal
    received: int
    rejected: int
    returned: int
    cancelled: int
    still_expected: int


@dataclass(frozen=True)
class PurchaseOrderView:
    row: PurchaseOrderRow
    exchange_rate: Decimal
    shipping_cost: Decimal
    other_costs: Decimal
    notes: str
    supplier_address: str
    supplier_contact: str
    payment_terms: str
    lines: tuple[PurchaseOrderLineRow, ...]
    goods_total: Decimal  # the order's currency
    total: Decimal  # goods + shipping + other costs
    credit: Decimal  # returned units at their unit cost
    extra_in_shop_currency: Decimal


def purchase_order_view(uow: UnitOfWork, number: str, *,
                        now: datetime | None = None) -> PurchaseOrderView:
    from ecdesk.services.purchasing.purchase_orders import load_order

    with uow:
        session = uow.session
        order = load_order(session, number)
        [row] = order_rows(session, orders_query().where(PurchaseOrder.id == order.id),
                            shop_today(shop_zone(session), now))
        supplier = session.get(Supplier, order.supplier_id)
        assert supplier is not None  # foreign key
        lines = tuple(_line_rows(session, order.id))
        goods = round_document_total(sum((line.line_total for line in lines), Decimal(0)))
        credit = round_document_total(sum((line.returned * line.unit_cost for line in lines),
                                          Decimal(0)))
        return PurchaseOrderView(
            row, order.exchange_rate, order.shipping_cost, order.other_costs, order.notes,
            supplier.address, supplier.contact_name, supplier.payment_terms, lines, goods,
            round_document_total(goods + order.shipping_cost + order.other_costs), credit,
            order_extra_costs(order))


def _line_rows(session: Session, order_id: int) -> list[PurchaseOrderLineRow]:
    rows = session.execute(
        select(PurchaseOrderLine, Variant.sku, Product.title, Variant.barcode)
        .join(Variant, Variant.id == PurchaseOrderLine.variant_id)
        .join(Product, Product.id == Variant.product_id)
        .where(PurchaseOrderLine.order_id == order_id)
        .order_by(PurchaseOrderLine.position)).all()
    return [PurchaseOrderLineRow(
        line.id, line.variant_id, sku, title, barcode, line.quantity, line.unit_cost,
        round_line_total(line.quantity * line.unit_cost), line.received, line.rejected,
        line.returned, line.cancelled, max(line.quantity - line.cancelled - line.received, 0))
        for line, sku, title, barcode in rows]


@dataclass(frozen=True)
class DueAndLate:
    due_today: int  # still expecting goods, expected today
    due_this_week: int  # expected within 7 days, today included
    late: int  # expected before today and still expecting
    late_orders: tuple[str, ...]  # the oldest few late numbers


def due_and_late(session: Session, now: datetime | None = None, *, show: int = 5) -> DueAndLate:
    today = shop_today(shop_zone(session), now)
    expecting = PurchaseOrder.status.in_(EXPECTING_STATUSES)
    week = date.fromordinal(today.toordinal() + 6)
    counts = session.execute(select(
        func.coalesce(func.sum(case((PurchaseOrder.expected_on == today, 1), else_=0)), 0),
        func.coalesce(func.sum(case((PurchaseOrder.expected_on.between(today, week), 1),
                                    else_=0)), 0),
        func.coalesce(func.sum(case((PurchaseOrder.expected_on < today, 1), else_=0)), 0))
        .where(expecting)).one()
    late = session.scalars(select(PurchaseOrder.number).where(
        expecting, PurchaseOrder.expected_on < today)
        .order_by(PurchaseOrder.expected_on, PurchaseOrder.id).limit(show)).all()
    return DueAndLate(int(counts[0]), int(counts[1]), int(counts[2]), tuple(late))


@dataclass(frozen=True)
class Quote:
    supplier_id: int
    supplier_name: str
    currency: str
    unit_cost: Decimal  # at the quantity, price breaks applied
    line_total: Decimal
    lead_time_days: int | None
    min_order_qty: int | None
    pack_multiple: int | None
    preferred: bool
    status: SupplierStatus
    score: Decimal | None  # the supplier's scorecard score over the last year


def compare_quotes(uow: UnitOfWork, variant_id: int, quantity: int,
                   now: datetime | None = None) -> list[Quote]:
    """Every supplier's price for `quantity` of a SKU, cheapest first (in its own currency),
    with the supplier's score over the twelve months to today."""
    from datetime import timedelta

    from ecdesk.services.common.period import Period
    from ecdesk.services.suppliers.scorecard import supplier_scorecards

    with uow:
        session = uow.session
        today = shop_today(shop_zone(session), now)
        scores = {card.supplier_id: card.score for card in supplier_scorecards(
            session, Period(today - timedelta(days=364), today))}
        items = _items(session, SupplierItem.variant_id == variant_id)
        suppliers = {s.id: s for s in session.scalars(select(Supplier).where(
            Supplier.id.in_(select(SupplierItem.supplier_id)
                            .where(SupplierItem.variant_id == variant_id))))}
        supplier_of = dict(session.execute(select(SupplierItem.id, SupplierItem.supplier_id)
                                           .where(SupplierItem.variant_id == variant_id))
                           .tuples().all())
        quotes = []
        for item in items:
            supplier = suppliers[supplier_of[item.id]]
            cost = unit_cost_at(item.unit_cost, item.price_breaks, quantity)
            quotes.append(Quote(
                supplier.id, supplier.name, supplier.currency, cost,
                round_line_total(cost * quantity),
                item.lead_time_days if item.lead_time_days is not None
                else supplier.lead_time_days, item.min_order_qty, item.pack_multiple,
                item.preferred, supplier.status, scores.get(supplier.id)))
    return sorted(quotes, key=lambda q: (q.currency, q.unit_cost, q.supplier_name))

