"""`order edit NUMBER`: change an order that has not shipped yet, headless.

Lines are set one SKU at a time (`--line SKU=QTY` or `SKU=QTY@PRICE`: a SKU not on the order is
added, at the channel's price unless one is given) or removed (`--remove SKU`); the customer,
number, shipping, fees and note are replaced when given. The service checks the whole edit and
writes all or nothing: exit 3 with every problem when it refuses (a shipped order, a SKU not in
the catalog…), 2 when the order cannot be found or an option cannot be read.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from ecdesk.i18n import _

EXIT_OK, EXIT_USAGE = 0, 2


def add_order_arguments(order: argparse.ArgumentParser) -> None:
    commands = order.add_subparsers(dest="order_command", required=True)
    edit = commands.add_parser("edit", help=_("change an order that has not shipped yet"))
    edit.add_argument("number", help=_("the order's number"))
    edit.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                      help=_("shop file (default: your shop)"))
    edit.add_argument("--channel", help=_("the order's channel, when several have this number"))
    edit.add_argument("--line", action="append", type=_line, default=[], metavar="SKU=QTY[@PRICE]",
                      help=_("set a line's quantity (and unit price); a SKU not on the order is "
                             "added, at the channel's price unless one is given"))
    edit.add_argument("--remove", action="append", default=[], metavar="SKU",
                      help=_("remove the line of this SKU"))
    edit.add_argument("--customer", help=_("the customer's name"))
    edit.add_argument("--customer-id", help=_("the customer's e-mail or buyer nickname"))
    edit.add_argument("--new-number", help=_("a corrected order number"))
    edit.add_argument("--shipping", help=_("the shipping charged"))
    edit.add_argument("--fees", help=_("the platform fees"))
    edit.add_argument("--note", help=_("the note (only for you)"))
    edit.add_argument("--address", help=_("the shipping address"))
    edit.set_defaults(handler=_edit)


def _line(text: str) -> tuple[str, int, str | None]:
    sku, equals, rest = text.partition("=")
    quantity, at, price = rest.partition("@")
    if not equals or not sku.strip() or not quantity.strip().isdigit() or (at and not price):
        raise argparse.ArgumentTypeError(
            _("'{text}' is not SKU=QTY or SKU=QTY@PRICE").format(text=text))
    return sku.strip(), int(quantity), price.strip() if at else None


def _edit(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop, writing_to
    from ecdesk.db import open_database

    shop = existing_shop(args)
    with writing_to(shop, "order edit"):
        db = open_database(shop)
        try:
            return _edit_in(db, args)
        finally:
            db.close()


def _edit_in(db: Any, args: argparse.Namespace) -> int:
    from ecdesk.services.orders.edit import edit_order, order_draft
    from ecdesk.services.orders.form_queries import find_orders

    found = find_orders(db.uow("cli"), args.number, args.channel)
    if len(found) != 1:
        where = _(" on {channel}").format(channel=args.channel) if args.channel else ""
        message = (_("there is no order {number}{where}") if not found else
                   _("several channels have an order {number}: {channels}; use --channel NAME"))
        print(_("ecdesk: {error}").format(error=message.format(
            number=args.number, where=where, channels=", ".join(c for _i, c in found))),
            file=sys.stderr)
        return EXIT_USAGE
    order_id = found[0][0]
    draft = _changed(db, order_draft(db.uow("cli"), order_id), args)
    changed = edit_order(db.uow("cli"), order_id, draft)
    print(changed.message)
    for line in draft.lines:
        print(f"  {line.sku} x{line.quantity} @ {line.unit_price}")
    return EXIT_OK


def _changed(db: Any, draft: Any, args: argparse.Namespace) -> Any:
    """The stored order's draft with the options given applied (the service checks it)."""
    from ecdesk.errors import Problem, ValidationError
    from ecdesk.services.orders.dto import OrderLineDraft
    from ecdesk.services.orders.form_queries import sku_choice

    missing = [sku for sku in args.remove if sku not in {line.sku for line in draft.lines}]
    if missing:
        raise ValidationError([Problem("--remove", _("{sku} is not on order {number}").format(
            sku=sku, number=draft.number)) for sku in missing])
    lines = [line for line in draft.lines if line.sku not in set(args.remove)]
    for sku, quantity, price in args.line:
        at = next((i for i, line in enumerate(lines) if line.sku == sku), None)
        if at is not None:
            lines[at] = dataclasses.replace(lines[at], quantity=quantity,
                                            unit_price=price or lines[at].unit_price)
            continue
        choice = sku_choice(db.uow("cli"), sku, draft.channel_id) if price is None else None
        lines.append(OrderLineDraft(sku, quantity, price or (choice.price_for(quantity)
                                                             if choice else "")))
    given = {"customer_name": args.customer, "customer_key": args.customer_id,
             "number": args.new_number, "shipping": args.shipping,
             "platform_fees": args.fees, "note": args.note, "ship_to": args.address}
    return dataclasses.replace(draft, lines=tuple(lines),
                               **{k: v for k, v in given.items() if v is not None})
