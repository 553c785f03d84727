"""How a command reaches the shop: reading commands open it read-only when it cannot be
written; writing commands hold its lock, and refuse while it is open in a window or another
command, naming that program and since when."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ecdesk.db import Database


def shop_path(args: argparse.Namespace) -> Path:
    from ecdesk.config import default_shop_path

    # A subcommand's --db only overrides the global one when given (default=SUPPRESS).
    return Path(getattr(args, "db", None) or default_shop_path()).expanduser().resolve()


@contextlib.contextmanager
def writing_to(shop: Path, command: str, dry_run: bool = False) -> Iterator[None]:
    """Hold `shop`'s lock for the command `command` (nothing when only previewing)."""
    if dry_run:
        yield
        return
    from ecdesk.services.shop_file.shop_lock import held_for

    with held_for(shop, f"ecdesk {command}"):
        yield


def open_to_read(args: argparse.Namespace) -> Database:
    from ecdesk.db import open_for_reading

    return open_for_reading(shop_path(args))
