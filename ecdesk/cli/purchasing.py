"""`suppliers` and `purchasing ...`: suppliers, reorder suggestions and purchase orders, headless.

    suppliers [--json] [--search TEXT]
    purchasing list [--status sent,partly_received] [--json]
    purchasing suggest [--create-drafts] [--rate USD=7.20 ...] [--json]
    purchasing send|close|cancel PO-2026-0001
    purchasing receive PO-2026-0001 [SKU=QTY | SKU=ACCEPTED/REJECTED ...]
    purchasing return PO-2026-0001 SKU=QTY [SKU=QTY ...] --reason TEXT
    purchasing print PO-2026-0001 --out FILE.pdf|FILE.xlsx

`receive` without SKU=QTY receives everything the order still expects. `return` sends received
goods of several lines back in one transaction, each credited on the order; one wrong line
(more than can go back, not a whole number above 0, a SKU not on the order) refuses it whole.
Exit codes as the other
commands: 0 done, 2 usage, 3 refused with the problems listed (nothing written), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecdesk.i18n import N_, _, pgettext

if TYPE_CHECKING:
    from ecdesk.services.purchasing.suggestions import Suggestions

EXIT_OK = 0
PO_HELP = N_("the purchase order's number, e.g. PO-2026-0001")


def add_suppliers_arguments(suppliers: argparse.ArgumentParser) -> None:
    suppliers.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                           help=_("shop file (default: your shop)"))
    suppliers.add_argument("--search", default="", help=_("only suppliers whose name or contact "
                           "contains this"))
    suppliers.add_argument("--json", action="store_true", help=_("print JSON"))
    suppliers.set_defaults(handler=_suppliers)


def add_purchasing_arguments(purchasing: argparse.ArgumentParser) -> None:
    commands = purchasing.add_subparsers(dest="purchasing_command", required=True,
                                         parser_class=type(purchasing))
    listing = _command(commands, "list", N_("purchase orders, newest first"))
    listing.add_argument("--status", default="", help=_("comma-separated: draft, sent, "
                         "partly_received, received, closed, cancelled; or 'late'"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(handler=_list)
    suggest = _command(commands, "suggest", N_("what to order now, grouped by preferred supplier"))
    suggest.add_argument("--create-drafts", action="store_true",
                         help=_("create the suggested orders as drafts (review them in the app "
                         "or with 'list', then send)"))
    suggest.add_argument("--rate", action="append", default=[], metavar="CUR=RATE",
                         help=_("exchange rate to the shop's currency for a supplier's currency "
                         "(default: its newest purchase order's)"))
    suggest.add_argument("--json", action="store_true", help=_("print JSON"))
    suggest.set_defaults(handler=_suggest)
    for name, text in (("send", N_("send a draft to the supplier (it counts as on order)")),
                       ("close", N_("close a received or partly received order (the rest is "
                        "cancelled)")),
                       ("cancel", N_("cancel a draft or a sent order nothing arrived for"))):
        action = _command(commands, name, text)
        action.add_argument("number", metavar="PO", help=_(PO_HELP))
        action.set_defaults(handler=_state_change)
    receive = _command(commands, "receive", N_("book a delivery against a purchase order"))
    receive.add_argument("number", metavar="PO", help=_(PO_HELP))
    receive.add_argument("quantities", nargs="*", metavar="SKU=QTY",
                         help=_("units accepted per SKU, or SKU=ACCEPTED/REJECTED (default: "
                         "everything still expected)"))
    receive.add_argument("--reference", default="", help=_("the delivery note's number"))
    receive.add_argument("--shipping", default="0", help=_("this delivery's own shipping cost, "
                         "shop currency"))
    receive.add_argument("--other", default="0", help=_("this delivery's other costs"))
    receive.set_defaults(handler=_receive)
    returned = _command(commands, "return", N_("send received goods back to the supplier, "
                        "several lines at once (credited on the order)"))
    returned.add_argument("number", metavar="PO", help=_(PO_HELP))
    returned.add_argument("quantities", nargs="+", metavar="SKU=QTY",
                          help=_("units to send back per SKU"))
    returned.add_argument("--reason", required=True, help=_("why they go back (e.g. damaged)"))
    returned.set_defaults(handler=_return)
    printed = _command(commands, "print", N_("write a purchase order as PDF (for the supplier) "
                       "or XLSX"))
    printed.add_argument("number", metavar="PO", help=_(PO_HELP))
    printed.add_argument("--out", type=Path, required=True, metavar="FILE",
                         help=_("the file to write: .pdf or .xlsx"))
    printed.set_defaults(handler=_print)


def _command(commands: Any, name: str, text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(name, help=_(text))
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))
    return parser


def _print_text(text: str) -> None:
    try:
        print(text)
    except BrokenPipeError:  # piped into `head`
        sys.stdout = open(__import__("os").devnull, "w")  # noqa: SIM115


def _suppliers(args: argparse.Namespace) -> int:
    from ecdesk.cli.columns import columns
    from ecdesk.cli.shop_access import open_to_read
    from ecdesk.services.purchasing.queries import list_suppliers

    db = open_to_read(args)
    try:
        rows = list_suppliers(db.uow("cli"), search=args.search, limit=100_000).rows
    finally:
        db.close()
    if args.json:
        _print_text(json.dumps([{
            "id": r.id, "name": r.name, "contact": r.contact_name, "currency": r.currency,
            "status": r.status.value, "lead_time_days": r.lead_time_days, "items": r.items,
            "open_orders": r.open_orders,
            "next_evaluation": r.next_evaluation.isoformat() if r.next_evaluation else None}
            for r in rows], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        _print_text(_("No suppliers yet."))
        return EXIT_OK
    table = [[_("Supplier"), _("Currency"), _("Status"), _("Lead time"), _("Items"),
              _("Open orders")]] + [
        [r.name, r.currency, r.status.value, "" if r.lead_time_days is None
         else str(r.lead_time_days), str(r.items), str(r.open_orders)] for r in rows]
    _print_text("\n".join(columns(table, range(3, 6))))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from ecdesk.cli.columns import columns
    from ecdesk.cli.shop_access import open_to_read
    from ecdesk.errors import Problem, ValidationError
    from ecdesk.models import PurchaseOrderStatus
    from ecdesk.services.purchasing.queries import OrderFilter, list_purchase_orders

    wanted = [part.strip() for part in args.status.split(",") if part.strip()]
    late = "late" in wanted
    statuses = tuple(s for s in wanted if s != "late")
    unknown = [s for s in statuses if s not in {v.value for v in PurchaseOrderStatus}]
    if unknown:
        raise ValidationError([Problem("--status", _("'{value}' is not a status").format(
            value=", ".join(unknown)))])
    db = open_to_read(args)
    try:
        rows = list_purchase_orders(db.uow("cli"), OrderFilter(statuses, late_only=late),
                                    limit=100_000).rows
    finally:
        db.close()
    if args.json:
        _print_text(json.dumps([{
            "number": r.number, "supplier": r.supplier_name, "status": r.status.value,
            "currency": r.currency, "created_at": r.created_at.isoformat(),
            "expected_on": r.expected_on.isoformat() if r.expected_on else None,
            "lines": r.lines, "units": r.units, "received": r.received,
            "goods_total": str(r.goods_total), "late": r.late} for r in rows],
            ensure_ascii=False, indent=1))
        return EXIT_OK
    table = [[_("Number"), _("Supplier"), _("Status"), _("Expected"), _("Units"),
              _("Received"), _("Goods total")]] + [
        [r.number, r.supplier_name, r.status.value + (" (" + _("late") + ")" if r.late else ""),
         r.expected_on.isoformat() if r.expected_on else "", str(r.units), str(r.received),
         f"{r.goods_total} {r.currency}"] for r in rows]
    _print_text("\n".join(columns(table, range(4, 7))))
    return EXIT_OK


def _rates(texts: list[str]) -> dict[str, Decimal]:
    from ecdesk.errors import Problem, ValidationError

    rates = {}
    for text in texts:
        currency, _sep, value = text.partition("=")
        try:
            rates[currency.strip().upper()] = Decimal(value.strip())
        except InvalidOperation:
            raise ValidationError([Problem("--rate", _("'{value}' is not CUR=RATE, e.g. "
                                                       "USD=7.20").format(value=text))]) from None
    return rates


def _suggest(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import open_to_read, shop_path, writing_to
    from ecdesk.db import open_database
    from ecdesk.services.purchasing.suggestions import (
        create_draft_orders,
        suggest_purchase_orders,
    )

    rates = _rates(args.rate)
    if not args.create_drafts:
        db = open_to_read(args)
        try:
            suggestions = suggest_purchase_orders(db.uow("cli"))
        finally:
            db.close()
        _print_text(json.dumps(suggestions_json(suggestions), ensure_ascii=False, indent=1)
                    if args.json else suggestions_text(suggestions))
        return EXIT_OK
    shop = shop_path(args)
    with writing_to(shop, "purchasing suggest --create-drafts"):
        db = open_database(shop)
        try:
            suggestions = suggest_purchase_orders(db.uow("cli"))
            numbers, changed = create_draft_orders(db.uow("cli"), suggestions.orders,
                                                   rates=rates)
        finally:
            db.close()
    if args.json:
        _print_text(json.dumps({**suggestions_json(suggestions), "created": numbers},
                               ensure_ascii=False, indent=1))
    else:
        _print_text(suggestions_text(suggestions) + "\n" + changed.message + (
            ": " + ", ".join(numbers) if numbers else ""))
    return EXIT_OK


def suggestions_json(suggestions: Suggestions) -> dict[str, Any]:
    def line(item: Any) -> dict[str, Any]:
        return {"sku": item.sku, "title": item.title, "why": item.why.value,
                "projected": item.projected, "max_level": item.max_level,
                "min_order_qty": item.min_order_qty, "pack_multiple": item.pack_multiple,
                "to_max": item.to_max, "eoq": item.eoq, "quantity": item.quantity,
                "unit_cost": None if item.unit_cost is None else str(item.unit_cost)}
    return {"computed_at": suggestions.computed_at.isoformat(),
            "skus_checked": suggestions.skus_checked,
            "orders": [{"supplier": order.supplier_name, "currency": order.currency,
                        "total": str(order.total), "below_minimum": order.below_minimum,
                        "lines": [line(item) for item in order.lines]}
                       for order in suggestions.orders],
            "without_supplier": [line(item) for item in suggestions.without_supplier]}


def suggestions_text(suggestions: Suggestions) -> str:
    from ecdesk.cli.columns import columns


    if not suggestions.orders and not suggestions.without_supplier:
        return _("Nothing to order: {count} SKUs checked.").format(
            count=suggestions.skus_checked)
    lines = []
    header = [_("SKU"), _("Product"), _("Projected"), _("Max"), _("MOQ"), _("Pack"),
              pgettext("quantity to order", "Order"), _("Unit cost")]
    for order in suggestions.orders:
        lines.append(_("{supplier} ({currency}): {count} SKUs, {total} {currency}").format(
            supplier=order.supplier_name, currency=order.currency, count=len(order.lines),
            total=order.total) + (" - " + _("below the supplier's minimum order value")
                                  if order.below_minimum else ""))
        lines += ["  " + text for text in columns([header] + [
            [i.sku, i.title[:34], str(i.projected), str(i.max_level), str(i.min_order_qty),
             str(i.pack_multiple), str(i.quantity), str(i.unit_cost)] for i in order.lines],
            range(2, 8))]
    if suggestions.without_supplier:
        lines.append(_("Without a preferred supplier (set one to order them):"))
        lines += ["  " + text for text in columns([header[:7]] + [
            [i.sku, i.title[:34], str(i.projected), str(i.max_level), str(i.min_order_qty),
             str(i.pack_multiple), str(i.quantity)] for i in suggestions.without_supplier],
            range(2, 7))]
    return "\n".join(lines)


def _state_change(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import shop_path, writing_to
    from ecdesk.db import open_database
    from ecdesk.services.purchasing import purchase_orders

    action = {"send": purchase_orders.send_purchase_order,
              "close": purchase_orders.close_purchase_order,
              "cancel": purchase_orders.cancel_purchase_order}[args.purchasing_command]
    shop = shop_path(args)
    with writing_to(shop, f"purchasing {args.purchasing_command}"):
        db = open_database(shop)
        try:
            changed = action(db.uow("cli"), args.number)
        finally:
            db.close()
    _print_text(changed.message)
    return EXIT_OK


def parse_received(texts: list[str]) -> list[Any]:
    """SKU=QTY or SKU=ACCEPTED/REJECTED; a quantity that is not a whole number is kept as text
    so that the service refuses it, naming the SKU."""
    from ecdesk.errors import Problem, ValidationError
    from ecdesk.services.purchasing.receiving import ReceivedLine

    lines, problems = [], []
    for row, text in enumerate(texts, start=1):
        sku, sep, quantities = text.partition("=")
        if not sep or not sku.strip():
            problems.append(Problem("SKU=QTY", _("'{value}' is not SKU=QTY").format(value=text),
                                    row))
            continue
        accepted, _slash, rejected = quantities.partition("/")
        lines.append(ReceivedLine(sku.strip(), _whole(accepted), _whole(rejected or "0")))
    if problems:
        raise ValidationError(problems)
    return lines


def _whole(text: str) -> Any:
    text = text.strip()
    return int(text) if text.lstrip("-").isdigit() else text


def _receive(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import shop_path, writing_to
    from ecdesk.db import open_database
    from ecdesk.money import parse_amount
    from ecdesk.services.purchasing.queries import purchase_order_view
    from ecdesk.services.purchasing.receiving import ReceivedLine, receive_purchase_order

    lines = parse_received(args.quantities)
    shop = shop_path(args)
    with writing_to(shop, "purchasing receive"):
        db = open_database(shop)
        try:
            if not lines:  # everything still expected
                view = purchase_order_view(db.uow("cli"), args.number)
                lines = [ReceivedLine(line.sku, line.still_expected) for line in view.lines
                         if line.still_expected]
            result = receive_purchase_order(
                db.uow("cli"), args.number, lines, reference=args.reference,
                shipping_cost=parse_amount(args.shipping), other_costs=parse_amount(args.other))
        finally:
            db.close()
    _print_text(result.changed.message)
    for sku, cost in result.landed_costs.items():
        _print_text("  " + _("{sku}: landed unit cost {cost}").format(sku=sku, cost=cost))
    return EXIT_OK


def parse_returned(texts: list[str]) -> list[Any]:
    """SKU=QTY per line to send back; a quantity that is not a whole number is kept as text so
    that the service refuses it, naming the SKU."""
    from ecdesk.errors import Problem, ValidationError
    from ecdesk.services.purchasing.receiving import ReturnedLine

    lines, problems = [], []
    for row, text in enumerate(texts, start=1):
        sku, sep, quantity = text.partition("=")
        if not sep or not sku.strip():
            problems.append(Problem("SKU=QTY", _("'{value}' is not SKU=QTY").format(value=text),
                                    row))
        else:
            lines.append(ReturnedLine(sku.strip(), _whole(quantity)))
    if problems:
        raise ValidationError(problems)
    return lines


def _return(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import shop_path, writing_to
    from ecdesk.db import open_database
    from ecdesk.money import format_amount
    from ecdesk.services.purchasing.queries import purchase_order_view
    from ecdesk.services.purchasing.receiving import return_to_supplier

    lines = parse_returned(args.quantities)
    shop = shop_path(args)
    with writing_to(shop, "purchasing return"):
        db = open_database(shop)
        try:
            changed = return_to_supplier(db.uow("cli"), args.number, lines, reason=args.reason)
            view = purchase_order_view(db.uow("cli"), args.number)
        finally:
            db.close()
    _print_text(changed.message)
    _print_text("  " + _("Credited on the order for returns: {credit}").format(
        credit=format_amount(view.credit, view.row.currency)))
    return EXIT_OK


def _print(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import open_to_read
    from ecdesk.errors import Problem, ValidationError
    from ecdesk.services.purchasing.document import write_purchase_order

    if args.out.suffix.lower() not in (".pdf", ".xlsx"):
        raise ValidationError([Problem("--out", _("'{name}' must end in .pdf or .xlsx")
                                       .format(name=args.out.name))])
    db = open_to_read(args)
    try:
        path = write_purchase_order(db.uow("cli"), args.number, args.out)
    finally:
        db.close()
    _print_text(_("Wrote {number} to {path}").format(number=args.number, path=path))
    return EXIT_OK
