"""`customers`: the shop's customers with their RFM segment, headless — a table or JSON;
`--segment NAME` lists one segment (high_value, potential, new, at_risk, lost, regular), as a
campaign list would."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ecdesk.i18n import N_, _
from ecdesk.services.customers.segments import SEGMENTS

if TYPE_CHECKING:
    from ecdesk.services.customers.dto import CustomerRow, SegmentSummary

EXIT_OK = 0
NAME_WIDTH = 24
HEADER = (N_("id"), N_("customer"), N_("channels"), N_("segment"), N_("orders"), N_("spent"),
          N_("last order"), N_("R F M"))


def add_customers_arguments(customers: argparse.ArgumentParser) -> None:
    customers.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                           help=_("shop file (default: your shop)"))
    customers.add_argument("--segment", choices=SEGMENTS, default="",
                           help=_("only the customers of this RFM segment"))
    customers.add_argument("--search", default="", help=_("words in name, buyer id, e-mail..."))
    customers.add_argument("--limit", type=int, default=100,
                           help=_("rows to print, biggest spenders first (0: all; default 100)"))
    customers.add_argument("--json", action="store_true",
                           help=_("print JSON (amounts as strings, times in UTC)"))
    customers.set_defaults(handler=_customers)


def _customers(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.services.customers.dto import CustomerQuery
    from ecdesk.services.customers.queries import customer_page, segment_summary
    from ecdesk.services.customers.rfm_store import refresh_if_stale, stored_as_of
    from ecdesk.services.settings import get_settings

    db = open_for_reading(existing_shop(args))  # a read-only shop can be looked at
    try:
        settings = get_settings(db.uow("cli"))
        query = CustomerQuery(text=args.search, segment=args.segment)
        if not db.read_only:
            refresh_if_stale(db.uow("cli"))
        else:  # nothing can be stored in a read-only shop: list what was stored, and say when
            with db.uow("cli") as uow:
                as_of = stored_as_of(uow.session)
            print(_("The shop is read-only: segments as of {when}.").format(
                when=as_of.isoformat(timespec="minutes") if as_of else _("never")),
                file=sys.stderr)
        with db.uow("cli") as uow:
            page = customer_page(uow.session, query, limit=args.limit or None)
        summary = segment_summary(db.uow("cli"))
    finally:
        db.close()
    text = (json.dumps(_json(page.rows, summary, settings.shop_name), ensure_ascii=False,
                       indent=1)
            if args.json else _table(page.rows, page.total or 0, summary, settings))
    try:
        print(text)
    except BrokenPipeError:  # piped into `head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
    return EXIT_OK


def _table(rows: list[CustomerRow], total: int, summary: SegmentSummary,
           settings: object) -> str:
    from ecdesk.cli.columns import columns
    from ecdesk.services.customers.segments import segment_label

    shop = getattr(settings, "shop_name", "") or _("your shop")
    counts = ", ".join(f"{segment_label(k)} {v:,}" for k, v in summary.counts.items())
    lines = [_("Customers of {shop}: {count} ({segments})").format(
        shop=shop, count=f"{summary.customers:,}", segments=counts)]
    if len(rows) < total:
        lines.append(_("(the first {shown} of {total}; --limit 0 prints every row)").format(
            shown=f"{len(rows):,}", total=f"{total:,}"))
    if not rows:
        lines.append(_("No customers match."))
        return "\n".join(lines)
    currency = getattr(settings, "currency", "")
    cells = [_cells(row, currency) for row in rows]
    lines += columns([[_(h) for h in HEADER], *cells], right=range(4, 6))
    return "\n".join(lines)


def _cells(row: CustomerRow, currency: str) -> list[str]:
    from ecdesk.cli.columns import shorten
    from ecdesk.money import format_amount, from_minor_units
    from ecdesk.services.customers.segments import segment_label

    last = row.last_order_at.date().isoformat() if row.last_order_at else "—"
    rfm = f"{row.r} {row.f} {row.m}" if row.r is not None else "—"
    return [str(row.id), shorten(row.name or "—", NAME_WIDTH), shorten(row.channels, 28),
            segment_label(row.segment) or "—", f"{row.orders:,}",
            format_amount(from_minor_units(row.spent), currency), last, rfm]


def _json(rows: list[CustomerRow], summary: SegmentSummary, shop: str) -> dict[str, object]:
    from ecdesk.money import from_minor_units

    return {"shop": shop, "customers": summary.customers, "segments": summary.counts,
            "repeat_customers_last_365_days": [summary.repeat_customers,
                                               summary.buyers_last_year],
            "rows": [{"id": r.id, "name": r.name, "channels": r.channels, "email": r.email,
                      "phone": r.phone, "tags": r.tags, "segment": r.segment,
                      "orders": r.orders, "spent": str(from_minor_units(r.spent)),
                      "last_order_at": r.last_order_at.isoformat() if r.last_order_at else None,
                      "recency_days": r.recency_days, "r": r.r, "f": r.f, "m": r.m}
                     for r in rows]}
