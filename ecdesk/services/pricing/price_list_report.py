"""The price list (价目表) for staff and accountants: every SKU's price on each channel (or on
one), with its cost, the channel's fees on one unit and the margin after them, as they stand
when the report is made. The fees and margins are the pricing module's (margin.py), the same as
the order form's and the Listings page's; a price list has no totals to add up."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ecdesk.i18n import N_, _
from ecdesk.money import from_minor_units
from ecdesk.services.pricing.fees_reader import read_channel_fees
from ecdesk.services.pricing.margin import NO_FEES, ChannelFees, channel_fees, margin_after_fees
from ecdesk.services.pricing.price import effective_price_text
from ecdesk.services.reports.model import (
    MONEY,
    RATE,
    TEXT,
    Column,
    Paragraph,
    Report,
    Section,
    Table,
)
from ecdesk.services.reports.scope import ReportScope, Step, no_steps

TITLE = N_("Price list")
_LISTED = f"""
    SELECT v.sku, p.title, v.unit_cost, {effective_price_text("l.channel_price", "v.price")},
           l.channel_price IS NULL
    FROM listings l JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
    WHERE l.channel_id = ? AND v.archived = 0 AND p.status != 'archived' AND l.status != 'unlisted'
    ORDER BY v.sku"""
_LIST_PRICES = """
    SELECT v.sku, p.title, v.unit_cost, v.price, 0 FROM variants v
    JOIN products p ON p.id = v.product_id
    WHERE v.archived = 0 AND p.status != 'archived' ORDER BY v.sku"""


def _columns() -> tuple[Column, ...]:
    return (Column("sku", _("SKU"), TEXT, 1.3), Column("title", _("Product"), TEXT, 2.6),
            Column("cost", _("Cost"), MONEY), Column("price", _("Price"), MONEY),
            Column("fees", _("Fees"), MONEY), Column("margin", _("Margin after fees"), RATE),
            Column("note", _("Note"), TEXT, 1.2))


def _table(key: str, title: str, rows: list[tuple], fees: ChannelFees) -> Table:
    records = []
    for sku, product, cost_cents, price_cents, follows in rows:
        price, cost = from_minor_units(price_cents), from_minor_units(cost_cents)
        fee = channel_fees(fees, price)  # type: ignore[arg-type]
        records.append({"sku": sku, "title": product, "cost": cost_cents, "price": price_cents,
                        "fees": int(fee * 100),
                        "margin": margin_after_fees(price, cost, fees) if cost else None,
                        "note": _("list price") if follows else ""})
    import pandas as pd

    frame = pd.DataFrame(records, columns=["sku", "title", "cost", "price", "fees", "margin",
                                           "note"])
    return Table(key, title, _columns(), frame,
                 note=_("{count} SKUs").format(count=len(records)))


def build_price_list_report(session: Session, scope: ReportScope,
                            step: Step = no_steps) -> Report:
    conn = session.connection()
    fees = read_channel_fees(lambda sql, params: conn.exec_driver_sql(sql, params))
    channels = conn.exec_driver_sql(
        "SELECT id, name FROM channels WHERE archived = 0 AND (? IS NULL OR id = ?) "
        "ORDER BY position, id", (scope.channel_id, scope.channel_id)).fetchall()
    sections = []
    if scope.channel_id is None:
        rows = conn.exec_driver_sql(_LIST_PRICES).fetchall()
        sections.append(Section(_("List prices"), (_table("list-prices", _("List prices"), rows,
                                                          NO_FEES),)))
        step()
    for channel_id, name in channels:
        rows = conn.exec_driver_sql(_LISTED, (channel_id,)).fetchall()
        sections.append(Section(name, (_table(f"channel-{channel_id}", name, rows,
                                              fees[channel_id]),), new_page=True))
        step()
    sections.append(Section(_("How these figures are made"), (Paragraph(_(
        "Prices as they stand when the report is made (the period only dates the report). A "
        "channel's price is its own, or the list price when it has none (noted). Fees are the "
        "channel's commission and payment fee on one unit, each rounded half up to the cent, "
        "plus its fixed fees per order and per unit; the margin after fees is (price - cost - "
        "fees) / price, as the order form and the Listings page compute it."), small=True),)))
    return Report("price-list", _(TITLE), scope.shop_name, scope.currency, scope.timezone,
                  scope.period, scope.scope_label, scope.generated_at, tuple(sections))
