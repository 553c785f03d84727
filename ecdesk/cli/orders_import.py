"""`import orders FILE`: orders from a Shopify or Taobao/Tmall export, headless.

Prints the preview and every problem like `import products`; exits 3 when problems block the
import (nothing written), 2 when the channel the orders belong to cannot be told.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USAGE, EXIT_PROBLEMS = 0, 2, 3
ORDER_FORMATS = ("shopify", "taobao")


def add_import_orders_arguments(orders: argparse.ArgumentParser) -> None:
    orders.add_argument("file", type=Path, help="the file to import")
    orders.add_argument("other", type=Path, nargs="?",
                        help="the other file of a Taobao/Tmall report that comes as two: the "
                        "order list (订单报表) and its line details, in either order")
    orders.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="shop file (default: your shop)")
    orders.add_argument("--channel", help="the channel the orders belong to (default: the "
                        "shop's only channel of the file's kind)")
    orders.add_argument("--format", choices=ORDER_FORMATS,
                        help="the file's format (default: detected from the header)")
    orders.add_argument("--encoding", help="the file's text encoding (default: detected)")
    orders.add_argument("--dry-run", action="store_true",
                        help="only show what would change; write nothing")
    orders.add_argument("--only-valid", action="store_true",
                        help="import the orders without problems and skip the others")
    orders.set_defaults(handler=_import_orders)


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
    from ecdesk.services.orders_io.summary import describe_order_preview
    from ecdesk.services.settings import get_settings

    parsed = read_orders_file(args.file, timezone=get_settings(db.uow("cli")).timezone,
                              format=args.format, encoding=args.encoding, second=args.other)
    if not parsed.file_error:
        try:
            with db.uow("cli") as uow:
                channel = channel_for(uow.session, parsed.format, args.channel).id
        except ChannelChoiceError as error:
            print(f"ecdesk: {error}. Use --channel NAME.", file=sys.stderr)
            return EXIT_USAGE
    else:
        channel = None
    preview = preview_orders(db.uow("cli"), parsed, channel=channel)
    print(describe_order_preview(preview))
    reason = _refusal(preview, args.only_valid)
    if reason:
        print(f"ecdesk: nothing was imported: {reason}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.dry_run:
        print("Dry run: nothing was written.")
        return EXIT_OK
    result = import_orders(db.uow("cli"), parsed, channel=channel, only_valid=args.only_valid)
    print(result.message)
    return EXIT_OK


def _refusal(preview: Any, only_valid: bool) -> str:
    """Why nothing will be imported ("" when something will)."""
    if preview.file.file_error:
        return "fix the problems above"
    if preview.blocked and not only_valid:
        return ("fix the problems above, or use --only-valid to import the orders without "
                "problems")
    if not preview.importable:
        return "no order is free of problems" if preview.problems else "the file has no orders"
    return ""
