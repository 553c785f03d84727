"""Listings table rows built from raw column values, without SQLAlchemy.

Shared by `queries.list_variants` (through the ORM) and `first_rows` (through sqlite3 at
start-up), so that both give the same `VariantRow` for the same SKU. Prices and margins are
the pricing module's: the effective price in SQL, margins and their status in Python.
"""

from __future__ import annotations

import json
from decimal import Decimal

from ecdesk.money import from_minor_units
from ecdesk.services.catalog.dto import ListingCell, VariantRow
from ecdesk.services.pricing.fees_reader import Execute, read_channel_fees
from ecdesk.services.pricing.margin import margin_before_fees, margin_status
from ecdesk.services.pricing.price import effective_price_text

# Read with the driver directly: for a page of 256 SKUs this is 4x faster than through the ORM's
# type processing, and the money and rate columns are converted exactly in `listing_cells`.
# The channels' fees are read apart: joining them to each listing cost more than this query.
LISTINGS_OF = f"""
    SELECT l.variant_id, l.channel_id, l.status,
           {effective_price_text("l.channel_price", "v.price")},
           l.channel_price IS NOT NULL, l.channel_item_id, v.unit_cost
    FROM listings l JOIN variants v ON v.id = l.variant_id
    WHERE l.variant_id IN (SELECT value FROM json_each(?))"""


def read_listing_cells(execute: Execute, variant_ids: list[int], min_margin: Decimal
                       ) -> dict[int, dict[int, ListingCell]]:
    """The listings of `variant_ids` as cells by variant id, then by channel id; each cell
    judges its margin after its channel's fees against the shop's `min_margin`."""
    if not variant_ids:
        return {}
    fees = read_channel_fees(execute)
    costs: dict[int, Decimal] = {}  # a SKU's cost once for its several listings
    cells: dict[int, dict[int, ListingCell]] = {}
    for (variant_id, channel_id, status, price_cents, own_price, item_id,
         cost_cents) in execute(LISTINGS_OF, (json.dumps(variant_ids),)):
        if cost_cents not in costs:
            costs[cost_cents] = from_minor_units(cost_cents)  # type: ignore[assignment]
        cells.setdefault(variant_id, {})[channel_id] = ListingCell(
            channel_id, status, from_minor_units(price_cents),  # type: ignore[arg-type]
            bool(own_price), item_id, costs[cost_cents], fees[channel_id], min_margin)
    return cells


def variant_row(*, variant_id: int, product_id: int, title: str, sku: str,
                options: tuple[str, str, str], status: str, category: str, price: Decimal,
                cost: Decimal, stock: int, barcode: str | None, min_margin: Decimal,
                listings: dict[int, ListingCell]) -> VariantRow:
    """A SKU's row; its own price has no channel, so its margin is before fees."""
    margin = margin_before_fees(price, cost)
    return VariantRow(
        variant_id=variant_id, product_id=product_id, title=title, sku=sku,
        options=" / ".join(o for o in options if o), status=status, category=category,
        price=price, cost=cost, margin=margin,
        margin_status=margin_status(margin, cost, min_margin), min_margin=min_margin,
        stock=stock, barcode=barcode, listings=listings,
    )
