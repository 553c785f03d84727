"""`import orders FILE [OTHER]`: orders from a Shopify or Taobao/Tmall export, headless; and
`export orders --out FILE`: orders with their lines, filtered like the Orders page.

The import prints the preview and every problem like `import products`; exits 3 when problems
block the import (nothing written), 2 when the channel the orders belong to cannot be told.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ecdesk.i18n import _

EXIT_OK, EXIT_USAGE, EXIT_PROBLEMS = 0, 2, 3
ORDER_FORMATS = ("shopify", "taobao", "jd", "pinduoduo", "douyin")


def add_import_orders_arguments(orders: argparse.ArgumentParser) -> None:
    orders.add_argument("file", type=Path, help=_("the file to import"))
    orders.add_argument("other", type=Path, nargs="?",
                        help=_("the other file of a Taobao/Tmall report that comes as two: the "
                               "order list (订单报表) and its line details, in either order"))
    orders.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))
    orders.add_argument("--channel", help=_("the channel the orders belong to (default: the "
                        "shop's only channel of the file's kind)"))
    orders.add_argument("--format", choices=ORDER_FORMATS,
                        help=_("the file's format (default: detected from the header)"))
    orders.add_argument("--encoding", help=_("the file's text encoding (default: detected)"))
    orders.add_argument("--column", action="append", type=_correction, metavar="FIELD=COLUMN",
                        help=_("read FIELD (number, sku, quantity, price, created_at, status, "
                               "...) from the file's column COLUMN (empty: from none); "
                               "remembered for the channel once imported"))
    orders.add_argument("--dry-run", action="store_true",
                        help=_("only show what would change; write nothing"))
    orders.add_argument("--only-valid", action="store_true",
                        help=_("import the orders without problems and skip the others"))
    orders.set_defaults(handler=_import_orders)


def _correction(text: str) -> tuple[str, str]:
    field, equals, column = text.partition("=")
    if not equals or not field.strip():
        raise argparse.ArgumentTypeError(f"'{text}' is not FIELD=COLUMN")
    return field.strip(), column.strip()


def _import_orders(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop, input_file_missing, writing_to
    from ecdesk.db import open_database

    if input_file_missing(args.file) or (args.other and input_file_missing(args.other)):
        return EXIT_USAGE
    shop = existing_shop(args)
    with writing_to(shop, "import orders", dry_run=args.dry_run):
        db = open_database(shop)
        try:
            return _run(db, args)
        finally:
            db.close()


def _run(db: Any, args: argparse.Namespace) -> int:
    from ecdesk.services.orders_io import (
        ChannelChoiceError,
        channel_for,
        import_orders,
        preview_orders,
        read_orders_file,
    )
    from ecdesk.services.orders_io.columns import load_order_columns
    from ecdesk.services.orders_io.summary import describe_order_preview
    from ecdesk.services.settings import get_settings

    timezone, typed = get_settings(db.uow("cli")).timezone, dict(args.column or ())

    def read(remembered: dict[str, str]) -> Any:
        return read_orders_file(args.file, timezone=timezone, format=args.format,
                                encoding=args.encoding, second=args.other,
                                columns={**remembered, **typed})

    try:
        channel = None
        if args.channel:  # the channel's remembered columns read the file from the start
            with db.uow("cli") as uow:
                channel = channel_for(uow.session, args.format or "shopify", args.channel).id
        parsed = read(load_order_columns(db.uow("cli"), channel) if channel else {})
        if channel is None and parsed.format:  # the default channel of the file's format
            channel = _default_channel(db, parsed)
            remembered = load_order_columns(db.uow("cli"), channel) if channel else {}
            parsed = read(remembered) if remembered else parsed
    except ChannelChoiceError as error:
        print(_("ecdesk: {error}. Use --channel NAME.").format(error=error), file=sys.stderr)
        return EXIT_USAGE
    channel = None if parsed.file_error else channel
    preview = preview_orders(db.uow("cli"), parsed, channel=channel)
    print(describe_order_preview(preview))
    reason = _refusal(preview, args.only_valid)
    if reason:
        print(_("ecdesk: nothing was imported: {reason}").format(reason=reason), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.dry_run:
        print(_("Dry run: nothing was written."))
        return EXIT_OK
    result = import_orders(db.uow("cli"), parsed, channel=channel, only_valid=args.only_valid)
    print(result.message)
    return EXIT_OK


def _default_channel(db: Any, parsed: Any) -> int | None:
    """The format's default channel; None when a file that cannot be read has none (its
    problem is reported), ChannelChoiceError when a readable one has none."""
    from ecdesk.services.orders_io import ChannelChoiceError, channel_for

    try:
        with db.uow("cli") as uow:
            return channel_for(uow.session, parsed.format, None).id
    except ChannelChoiceError:
        if parsed.file_error:
            return None
        raise


def _refusal(preview: Any, only_valid: bool) -> str:
    """Why nothing will be imported ("" when something will)."""
    if preview.file.file_error:
        return _("fix the problems above")
    if preview.blocked and not only_valid:
        return _("fix the problems above, or use --only-valid to import the orders without "
                 "problems")
    if not preview.importable:
        if preview.problems:
            return _("no order is free of problems")
        return _("the file has no orders")
    return ""


STATUSES = ("pending", "paid", "shipped", "completed", "cancelled", "refunded", "open")


def add_export_orders_arguments(orders: argparse.ArgumentParser) -> None:
    orders.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))
    orders.add_argument("--out", type=Path, required=True,
                        help=_("the file to write: FILE.csv or FILE.xlsx"))
    orders.add_argument("--channel", help=_("only this channel's orders"))
    orders.add_argument("--status", choices=STATUSES,
                        help=_("only orders of this status (open: pending or paid)"))
    orders.add_argument("--from", dest="first", type=date.fromisoformat,
                        help=_("first day, YYYY-MM-DD (shop time)"))
    orders.add_argument("--to", dest="last", type=date.fromisoformat,
                        help=_("last day, YYYY-MM-DD, included"))
    orders.add_argument("--search", default="", help=_("order number, customer or SKU"))
    orders.set_defaults(handler=_export_orders)


def _export_orders(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import open_to_read
    from ecdesk.services.channels import list_channels
    from ecdesk.services.orders.filters import OrderQuery
    from ecdesk.services.orders_io.export import export_orders

    db = open_to_read(args)
    try:
        channel = None
        if args.channel:
            found = [c.id for c in list_channels(db.uow("cli"), include_archived=True)
                     if c.name.casefold() == args.channel.strip().casefold()]
            if not found:
                print(_("ecdesk: there is no channel '{channel}' in the shop").format(
                    channel=args.channel), file=sys.stderr)
                return EXIT_USAGE
            channel = found[0]
        end = args.last + timedelta(days=1) if args.last else None
        query = OrderQuery(search=args.search, channel_id=channel, status=args.status or "",
                           start=args.first, end=end)
        result = export_orders(db.uow("cli"), query, args.out)
    finally:
        db.close()
    print(result.changed.message)
    return EXIT_OK
