"""Read side of orders: the paged Orders table and one order with its lines.

Filters, search (ecdesk.services.orders.search), sort and paging happen in SQL. An order's line
count, units and goods total are stored on the order and kept by triggers on its lines
(models/order_totals.py), so a page reads them with the order and sorting by them needs no sum
over every line of the shop (see tests/bench/orders_page.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError
from ecdesk.i18n import _
from ecdesk.models import Channel, Order, OrderLine, OrderStatus, Product, Variant
from ecdesk.models.orders import OPEN_STATUSES
from ecdesk.services.common.keyset import Cursor, Keyset, ordered_keys
from ecdesk.services.common.page import Page
from ecdesk.services.common.shop_time import day_start, shop_zone
from ecdesk.services.orders.dto import OrderDetail, OrderLineRow, OrderRow
from ecdesk.services.orders.filters import OPEN, OrderQuery
from ecdesk.services.orders.search import search_condition
from ecdesk.services.returns.dto import WindowBasis
from ecdesk.services.returns.window import return_window


def filter_orders(query: Select[Any], spec: OrderQuery, zone: ZoneInfo,
                  search: Any | None) -> Select[Any]:
    """`query` narrowed to the orders the Orders table shows for `spec` (the export too)."""
    if spec.channel_id is not None:
        query = query.where(Order.channel_id == spec.channel_id)
    if spec.status == OPEN:
        query = query.where(Order.status.in_(OPEN_STATUSES))
    elif spec.status:
        query = query.where(Order.status == OrderStatus(spec.status))
    if spec.start is not None:
        query = query.where(Order.ordered_at >= day_start(spec.start, zone))
    if spec.end is not None:
        query = query.where(Order.ordered_at < day_start(spec.end, zone))
    if search is not None:
        query = query.where(search)
    return query


# The channel's name as a correlated subquery: a join would let SQLite start from the channels
# and visit orders in an index's order rather than the table's (4x slower on 300,000 orders).
_CHANNEL_NAME = (select(Channel.name).where(Channel.id == Order.channel_id)
                 .correlate(Order).scalar_subquery())
COLUMN_SORTS: dict[str, Sequence[Any]] = {
    "channel": (_CHANNEL_NAME, Order.ordered_at), "number": (Order.number,),
    "customer": (Order.customer_name, Order.ordered_at),
    "status": (Order.status, Order.ordered_at), "date": (Order.ordered_at,),
    # Stored sums of the lines (models/order_totals.py); the total's expression is indexed.
    "lines": (Order.line_count, Order.ordered_at), "units": (Order.units, Order.ordered_at),
    "total": (Order.goods_total + Order.shipping,),
}


# Sort keys that are NOT NULL columns of orders (the channel's name is a subquery: left out).
_NOT_NULL = (Order.ordered_at, Order.number, Order.customer_name, Order.status,
             Order.line_count, Order.units, COLUMN_SORTS["total"][0])


def _keyset(spec: OrderQuery) -> Keyset:
    """The table's order for `spec`: its column's keys, the order's id breaking ties."""
    keys = COLUMN_SORTS.get(spec.sort, COLUMN_SORTS["date"])
    return Keyset(ordered_keys(keys, Order.id, spec.descending, not_null=_NOT_NULL))


def list_orders(uow: UnitOfWork, spec: OrderQuery, *, offset: int = 0, limit: int = 256,
                count: bool = True, after: Cursor | None = None) -> Page[OrderRow]:
    """One page of orders for the Orders table, filtered, searched and sorted in SQL.

    With `count=False` the total is None (counting every match of a search costs more than a
    page); `count_orders` gives it when it is wanted. The page ends at `Page.cursor`: the next
    one is read `after` it (keyset paging; `offset` is then not used).
    """
    with uow:
        session = uow.session
        zone, search = shop_zone(session), search_condition(session, spec.search)
        keyset = _keyset(spec)
        columns = select(Order.id, Order.channel_id, Order.number, Order.ordered_at,
                         Order.status, Order.customer_name, Order.currency, Order.shipping,
                         Order.line_count, Order.units, Order.goods_total, *keyset.columns())
        query = filter_orders(columns, spec, zone, search).order_by(*keyset.order_by())
        query = query.where(keyset.after(after)) if after is not None else query.offset(offset)
        rows = session.execute(query.limit(limit + 1)).all()
        has_more, rows = len(rows) > limit, rows[:limit]
        total = _count(session, spec, zone, search) if count else None
        names = dict(session.execute(select(Channel.id, Channel.name)).tuples().all())
    return Page([_row(row, names[row.channel_id]) for row in rows], total, has_more,
                keyset.cursor_of(rows[-1]) if rows else None)


def count_orders(uow: UnitOfWork, spec: OrderQuery) -> int:
    """How many orders the Orders table holds for `spec`."""
    with uow:
        session = uow.session
        return _count(session, spec, shop_zone(session), search_condition(session, spec.search))


def _count(session: Session, spec: OrderQuery, zone: ZoneInfo, search: Any | None) -> int:
    return session.scalar(filter_orders(select(func.count(Order.id)), spec, zone, search)) or 0


def _row(row: Any, channel: str) -> OrderRow:
    return OrderRow(
        id=row.id, channel=channel, number=row.number, ordered_at=row.ordered_at,
        status=row.status, customer_name=row.customer_name, currency=row.currency,
        lines=row.line_count, units=row.units, total=row.goods_total + row.shipping)


def get_order(uow: UnitOfWork, order_id: int) -> OrderDetail:
    """One order with its lines (SKU and product title), for the detail pane."""
    with uow:
        session = uow.session
        order = session.execute(
            select(Order, Channel.name).join(Channel, Channel.id == Order.channel_id)
            .where(Order.id == order_id)).first()
        if order is None:
            raise NotFoundError(
                _("Order {order_id} does not exist (was it removed elsewhere?)").format(
                    order_id=order_id
                )
            )
        head, channel = order
        lines = [OrderLineRow(sku=r.sku, title=r.title, quantity=r.quantity,
                              unit_price=r.unit_price, discount=r.discount,
                              line_total=r.line_total)
                 for r in session.execute(
                     select(Variant.sku, Product.title, OrderLine.quantity, OrderLine.unit_price,
                            OrderLine.discount, OrderLine.line_total)
                     .join(Variant, Variant.id == OrderLine.variant_id)
                     .join(Product, Product.id == Variant.product_id)
                     .where(OrderLine.order_id == order_id).order_by(OrderLine.position))]
        goods = sum((line.line_total for line in lines), Decimal("0.00"))
        row = OrderRow(
            id=head.id, channel=channel, number=head.number, ordered_at=head.ordered_at,
            status=head.status, customer_name=head.customer_name, currency=head.currency,
            lines=len(lines), units=sum(line.quantity for line in lines),
            total=goods + head.shipping)
        window = return_window(head, session.get_one(Channel, head.channel_id))
        return OrderDetail(row=row, shipping=head.shipping, platform_fees=head.platform_fees,
                           refunded=head.refunded, note=head.note,
                           stock_issued=head.stock_issued, lines=tuple(lines),
                           tax=head.tax, tax_included=head.tax_included,
                           carrier=head.carrier, tracking_number=head.tracking_number,
                           ship_to=head.ship_to, delivered_at=head.delivered_at,
                           returns_until=window.ends,
                           returns_estimated=window.basis == WindowBasis.SHIPPED_PLUS_TRANSIT)
