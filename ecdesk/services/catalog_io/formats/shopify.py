"""Shopify's product CSV: the current header, the older one and the newer admin's renamed one.

Rows are grouped by handle into one product; its first row carries the product fields, every
row with a SKU, a price or an option value is a variant, and rows with only an image are
skipped. `Variant Grams` is always grams whatever the display unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ecdesk.errors import Problem
from ecdesk.i18n import _
from ecdesk.services.catalog_io.dto import ParsedProduct, ParsedVariant
from ecdesk.services.catalog_io.formats.common import ProductRowReader, generated_sku
from ecdesk.services.tabular_io.columns import Columns
from ecdesk.services.tabular_io.values import split_list

NAME = "shopify"
LABEL = "Shopify product CSV"
ALIASES: dict[str, tuple[str, ...]] = {
    "handle": ("handle", "url handle"),
    "title": ("title",),
    "description": ("body (html)", "description", "body html"),
    "brand": ("vendor",),
    "category": ("product category", "standardized product type", "google product category"),
    "product_type": ("type", "custom product type"),
    "tags": ("tags",),
    "published": ("published", "published on online store"),
    "status": ("status",),
    "option1_name": ("option1 name",), "option1_value": ("option1 value",),
    "option2_name": ("option2 name",), "option2_value": ("option2 value",),
    "option3_name": ("option3 name",), "option3_value": ("option3 value",),
    "sku": ("variant sku", "sku"),
    "weight": ("variant grams", "weight value (grams)"),
    "quantity": ("variant inventory qty", "inventory quantity"),
    "price": ("variant price", "price"),
    "compare_at_price": ("variant compare at price", "compare-at price", "compare at price"),
    "barcode": ("variant barcode", "barcode"),
    "cost": ("cost per item",),
}
SIGNATURE = (
    ("handle", "url handle"), ("option1 name",), ("option1 value",),
    ("variant sku", "variant price", "compare-at price", "inventory tracker",
     "variant inventory tracker"),
    ("body (html)", "published on online store", "variant grams", "weight value (grams)"),
    ("vendor",),
)
REQUIRED = ("handle", "title")
DEFAULT_OPTION = ("title", "default title")


def extra_columns(header: list[str]) -> dict[str, int]:
    return {}


@dataclass
class _Group:
    product_row: int
    handle: str
    title: str = ""
    fields: dict = field(default_factory=dict)
    option_names: tuple[str, str, str] = ("", "", "")
    variants: list[ParsedVariant] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


def build(rows: Iterable[tuple[int, list[str]]], columns: Columns, problems: list[Problem]
          ) -> list[ParsedProduct]:
    groups: dict[str, _Group] = {}
    read = ProductRowReader(columns, problems)
    for row, cells in rows:
        read.at(row, cells)
        handle = read.text("handle")
        if not handle:
            read.problem("handle", _("is empty: the row cannot be linked to a product"))
            continue
        group = groups.get(handle)
        if group is None:
            group = groups[handle] = _Group(row, handle)
            _product_fields(read, group)
        group.rows.append(row)
        if _is_variant_row(read):
            variant = _variant(read, group)
            if variant is not None:
                group.variants.append(variant)
    return [_product(g, columns, problems) for g in groups.values()]


def _product_fields(read: ProductRowReader, group: _Group) -> None:
    group.title = read.text("title")
    category = read.optional_text("category")
    if not category and read.columns.has("product_type"):
        category = read.text("product_type")
    status = read.status() if read.columns.has("status") else None
    if status is None and read.columns.has("published") and read.text("published"):
        status = "active" if read.text("published").lower() == "true" else "draft"
    tags = split_list(read.raw("tags")) if read.columns.has("tags") else None
    group.fields = {"description": read.html("description"),
                    "brand": read.optional_text("brand"), "category": category,
                    "tags": tags, "status": status,
                    "product_type": read.optional_text("product_type")}
    names = [read.text(f"option{i}_name") for i in (1, 2, 3)]
    if names[0].lower() == DEFAULT_OPTION[0] and read.text("option1_value").lower() in (
            DEFAULT_OPTION[1], ""):
        names[0] = ""
    group.option_names = (names[0], names[1], names[2])


def _is_variant_row(read: ProductRowReader) -> bool:
    return bool(read.raw("sku").strip() or read.raw("price").strip()
                or read.raw("option1_value").strip() or read.raw("barcode").strip())


def _variant(read: ProductRowReader, group: _Group) -> ParsedVariant | None:
    option_values = [read.text(f"option{i}_value") for i in (1, 2, 3)]
    if not group.option_names[0] and option_values[0].lower() == DEFAULT_OPTION[1]:
        option_values[0] = ""
    number = str(len(group.variants) + 1) if group.variants else ""
    sku, generated = read.sku("sku", lambda: generated_sku(group.handle, number))
    price = read.amount("price")
    if price is None and not read.raw("price").strip():
        read.problem("price", _("is required"))
    variant = ParsedVariant(
        row=read.row, sku=sku, sku_generated=generated,
        option1=option_values[0], option2=option_values[1], option3=option_values[2],
        barcode=read.barcode(), weight_grams=read.grams("weight", "g"),
        price=price, compare_at_price=read.amount("compare_at_price"),
        unit_cost=read.amount("cost"), quantity=read.quantity("quantity"),
    )
    return variant if sku else None


def _product(group: _Group, columns: Columns, problems: list[Problem]) -> ParsedProduct:
    if not group.title:
        problems.append(Problem(columns.name("title"), _("is required"), group.product_row))
    if not group.variants:
        problems.append(
            Problem(
                columns.name("sku"),
                _("product '{handle}' has no variant row (a row with a SKU or a price)").format(
                    handle=group.handle
                ),
                group.product_row,
            )
        )
    return ParsedProduct(
        row=group.product_row, key=group.handle, title=group.title, handle=group.handle,
        option_names=group.option_names, variants=tuple(group.variants),
        rows=tuple(group.rows), **group.fields)
