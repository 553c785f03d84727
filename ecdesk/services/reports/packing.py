"""A picking and packing list for chosen orders, as a PDF to print before packing parcels.

The picking list first: every SKU of the orders with the units to take off the shelf, in SKU
order (one walk along the shelves), the total checked by the database. Then one packing slip
per order on a page of its own: the order number, channel, date, customer, carrier and
tracking number where known, and its lines to put in the parcel. Built from the report model
and drawn by the same PDF code as the reports (embedded Chinese font, page n of N, the same
bytes for the same orders and stated time).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem, ValidationError
from ecdesk.i18n import _
from ecdesk.models.base import utc_now
from ecdesk.services.changes import Changed
from ecdesk.services.common.period import Period
from ecdesk.services.common.shop_time import shop_stamp
from ecdesk.services.reports.model import TEXT, UNITS, Column, Paragraph, Report, Section, Table
from ecdesk.services.reports.pdf import render_pdf
from ecdesk.services.reports.sql import frame, one
from ecdesk.services.settings import read_settings

_IDS = "SELECT value FROM json_each(:ids)"
PICKING_SQL = f"""
    SELECT v.sku AS sku, p.title || CASE WHEN v.option1 || v.option2 || v.option3 = '' THEN ''
               ELSE ' (' || trim(v.option1 || ' ' || v.option2 || ' ' || v.option3) || ')'
           END AS item,
           SUM(l.quantity) AS units, COUNT(DISTINCT l.order_id) AS orders
    FROM order_lines l JOIN variants v ON v.id = l.variant_id
    JOIN products p ON p.id = v.product_id
    WHERE l.order_id IN ({_IDS}) GROUP BY v.id ORDER BY v.sku"""
TOTAL_SQL = (f"SELECT COALESCE(SUM(quantity), 0) AS units FROM order_lines "
             f"WHERE order_id IN ({_IDS})")
ORDERS_SQL = f"""
    SELECT o.id, o.number, c.name AS channel, o.ordered_at, o.customer_name, o.carrier,
           o.tracking_number, o.note
    FROM orders o JOIN channels c ON c.id = o.channel_id
    WHERE o.id IN ({_IDS}) ORDER BY o.ordered_at, o.id"""
LINES_SQL = f"""
    SELECT l.order_id, v.sku AS sku, p.title AS item,
           trim(v.option1 || ' ' || v.option2 || ' ' || v.option3) AS options,
           l.quantity AS units
    FROM order_lines l JOIN variants v ON v.id = l.variant_id
    JOIN products p ON p.id = v.product_id
    WHERE l.order_id IN ({_IDS}) ORDER BY l.order_id, l.position"""


@dataclass(frozen=True)
class PackingListResult:
    path: Path
    orders: int
    pages: int

    @property
    def changed(self) -> Changed:
        """Nothing in the shop: only what the status line says."""
        return Changed.of(message=_("Packing list of {orders} order(s) written to {path}")
                          .format(orders=self.orders, path=self.path))


def write_packing_list(uow: UnitOfWork, order_ids: list[int], path: Path | str, *,
                       generated_at: datetime | None = None) -> PackingListResult:
    """The picking list and a packing slip per order of `order_ids`, as a PDF at `path`."""
    path = Path(path)
    if not order_ids:
        raise ValidationError([Problem(_("Orders"), _("choose the orders to pack first"))])
    if path.suffix.lower() != ".pdf":
        raise ValidationError([Problem(_("File"), _("'{name}' must end in .pdf").format(
            name=path.name))])
    with uow:
        report = _packing_report(uow.session, sorted(set(order_ids)), generated_at or utc_now())
    pages = render_pdf(report, path)
    return PackingListResult(path, len(report.sections) - 1, pages)


def _packing_report(session: Session, ids: list[int], generated_at: datetime) -> Report:
    import pandas as pd

    params = {"ids": json.dumps(ids)}
    settings = read_settings(session)
    zone = ZoneInfo(settings.timezone)
    orders = session.execute(text(ORDERS_SQL), params).all()
    if not orders:
        raise ValidationError([Problem(_("Orders"), _("the chosen orders no longer exist"))])
    lines = frame(session, LINES_SQL, params)
    picking = Table("picking", _("Picking list"), (
        Column("sku", _("SKU"), TEXT, 1.4), Column("item", _("Item"), TEXT, 3.2),
        Column("orders", _("Orders"), UNITS, 0.8), Column("units", _("Units"), UNITS, 0.8)),
        frame(session, PICKING_SQL, params),
        total={"units": one(session, TOTAL_SQL, params)["units"]},
        note=_("Every SKU of the {orders} order(s), in SKU order").format(orders=len(orders)))
    sections = [Section(_("Picking list"), (picking,))]
    for order in orders:
        slip = lines[lines["order_id"] == order.id][["sku", "item", "options", "units"]]
        facts = [_("Channel: {channel}").format(channel=order.channel),
                 _("Ordered: {when}").format(when=shop_stamp(_aware(order.ordered_at), zone)),
                 _("Customer: {name}").format(name=order.customer_name or "—")]
        if order.carrier or order.tracking_number:
            facts.append(_("Ships with: {carrier} {number}").format(
                carrier=order.carrier, number=order.tracking_number).strip())
        if order.note:
            facts.append(_("Note: {note}").format(note=order.note))
        table = Table(f"order-{order.id}", _("Put in the parcel"), (
            Column("sku", _("SKU"), TEXT, 1.4), Column("item", _("Item"), TEXT, 2.6),
            Column("options", _("Options"), TEXT, 1.4), Column("units", _("Units"), UNITS, 0.8)),
            pd.DataFrame(slip).reset_index(drop=True))
        sections.append(Section(_("Order {number}").format(number=order.number),
                                (*(Paragraph(fact) for fact in facts), table), new_page=True))
    days = [_aware(order.ordered_at).astimezone(zone).date() for order in orders]
    return Report("packing-list", _("Picking and packing list"), settings.shop_name,
                  settings.currency, settings.timezone, Period(min(days), max(days)),
                  _("{orders} order(s)").format(orders=len(orders)), generated_at,
                  tuple(sections))


def _aware(value: datetime | str) -> datetime:
    from datetime import UTC

    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
