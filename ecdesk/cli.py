"""The command line: the GUI launcher and the headless subcommands.

Exit codes: 0 success, 1 anything else, 2 usage error, 3 data problems reported. A failure is
always one readable line on stderr, never a bare traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ecdesk import __version__
from ecdesk.errors import EcdeskError, ValidationError

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PROBLEMS = 0, 1, 2, 3


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would exit; we want our own exit code
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ecdesk", description="ecdesk: offline store management. "
                     "Without a command, starts the desktop app.")
    parser.add_argument("--version", action="version", version=f"ecdesk {__version__}")
    parser.add_argument("--db", type=Path, help="shop file to open (default: your shop in the "
                        "application data folder; a new path becomes a new, empty shop)")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo shop, generating it the first time")
    parser.add_argument("--fresh", action="store_true",
                        help="with --demo: generate the demo shop anew")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    demo = commands.add_parser("demo", help="demo shops")
    demo_commands = demo.add_subparsers(dest="demo_command", required=True, parser_class=_Parser)
    create = demo_commands.add_parser("create", help="generate a demo shop file")
    create.add_argument("path", type=Path, help="the shop file to create")
    create.add_argument("--scale", choices=("small", "large"), default="small",
                        help="small: ~300 products; large: 100,000 SKUs")
    create.add_argument("--seed", type=int, default=1, help="same seed, same shop")
    create.add_argument("--force", action="store_true", help="replace an existing file")
    create.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    create.set_defaults(handler=_demo_create)

    info = commands.add_parser("info", help="print the shop's name and catalog counts")
    info.add_argument("--db", type=Path, help="shop file (default: your shop)")
    info.set_defaults(handler=_info)
    return parser


def _demo_create(args: argparse.Namespace) -> int:
    from ecdesk.services.demo import create_demo_shop

    summary = create_demo_shop(args.path, scale=args.scale, seed=args.seed, force=args.force)
    print(f"Created {summary.path}: {summary.products} products, {summary.variants} SKUs, "
          f"{summary.listings} listings")
    return EXIT_OK


def _info(args: argparse.Namespace) -> int:
    from ecdesk.config import default_shop_path
    from ecdesk.db import open_database
    from ecdesk.services.catalog.queries import count_variants
    from ecdesk.services.settings import get_settings

    db = open_database(args.db or default_shop_path())
    try:
        settings = get_settings(db.uow("cli"))
        print(f"Shop: {settings.shop_name or '(not named yet)'}")
        print(f"File: {db.path}")
        print(f"Currency: {settings.currency}  Timezone: {settings.timezone}")
        print(f"SKUs: {count_variants(db.uow('cli'))}")
    finally:
        db.close()
    return EXIT_OK


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except ValidationError as error:
        for problem in error.problems:
            print(f"problem: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    except EcdeskError as error:
        print(f"ecdesk: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("ecdesk: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # the last line of defence: one readable line, details logged
        print(f"ecdesk: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(error, file=sys.stderr)
        print("Try 'python main.py --help'.", file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:
        from ecdesk.app import run_gui

        return _run(lambda a: run_gui(db=a.db, demo=a.demo, fresh=a.fresh,
                                      startup_probe=a.startup_probe), args)
    return _run(args.handler, args)
