"""Read side of customers: the paged, searched, segment-filtered list, one customer's detail
and orders, and the segment summary. RFM is read from the stored table (rfm_store.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, literal_column, select, text
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import NotFoundError
from ecdesk.i18n import _
from ecdesk.models import Channel, Customer, CustomerHandle, Order
from ecdesk.models.base import UtcDateTime
from ecdesk.models.tickets import Ticket
from ecdesk.services.common.keyset import Cursor, Keyset, ordered_keys
from ecdesk.services.common.page import Page
from ecdesk.services.common.period import Period
from ecdesk.services.common.shop_time import shop_today, shop_zone
from ecdesk.services.common.text_search import escape_like, search_words
from ecdesk.services.customers.dto import (
    CustomerDetail,
    CustomerOrderRow,
    CustomerQuery,
    CustomerRow,
    CustomerTicketRow,
    HandleRow,
    SegmentSummary,
)
from ecdesk.services.customers.repeat_rate import repeat_customers
from ecdesk.services.customers.rfm_store import stored_counts
from ecdesk.services.customers.segments import SEGMENTS
from ecdesk.services.reports.sales_queries import SalesScope
from ecdesk.services.settings import read_settings
from ecdesk.services.tickets.labels import label as ticket_label

_CHANNELS = """(SELECT group_concat(name, ', ') FROM (
    SELECT DISTINCT ch.name FROM customer_handles h JOIN channels ch ON ch.id = h.channel_id
    WHERE h.customer_id = c.id ORDER BY ch.name))"""
_COLUMNS = f"""c.id, c.name, coalesce({_CHANNELS}, '') AS channels, c.email, c.phone, c.tags,
    rfm.orders, rfm.spent, rfm.last_order_at,
    rfm.recency_days, rfm.r, rfm.f, rfm.m, rfm.segment"""
# The stored RFM (rfm_store.py), every live customer once; merged away since its refresh is
# left out by the WHERE.
_FROM = "FROM customer_rfm rfm JOIN customers c ON c.id = rfm.customer_id"
_SEARCHED = ("c.name", "c.email", "c.phone", "c.tags", "c.notes")
# Each sort with the id as tie-break, as customer_rfm's indexes hold them (no last order sorts
# first ascending: NULL is the smallest in SQLite).
SORTS = {"name": "c.name", "orders": "rfm.orders", "spent": "rfm.spent",
         "last_order": "rfm.last_order_at", "segment": "rfm.segment"}


def _where(spec: CustomerQuery, params: dict[str, Any]) -> str:
    clauses = ["c.merged_into_id IS NULL"]
    if spec.segment:
        if spec.segment not in SEGMENTS:
            raise NotFoundError(_("There is no segment '{name}'; choose one of {names}")
                                .format(name=spec.segment, names=", ".join(SEGMENTS)))
        clauses.append("rfm.segment = :segment")
        params["segment"] = spec.segment
    for n, word in enumerate(search_words(spec.text)):
        params[f"w{n}"] = f"%{escape_like(word)}%"
        fields = " OR ".join(f"{column} LIKE :w{n} ESCAPE '\\'" for column in _SEARCHED)
        clauses.append(f"({fields} OR EXISTS (SELECT 1 FROM customer_handles h WHERE "
                       f"h.customer_id = c.id AND h.key LIKE :w{n} ESCAPE '\\'))")
    return " AND ".join(clauses)


def list_customers(uow: UnitOfWork, spec: CustomerQuery, *, offset: int = 0, limit: int = 256,
                   count: bool = True, after: Cursor | None = None) -> Page[CustomerRow]:
    """One page of customers with their stored RFM (rfm_store.py: refresh it first when
    stale), filtered, searched and sorted in SQL; the next page is read `after` the last row
    of the one before (keyset: services/common/keyset.py), else from `offset`. Without
    `count`, a page with more after it comes uncounted."""
    with uow:
        return customer_page(uow.session, spec, offset=offset, limit=limit, count=count,
                             after=after)


def _keyset(spec: CustomerQuery) -> Keyset:
    order = literal_column(SORTS.get(spec.sort, SORTS["spent"]))
    return Keyset(ordered_keys([order], literal_column("rfm.customer_id"), spec.descending,
                               not_null=() if spec.sort == "last_order" else (order,)))


def customer_page(session: Session, spec: CustomerQuery, *, offset: int = 0,
                  limit: int | None = 256, count: bool = True,
                  after: Cursor | None = None) -> Page[CustomerRow]:
    params: dict[str, Any] = {}
    where = _where(spec, params)
    keyset = _keyset(spec)
    query = (select(text(_COLUMNS), *keyset.columns()).select_from(text(_FROM[len("FROM "):]))
             .where(text(where).bindparams(**params)).order_by(*keyset.order_by()))
    query = query.where(keyset.after(after)) if after is not None else query.offset(offset)
    if limit is not None:
        query = query.limit(limit + 1)
    result = session.execute(query).all()
    more = limit is not None and len(result) > limit
    result = result[:limit] if more else result
    rows = [_row(row) for row in result]
    if not more and after is None and (rows or offset == 0):
        total: int | None = offset + len(rows)
    else:
        total = _count(session, where, params) if count else None
    return Page(rows, total, more, keyset.cursor_of(result[-1]) if result else None)


def _count(session: Session, where: str, params: dict[str, Any]) -> int:
    return int(session.execute(text(f"SELECT count(*) {_FROM} WHERE {where}"),
                               params).scalar_one())


def _row(row: Any) -> CustomerRow:
    last = row.last_order_at
    return CustomerRow(
        row.id, row.name, row.channels, row.email, row.phone, row.tags, int(row.orders),
        int(row.spent), UtcDateTime().process_result_value(
            datetime.fromisoformat(last) if isinstance(last, str) else last, None),
        row.recency_days, row.r, row.f, row.m, row.segment)


def get_customer(uow: UnitOfWork, customer_id: int, *,
                 row: CustomerRow | None = None) -> CustomerDetail:
    """A customer's profile and handles, with its list row (its stored RFM; the page hands in
    the `row` it already shows)."""
    with uow:
        session = uow.session
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFoundError(_("Customer {id} does not exist (was it removed elsewhere?)")
                                .format(id=customer_id))
        if customer.merged_into_id is not None:
            return _detail(session, customer.merged_into_id, None)
        return _detail(session, customer_id, row)


def _detail(session: Session, customer_id: int, row: CustomerRow | None) -> CustomerDetail:
    if row is None or row.id != customer_id:
        found = session.execute(text(f"SELECT {_COLUMNS} {_FROM} WHERE c.id = :id"),
                                {"id": customer_id}).one_or_none()
        # A customer added since the last refresh has no stored row yet: no orders counted.
        row = _row(found) if found is not None else _unscored(session, customer_id)
    customer = session.get_one(Customer, customer_id)
    handles = session.execute(
        select(CustomerHandle.id, CustomerHandle.channel_id, Channel.name, CustomerHandle.key)
        .join(Channel, Channel.id == CustomerHandle.channel_id)
        .where(CustomerHandle.customer_id == customer_id).order_by(Channel.name,
                                                                   CustomerHandle.key)).all()
    return CustomerDetail(row, customer.address, customer.birthday, customer.notes,
                          tuple(HandleRow(*h) for h in handles), customer.created_at)


def customer_orders(uow: UnitOfWork, customer_id: int, *, limit: int = 200
                    ) -> list[CustomerOrderRow]:
    """The customer's orders, newest first (from the index on customer_id, ordered_at)."""
    with uow:
        rows = uow.session.execute(
            select(Order.id, Order.number, Channel.name, Order.ordered_at, Order.status,
                   Order.goods_total + Order.shipping, Order.currency)
            .join(Channel, Channel.id == Order.channel_id)
            .where(Order.customer_id == customer_id)
            .order_by(Order.ordered_at.desc(), Order.id.desc()).limit(limit)).all()
    return [CustomerOrderRow(r[0], r[1], r[2], r[3], r[4].value, r[5], r[6])
            for r in rows]


def customer_tickets(uow: UnitOfWork, customer_id: int, *, limit: int = 200
                     ) -> list[CustomerTicketRow]:
    """The customer's service tickets, newest first (the tickets capability's own table)."""
    with uow:
        rows = uow.session.execute(
            select(Ticket.id, Ticket.number, Ticket.subject, Ticket.type, Ticket.status,
                   Ticket.created_at).where(Ticket.customer_id == customer_id)
            .order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(limit)).all()
    return [CustomerTicketRow(r.id, r.number, r.subject, ticket_label(r.type.value),
                              ticket_label(r.status.value), r.created_at) for r in rows]


def _unscored(session: Session, customer_id: int) -> CustomerRow:
    c = session.get_one(Customer, customer_id)
    return CustomerRow(c.id, c.name, "", c.email, c.phone, c.tags, 0, 0, None, None, None,
                       None, None, "")


def segment_summary(uow: UnitOfWork, as_of: datetime | None = None) -> SegmentSummary:
    """Customers per segment (the stored RFM) and the repeat rate of the last 365 days to now
    or `as_of` (the Dashboard's rule)."""
    with uow:
        session = uow.session
        counts = stored_counts(session)
        customers = session.scalar(select(func.count(Customer.id)).where(
            Customer.merged_into_id.is_(None)))
        zone = shop_zone(session)
        today = shop_today(zone, as_of)
        year = Period(today - timedelta(days=364), today)
        scope = SalesScope(year, zone, read_settings(session).currency)
        buyers, repeat = repeat_customers(session, scope)
    return SegmentSummary(counts, int(customers), repeat, buyers)
