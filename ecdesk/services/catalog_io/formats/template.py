"""ecdesk's own template (CSV or XLSX): what `export_products(layout="ecdesk")` writes.

One row per SKU with the product's fields repeated, so that a spreadsheet can sort and filter
it; rows are grouped by Product ID (or Handle, or Title). Channel listings are three columns
per channel: `[Tmall] status`, `[Tmall] price` (empty: the SKU's price), `[Tmall] item id`.
`Stock` is the SKU's on-hand: an edited count is set by a counted stock movement, an empty
cell or an absent column keeps the shop's stock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.models import ListingStatus
from ecdesk.services.catalog_io.dto import ParsedListing, ParsedProduct, ParsedVariant
from ecdesk.services.catalog_io.formats.common import BOOLEAN_TRUE, ProductRowReader
from ecdesk.services.tabular_io.columns import Columns
from ecdesk.services.tabular_io.values import split_list

NAME = "ecdesk"
LABEL = "ecdesk template"
COLUMNS = {  # field: header, in the order exported
    "product_key": "Product ID", "handle": "Handle", "title": "Title",
    "description": "Description (HTML)", "brand": "Brand", "category": "Category",
    "tags": "Tags", "status": "Status",
    "option1_name": "Option1 name", "option1_value": "Option1 value",
    "option2_name": "Option2 name", "option2_value": "Option2 value",
    "option3_name": "Option3 name", "option3_value": "Option3 value",
    "sku": "SKU", "barcode": "Barcode", "weight": "Weight (g)", "price": "Price",
    "compare_at_price": "Compare-at price", "cost": "Cost", "quantity": "Stock",
    "archived": "Archived",
}
LISTING_PARTS = {"status": "status", "price": "price", "item_id": "item id"}
_LISTING = re.compile(r"\[(.+)\]\s+(status|price|item id)", re.IGNORECASE)
ALIASES: dict[str, tuple[str, ...]] = {f: (h.lower(),) for f, h in COLUMNS.items()}
SIGNATURE = (("product id",), ("weight (g)",), ("cost",), ("archived",),
             ("description (html)",), ("option1 value",))
REQUIRED = ("sku", "title")


def listing_header(channel: str, part: str) -> str:
    return f"[{channel}] {LISTING_PARTS[part]}"


def extra_columns(header: list[str]) -> dict[str, int]:
    found = {}
    for i, name in enumerate(header):
        match = _LISTING.fullmatch(name.strip())
        if match:
            part = "item_id" if match.group(2).lower() == "item id" else match.group(2).lower()
            found[f"listing:{match.group(1).strip()}:{part}"] = i
    return found


@dataclass
class _Group:
    row: int
    key: str
    title: str
    fields: dict
    option_names: tuple[str, str, str]
    variants: list[ParsedVariant] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


def build(rows: Iterable[tuple[int, list[str]]], columns: Columns, problems: list[Problem]
          ) -> list[ParsedProduct]:
    read = ProductRowReader(columns, problems)
    channels = sorted({f.split(":")[1] for f in columns.index if f.startswith("listing:")})
    groups: dict[str, _Group] = {}
    for row, cells in rows:
        read.at(row, cells)
        title, handle = read.text("title"), read.text("handle")
        product_key = read.code("product_key")
        key = (f"id:{product_key}" if product_key else f"handle:{handle}" if handle
               else f"title:{title}" if title else f"row:{row}")
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(row, key, title, _fields(read, handle), (
                read.text("option1_name"), read.text("option2_name"), read.text("option3_name")))
            if not title:
                read.problem("title", _("is required"))
        elif title and title != group.title:
            read.problem(
                "title",
                _(
                    "differs from row {row} of the same product; the title of row {row} is used"
                ).format(row=group.row),
                "warning",
            )
        group.rows.append(row)
        sku, _kept = read.sku("sku", "")
        price = read.amount("price")
        if price is None and not read.raw("price").strip():
            read.problem("price", _("is required"))
        archived_text = read.code("archived").lower()
        if sku:
            group.variants.append(ParsedVariant(
                row=row, sku=sku, option1=read.text("option1_value"),
                option2=read.text("option2_value"), option3=read.text("option3_value"),
                barcode=read.barcode(), weight_grams=read.grams("weight", "g"), price=price,
                compare_at_price=read.amount("compare_at_price"), unit_cost=read.amount("cost"),
                quantity=read.quantity("quantity"),
                archived=(archived_text in BOOLEAN_TRUE) if archived_text else None,
                listings=tuple(_listings(read, channels))))
    return [ParsedProduct(row=g.row, key=g.key, title=g.title, option_names=g.option_names,
                          variants=tuple(g.variants), rows=tuple(g.rows), **g.fields)
            for g in groups.values()]


def _fields(read: ProductRowReader, handle: str) -> dict:
    return {
        "handle": handle or None, "description": read.html("description"),
        "brand": read.optional_text("brand"), "category": read.optional_text("category"),
        "tags": split_list(read.raw("tags")) if read.columns.has("tags") else None,
        "status": read.status() if read.columns.has("status") else None,
    }


def _listings(read: ProductRowReader, channels: list[str]) -> list[ParsedListing]:
    statuses = {s.value for s in ListingStatus}
    found = []
    for channel in channels:
        status = read.text(f"listing:{channel}:status").lower()
        price = read.amount(f"listing:{channel}:price")
        item_id = read.code(f"listing:{channel}:item_id")
        if not (status or price is not None or item_id):
            continue
        if status and status not in statuses:
            read.problem(
                f"listing:{channel}:status",
                _("'{status}' is not a listing status (listed, paused or unlisted)").format(
                    status=status
                ),
            )
            continue
        found.append(ParsedListing(channel, status or None, price, item_id))
    return found
