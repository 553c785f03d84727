"""The orders the Orders table shows, with their lines, as CSV or XLSX for the accountant and
other tools: one row per order line, the order's own fields repeated on each of its rows (what
spreadsheets and accounting imports expect; Shopify's order export has the same shape).

Amounts are numbers in the order's currency (a Decimal written exactly, never a float); times
are the shop's clock. Text a spreadsheet would run as a formula gets a leading apostrophe. The
file is written under a temporary name and renamed, so a failed or cancelled export leaves no
half file.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ecdesk.db import UnitOfWork
from ecdesk.errors import EcdeskError
from ecdesk.i18n import N_, _
from ecdesk.models import Channel, Order, OrderLine, Product, Variant
from ecdesk.services.changes import Changed
from ecdesk.services.common.progress import Progress
from ecdesk.services.common.shop_time import shop_stamp, shop_zone
from ecdesk.services.orders.filters import OrderQuery
from ecdesk.services.orders.queries import filter_orders
from ecdesk.services.orders.search import search_condition
from ecdesk.services.tabular_io.table import ImportCancelledError
from ecdesk.services.tabular_io.values import neutralize

HEADER = (N_("Channel"), N_("Order number"), N_("Date"), N_("Status"), N_("Customer"),
          N_("Currency"), N_("SKU"), N_("Item"), N_("Quantity"), N_("Unit price"),
          N_("Line discount"), N_("Line total"), N_("Shipping"), N_("Tax"),
          N_("Tax included in prices"), N_("Platform fees"), N_("Refunded"),
          N_("Order total"))
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class OrderExportResult:
    path: str
    orders: int
    lines: int

    @property
    def changed(self) -> Changed:
        """Nothing in the shop: only what the status line says."""
        return Changed.of(message=_("Exported {orders} order(s) with {lines} line(s) to {path}")
                          .format(orders=self.orders, lines=self.lines, path=self.path))


def export_orders(uow: UnitOfWork, spec: OrderQuery, path: Path | str, *,
                  progress: Progress | None = None) -> OrderExportResult:
    """Write the orders `spec` selects (filtered and searched as the Orders table does) with
    their lines to `path` (.csv or .xlsx), newest first (oldest first for an ascending sort)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise EcdeskError(_("{name}: choose a file name ending in .csv or .xlsx").format(
            name=path.name))
    with uow:
        rows = _rows(uow.session, spec)
    header = [_(name) for name in HEADER]
    partial = path.with_name(path.name + ".partial")
    try:
        if suffix == ".csv":
            _write_csv(partial, header, rows, progress)
        else:
            _write_xlsx(partial, header, rows, progress)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return OrderExportResult(str(path), len({row[0] for row in rows}), len(rows))


def _rows(session: Any, spec: OrderQuery) -> list[list[Any]]:
    """[order id, *cells] per line of the orders `spec` selects."""
    zone = shop_zone(session)
    orders = filter_orders(select(Order.id), spec, zone, search_condition(session, spec.search))
    query = (select(Order, Channel.name, OrderLine, Variant.sku, Product.title)
             .join(Channel, Channel.id == Order.channel_id)
             .join(OrderLine, OrderLine.order_id == Order.id)
             .join(Variant, Variant.id == OrderLine.variant_id)
             .join(Product, Product.id == Variant.product_id)
             .where(Order.id.in_(orders))
             .order_by(*((Order.ordered_at.desc(), Order.id.desc()) if spec.descending
                         else (Order.ordered_at, Order.id)), OrderLine.position))
    rows = []
    for order, channel, line, sku, title in session.execute(query):
        total = order.goods_total + order.shipping
        rows.append([order.id, channel, order.number, shop_stamp(order.ordered_at, zone),
                     order.status.value, order.customer_name, order.currency, sku, title,
                     line.quantity, line.unit_price, line.discount, line.line_total,
                     order.shipping, order.tax, "yes" if order.tax_included else "no",
                     order.platform_fees, order.refunded, total])
    return rows


def _cells(row: list[Any]) -> Iterator[Any]:
    for value in row[1:]:
        yield value if isinstance(value, (Decimal, int)) else neutralize(str(value))


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and done % PROGRESS_EVERY == 0 and \
            progress(done, total) is False:
        raise ImportCancelledError(_("Export cancelled: no file was written"))


def _write_csv(path: Path, header: list[str], rows: list[list[Any]],
               progress: Progress | None) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, lineterminator="\r\n")
        writer.writerow(header)
        for done, row in enumerate(rows, start=1):
            writer.writerow(list(_cells(row)))
            _tick(progress, done, len(rows))


def _write_xlsx(path: Path, header: list[str], rows: list[list[Any]],
                progress: Progress | None) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Orders"))
    sheet.append(header)
    for done, row in enumerate(rows, start=1):
        sheet.append(list(_cells(row)))
        _tick(progress, done, len(rows))
    book.save(path)
