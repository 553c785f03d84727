"""The Listings table's first rows at start-up, read with the standard library's sqlite3.

Importing SQLAlchemy, the models and the services takes about half a second, and the shop owner
should not look at an empty window meanwhile. This module reads the rows that
`queries.list_variants(uow, VariantQuery())` gives (the default filter and sort, as the Listings
page opens) straight from the file, read-only, while the rest loads. It reads only a file that
is exactly at this ecdesk's schema and already set up; for any other file it returns None and
the shop opens the normal way (migration after a backup, refusal of a newer file, first-run
questions). tests/integration/test_first_rows.py keeps its SQL in step with `list_variants`.

No SQLAlchemy here, not even indirectly: tests/integration/test_startup_imports.py checks it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecdesk.errors import DatabaseError
from ecdesk.i18n import _
from ecdesk.money import from_minor_units
from ecdesk.schema_version import SCHEMA_HEAD, stored_revision
from ecdesk.services.catalog.dto import Choice, ListingCell, VariantQuery, VariantRow
from ecdesk.services.catalog.rows import read_listing_cells, variant_row
from ecdesk.services.common.page import Page

# The one query this module answers, and the SQL `queries.list_variants` builds for it.
DEFAULT_QUERY = VariantQuery()
_MATCHING = """
    FROM variants v JOIN products p ON p.id = v.product_id
    WHERE v.archived IS 0 AND p.status != 'archived'"""
_PAGE = f"""
    SELECT v.id, v.product_id, p.title, v.sku, v.option1, v.option2, v.option3, p.status,
           p.category_id, v.price, v.unit_cost, v.on_hand, v.barcode, v.position
    {_MATCHING}
    ORDER BY p.title, p.id, v.position, v.id
    LIMIT ? OFFSET ?"""
_COUNT = f"SELECT count(*) {_MATCHING}"
_CHANNELS = "SELECT id, name FROM channels WHERE archived IS 0 ORDER BY position, id"
_MIN_MARGIN = "SELECT value FROM settings WHERE key = 'min_margin'"


@dataclass(frozen=True)
class FirstRows:
    """What the Listings page needs to show its first page before the shop is open."""

    path: Path
    channels: list[Choice]  # one column each, in the Listings page's order
    page: Page[VariantRow]  # the first page of DEFAULT_QUERY, total not counted


def read_first_rows(path: Path, limit: int = 256) -> FirstRows | None:
    """The first `limit` rows of the Listings table, or None when the normal open must decide.

    None for a file that is missing, damaged, at another schema revision (older: it is migrated
    first; newer: it is refused) or not set up yet (the first-run questions come first).
    """
    try:
        if stored_revision(path) != SCHEMA_HEAD:
            return None
        with _reading(path) as conn:
            settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
            if "shop_name" not in settings or "min_margin" not in settings:
                return None
            channels = [Choice(id_, name) for id_, name in conn.execute(_CHANNELS)]
            page = _page(conn, 0, limit)
    except (DatabaseError, sqlite3.Error, OSError):
        return None  # the normal open finds the same problem and explains it
    return FirstRows(path, channels, page)


def read_page(path: Path, offset: int, limit: int) -> Page[VariantRow]:
    """A further page of DEFAULT_QUERY (the table scrolled before the shop was open)."""
    with _reading(path) as conn:
        return _page(conn, offset, limit)


def count_rows(path: Path) -> int:
    """How many rows DEFAULT_QUERY has (the Listings page's count before the shop is open)."""
    with _reading(path) as conn:
        return int(conn.execute(_COUNT).fetchone()[0])


@contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection, in one read transaction so that every query sees one state."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise DatabaseError(
            _("{name} could not be read ({error}).").format(name=path.name, error=error)
        ) from error
    try:
        conn.execute("BEGIN")
        yield conn
    except sqlite3.Error as error:
        raise DatabaseError(
            _("{name} could not be read ({error}).").format(name=path.name, error=error)
        ) from error
    finally:
        conn.close()


def _page(conn: sqlite3.Connection, offset: int, limit: int) -> Page[VariantRow]:
    rows = conn.execute(_PAGE, (limit + 1, offset)).fetchall()
    has_more, rows = len(rows) > limit, rows[:limit]
    if not rows:
        return Page([], None, False)
    ids = [row[0] for row in rows]
    min_margin = _min_margin(conn)
    listings = read_listing_cells(conn.execute, ids, min_margin)
    paths = dict(conn.execute("SELECT id, path FROM categories").fetchall())
    return Page([_row(row[:-1], listings.get(row[0], {}), paths, min_margin) for row in rows],
                None, has_more, _cursor(rows[-1]))


def _cursor(raw: tuple[Any, ...]) -> tuple[Any, ...]:
    """Where a page ending with `raw` ends, as `list_variants` says it for the default order
    (title, product, position, SKU id): the shop, once open, reads on from there."""
    variant_id, product_id, title, position = raw[0], raw[1], raw[2], raw[-1]
    return (title, product_id, position, variant_id)


def _min_margin(conn: sqlite3.Connection) -> Decimal:
    """The shop's minimum margin (`read_first_rows` only reads a shop that has one)."""
    return Decimal(conn.execute(_MIN_MARGIN).fetchone()[0])


def _row(raw: tuple[Any, ...], listings: dict[int, ListingCell], paths: dict[int, str],
         min_margin: Decimal) -> VariantRow:
    (variant_id, product_id, title, sku, option1, option2, option3, status, category_id,
     price_cents, cost_cents, on_hand, barcode) = raw
    return variant_row(
        variant_id=variant_id,
        product_id=product_id,
        title=title,
        sku=sku,
        options=(option1, option2, option3),
        status=status,
        category=paths.get(category_id, "") if category_id else "",
        price=from_minor_units(price_cents),
        cost=from_minor_units(cost_cents),  # type: ignore[arg-type]
        stock=on_hand,
        barcode=barcode,
        min_margin=min_margin,
        listings=listings,
    )
