"""Which schema a shop file is at, read with the standard library alone.

`ecdesk.db` decides from this whether a file must be migrated (or refused) before it is opened;
the start-up's first rows (`ecdesk.services.catalog.first_rows`) are read only from a file that
is exactly at `SCHEMA_HEAD`, before SQLAlchemy and Alembic have been imported.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ecdesk.errors import DamagedShopError
from ecdesk.i18n import _
from ecdesk.sqlite_errors import shop_file_error, sqlite_reason

# The newest migration this code knows; a test checks it equals Alembic's head.
SCHEMA_HEAD = "0020_order_ship_to"


def read_only_uri(path: Path) -> str:
    """The URI that opens `path` read-only with sqlite3, whatever its folders are called.

    In a URI SQLite reads '?' as the start of the options, '#' as the end of the file name and
    '%' as an escape: unescaped, a shop in a folder named "Shop #2" opened another file (an
    empty one, so the backup of it was empty and passed its check).
    """
    escaped = str(path).replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    if not os.access(path.parent, os.W_OK):
        # A read-only folder (a locked stick): SQLite cannot make the shared-memory file a
        # WAL-mode shop needs even to be read, unless told nobody can change the file.
        return f"file:{escaped}?mode=ro&immutable=1"
    return f"file:{escaped}?mode=ro"


def stored_revision(path: Path) -> str | None:
    """The file's schema revision; None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if sqlite_reason(error) != "damaged":  # a full or removed disk is not a damaged file
            raise shop_file_error(error, path) from error
        raise DamagedShopError(_("{name} is not an ecdesk shop file ({error}).").format(
            name=path.name, error=error)) from error
    if tables:
        raise DamagedShopError(_("{name} is a database, but not an ecdesk shop file.").format(
            name=path.name))
    return None
