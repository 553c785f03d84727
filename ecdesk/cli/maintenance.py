"""Headless commands that look after the shop file: backup, restore, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ecdesk.i18n import _, format_integer

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PROBLEMS = 0, 1, 2, 3


def add_backup_arguments(backup: argparse.ArgumentParser) -> None:
    backup.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))
    backup.add_argument("--to", type=Path, help=_("folder for the backup (default: the backups "
                        "folder beside the shop)"))
    backup.set_defaults(handler=_backup)


def add_restore_arguments(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("backup", type=Path, help=_("the backup file to restore"))
    restore.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    restore.set_defaults(handler=_restore)


def add_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help=_("shop file (default: your shop)"))
    check.set_defaults(handler=_check)


def _shop(args: argparse.Namespace) -> Path:
    from ecdesk.cli.shop_access import existing_shop

    return existing_shop(args)


def _backup(args: argparse.Namespace) -> int:
    from ecdesk.services.shop_file.backups import back_up

    info = back_up(_shop(args), "manual", folder=args.to)
    print(_("Backed up to {path} (checked: OK)").format(path=info.path))
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from ecdesk.cli.shop_access import shop_path
    from ecdesk.services.shop_file.backups import describe, restore

    shop = shop_path(args)  # a restore may put the shop back where there is none
    incoming = describe(args.backup)
    current = describe(shop) if shop.exists() else None
    print(_("Backup: {path} (shop '{name}')").format(path=args.backup, name=incoming.shop_name))
    for area, count in incoming.counts.items():
        now = format_integer(current.counts[area]) if current else "—"
        print("  " + _("{area}: {count} in the backup, {now} now").format(
            area=_(area), count=format_integer(count), now=now))
    if not args.yes:
        if not sys.stdin.isatty():
            print(_("ecdesk: add --yes to restore without a question"), file=sys.stderr)
            return EXIT_USAGE
        question = _("Replace {shop}? The current file is backed up first. [y/N] ")
        if input(question.format(shop=shop)).lower() not in ("y", _("y")):
            print(_("Nothing was changed."))
            return EXIT_OK
    from ecdesk.cli.shop_access import writing_to

    with writing_to(shop, "restore"):
        safety = restore(args.backup, shop)
    print(_("Restored into {shop}; the previous file is kept in {path}").format(
        shop=shop, path=safety.path) if safety else _("Restored into {shop}").format(shop=shop))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from ecdesk.errors import DatabaseError
    from ecdesk.services.shop_file.backups import integrity_problems

    shop = _shop(args)
    if not shop.exists():
        raise DatabaseError(_("{shop} does not exist.").format(shop=shop))
    problems = integrity_problems(shop)
    if not problems:
        print(_("{shop}: integrity OK, every link between records OK").format(shop=shop))
        return EXIT_OK
    print(_("{shop}: {count} problem(s) found:").format(shop=shop, count=len(problems)))
    for problem in problems[:50]:
        print(f"  - {problem}")
    print(_("Restore the newest good backup with: python main.py restore BACKUP --db {shop}")
          .format(shop=shop))
    return EXIT_PROBLEMS
