"""Comparing a parsed file with the shop: what would be created or updated, and what is wrong.

`plan_import` is shared by the preview and the writer, so that what the user saw is what is
checked again inside the writing transaction. Products are matched by SKU first, then by
handle; SKUs of a matched product by SKU. Empty cells keep what the shop has (a file from a
platform that lacks costs does not wipe them), except the compare-at price, which an empty cell
clears (no "was" price any more).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import Problem
from ecdesk.i18n import N_, _, format_integer
from ecdesk.models import Channel
from ecdesk.money import from_minor_units
from ecdesk.services.catalog.categories import SEPARATOR, category_paths, split_path
from ecdesk.services.catalog_io.currency import (
    PriceCurrency,
    in_shop_currency,
    unpriced_new_sku,
)
from ecdesk.services.catalog_io.dto import (
    ImportCounts,
    ImportPreview,
    ParsedFile,
    ParsedProduct,
    ParsedVariant,
)
from ecdesk.services.purchasing.cost_history import average_cost_kept, costed_by_receipts
from ecdesk.services.settings import read_settings
from ecdesk.services.shop_file.collector_pause import collector_paused
from ecdesk.services.stock.ledger import negative_allowed, shop_allows_negative
from ecdesk.services.tabular_io.problems import by_row, format_notes
from ecdesk.services.tabular_io.table import XLSX_CELL_LIMIT, XLSX_SUFFIXES

Channel_ = int | str | None


@dataclass
class VariantPlan:
    parsed: ParsedVariant
    variant_id: int | None
    values: dict[str, Any]  # the variant's columns after the import
    changes: dict[str, list[Any]]  # field: [old, new], for an existing variant
    stock: tuple[int, int] | None = None  # (on hand now, the file's quantity) when they differ


@dataclass
class ListingPlan:
    variant: VariantPlan
    channel_id: int
    listing_id: int | None
    values: dict[str, Any]  # status, channel_price (minor units or None), channel_item_id
    changes: dict[str, list[Any]]


@dataclass
class ProductPlan:
    parsed: ParsedProduct
    product_id: int | None
    values: dict[str, Any]  # the product's columns after the import (category as a path)
    changes: dict[str, list[Any]]
    tags: list[str] | None  # the wanted tags when they change (or on a new product)
    variants: list[VariantPlan] = field(default_factory=list)
    listings: list[ListingPlan] = field(default_factory=list)


@dataclass
class Plan:
    products: list[ProductPlan]
    counts: ImportCounts
    problems: list[Problem]
    products_with_errors: int
    channel_name: str | None
    currency_note: str = ""


PRODUCT_FIELDS = ("title", "handle", "description", "brand", "category", "status",
                  "option1_name", "option2_name", "option3_name", "product_type")
VARIANT_FIELDS = ("option1", "option2", "option3", "barcode", "weight_grams", "unit_cost",
                  "price", "compare_at_price", "archived")


@collector_paused()
def preview_import(uow: UnitOfWork, parsed: ParsedFile, *, channel: Channel_ = None,
                   rate: Decimal | None = None) -> ImportPreview:
    """What importing `parsed` would do (into `channel`, a name or an id), writing nothing.

    `rate` (shop currency per unit of the channel's) converts the SKUs' prices of a file
    imported into a channel that sells in another currency; None leaves them as they are."""
    with uow:
        plan = plan_import(uow.session, parsed, channel, only_valid=True, rate=rate)
    return to_preview(parsed, plan)


def to_preview(parsed: ParsedFile, plan: Plan) -> ImportPreview:
    quantities = [v.quantity for p in parsed.products for v in p.variants
                  if v.quantity is not None]
    notes = []
    if quantities:
        notes.append(f"{len(quantities)} SKU(s) have a stock quantity in the file (total "
                     f"{sum(quantities)}); {plan.counts.stock_levels_set} differ from ecdesk's "
                     "stock and will be set to the file's quantity by a counted stock movement")
    notes += format_notes(parsed)
    if plan.currency_note:
        notes.append(plan.currency_note)
    if parsed.unused_columns:  # every one: a column dropped without a word loses data
        notes.append(_("{count} column(s) of the file will not be imported: {columns}").format(
            count=len(parsed.unused_columns), columns=", ".join(parsed.unused_columns)))
    return ImportPreview(
        file=parsed, channel=plan.channel_name, counts=plan.counts, problems=by_row(plan.problems),
        products_with_errors=plan.products_with_errors, quantities_read=len(quantities),
        quantity_total=sum(quantities), notes=tuple(notes))


def plan_import(session: Session, parsed: ParsedFile, channel: Channel_, *,
                only_valid: bool, rate: Decimal | None = None) -> Plan:
    problems = list(parsed.problems)
    channel_id, channel_name, channel_currency = _channel(session, channel, problems)
    if parsed.file_error or (channel is not None and channel_id is None):
        return Plan([], ImportCounts(), problems, len(parsed.products), channel_name)
    shop_currency = read_settings(session).currency
    currency = PriceCurrency(channel_currency or shop_currency, shop_currency, rate)
    parsed, listing_prices = in_shop_currency(parsed, currency)
    present = _Present(parsed, keep_compare_at=currency.foreign and rate is None)
    shop = _Shop.load(session, parsed, channel_id)
    plans: list[ProductPlan] = []
    for product in parsed.products:
        plan = _plan_product(product, shop, present, problems, parsed)
        if plan is not None:
            plans.append(plan)
    if currency.foreign and rate is None:
        problems += [unpriced_new_sku(v.parsed, present.price_column, currency, channel_name)
                     for plan in plans for v in plan.variants if v.variant_id is None]
    _plan_listings(session, plans, shop, channel_id, problems, parsed, listing_prices)
    _refuse_negative_stock(session, plans, problems, parsed)
    error_rows = {p.row for p in problems if p.is_error and p.row is not None}
    valid = [p for p in plans if not error_rows.intersection(p.parsed.rows)]
    invalid = len(parsed.products) - len(valid)
    return Plan(valid if only_valid else plans, _count(valid), problems, invalid, channel_name,
                currency.note(channel_name))


def _channel(session: Session, channel: Channel_, problems: list[Problem]
             ) -> tuple[int | None, str | None, str | None]:
    """The channel's id, name and currency (None, None, None: no channel)."""
    if channel is None:
        return None, None, None
    query = select(Channel.id, Channel.name, Channel.currency)
    if isinstance(channel, int):
        row = session.execute(query.where(Channel.id == channel)).first()
    else:
        row = session.execute(query.where(func.lower(Channel.name) == channel.strip().lower())
                              ).first()
    if row is None:
        problems.append(Problem(N_("Channel"), _("there is no channel '{channel}' in the shop")
                                           .format(channel=channel)))
        return None, str(channel), None
    return row.id, row.name, row.currency


ZERO = Decimal("0.00")


class _Present:
    """Which fields the file has a column for (an absent column keeps the shop's values)."""

    def __init__(self, parsed: ParsedFile, keep_compare_at: bool = False) -> None:
        fields = {c.field for c in parsed.mapping if c.column}
        combined = "options" in fields
        self.option_names = tuple(combined or f"option{i}_name" in fields for i in (1, 2, 3))
        self.option_values = tuple(combined or f"option{i}_value" in fields for i in (1, 2, 3))
        # a foreign-currency file without a rate leaves the SKU's compare-at price as it is
        self.compare_at = not keep_compare_at and bool(fields & {"compare_at_price",
                                                                  "sale_price"})
        self.sku_column = parsed.column_of("sku") or "SKU"
        self.price_column = parsed.column_of("price") or "Price"
        self.cost_column = parsed.column_of("cost") or "Cost"
        self.description_column = parsed.column_of("description") or "Description"
        self.xlsx = Path(parsed.path).suffix.lower() in XLSX_SUFFIXES
        self.handle_column = parsed.column_of("handle") or "Handle"


class _Shop:
    """What the shop already has that the file touches, read in a few queries."""

    def __init__(self) -> None:
        self.sku_owner: dict[str, tuple[int, int, str]] = {}  # lower sku: variant, product, sku
        self.handle_owner: dict[str, int] = {}
        self.titles: dict[int, str] = {}
        self.products: dict[int, dict[str, Any]] = {}
        self.variants: dict[int, dict[str, Any]] = {}  # by variant id
        self.positions: dict[int, int] = {}  # product id: next free position
        self.tags: dict[int, list[str]] = {}
        self.tag_names: dict[str, str] = {}  # lower: stored spelling
        self.channels: dict[str, int] = {}  # lower name: id
        self.listings: dict[tuple[int, int], dict[str, Any]] = {}
        self.item_owner: dict[tuple[int, str], int] = {}  # (channel, item id): variant id
        self.costed_by_receipts: set[int] = set()  # SKUs whose cost is the moving average

    @classmethod
    def load(cls, session: Session, parsed: ParsedFile, channel_id: int | None) -> _Shop:
        shop = cls()
        conn = session.connection()
        skus = [v.sku.lower() for p in parsed.products for v in p.variants]
        for vid, pid, sku in conn.exec_driver_sql(
                "SELECT id, product_id, sku FROM variants "
                "WHERE lower(sku) IN (SELECT value FROM json_each(?))", (json.dumps(skus),)):
            shop.sku_owner[sku.lower()] = (vid, pid, sku)
        shop.costed_by_receipts = costed_by_receipts(conn, [o[0] for o in shop.sku_owner.values()])
        handles = [p.handle.lower() for p in parsed.products if p.handle]
        for pid, handle in conn.exec_driver_sql(
                "SELECT id, handle FROM products "
                "WHERE lower(handle) IN (SELECT value FROM json_each(?))", (json.dumps(handles),)):
            shop.handle_owner[handle.lower()] = pid
        ids = sorted({o[1] for o in shop.sku_owner.values()} | set(shop.handle_owner.values()))
        shop._load_products(session, ids)
        shop.tag_names = {name.lower(): name
                          for (name,) in conn.exec_driver_sql("SELECT name FROM tags")}
        shop.channels = {name.lower(): cid for cid, name in conn.exec_driver_sql(
            "SELECT id, name FROM channels")}
        return shop

    def _load_products(self, session: Session, ids: list[int]) -> None:
        if not ids:
            return
        conn = session.connection()
        paths = category_paths(session)
        id_list = json.dumps(ids)
        for row in conn.exec_driver_sql(
                "SELECT id, title, handle, description, brand, category_id, status, "
                "option1_name, option2_name, option3_name, product_type FROM products "
                "WHERE id IN (SELECT value FROM json_each(?))", (id_list,)):
            pid = row[0]
            self.titles[pid] = row[1]
            self.products[pid] = {
                "title": row[1], "handle": row[2], "description": row[3], "brand": row[4],
                "category": paths.get(row[5], "") if row[5] else "", "status": row[6],
                "option1_name": row[7], "option2_name": row[8], "option3_name": row[9],
                "product_type": row[10]}
        for row in conn.exec_driver_sql(
                "SELECT id, product_id, position, option1, option2, option3, barcode, "
                "weight_grams, unit_cost, price, compare_at_price, archived, sku, on_hand "
                "FROM variants "
                "WHERE product_id IN (SELECT value FROM json_each(?))", (id_list,)):
            self.variants[row[0]] = {
                "option1": row[3], "option2": row[4], "option3": row[5], "barcode": row[6],
                "weight_grams": row[7], "unit_cost": from_minor_units(row[8]),
                "price": from_minor_units(row[9]), "compare_at_price": from_minor_units(row[10]),
                "archived": bool(row[11]), "sku": row[12], "on_hand": row[13]}
            self.positions[row[1]] = max(self.positions.get(row[1], 0), row[2] + 1)
        for pid, name in conn.exec_driver_sql(
                "SELECT pt.product_id, t.name FROM product_tags pt JOIN tags t ON t.id = pt.tag_id "
                "WHERE pt.product_id IN (SELECT value FROM json_each(?))", (id_list,)):
            self.tags.setdefault(pid, []).append(name)

    def load_listings(self, session: Session, variant_ids: list[int],
                      item_ids: list[tuple[int, str]]) -> None:
        conn = session.connection()
        for lid, vid, cid, status, price, item in conn.exec_driver_sql(
                "SELECT id, variant_id, channel_id, status, channel_price, channel_item_id "
                "FROM listings WHERE variant_id IN (SELECT value FROM json_each(?))",
                (json.dumps(variant_ids),)):
            self.listings[(vid, cid)] = {"id": lid, "status": status, "channel_price": price,
                                         "channel_item_id": item}
        for cid, item, vid in conn.exec_driver_sql(
                "SELECT l.channel_id, l.channel_item_id, l.variant_id FROM listings l "
                "JOIN json_each(?) j ON json_extract(j.value, '$[0]') = l.channel_id "
                "AND json_extract(j.value, '$[1]') = l.channel_item_id",
                (json.dumps(item_ids),)):
            self.item_owner[(cid, item)] = vid


def _plan_product(product: ParsedProduct, shop: _Shop, present: _Present,
                  problems: list[Problem], parsed: ParsedFile) -> ProductPlan | None:
    sku_column = present.sku_column
    owners = {}
    for variant in product.variants:
        owner = shop.sku_owner.get(variant.sku.lower())
        if owner is not None:
            owners.setdefault(owner[1], variant)
    product_id = None
    by_handle = shop.handle_owner.get(product.handle.lower()) if product.handle else None
    if owners:
        product_id = by_handle if by_handle in owners else next(iter(owners))
    elif by_handle is not None:
        product_id = by_handle
    for owner_id, variant in owners.items():
        if owner_id != product_id:
            problems.append(
                Problem(
                    sku_column,
                    _("'{sku}' is already used by another product, '{get}'").format(
                        sku=variant.sku, get=shop.titles.get(owner_id, owner_id)
                    ),
                    variant.row,
                )
            )
    if (product.handle and by_handle is not None and by_handle != product_id):
        problems.append(
            Problem(
                present.handle_column,
                _("'{handle}' is already the handle of another product, '{get}'").format(
                    handle=product.handle, get=shop.titles.get(by_handle, by_handle)
                ),
                product.row,
            )
        )
    current = shop.products.get(product_id, {}) if product_id else {}
    wanted = _product_values(product, current, present)
    if present.xlsx and product.description is not None and \
            len(product.description) >= XLSX_CELL_LIMIT - 1:  # -1: a formula guard taken off
        _keep_whole_text(product, wanted, current, present, problems)
    changes = {k: [current.get(k), v] for k, v in wanted.items()
               if current.get(k) != v} if product_id else {}
    tags = _wanted_tags(product, shop, product_id)
    if tags is not None and product_id:
        changes["tags"] = [sorted(shop.tags.get(product_id, []), key=str.lower), tags]
    plan = ProductPlan(product, product_id, wanted, changes, tags)
    next_position = shop.positions.get(product_id, 0) if product_id else 0
    variants = plan.variants
    for variant in product.variants:
        owner = shop.sku_owner.get(variant.sku.lower()) if owners else None
        if owner is not None and owner[1] == product_id:
            old = shop.variants[owner[0]]
            values = _variant_values(variant, old, present)
            if owner[0] in shop.costed_by_receipts:
                _keep_average_cost(variant, values, old, present, problems)
            values["sku"] = old["sku"]  # the stored spelling: matching ignores case
            var_changes = {k: [old[k], values[k]] for k in VARIANT_FIELDS
                           if old[k] != values[k]}
            variants.append(VariantPlan(variant, owner[0], values, var_changes,
                                        _stock_change(variant, old["on_hand"])))
        else:
            values = _variant_values(variant, {}, present)
            values["position"] = next_position
            values["sku"] = variant.sku
            next_position += 1
            variants.append(VariantPlan(variant, None, values, {}, _stock_change(variant, 0)))
    return plan


def _keep_average_cost(variant: ParsedVariant, values: dict[str, Any], old: dict[str, Any],
                       present: _Present, problems: list[Problem]) -> None:
    """A SKU received through purchase orders is costed at the moving average of what its
    deliveries cost (services/purchasing/costing.py): a file's cost does not replace it."""
    if values["unit_cost"] == old["unit_cost"]:
        return
    problems.append(Problem(present.cost_column, average_cost_kept(
        old["sku"], values["unit_cost"], old["unit_cost"]), variant.row, severity="warning"))
    values["unit_cost"] = old["unit_cost"]


def _keep_whole_text(product: ParsedProduct, wanted: dict[str, Any], current: dict[str, Any],
                     present: _Present, problems: list[Problem]) -> None:
    """A description as long as an XLSX cell holds was probably cut by Excel (or by an XLSX
    export): a longer text the shop has is never overwritten by it."""
    old = current.get("description") or ""
    limit = format_integer(XLSX_CELL_LIMIT)
    if len(old) > len(product.description or ""):
        wanted["description"] = old
        message = _("holds {limit} characters, all an Excel cell holds: it was cut. The shop's "
                    "longer description ({length} characters) is kept").format(
            limit=limit, length=format_integer(len(old)))
    else:
        message = _("holds {limit} characters, all an Excel cell holds: it may have been cut. "
                    "Import the text from a CSV file to be sure").format(limit=limit)
    problems.append(Problem(present.description_column, message, product.row, "warning"))


def _stock_change(variant: ParsedVariant, on_hand: int) -> tuple[int, int] | None:
    if variant.quantity is None or variant.quantity == on_hand:
        return None
    return (on_hand, variant.quantity)


def _refuse_negative_stock(session: Session, plans: list[ProductPlan], problems: list[Problem],
                           parsed: ParsedFile) -> None:
    """A count that takes a SKU below zero, refused unless the SKU may go negative.

    Reading the file accepts any whole number: the permission (the SKU's stock policy, else the
    shop default) is the ledger's rule, checked here where the row and column are known. As in
    the ledger, only a count lower than the stock now is checked.
    """
    lowering = [v for p in plans for v in p.variants
                if v.stock is not None and v.stock[1] < min(v.stock[0], 0)]  # below 0 and lower
    if not lowering:
        return
    allowed = negative_allowed(session, [v.variant_id for v in lowering if v.variant_id])
    new_allowed = (any(v.variant_id is None for v in lowering)
                   and shop_allows_negative(session))  # a new SKU has no policy yet
    column = parsed.column_of("quantity") or "Stock"
    for variant in lowering:
        if variant.variant_id in allowed or (variant.variant_id is None and new_allowed):
            continue
        problems.append(
            Problem(
                column,
                _(
                    "negative quantity {stock} for SKU {values}: stock cannot be below 0 for this "
                    "SKU (allow negative stock in its stock rules or in the shop's stock settings)"
                ).format(stock=variant.stock[1], values=variant.values["sku"]),
                variant.parsed.row,
            )
        )


def _product_values(product: ParsedProduct, current: dict[str, Any], present: _Present
                    ) -> dict[str, Any]:
    def keep(name: str, new: Any, default: Any = "") -> Any:
        return new if new is not None and (new != "" or not current) else current.get(
            name, default)

    status = product.status or current.get("status", "draft")
    category = None if product.category is None else SEPARATOR.join(split_path(product.category))
    return {
        "title": product.title or current.get("title", ""),
        "handle": product.handle or current.get("handle"),
        "description": keep("description", product.description),
        "brand": keep("brand", product.brand),
        "product_type": keep("product_type", product.product_type),
        "category": keep("category", category),
        "status": status,
        "option1_name": product.option_names[0] if present.option_names[0]
        else current.get("option1_name", ""),
        "option2_name": product.option_names[1] if present.option_names[1]
        else current.get("option2_name", ""),
        "option3_name": product.option_names[2] if present.option_names[2]
        else current.get("option3_name", ""),
    }


def _variant_values(variant: ParsedVariant, old: dict[str, Any], present: _Present
                    ) -> dict[str, Any]:
    if not old:  # a new SKU: what the file says
        return {"option1": variant.option1, "option2": variant.option2,
                "option3": variant.option3, "barcode": variant.barcode,
                "weight_grams": variant.weight_grams,
                "unit_cost": ZERO if variant.unit_cost is None else variant.unit_cost,
                "price": ZERO if variant.price is None else variant.price,
                "compare_at_price": variant.compare_at_price,
                "archived": bool(variant.archived)}
    options = present.option_values
    return {
        "option1": variant.option1 if options[0] else old["option1"],
        "option2": variant.option2 if options[1] else old["option2"],
        "option3": variant.option3 if options[2] else old["option3"],
        "barcode": old["barcode"] if variant.barcode is None else variant.barcode,
        "weight_grams": old["weight_grams"] if variant.weight_grams is None
        else variant.weight_grams,
        "unit_cost": old["unit_cost"] if variant.unit_cost is None else variant.unit_cost,
        "price": old["price"] if variant.price is None else variant.price,
        "compare_at_price": variant.compare_at_price if present.compare_at
        else old["compare_at_price"],
        "archived": old["archived"] if variant.archived is None else variant.archived,
    }


def _wanted_tags(product: ParsedProduct, shop: _Shop, product_id: int | None
                 ) -> list[str] | None:
    """The product's tags after the import when they change, else None."""
    if product.tags is None:
        return None
    wanted = sorted({shop.tag_names.get(t.lower(), t) for t in product.tags}, key=str.lower)
    wanted = list(dict.fromkeys(wanted))
    current = sorted(shop.tags.get(product_id, []), key=str.lower) if product_id else []
    if [t.lower() for t in wanted] == [t.lower() for t in current]:
        return None
    return wanted


def _plan_listings(session: Session, plans: list[ProductPlan], shop: _Shop,
                   channel_id: int | None, problems: list[Problem], parsed: ParsedFile,
                   listing_prices: dict[int, Decimal]) -> None:
    """Listings into `channel_id` for every SKU, and those of the template's channel columns.

    `listing_prices` (row: price) are the channel's own prices of a foreign-currency file."""
    wanted: list[tuple[ProductPlan, VariantPlan, int, dict[str, Any]]] = []
    for plan in plans:
        for variant in plan.variants:
            if channel_id is not None:
                listed = "listed" if plan.values["status"] == "active" else "unlisted"
                wanted.append((plan, variant, channel_id, {
                    "status": listed,
                    "channel_price": listing_prices.get(variant.parsed.row),
                    "channel_item_id": variant.parsed.item_id or None}))
            for listing in variant.parsed.listings:
                cid = shop.channels.get(listing.channel.lower())
                if cid is None:
                    problems.append(
                        Problem(
                            f"[{listing.channel}]",
                            _("there is no channel '{channel}' in the shop").format(
                                channel=listing.channel
                            ),
                            variant.parsed.row,
                        )
                    )
                    continue
                wanted.append((plan, variant, cid, {
                    "status": listing.status, "channel_price": listing.price,
                    "channel_item_id": listing.item_id or None}))
    if not wanted:
        return
    variant_ids = [v.variant_id for _, v, _, _ in wanted if v.variant_id]
    items = [(cid, values["channel_item_id"]) for _, _, cid, values in wanted
             if values["channel_item_id"]]
    shop.load_listings(session, variant_ids, items)
    seen_items: dict[tuple[int, str], int] = {}
    for plan, variant, cid, values in wanted:
        current = shop.listings.get((variant.variant_id, cid)) if variant.variant_id else None
        item = values["channel_item_id"]
        if item:
            owner = shop.item_owner.get((cid, item))
            if owner is not None and owner != variant.variant_id:
                problems.append(
                    Problem(
                        parsed.column_of("item_id") or "Item id",
                        _("item id '{item}' is already used by another SKU on this channel").format(
                            item=item
                        ),
                        variant.parsed.row,
                    )
                )
            first = seen_items.setdefault((cid, item), variant.parsed.row)
            if first != variant.parsed.row:
                problems.append(
                    Problem(
                        parsed.column_of("item_id") or "Item id",
                        _("item id '{item}' is also used in row {first}").format(
                            item=item, first=first
                        ),
                        variant.parsed.row,
                    )
                )
        if current is not None:
            merged = {
                "status": values["status"] or current["status"],
                "channel_price": (values["channel_price"] if values["channel_price"] is not None
                                  else from_minor_units(current["channel_price"])),
                "channel_item_id": item or current["channel_item_id"],
            }
            old = {"status": current["status"],
                   "channel_price": from_minor_units(current["channel_price"]),
                   "channel_item_id": current["channel_item_id"]}
            changes = {k: [old[k], v] for k, v in merged.items() if old[k] != v}
            plan.listings.append(ListingPlan(variant, cid, current["id"], merged, changes))
        else:
            values = {**values, "status": values["status"] or "unlisted"}
            plan.listings.append(ListingPlan(variant, cid, None, values, {}))


def _count(plans: list[ProductPlan]) -> ImportCounts:
    counts = dict.fromkeys(ImportCounts.__dataclass_fields__, 0)
    for plan in plans:
        if plan.product_id is None:
            counts["products_created"] += 1
        elif plan.changes or any(v.variant_id is None or v.changes for v in plan.variants):
            counts["products_updated"] += 1
        else:
            counts["products_unchanged"] += 1
        for variant in plan.variants:
            key = ("variants_created" if variant.variant_id is None else
                   "variants_updated" if variant.changes else "variants_unchanged")
            counts[key] += 1
            counts["stock_levels_set"] += variant.stock is not None
        for listing in plan.listings:
            if listing.listing_id is None:
                counts["listings_created"] += 1
            elif listing.changes:
                counts["listings_updated"] += 1
    return ImportCounts(**counts)
