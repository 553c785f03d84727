"""Comparing parsed orders with the shop: what would be created or updated, and what is wrong.

`plan_orders` is shared by the preview and the writer, so that what the user saw is what is
checked again inside the writing transaction. Orders are matched by (channel, order number):
an order already in the shop keeps its lines and only moves to the file's status, through the
same transitions (and stock movements) as a status change made by hand.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem
from ecdesk.i18n import N_, _
from ecdesk.models import OrderStatus
from ecdesk.money import from_minor_units
from ecdesk.services.common.shop_time import shop_stamp
from ecdesk.services.orders.status_labels import status_label
from ecdesk.services.orders.stock import can_change, stock_after
from ecdesk.services.orders_io.channel import ChannelRef, channel_for
from ecdesk.services.orders_io.dto import (
    ChannelChoiceError,
    ChannelInfo,
    OrderImportCounts,
    OrderImportPreview,
    ParsedOrder,
    ParsedOrderFile,
)
from ecdesk.services.orders_io.formats import column_fields, order_column_index
from ecdesk.services.orders_io.formats.common import FIELD_LABELS
from ecdesk.services.shop_file.collector_pause import collector_paused
from ecdesk.services.stock.ledger import allows_negative, shop_allows_negative
from ecdesk.services.tabular_io.columns import Columns
from ecdesk.services.tabular_io.problems import by_row, format_notes


@dataclass
class OrderPlan:
    parsed: ParsedOrder
    order_id: int | None  # None: a new order
    status_before: OrderStatus | None = None
    issued_before: bool = False
    issued_after: bool = False
    changed: bool = False  # an existing order whose status or refunded amount changes
    refunded_before: Decimal = Decimal("0")  # the shop's refunded amount (0 for a new order)
    # New orders: (variant id, unit cost) per line, in the order of parsed.lines.
    variants: list[tuple[int, Decimal]] = field(default_factory=list)
    # Whose stock moves when the order ships or comes back: (variant id, quantity).
    stock_lines: list[tuple[int, int]] = field(default_factory=list)

    @property
    def moves_stock(self) -> bool:
        return self.issued_before != self.issued_after


@dataclass
class Plan:
    channel: ChannelInfo | None
    orders: list[OrderPlan]  # the valid ones: new, updated and unchanged
    counts: OrderImportCounts
    problems: list[Problem]
    orders_with_errors: int
    notes: list[str] = field(default_factory=list)


@collector_paused()
def preview_orders(uow: UnitOfWork, parsed: ParsedOrderFile, *, channel: ChannelRef = None
                   ) -> OrderImportPreview:
    """What importing `parsed` into `channel` (an id, a name, None: the default) would do."""
    with uow:
        plan = plan_orders(uow.session, parsed, channel)
    return to_preview(parsed, plan)


def to_preview(parsed: ParsedOrderFile, plan: Plan) -> OrderImportPreview:
    return OrderImportPreview(
        file=parsed, channel=plan.channel, counts=plan.counts, problems=by_row(plan.problems),
        orders_with_errors=plan.orders_with_errors,
        notes=(*plan.notes, *format_notes(parsed)))


def plan_orders(session: Session, parsed: ParsedOrderFile, channel: ChannelRef) -> Plan:
    problems = list(parsed.problems)
    if parsed.file_error:
        return Plan(None, [], OrderImportCounts(), problems, len(parsed.orders))
    try:
        info = channel_for(session, parsed.format, channel)
    except ChannelChoiceError as error:
        problems.append(Problem(N_("Channel"), str(error)))
        return Plan(None, [], OrderImportCounts(), problems, len(parsed.orders))
    header = list(parsed.header)
    columns = Columns(header, order_column_index(header, parsed.format, dict(parsed.corrected)),
                      FIELD_LABELS)
    shop = _Shop.load(session, parsed, info.id)
    planner = _Planner(shop, columns, problems, ZoneInfo(parsed.timezone))
    plans = [planner.plan(order) for order in parsed.orders if order.ordered_at is not None]
    _check_stock(session, plans, columns, problems)
    error_rows = {p.row for p in problems if p.is_error and p.row is not None}
    valid = [p for p in plans if not any(row in error_rows for row in p.parsed.rows)]
    return Plan(info, valid, _count(valid), problems, len(parsed.orders) - len(valid),
                _notes(parsed, info))


def _notes(parsed: ParsedOrderFile, channel: ChannelInfo) -> list[str]:
    notes = []
    currencies = sorted({o.currency for o in parsed.orders if o.currency} - {channel.currency})
    if currencies:
        notes.append(_("Some orders are in {currencies} while '{channel}' sells in {currency}: "
                       "their amounts are kept in their own currency").format(
                           currencies=", ".join(currencies), channel=channel.name,
                           currency=channel.currency))
    if parsed.format != "shopify":  # the Chinese marketplaces write the seller's clock
        notes.append(_("Times without a time zone are read as the shop's ({zone})").format(
            zone=parsed.timezone))
    unread = unread_columns(parsed)
    if unread:  # every one: a column dropped without a word loses data
        notes.append(_("{count} column(s) of the file will not be imported: {columns}").format(
            count=len(unread), columns=", ".join(unread)))
    return notes


def unread_columns(parsed: ParsedOrderFile) -> list[str]:
    """The file's named columns that no field is read from, in the file's order."""
    fields = column_fields(parsed.header, parsed.format, dict(parsed.corrected))
    return [column for column, field in zip(parsed.header, fields, strict=True)
            if column.strip() and not field]


class _Shop:
    """What the shop already has that the file touches, read in a few queries."""

    def __init__(self) -> None:
        self.variants: dict[str, tuple[int, Decimal]] = {}  # lower sku: id, unit cost
        # number: id, status, stock issued, refunded
        self.orders: dict[str, tuple[int, OrderStatus, bool, Decimal]] = {}
        # order id: (variant id, quantity, units already returned) per line
        self.lines: dict[int, list[tuple[int, int, int]]] = {}
        # number: created, customer key, customer name (what tells one order from another)
        self.identity: dict[str, tuple[datetime, str, str]] = {}

    @classmethod
    def load(cls, session: Session, parsed: ParsedOrderFile, channel_id: int) -> _Shop:
        shop = cls()
        conn = session.connection()
        skus = sorted({line.sku for order in parsed.orders for line in order.lines})
        for vid, sku, cost in conn.exec_driver_sql(
                "SELECT id, sku, unit_cost FROM variants "
                "WHERE sku IN (SELECT value FROM json_each(?))", (json.dumps(skus),)):
            shop.variants[sku.lower()] = (vid, from_minor_units(cost) or Decimal("0"))
        missing = [sku.lower() for sku in skus if sku.lower() not in shop.variants]
        if missing:  # SKUs match without regard to case, as in the catalog import
            for vid, sku, cost in conn.exec_driver_sql(
                    "SELECT id, sku, unit_cost FROM variants "
                    "WHERE lower(sku) IN (SELECT value FROM json_each(?))", (json.dumps(missing),)):
                shop.variants[sku.lower()] = (vid, from_minor_units(cost) or Decimal("0"))
        numbers = [order.number for order in parsed.orders]
        for oid, number, status, issued, refunded, created, key, name in conn.exec_driver_sql(
                "SELECT id, number, status, stock_issued, refunded, ordered_at, customer_key, "
                "customer_name FROM orders "
                "WHERE channel_id = ? AND number IN (SELECT value FROM json_each(?))",
                (channel_id, json.dumps(numbers))):
            shop.orders[number] = (oid, OrderStatus(status), bool(issued),
                                   from_minor_units(refunded) or Decimal("0"))
            shop.identity[number] = (_utc(created), key or "", name or "")
        if shop.orders:
            ids = json.dumps([order[0] for order in shop.orders.values()])
            for oid, vid, quantity, returned in conn.exec_driver_sql(
                    "SELECT order_id, variant_id, quantity, returned_quantity FROM order_lines "
                    "WHERE order_id IN (SELECT value FROM json_each(?)) "
                    "ORDER BY order_id, position", (ids,)):
                shop.lines.setdefault(oid, []).append((vid, quantity, returned))
        return shop


def _utc(stored: str | datetime) -> datetime:
    """A time read with the driver (naive UTC text) as an aware UTC datetime."""
    value = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    return value.replace(tzinfo=UTC)


class _Planner:
    def __init__(self, shop: _Shop, columns: Columns, problems: list[Problem],
                 zone: ZoneInfo) -> None:
        self.shop, self.columns, self.problems, self.zone = shop, columns, problems, zone

    def problem(self, field: str, message: str, row: int, severity: str = "error") -> None:
        self.problems.append(Problem(self.columns.name(field), message, row, severity))

    def plan(self, order: ParsedOrder) -> OrderPlan:
        variants = self._variants(order)
        complete = len(variants) == len(order.lines)  # else the order has a problem
        existing = self.shop.orders.get(order.number)
        if existing is None:
            issued = stock_after(order.status, False)
            stock = [(vid, line.quantity) for (vid, _), line in
                     zip(variants, order.lines, strict=True)] if issued and complete else []
            return OrderPlan(order, None, issued_after=issued, variants=variants,
                             stock_lines=stock)
        order_id, status, issued, refunded = existing
        lines = self.shop.lines.get(order_id, [])
        # A re-import moves only the units that have not come back through a return.
        plan = OrderPlan(order, order_id, status, issued, issued, refunded_before=refunded,
                         stock_lines=[(vid, quantity - returned)
                                      for vid, quantity, returned in lines])
        if not self._same_order(plan, variants if complete else None):
            return plan
        if order.status == status:
            plan.changed = order.refunded != refunded
        elif can_change(status, order.status):
            plan.changed = True
            plan.issued_after = stock_after(order.status, issued)
        else:
            self.problem(
                "status",
                _(
                    "order {number} is {value} in the shop; the file says "
                    "{value2}, which cannot follow {value}"
                ).format(number=order.number, value=status_label(status),
                         value2=status_label(order.status)),
                order.row,
            )
        return plan

    def _variants(self, order: ParsedOrder) -> list[tuple[int, Decimal]]:
        found = []
        for line in order.lines:
            variant = self.shop.variants.get(line.sku.lower())
            if variant is None:
                self.problem("sku", _("'{sku}' is not in the catalog: add the SKU (or import the "
                                      "products) first").format(sku=line.sku), line.row)
            else:
                found.append(variant)
        return found

    def _same_order(self, plan: OrderPlan, variants: list[tuple[int, Decimal]] | None
                    ) -> bool:
        """Whether the file's order is the shop's order of that number, not another one.

        An order number that exists with another creation time, customer or lines is another
        order (a second store's #1001, an order number reused): updating it would mark the
        shop's order shipped and take the other order's SKUs off the shelf, so it is a
        problem naming what differs. `variants` is None when a line's SKU is unknown (that
        line is its own problem)."""
        order = plan.parsed
        created, key, name = self.shop.identity[order.number]
        differs = []
        if order.ordered_at is not None and order.ordered_at.replace(microsecond=0) != \
                created.replace(microsecond=0):
            differs.append(_("created {shop} in the shop, {file} in the file").format(
                shop=shop_stamp(created, self.zone), file=shop_stamp(order.ordered_at, self.zone)))
        shop_customer, file_customer = (key, order.customer_key) if key and order.customer_key \
            else (name, order.customer_name)
        if shop_customer and file_customer and shop_customer != file_customer:
            differs.append(_("customer {shop} in the shop, {file} in the file").format(
                shop=shop_customer, file=file_customer))
        if variants is not None:
            in_file = Counter((vid, line.quantity) for (vid, _cost), line in
                              zip(variants, order.lines, strict=True))
            stored = [(vid, qty) for vid, qty, _returned
                      in self.shop.lines.get(plan.order_id or 0, [])]
            if in_file != Counter(stored):
                differs.append(_("other lines"))
        if differs:
            self.problem("number", _("order {number} is already in the shop as another order "
                                     "({differences}): it is not updated. Orders of another "
                                     "store belong in a channel of their own").format(
                number=order.number, differences="; ".join(differs)), order.row)
        return not differs


def _check_stock(session: Session, plans: list[OrderPlan], columns: Columns,
                 problems: list[Problem]) -> None:
    """Orders whose shipping would take a SKU below zero where that is not allowed.

    Orders are taken in the order they were placed, so the one that runs out is blamed; only
    SKUs that may not go below zero are followed.
    """
    error_rows = {p.row for p in problems if p.is_error and p.row is not None}
    moving = [p for p in plans if p.moves_stock
              and not any(row in error_rows for row in p.parsed.rows)]
    takers = sorted({vid for p in moving if p.issued_after for vid, _ in p.stock_lines})
    guarded = _guarded_stock(session, takers) if takers else {}
    if not guarded:
        return
    column = columns.name("sku")
    for plan in sorted(moving, key=lambda p: (p.parsed.ordered_at, p.parsed.row)):
        sign = -1 if plan.issued_after else 1
        delta: dict[int, int] = {}
        for vid, quantity in plan.stock_lines:
            if vid in guarded:
                delta[vid] = delta.get(vid, 0) + sign * quantity
        short = [vid for vid, change in delta.items()
                 if change < 0 and guarded[vid][1] + change < 0]
        for vid in short:
            sku, on_hand = guarded[vid]
            problems.append(
                Problem(
                    column,
                    _(
                        "shipping order {number} would take {sku} from {on_hand} to {value} in "
                        "stock: receive the stock first, or allow negative stock in the stock "
                        "settings"
                    ).format(
                        number=plan.parsed.number,
                        sku=sku,
                        on_hand=on_hand,
                        value=on_hand + delta[vid],
                    ),
                    _row_of(plan, sku),
                )
            )
        if not short:
            for vid, change in delta.items():
                guarded[vid][1] += change


def _guarded_stock(session: Session, variant_ids: list[int]) -> dict[int, list]:
    """[SKU, on hand] of the SKUs that may not go below zero (their policy or the shop's)."""
    default = shop_allows_negative(session)
    rows = session.connection().exec_driver_sql(
        "SELECT v.id, v.sku, v.on_hand, p.allow_negative FROM variants v "
        "LEFT JOIN stock_policies p ON p.variant_id = v.id "
        "WHERE v.id IN (SELECT value FROM json_each(?))", (json.dumps(variant_ids),))
    return {vid: [sku, on_hand] for vid, sku, on_hand, allowed in rows
            if not allows_negative(allowed, default)}


def _row_of(plan: OrderPlan, sku: str) -> int:
    """The row of the order's line with this SKU (the order's row for a stored order)."""
    return next((line.row for line in plan.parsed.lines if line.sku.lower() == sku.lower()),
                plan.parsed.row)


def _count(plans: list[OrderPlan]) -> OrderImportCounts:
    new = [p for p in plans if p.order_id is None]
    issued = sum(q for p in plans if p.moves_stock and p.issued_after for _, q in p.stock_lines)
    returned = sum(q for p in plans if p.moves_stock and not p.issued_after
                   for _, q in p.stock_lines)
    return OrderImportCounts(
        orders_new=len(new), orders_updated=sum(1 for p in plans if p.changed),
        orders_unchanged=sum(1 for p in plans if p.order_id is not None and not p.changed),
        lines_new=sum(len(p.parsed.lines) for p in new),
        units_new=sum(line.quantity for p in new for line in p.parsed.lines),
        units_issued=issued, units_returned=returned)
