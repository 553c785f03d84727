"""The command line: the GUI launcher and the headless subcommands.

Exit codes: 0 success, 1 anything else, 2 usage error, 3 data problems reported. A failure is
always one readable line on stderr, never a bare traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ecdesk import __version__
from ecdesk.cli.language import settle_cli_language
from ecdesk.config import settle_bundle_environment
from ecdesk.errors import DamagedShopError, EcdeskError, ValidationError
from ecdesk.i18n import LANGUAGES, _

if TYPE_CHECKING:
    from ecdesk.db import Database

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PROBLEMS = 0, 1, 2, 3


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would exit; we want our own exit code
        raise UsageError(f"{self.prog}: {message}")


class _LazySubcommands(argparse._SubParsersAction):
    """Subcommands whose arguments and handler come from their own module, imported only when
    the command is chosen: starting the GUI parses its options here too and should pay for none
    of the commands' imports. The name and help are kept here for the `--help` listing. (The
    installer bundles every ecdesk module, so modules named only by a string are there too.)"""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._arguments_from: dict[str, str] = {}

    def add_lazy_parser(self, name: str, help: str, arguments_from: str) -> None:
        """`arguments_from` is "module:function"; the function is given the command's parser."""
        self.add_parser(name, help=help)
        self._arguments_from[name] = arguments_from

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        name = values[0]
        if name in self._arguments_from:
            module, function = self._arguments_from.pop(name).split(":")
            getattr(importlib.import_module(module), function)(self.choices[name])
        super().__call__(parser, namespace, values, option_string)


def _subcommands(parser: argparse.ArgumentParser, dest: str, required: bool = False
                 ) -> _LazySubcommands:
    return parser.add_subparsers(dest=dest, required=required, parser_class=_Parser,
                                 action=_LazySubcommands)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ecdesk", description=_("ecdesk: offline store management. "
                     "Without a command, starts the desktop app."))
    parser.add_argument("--version", action="version", version=f"ecdesk {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=_("the language of messages, help and reports (default: the "
                               "environment's, from LC_ALL / LANG)"))
    parser.add_argument("--db", type=Path, help=_("shop file to open (default: your shop in the "
                        "application data folder; a new path becomes a new, empty shop)"))
    parser.add_argument("--demo", action="store_true",
                        help=_("open the demo shop, generating it the first time"))
    parser.add_argument("--fresh", action="store_true",
                        help=_("with --demo: generate the demo shop anew"))
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--selftest", action="store_true",
                        help=_("check this installation off screen on a temporary demo shop "
                        "(every page, the database), print one line and exit"))
    commands = _subcommands(parser, "command")

    demo = commands.add_parser("demo", help=_("demo shops"))
    demo_commands = _subcommands(demo, "demo_command", required=True)
    create = demo_commands.add_parser("create", help=_("generate a demo shop file"))
    create.add_argument("path", type=Path, help=_("the shop file to create"))
    create.add_argument("--scale", choices=("small", "large"), default="small",
                        help=_("small: ~300 products, 12,000 order lines; large: 100,000 SKUs, "
                        "1,000,000 order lines (a year of orders either way)"))
    create.add_argument("--seed", type=int, default=1, help=_("same seed, same shop"))
    create.add_argument("--force", action="store_true", help=_("replace an existing file"))
    create.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    create.set_defaults(handler=_demo_create)

    info = commands.add_parser("info", help=_("print the shop's name and catalog counts"))
    info.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                      help=_("shop file (default: your shop)"))
    info.set_defaults(handler=_info)
    commands.add_lazy_parser("backup", _("write a verified backup of the shop"),
                             "ecdesk.cli.maintenance:add_backup_arguments")
    commands.add_lazy_parser("restore", _("replace the shop with a backup (the current file is "
                             "backed up first)"), "ecdesk.cli.maintenance:add_restore_arguments")
    commands.add_lazy_parser("check", _("check the shop file's integrity and links"),
                             "ecdesk.cli.maintenance:add_check_arguments")
    _add_catalog_io_commands(commands)
    commands.add_lazy_parser("alerts", _("list the inventory alerts (out of stock, below reorder "
                             "point, overstock...), most severe first"),
                             "ecdesk.cli.stock:add_alerts_arguments")
    commands.add_lazy_parser("inventory", _("stock per SKU: on hand, committed, available, sold a "
                             "day, days of cover, reorder point, value; or one SKU's movements "
                             "(--sku)"), "ecdesk.cli.inventory:add_inventory_arguments")
    commands.add_lazy_parser("order", _("change an order that has not shipped yet (order edit "
                                        "NUMBER --line SKU=QTY --remove SKU --customer ...)"),
                             "ecdesk.cli.orders:add_order_arguments")
    commands.add_lazy_parser("tickets", _("the service queue: open tickets by due time (SLA), "
                                          "or only the overdue ones (--overdue)"),
                             "ecdesk.cli.tickets:add_tickets_arguments")
    commands.add_lazy_parser("suppliers", _("list the suppliers: currency, lead time, items, "
                                            "open purchase orders"),
                             "ecdesk.cli.purchasing:add_suppliers_arguments")
    commands.add_lazy_parser("purchasing", _("purchase orders: list, suggest (what to order "
                                             "now), send, receive, return, close, cancel, print"),
                             "ecdesk.cli.purchasing:add_purchasing_arguments")
    commands.add_lazy_parser("customers", _("customers across channels with their RFM segment "
                                            "(high_value, potential, new, at_risk, lost, "
                                            "regular); --segment lists one"),
                             "ecdesk.cli.customers:add_customers_arguments")
    commands.add_lazy_parser("price", _("a SKU's prices explained: the rule, each step, the fees "
                                        "and the margin after them"),
                             "ecdesk.cli.pricing:add_price_arguments")
    commands.add_lazy_parser("pricing", _("price rules: preview (exit 3 when a flagged change "
                                          "would apply), apply, undo"),
                             "ecdesk.cli.pricing:add_pricing_arguments")
    commands.add_lazy_parser("promotions", _("the promotion calendar; add, edit, schedule, "
                                            "cancel; check (exit 3 when a check finds an "
                                            "overlap, a price below cost or the margin floor, "
                                            "or a misleading 'was' price); export --out "
                                            "FILE.ics"),
                             "ecdesk.cli.promotions:add_promotions_arguments")
    commands.add_lazy_parser("report", _("write a report for a period as PDF (or the same tables "
                             "as CSV/XLSX): sales (sales and margin), inventory (stock valuation), "
                             "accountant-pack (both, with a contents page), service "
                             "(tickets, returns, refunds), suppliers (scorecards, open purchase "
                             "orders)"),
                             "ecdesk.cli.reports:add_report_arguments")
    return parser


def _demo_create(args: argparse.Namespace) -> int:
    from ecdesk.services.demo.shop import create_demo_shop

    summary = create_demo_shop(args.path, scale=args.scale, seed=args.seed, force=args.force)
    print(_("Created {path}: {products} products, {variants} SKUs, {listings} listings, "
            "{orders} orders ({lines} lines)").format(
        path=summary.path, products=summary.products, variants=summary.variants,
        listings=summary.listings, orders=summary.orders, lines=summary.order_lines))
    return EXIT_OK


def _info(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import open_to_read
    from ecdesk.services.catalog.queries import count_variants
    from ecdesk.services.settings import get_settings

    db = open_to_read(args)
    try:
        settings = get_settings(db.uow("cli"))
        print(_("Shop: {name}").format(name=settings.shop_name or _("(not named yet)")))
        print(_("File: {path}").format(path=db.path))
        print(_("Currency: {currency}  Timezone: {zone}").format(
            currency=settings.currency, zone=settings.timezone))
        print(_("SKUs: {count}").format(count=count_variants(db.uow("cli"))))
    finally:
        db.close()
    return EXIT_OK


IMPORT_FORMATS = ("shopify", "woocommerce", "taobao", "ecdesk")
EXPORT_LAYOUTS = ("ecdesk", "shopify")


def _add_catalog_io_commands(commands: _LazySubcommands) -> None:
    imports = commands.add_parser("import", help=_("import from files"))
    import_commands = _subcommands(imports, "import_command", required=True)
    products = import_commands.add_parser(
        "products", help=_("import products from a Shopify, WooCommerce, Taobao or ecdesk file "
        "(CSV or XLSX); prints a preview and every problem first"))
    products.add_argument("file", type=Path, help=_("the file to import"))
    products.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                          help=_("shop file (default: your shop)"))
    products.add_argument("--format", choices=IMPORT_FORMATS,
                          help=_("the file's format (default: detected from the header)"))
    products.add_argument("--encoding", help=_("the file's text encoding (default: detected)"))
    products.add_argument("--channel", help=_("also create or update this channel's listings"))
    products.add_argument("--rate", type=_exchange_rate,
                          help=_("for a channel that sells in another currency: the shop's "
                                 "currency per unit of the channel's (0.68 for SEK in CNY), to "
                                 "convert the SKUs' own prices; without it they are left as they "
                                 "are"))
    products.add_argument("--dry-run", action="store_true",
                          help=_("only show what would change; write nothing"))
    products.add_argument("--only-valid", action="store_true",
                          help=_("import the products without problems and skip the others"))
    products.set_defaults(handler=_import_products)
    import_commands.add_lazy_parser(
        "orders", _("import orders from a Shopify or Taobao/Tmall order export (CSV or XLSX); "
        "prints a preview and every problem first"),
        "ecdesk.cli.orders_import:add_import_orders_arguments")
    import_commands.add_lazy_parser(
        "market-prices", "import market reference prices (市场定价) from CSV or XLSX: SKU, "
        "Price, Date; Channel and Source optional",
        "ecdesk.cli.pricing:add_import_market_prices_arguments")

    exports = commands.add_parser("export", help=_("export to files"))
    export_commands = _subcommands(exports, "export_command", required=True)
    catalog = export_commands.add_parser("products", help=_("export products, SKUs and listings"))
    catalog.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                         help=_("shop file (default: your shop)"))
    catalog.add_argument("--out", type=Path, required=True,
                         help=_("the file to write: FILE.csv or FILE.xlsx"))
    catalog.add_argument("--format", choices=EXPORT_LAYOUTS, default="ecdesk",
                         help=_("ecdesk's template (with listings) or Shopify's product CSV"))
    catalog.set_defaults(handler=_export_products)
    export_commands.add_lazy_parser(
        "orders", "export orders with their lines (one row per line) as CSV or XLSX, filtered "
        "like the Orders page", "ecdesk.cli.orders_import:add_export_orders_arguments")


def _exchange_rate(text: str) -> Decimal:
    from ecdesk.services.catalog_io.currency import check_rate

    try:
        return check_rate(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _import_products(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import existing_shop, input_file_missing, writing_to
    from ecdesk.db import open_database

    if input_file_missing(args.file):
        return EXIT_USAGE
    shop = existing_shop(args)
    with writing_to(shop, "import products", dry_run=args.dry_run):
        return _import_products_into(open_database(shop), args)


def _import_products_into(db: Database, args: argparse.Namespace) -> int:
    from ecdesk.services.catalog_io import import_products, preview_import, read_import_file
    from ecdesk.services.catalog_io.mapping import load_column_mappings
    from ecdesk.services.catalog_io.summary import describe_preview

    try:
        parsed = read_import_file(args.file, format=args.format, encoding=args.encoding,
                                  remembered=load_column_mappings(db.uow("cli")))
        preview = preview_import(db.uow("cli"), parsed, channel=args.channel, rate=args.rate)
        print(describe_preview(preview))
        if preview.file.file_error or (preview.blocked and not args.only_valid):
            print(_("ecdesk: nothing was imported: fix the problems above, or use --only-valid "
                    "to import the products without problems"), file=sys.stderr)
            return EXIT_PROBLEMS
        if args.dry_run:
            print(_("Dry run: nothing was written."))
            return EXIT_OK
        result = import_products(db.uow("cli"), parsed, channel=args.channel,
                                 only_valid=args.only_valid, rate=args.rate)
        print(result.message)
    finally:
        db.close()
    return EXIT_OK


def _export_products(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import open_to_read
    from ecdesk.services.catalog_io import export_products

    db = open_to_read(args)
    try:
        result = export_products(db.uow("cli"), args.out, layout=args.format)
    finally:
        db.close()
    print(_("Exported {products} product(s), {rows} row(s) to {path}").format(
        products=result.products, rows=result.rows, path=result.path))
    for problem in result.cut_cells:
        print(_("warning: {problem}").format(problem=problem), file=sys.stderr)
    return EXIT_OK


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except ValidationError as error:
        for problem in error.problems:
            print(_("problem: {problem}").format(problem=problem), file=sys.stderr)
        return EXIT_PROBLEMS
    except DamagedShopError as error:
        print(f"ecdesk: {error}{_newest_good_backup(args)}", file=sys.stderr)
        return EXIT_FAILURE
    except EcdeskError as error:
        print(_("ecdesk: {error}").format(error=error), file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(_("ecdesk: interrupted"), file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # the last line of defence: one readable line, details logged
        return _unexpected(error)


def _newest_good_backup(args: argparse.Namespace) -> str:
    """After damage: which backup to restore and the command that does it ("" when none)."""
    from ecdesk.cli.shop_access import shop_path
    from ecdesk.i18n import _
    from ecdesk.services.shop_file.backups import newest_good_backup

    shop = shop_path(args)
    backup = newest_good_backup(shop) if shop.parent.is_dir() else None
    if backup is None:
        return ""
    return _(" The newest good backup is {backup} (taken {taken} UTC); restore it with: "
             "python main.py restore \"{backup}\" --db \"{shop}\"").format(
                 backup=backup.path, taken=f"{backup.created_at:%Y-%m-%d %H:%M}", shop=shop)


def _unexpected(error: Exception) -> int:
    """Say it in one line (a database error in the shop owner's words) and log the details."""
    import traceback

    from ecdesk.i18n import _
    from ecdesk.log_file import log, log_path, set_up_logging
    from ecdesk.sqlite_errors import is_sqlite_error, shop_file_error

    try:
        set_up_logging()
        log.error("Unexpected error in %s\n%s", " ".join(sys.argv[1:]),
                  "".join(traceback.format_exception(error)))
        where = _(" (details in {path})").format(path=log_path())
    except OSError:  # no room or no right to write the log either: say so in one line
        where = ""
    if is_sqlite_error(error):
        print(f"ecdesk: {shop_file_error(error, None)}{where}", file=sys.stderr)
    else:
        print(_("ecdesk: unexpected error: {kind}: {error}{where}").format(
            kind=type(error).__name__, error=error, where=where), file=sys.stderr)
    return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    settle_bundle_environment()
    settle_cli_language(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(error, file=sys.stderr)
        print(_("Try 'python main.py --help'."), file=sys.stderr)
        return EXIT_USAGE
    if args.selftest:
        from ecdesk.selftest import run_selftest

        return _run(lambda _args: run_selftest(), args)
    if args.command is None:
        from ecdesk.app import run_gui

        return _run(lambda a: run_gui(db=a.db, demo=a.demo, fresh=a.fresh,
                                      startup_probe=a.startup_probe, language=a.lang), args)
    return _run(args.handler, args)
