"""`inventory`: the Inventory page's table headless, or one SKU's stock movements (--sku).

Exits 0 with the table; 1 (one readable line) when the shop or the SKU is not there.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ecdesk.i18n import N_, _, format_integer
from ecdesk.services.stock.inventory_dto import SORT_KEYS, STOCK_ALL, STOCK_FILTERS

if TYPE_CHECKING:
    from ecdesk.db import Database
    from ecdesk.services.stock.inventory_dto import InventoryRow, MovementRow

EXIT_OK = 0
PAGE = 1000
TITLE_WIDTH = 30
HEADER = [N_("SKU"), N_("product"), N_("on hand"), N_("committed"), N_("available"),
          N_("on order"), N_("projected"), N_("sold/day"), N_("cover days"), N_("reorder pt"),
          N_("value")]
HISTORY_HEADER = [N_("date"), N_("movement"), N_("quantity"), N_("on hand"), N_("reason"),
                  N_("reference")]


def add_inventory_arguments(inventory: argparse.ArgumentParser) -> None:
    inventory.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                           help=_("shop file (default: your shop)"))
    inventory.add_argument("--search", default="", help=_("words in SKU, title, barcode, options"))
    inventory.add_argument("--stock", choices=STOCK_FILTERS, default=STOCK_ALL,
                           help=_("which SKUs by their stock (default: all)"))
    inventory.add_argument("--sort", choices=SORT_KEYS, default="title", help=_("sort key"))
    inventory.add_argument("--desc", action="store_true", help=_("sort descending"))
    inventory.add_argument("--limit", type=int, default=50,
                           help=_("rows to print (default 50; 0 prints every row)"))
    inventory.add_argument("--sku", help=_("print this SKU's (or barcode's) stock movements"))
    inventory.add_argument("--json", action="store_true",
                           help=_("print JSON (amounts and rates as strings)"))
    inventory.set_defaults(handler=_inventory)


def _inventory(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop
    from ecdesk.db import open_for_reading
    from ecdesk.errors import EcdeskError

    if args.limit < 0:
        raise EcdeskError(_("--limit must be 0 (every row) or more"))
    db = open_for_reading(existing_shop(args))  # a read-only shop can be looked at
    try:
        text = _history(db, args) if args.sku else _table(db, args)
    finally:
        db.close()
    try:
        print(text)
    except BrokenPipeError:  # piped into `head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
    return EXIT_OK


def _rows(db: Database, args: argparse.Namespace) -> list[InventoryRow]:
    from ecdesk.services.stock.inventory_dto import InventoryQuery
    from ecdesk.services.stock.queries import list_inventory

    query = InventoryQuery(search=args.search, stock=args.stock, sort=args.sort,
                           descending=args.desc)
    rows: list[InventoryRow] = []
    while True:
        wanted = PAGE if args.limit == 0 else min(PAGE, args.limit - len(rows))
        page = list_inventory(db.uow("cli"), query, offset=len(rows), limit=wanted, count=False)
        rows.extend(page.rows)
        if not page.has_more or (args.limit and len(rows) >= args.limit):
            return rows


def _table(db: Database, args: argparse.Namespace) -> str:
    from ecdesk.cli.columns import columns
    from ecdesk.money import format_amount
    from ecdesk.services.settings import get_settings
    from ecdesk.services.stock.inventory_dto import InventoryQuery
    from ecdesk.services.stock.queries import summarize_inventory

    settings = get_settings(db.uow("cli"))
    summary = summarize_inventory(db.uow("cli"), InventoryQuery(
        search=args.search, stock=args.stock))
    rows = _rows(db, args)
    if args.json:
        return json.dumps({"shop": settings.shop_name, "skus": summary.skus,
                           "units": summary.units, "value": str(summary.value),
                           "rows": [_row_json(row) for row in rows]},
                          ensure_ascii=False, indent=1)
    lines = [_("Inventory of {shop}: {skus} SKUs, {units} units on hand, value {value}").format(
        shop=settings.shop_name or _("your shop"), skus=format_integer(summary.skus),
        units=format_integer(summary.units),
        value=format_amount(summary.value, settings.currency))]
    if len(rows) < summary.skus:
        lines.append(_("(the first {count}; --limit 0 prints every row)").format(
            count=format_integer(len(rows))))
    header = [_(name) for name in HEADER]
    lines += columns([header, *(_cells(row) for row in rows)], right=range(2, len(HEADER)))
    if any(not row.figures.reorder_point_manual for row in rows):
        lines.append(_("* reorder point suggested from sales (the others are set by hand)"))
    return "\n".join(lines)


def _cells(row: InventoryRow) -> list[str]:
    from ecdesk.cli.columns import shorten
    from ecdesk.money import format_amount

    f = row.figures
    cover = "-" if f.days_of_cover is None else f"{f.days_of_cover:,}"
    point = f"{f.reorder_point:,}" + ("" if f.reorder_point_manual else "*")
    return [row.sku, shorten(row.title, TITLE_WIDTH), f"{f.on_hand:,}", f"{f.committed:,}",
            f"{f.available:,}", f"{f.on_order:,}", f"{f.projected:,}", f"{f.velocity:,.2f}",
            cover, point,
            format_amount(row.stock_value)]


def _row_json(row: InventoryRow) -> dict[str, object]:
    f = row.figures
    return {"sku": row.sku, "title": row.title, "options": row.options, "on_hand": f.on_hand,
            "committed": f.committed, "available": f.available, "on_order": f.on_order,
            "projected": f.projected,
            "units_sold": f.units_sold, "window_days": f.window_days,
            "velocity": str(f.velocity),
            "days_of_cover": None if f.days_of_cover is None else str(f.days_of_cover),
            "reorder_point": f.reorder_point, "reorder_point_manual": f.reorder_point_manual,
            "unit_cost": str(row.unit_cost), "stock_value": str(row.stock_value)}


def _history(db: Database, args: argparse.Namespace) -> str:
    from ecdesk.cli.columns import columns
    from ecdesk.errors import EcdeskError
    from ecdesk.services.stock.queries import find_count_line, movement_history

    line = find_count_line(db.uow("cli"), args.sku)
    if line is None:
        raise EcdeskError(_("No SKU or barcode '{sku}' in the shop.").format(sku=args.sku))
    page = movement_history(db.uow("cli"), line.variant_id, limit=args.limit or 1_000_000)
    if args.json:
        return json.dumps({"sku": line.sku, "title": line.title, "on_hand": line.expected,
                           "movements": [_movement_json(m) for m in page.rows]},
                          ensure_ascii=False, indent=1)
    lines = [f"{line.sku} · {line.title}" + (f" · {line.options}" if line.options else "")
             + _(": {on_hand} on hand, {count} movements, newest first").format(
                 on_hand=format_integer(line.expected), count=format_integer(page.total or 0))]
    if not page.rows:
        return "\n".join([*lines, _("No stock movements yet.")])
    cells = [[m.at.strftime("%Y-%m-%d %H:%M"), m.kind.replace("_", " "), f"{m.quantity:+,}",
              f"{m.balance:,}", m.reason, m.reference] for m in page.rows]
    header = [_(name) for name in HISTORY_HEADER]
    return "\n".join(lines + columns([header, *cells], right=range(2, 4)))


def _movement_json(movement: MovementRow) -> dict[str, object]:
    return {"at": movement.at.isoformat(), "kind": movement.kind, "quantity": movement.quantity,
            "balance": movement.balance, "reason": movement.reason,
            "reference": movement.reference}
