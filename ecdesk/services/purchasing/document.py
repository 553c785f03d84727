"""A purchase order as a document for the supplier: PDF (the shop's header, the supplier, the
lines, the totals and the terms) or XLSX, through the reports framework (embedded fonts that
cover Chinese, page n of N, totals checked to the cent, the same bytes for the same order)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ecdesk.db import UnitOfWork
from ecdesk.i18n import _, pgettext
from ecdesk.money import to_minor_units
from ecdesk.services.common.period import Period
from ecdesk.services.purchasing.queries import PurchaseOrderView, purchase_order_view
from ecdesk.services.reports.model import (
    MONEY,
    TEXT,
    UNITS,
    Column,
    Paragraph,
    Report,
    Section,
    Table,
)
from ecdesk.services.settings import get_settings


def purchase_order_report(view: PurchaseOrderView, shop_name: str, timezone: str) -> Report:
    """The order as a report; its period is the day it was made, its time that moment (so the
    same order always gives the same bytes)."""
    import pandas as pd

    row = view.row
    zone = ZoneInfo(timezone)
    day = row.created_at.astimezone(zone).date()
    lines = pd.DataFrame([{
        "position": str(index), "sku": line.sku, "product": line.title,
        "quantity": line.quantity, "unit_cost": to_minor_units(line.unit_cost),
        "line_total": to_minor_units(line.line_total)}
        for index, line in enumerate(view.lines, start=1)],
        columns=["position", "sku", "product", "quantity", "unit_cost", "line_total"])
    table = Table("lines", pgettext("purchase order", "Order lines"), (
        Column("position", "#", TEXT, 0.4), Column("sku", _("SKU"), TEXT, 1.6),
        Column("product", _("Product"), TEXT, 4.0), Column("quantity", _("Quantity"), UNITS, 1.0),
        Column("unit_cost", _("Unit cost"), MONEY, 1.2),
        Column("line_total", _("Line total"), MONEY, 1.4)), lines, {
        "quantity": int(lines["quantity"].sum()) if len(lines) else 0,
        "line_total": to_minor_units(view.goods_total)}, total_label=_("Goods"))
    totals = pd.DataFrame([
        {"line": _("Goods"), "amount": to_minor_units(view.goods_total)},
        {"line": _("Shipping"), "amount": to_minor_units(view.shipping_cost)},
        {"line": _("Other costs"), "amount": to_minor_units(view.other_costs)}])
    summary = Table("totals", _("Totals"), (Column("line", "", TEXT, 3.0),
                                            Column("amount", _("Amount"), MONEY, 1.5)),
                    totals, {"amount": to_minor_units(view.total)},
                    total_label=_("Total to pay"), width=0.45)
    facts = (
        (_("Supplier"), row.supplier_name), (_("Contact"), view.supplier_contact),
        (_("Address"), view.supplier_address.replace("\n", ", ")),
        (_("Order date"), day.isoformat()),
        (_("Expected delivery"), row.expected_on.isoformat() if row.expected_on else ""),
        (_("Payment terms"), view.payment_terms), (_("Currency"), row.currency))
    addressed = Section(_("Supplier and terms"), tuple(
        Paragraph(f"{name}: {value}") for name, value in facts if value))
    blocks: list[Paragraph | Table] = [table, summary]
    if view.notes:
        blocks.append(Paragraph(_("Notes: {notes}").format(notes=view.notes)))
    blocks.append(Paragraph(_("Please quote {number} on the delivery note and the invoice.")
                            .format(number=row.number), small=True))
    return Report("purchase-order", _("Purchase order {number}").format(number=row.number),
                  shop_name, row.currency, timezone, Period(day, day), row.supplier_name,
                  row.created_at,
                  (addressed, Section(pgettext("purchase order", "Order"), tuple(blocks))),
                  facts=tuple((name, value) for name, value in facts if value))


def write_purchase_order(uow: UnitOfWork, number: str, out: Path,
                         now: datetime | None = None) -> Path:
    """Write the order to `out` (.pdf or .xlsx)."""
    from ecdesk.services.reports.generate import write_report

    view = purchase_order_view(uow, number, now=now)
    settings = get_settings(uow)
    write_report(purchase_order_report(view, settings.shop_name, settings.timezone), out)
    return out
