"""Listings table rows built from raw column values, without SQLAlchemy.

Shared by `queries.list_variants` (through the ORM) and `first_rows` (through sqlite3 at
start-up), so that both give the same `VariantRow` for the same SKU.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ecdesk.money import from_minor_units, margin_rate
from ecdesk.services.catalog.dto import ListingCell, VariantRow

# Read with the driver directly: for a page of 256 SKUs this is 4x faster than through the ORM's
# type processing, and the two money columns are converted exactly in `listing_cells`.
LISTINGS_OF = """
    SELECT l.variant_id, l.channel_id, l.status, l.channel_price, v.price, l.channel_item_id
    FROM listings l JOIN variants v ON v.id = l.variant_id
    WHERE l.variant_id IN (SELECT value FROM json_each(?))"""


def listings_of_parameters(variant_ids: list[int]) -> tuple[str]:
    return (json.dumps(variant_ids),)


def listing_cells(rows: Iterable[Any]) -> dict[int, dict[int, ListingCell]]:
    """The rows of `LISTINGS_OF` as cells by variant id, then by channel id."""
    cells: dict[int, dict[int, ListingCell]] = {}
    for variant_id, channel_id, status, own_cents, list_cents, item_id in rows:
        price = from_minor_units(list_cents if own_cents is None else own_cents)
        cells.setdefault(variant_id, {})[channel_id] = ListingCell(
            channel_id, status, price, own_cents is not None, item_id)  # type: ignore[arg-type]
    return cells


def variant_row(*, variant_id: int, product_id: int, title: str, sku: str,
                options: tuple[str, str, str], status: str, category: str, price: Decimal,
                cost: Decimal, stock: int, barcode: str | None,
                listings: dict[int, ListingCell]) -> VariantRow:
    return VariantRow(
        variant_id=variant_id, product_id=product_id, title=title, sku=sku,
        options=" / ".join(o for o in options if o), status=status, category=category,
        price=price, cost=cost, margin=margin_rate(price, cost), stock=stock, barcode=barcode,
        listings=listings,
    )
