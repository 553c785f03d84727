"""Writing an order import: all or nothing (or only the orders without problems), in one
transaction, with Core executemany of tuples and the stock moved through the ledger.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import ValidationError
from ecdesk.i18n import _
from ecdesk.models.audit import record_bulk
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.progress import Progress
from ecdesk.services.customers.handles import handle_key, link_order_customers
from ecdesk.services.orders.stock import movements_for
from ecdesk.services.orders.validation import line_total
from ecdesk.services.orders_io.channel import ChannelRef
from ecdesk.services.orders_io.columns import store_order_columns
from ecdesk.services.orders_io.dto import OrderImportCounts, OrderImportResult, ParsedOrderFile
from ecdesk.services.orders_io.plan import OrderPlan, Plan, plan_orders, to_preview
from ecdesk.services.shop_file.backups import back_up_before_bulk
from ecdesk.services.shop_file.collector_pause import collector_paused
from ecdesk.services.shop_file.sqlite_only import order_search_suspended, order_totals_suspended
from ecdesk.services.shop_file.write_guard import (
    ORDER_IMPORT_TABLES,
    refuse_to_write_into_damage,
)
from ecdesk.services.stock.ledger import Movement, post_movements
from ecdesk.services.tabular_io.bulk import cached_minor_units as cents
from ecdesk.services.tabular_io.bulk import chunked
from ecdesk.services.tabular_io.table import ImportCancelledError

BATCH = 5000  # rows per executemany, with a progress report between them
TEXT_LIMIT = 120  # the customer_name column

INSERT_ORDER = (
    "INSERT INTO orders (id, channel_id, number, ordered_at, paid_at, shipped_at, status, "
    "customer_name, customer_key, currency, shipping, platform_fees, refunded, stock_issued, "
    "source, note, created_at, updated_at, tax, tax_included, carrier, tracking_number, "
    "delivered_at, coupon_codes) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)")
INSERT_LINE = (
    "INSERT INTO order_lines (order_id, position, variant_id, quantity, unit_price, discount, "
    "line_total, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
# Order.refunded is the sum of the order's refunds: what the file adds is a refund of its own.
INSERT_REFUND = (
    "INSERT INTO order_refunds (order_id, amount, refunded_at, reason, reference) "
    "VALUES (?, ?, ?, 'Order import', ?)")
UPDATE_ORDER = (
    "UPDATE orders SET status = ?, paid_at = coalesce(paid_at, ?), "
    "shipped_at = coalesce(shipped_at, ?), refunded = ?, stock_issued = ?, updated_at = ?, "
    "carrier = coalesce(nullif(?, ''), carrier), "  # a later export names how it shipped
    "tracking_number = coalesce(nullif(?, ''), tracking_number), "
    "delivered_at = coalesce(delivered_at, ?), "  # a later export has the confirmed receipt
    "coupon_codes = coalesce(nullif(?, ''), coupon_codes) "
    "WHERE id = ?")


@collector_paused()
def import_orders(uow: UnitOfWork, parsed: ParsedOrderFile, *, channel: ChannelRef = None,
                  only_valid: bool = False, progress: Progress | None = None
                  ) -> OrderImportResult:
    """Write `parsed` into the shop as orders of `channel` (an id, a name, None: the default).

    Everything is checked again inside the transaction. With problems, nothing is written and
    ValidationError lists them, unless `only_valid`: then the orders without problems are
    written and the others skipped. ImportCancelledError (from `progress`) writes nothing.
    The shop is backed up first when more than a few hundred rows would be written. The
    columns the user corrected (`parsed.corrected`) are remembered for the channel.
    """
    refuse_to_write_into_damage(uow, ORDER_IMPORT_TABLES)
    with uow:
        session = uow.session
        plan = plan_orders(session, parsed, channel)
        preview = to_preview(parsed, plan)
        if plan.channel is None or parsed.file_error or (preview.errors and not only_valid):
            raise ValidationError(list(preview.errors))
        writer = _Writer(session, plan, parsed, progress)
        # Backed up once checked and before writing (the shop is only read so far): a file
        # imported again, which changes nothing, takes no backup of a large shop.
        back_up_before_bulk(uow, writer.total)
        writer.write()
        if parsed.corrected:  # the user's corrections hold for this channel's next file
            store_order_columns(session, plan.channel.id, dict(parsed.corrected))
        uow.commit()
    ids = tuple(p.order_id for p in plan.orders
                if p.order_id is not None and (p.changed or p.status_before is None))
    # Orders always move stock terms: issued and returned units, and what open orders commit.
    return OrderImportResult(preview, plan.counts, plan.orders_with_errors, Changed.of(
        ChangeArea.ORDERS, ChangeArea.STOCK,
        message=_message(plan.counts, plan.orders_with_errors), ids=ids))


def _message(counts: OrderImportCounts, skipped: int) -> str:
    text = (f"Imported: {counts.orders_new} new order(s) with {counts.lines_new} line(s), "
            f"{counts.orders_updated} updated, {counts.orders_unchanged} unchanged")
    if counts.units_issued or counts.units_returned:
        text += (f"; stock: {counts.units_issued} unit(s) shipped, {counts.units_returned} "
                 "returned")
    if skipped:
        text += f"; {skipped} order(s) with problems skipped"
    return text


def _when(value: datetime | None) -> str | None:
    """The text SQLAlchemy's DateTime stores on SQLite (naive UTC, with microseconds)."""
    if value is None:
        return None
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.isoformat(" ", "microseconds")[:26]  # without "+00:00"


class _Writer:
    def __init__(self, session: Session, plan: Plan, parsed: ParsedOrderFile,
                 progress: Progress | None) -> None:
        self.session = session
        self.parsed = parsed
        self.conn: Connection = session.connection()
        self.plan = plan
        self.progress = progress
        self.new = [p for p in plan.orders if p.order_id is None]
        self.updated = [p for p in plan.orders if p.changed]
        self.moving = [p for p in plan.orders if p.moves_stock]
        self.total = (len(self.new) + plan.counts.lines_new + len(self.updated)
                      + sum(len(p.stock_lines) for p in self.moving))
        self.done = 0
        self.customers_created = 0
        self.now = datetime.now(UTC)

    def report(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None and self.progress(min(self.done, self.total),
                                                       self.total) is False:
            raise ImportCancelledError(_("Import cancelled: nothing was written"))

    def many(self, sql: str, rows: list[tuple]) -> None:
        for batch in chunked(rows, BATCH):
            self.conn.exec_driver_sql(sql, batch)
            self.report(len(batch))

    def write(self) -> None:
        next_id = self.conn.exec_driver_sql(
            "SELECT coalesce(max(id), 0) + 1 FROM orders").scalar_one()
        for offset, plan in enumerate(self.new):
            plan.order_id = next_id + offset
        with order_search_suspended(self.session, next_id):  # new orders indexed at once
            self.many(INSERT_ORDER, [self._order_row(p) for p in self.new])
        with order_totals_suspended(self.session, next_id):  # lines of new orders only
            self.many(INSERT_LINE, [row for p in self.new for row in _line_rows(p)])
        if self.new:  # their buyers: found by handle, or new customers
            self.customers_created = link_order_customers(self.session, next_id,
                                                          source="import_orders")
        self.many(UPDATE_ORDER, [self._update_row(p) for p in self.updated])
        self.many(INSERT_REFUND, self._refund_rows())
        movements = [m for p in self.moving for m in self._movements(p)]
        post_movements(self.session, movements)
        self.report(len(movements))
        record_bulk(self.session, "import_orders", self._summary())

    def _order_row(self, plan: OrderPlan) -> tuple:
        order, channel = plan.parsed, self.plan.channel
        assert channel is not None and order.ordered_at is not None
        now = _when(self.now)
        return (plan.order_id, channel.id, order.number, _when(order.ordered_at),
                _when(order.paid_at), _when(order.shipped_at), order.status.value,
                order.customer_name[:TEXT_LIMIT],
                handle_key(order.customer_key, order.customer_name),
                order.currency or channel.currency, cents(order.shipping),
                cents(order.refunded), int(plan.issued_after), self.parsed.format,
                now, now, cents(order.tax), int(order.tax_included), order.carrier,
                order.tracking_number, _when(order.delivered_at), order.coupon_codes)

    def _update_row(self, plan: OrderPlan) -> tuple:
        order = plan.parsed
        return (order.status.value, _when(order.paid_at), _when(order.shipped_at)
                if plan.issued_after else None, cents(order.refunded),
                int(plan.issued_after), _when(self.now), order.carrier, order.tracking_number,
                _when(order.delivered_at), order.coupon_codes, plan.order_id)

    def _refund_rows(self) -> list[tuple]:
        """A refund row for each new refunded order and each change of a refunded amount."""
        at, name = _when(self.now), Path(self.parsed.path).name[:64]
        return [(p.order_id, cents(p.parsed.refunded - p.refunded_before), at, name)
                for p in (*self.new, *self.updated)
                if p.parsed.refunded != p.refunded_before]

    def _movements(self, plan: OrderPlan) -> list[Movement]:
        order = plan.parsed
        assert plan.order_id is not None
        at = (order.shipped_at or self.now) if plan.issued_after else self.now
        return movements_for(plan.order_id, order.number, plan.stock_lines, plan.issued_before,
                             plan.issued_after, at, order.status)

    def _summary(self) -> dict[str, Any]:
        """The audit row: the file, the counts, new order ids and every status change."""
        created = [p.order_id for p in self.new]
        channel = self.plan.channel
        return {
            "file": Path(self.parsed.path).name, "format": self.parsed.format,
            "channel": channel.name if channel else None, "counts": self.plan.counts.__dict__,
            "skipped_orders": self.plan.orders_with_errors,
            "customers_created": self.customers_created,
            "created_order_ids": [created[0], created[-1]] if created else [],
            "status_changes": {str(p.order_id): [p.status_before and p.status_before.value,
                                                 p.parsed.status.value]
                               for p in self.updated},
        }


def _line_rows(plan: OrderPlan) -> list[tuple]:
    rows = []
    for position, (line, (variant_id, cost)) in enumerate(zip(plan.parsed.lines, plan.variants,
                                                              strict=True)):
        rows.append((plan.order_id, position, variant_id, line.quantity,
                     cents(line.unit_price), cents(line.discount),
                     cents(line_total(line.quantity, line.unit_price, line.discount)),
                     cents(cost)))
    return rows
