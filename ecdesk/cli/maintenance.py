"""Headless commands that look after the shop file: backup, restore, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PROBLEMS = 0, 1, 2, 3


def add_backup_arguments(backup: argparse.ArgumentParser) -> None:
    backup.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="shop file (default: your shop)")
    backup.add_argument("--to", type=Path, help="folder for the backup (default: the backups "
                        "folder beside the shop)")
    backup.set_defaults(handler=_backup)


def add_restore_arguments(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("backup", type=Path, help="the backup file to restore")
    restore.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="shop file (default: your shop)")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=_restore)


def add_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="shop file (default: your shop)")
    check.set_defaults(handler=_check)


def _shop(args: argparse.Namespace) -> Path:
    from ecdesk.cli.shop_access import existing_shop

    return existing_shop(args)


def _backup(args: argparse.Namespace) -> int:
    from ecdesk.services.shop_file.backups import back_up

    info = back_up(_shop(args), "manual", folder=args.to)
    print(f"Backed up to {info.path} (checked: OK)")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import shop_path
    from ecdesk.services.shop_file.backups import describe, restore

    shop = shop_path(args)  # a restore may put the shop back where there is none
    incoming = describe(args.backup)
    current = describe(shop) if shop.exists() else None
    print(f"Backup: {args.backup} (shop '{incoming.shop_name}')")
    for area, count in incoming.counts.items():
        now = f"{current.counts[area]:,}" if current else "—"
        print(f"  {area:<14} {count:>10,} in the backup, {now:>10} now")
    if not args.yes:
        if not sys.stdin.isatty():
            print("ecdesk: add --yes to restore without a question", file=sys.stderr)
            return EXIT_USAGE
        if input(f"Replace {shop}? The current file is backed up first. [y/N] ").lower() != "y":
            print("Nothing was changed.")
            return EXIT_OK
    from ecdesk.cli.shop_access import writing_to

    with writing_to(shop, "restore"):
        safety = restore(args.backup, shop)
    print(f"Restored into {shop}" + (f"; the previous file is kept in {safety.path}"
                                     if safety else ""))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from ecdesk.errors import DatabaseError
    from ecdesk.services.shop_file.backups import integrity_problems

    shop = _shop(args)
    if not shop.exists():
        raise DatabaseError(f"{shop} does not exist.")
    problems = integrity_problems(shop)
    if not problems:
        print(f"{shop}: integrity OK, every link between records OK")
        return EXIT_OK
    print(f"{shop}: {len(problems)} problem(s) found:")
    for problem in problems[:50]:
        print(f"  - {problem}")
    print("Restore the newest good backup with: python main.py restore BACKUP --db "
          f"{shop}")
    return EXIT_PROBLEMS
