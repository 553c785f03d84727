"""How a command reaches the shop: reading commands open it read-only when it cannot be
written; writing commands hold its lock, and refuse while it is open in a window or another
command, naming that program and since when. Only the window and `demo create` make a new
shop (and a restore puts one back): every other command refuses a path with no shop, which
is a mistyped --db far more often than a wish for an empty shop."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecdesk.db import Database


def shop_path(args: argparse.Namespace) -> Path:
    """The shop the command works on, which may not exist yet (a restore puts one there)."""
    from ecdesk.config import default_shop_path

    # A subcommand's --db only overrides the global one when given (default=SUPPRESS).
    return Path(getattr(args, "db", None) or default_shop_path()).expanduser().resolve()


def existing_shop(args: argparse.Namespace) -> Path:
    """The shop the command works on; EcdeskError when there is none at that path."""
    from ecdesk.errors import EcdeskError
    from ecdesk.i18n import _

    path = shop_path(args)
    if not path.is_file():
        raise EcdeskError(_("There is no shop at {path}. Check --db, or create the shop in the "
                            "ecdesk window (or with 'demo create')").format(path=path))
    return path


@contextlib.contextmanager
def writing_to(shop: Path, command: str, dry_run: bool = False) -> Iterator[None]:
    """Hold `shop`'s lock for the command `command` (nothing when only previewing)."""
    if dry_run:
        yield
        return
    from ecdesk.db import writable
    from ecdesk.errors import ShopUnreachableError
    from ecdesk.services.shop_file.shop_lock import held_for
    from ecdesk.sqlite_errors import unreachable_message

    if shop.exists() and not writable(shop):  # a locked stick: say so before any work
        raise ShopUnreachableError(unreachable_message("read_only", shop.name), "read_only")

    with held_for(shop, f"ecdesk {command}"):
        yield


def input_file_missing(path: Path) -> bool:
    """Say so (a usage error, not a problem of the file's rows) when `path` is not a file."""
    from ecdesk.i18n import _

    if path.is_file():
        return False
    print(_("ecdesk: there is no file at {path}").format(path=path), file=sys.stderr)
    return True


def open_to_read(args: argparse.Namespace) -> Database:
    from ecdesk.db import open_for_reading

    return open_for_reading(existing_shop(args))
