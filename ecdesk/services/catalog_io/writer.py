"""Writing an import: all or nothing (or only the products without problems), in one
transaction, with Core executemany of tuples and the search index rebuilt once for big files.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from ecdesk.db import UnitOfWork
from ecdesk.errors import ValidationError
from ecdesk.i18n import _
from ecdesk.models.audit import record_bulk
from ecdesk.services.catalog.categories import ensure_category
from ecdesk.services.catalog_io.dto import ImportCounts, ImportResult, ParsedFile
from ecdesk.services.catalog_io.mapping import store_column_mapping
from ecdesk.services.catalog_io.preview import Channel_, Plan, plan_import, to_preview
from ecdesk.services.changes import ChangeArea, Changed
from ecdesk.services.common.progress import Progress
from ecdesk.services.pricing.history import PriceSource, price_source
from ecdesk.services.shop_file.backups import back_up_before_bulk
from ecdesk.services.shop_file.bulk_indexes import indexes_built_after
from ecdesk.services.shop_file.collector_pause import collector_paused
from ecdesk.services.shop_file.sqlite_only import catalog_search_suspended
from ecdesk.services.shop_file.write_guard import (
    PRODUCT_IMPORT_TABLES,
    refuse_to_write_into_damage,
)
from ecdesk.services.stock.ledger import record_counted_movements, set_counted_levels
from ecdesk.services.tabular_io.bulk import cached_minor_units, chunked
from ecdesk.services.tabular_io.table import ImportCancelledError

BATCH = 5000  # rows per executemany, with a progress report between them
SUSPEND_INDEX_FROM = 2000  # SKUs written; below, the per-row triggers are cheaper than a rebuild


@collector_paused()
def import_products(uow: UnitOfWork, parsed: ParsedFile, *, channel: Channel_ = None,
                    only_valid: bool = False, remember_mapping: dict[str, str] | None = None,
                    rate: Decimal | None = None, progress: Progress | None = None
                    ) -> ImportResult:
    """Write `parsed` into the shop (and `channel`'s listings).

    Everything is checked again inside the transaction. With problems, nothing is written and
    ValidationError lists them, unless `only_valid`: then the products without problems are
    written and the others skipped. `remember_mapping` (the user's column corrections) is
    saved for the next file of this format once the import succeeded. `rate` converts the
    SKUs' prices of a file imported into a channel that sells in another currency.
    """
    if not parsed.file_error and (only_valid or not any(p.is_error for p in parsed.problems)):
        refuse_to_write_into_damage(uow, PRODUCT_IMPORT_TABLES)
        back_up_before_bulk(uow, sum(len(p.variants) for p in parsed.products))
    with uow:
        session = uow.session
        plan = plan_import(session, parsed, channel, only_valid=True, rate=rate)
        preview = to_preview(parsed, plan)
        if parsed.file_error or (preview.errors and not only_valid):
            raise ValidationError(list(preview.errors))
        with price_source(session, PriceSource.IMPORT):
            _write(session, plan, parsed, progress)
        if remember_mapping:
            store_column_mapping(session, parsed.format, remember_mapping)
        uow.commit()
    ids = tuple(p.product_id for p in plan.products if p.product_id is not None)
    counts = plan.counts
    areas = [ChangeArea.CATALOG, *([ChangeArea.STOCK] if counts.stock_levels_set else [])]
    message = _message(counts, plan.products_with_errors)
    return ImportResult(preview, counts, plan.products_with_errors,
                        Changed.of(*areas, message=message, ids=ids))


def _message(counts: ImportCounts, skipped: int) -> str:
    text = (f"Imported: {counts.products_created} product(s) created, "
            f"{counts.products_updated} updated; {counts.variants_created} SKU(s) created, "
            f"{counts.variants_updated} updated")
    if counts.listings_created or counts.listings_updated:
        text += (f"; {counts.listings_created} listing(s) created, "
                 f"{counts.listings_updated} updated")
    if skipped:
        text += f"; {skipped} product(s) with problems skipped"
    return text


def _now() -> str:
    # The text form SQLAlchemy's DateTime stores on SQLite (naive UTC).
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class _Writer:
    def __init__(self, session: Session, plan: Plan, progress: Progress | None) -> None:
        self.session = session
        self.conn: Connection = session.connection()
        self.plan = plan
        self.progress = progress
        self.done = 0
        self.total = sum(1 + len(p.variants) + len(p.listings) for p in plan.products)
        self.now = _now()
        self.created: list[int] = []  # product ids
        self.variants_created: list[int] = []

    def many(self, sql: str, rows: list[tuple]) -> None:
        for batch in chunked(rows, BATCH):
            self.conn.exec_driver_sql(sql, batch)
            self.done += len(batch)
            if self.progress is not None and self.progress(min(self.done, self.total),
                                                           self.total) is False:
                raise ImportCancelledError(_("Import cancelled: nothing was written"))


def _write(session: Session, plan: Plan, parsed: ParsedFile, progress: Progress | None) -> None:
    writer = _Writer(session, plan, progress)
    variants_written = sum(len(p.variants) for p in plan.products)
    suspend = variants_written >= SUSPEND_INDEX_FROM
    with (catalog_search_suspended(session) if suspend else nullcontext(),
          indexes_built_after(writer.conn, _incoming_rows(plan))):
        categories = _categories(session, plan)
        tag_ids = _tags(writer, plan)
        _products(writer, plan, categories)
        _variants(writer, plan)
        _product_tags(writer, plan, tag_ids)
        _listings(writer, plan)
        _stock_levels(writer, plan, Path(parsed.path).name)
    record_bulk(session, "import", _summary(plan, parsed, writer.created))


def _incoming_rows(plan: Plan) -> dict[str, int]:
    """Rows each table is about to receive (tags: an upper bound, unchanged ones are kept)."""
    counts = plan.counts
    return {"products": counts.products_created, "variants": counts.variants_created,
            "stock_movements": counts.stock_levels_set, "listings": counts.listings_created,
            "product_tags": sum(len(p.tags) for p in plan.products if p.tags is not None)}


def _categories(session: Session, plan: Plan) -> dict[str, int | None]:
    paths = {p.values["category"] for p in plan.products}
    return {path: ensure_category(session, path) if path else None for path in sorted(paths)}


def _tags(writer: _Writer, plan: Plan) -> dict[str, int]:
    conn = writer.conn
    query = "SELECT id, name FROM tags"
    existing = {name.lower(): tid for tid, name in conn.exec_driver_sql(query)}
    missing: dict[str, str] = {}
    for product in plan.products:
        for tag in product.tags or ():
            if tag.lower() not in existing:
                missing.setdefault(tag.lower(), tag)
    if missing:
        conn.exec_driver_sql("INSERT INTO tags (name) VALUES (?)",
                             [(name,) for name in missing.values()])
        existing = {name.lower(): tid for tid, name in conn.exec_driver_sql(query)}
    return existing


def _next_id(conn: Connection, table: str) -> int:
    return conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").scalar_one()


def _product_row(values: dict[str, Any], categories: dict[str, int | None]) -> tuple:
    return (values["title"], values["handle"], values["description"], values["brand"],
            categories[values["category"]], values["status"], values["option1_name"],
            values["option2_name"], values["option3_name"], values["product_type"])


def _products(writer: _Writer, plan: Plan, categories: dict[str, int | None]) -> None:
    next_id = _next_id(writer.conn, "products")
    new, changed = [], []
    for product in plan.products:
        if product.product_id is None:
            product.product_id = next_id
            writer.created.append(next_id)
            next_id += 1
            new.append((product.product_id, *_product_row(product.values, categories),
                        writer.now, writer.now))
        elif set(product.changes) - {"tags"}:
            changed.append((*_product_row(product.values, categories), writer.now,
                            product.product_id))
    writer.many("INSERT INTO products (id, title, handle, description, brand, category_id, "
                "status, option1_name, option2_name, option3_name, product_type, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new)
    writer.many("UPDATE products SET title = ?, handle = ?, description = ?, brand = ?, "
                "category_id = ?, status = ?, option1_name = ?, option2_name = ?, "
                "option3_name = ?, product_type = ?, updated_at = ? WHERE id = ?", changed)


def _money(value: Decimal | None) -> int | None:
    """Stored hundredths (prices repeat across a catalog: cached)."""
    return None if value is None else cached_minor_units(value)


def _variants(writer: _Writer, plan: Plan) -> None:
    next_id = _next_id(writer.conn, "variants")
    new, changed = [], []
    for product in plan.products:
        for variant in product.variants:
            v = variant.values
            columns = (v["option1"], v["option2"], v["option3"], v["barcode"],
                       v["weight_grams"], _money(v["unit_cost"]), _money(v["price"]),
                       _money(v["compare_at_price"]), int(v["archived"]))
            if variant.variant_id is None:
                variant.variant_id = next_id
                writer.variants_created.append(next_id)
                next_id += 1
                new.append((variant.variant_id, product.product_id, v["position"], v["sku"],
                            *columns, variant.stock[1] if variant.stock else 0))
            elif variant.changes:
                changed.append((*columns, variant.variant_id))
    writer.many("INSERT INTO variants (id, product_id, position, sku, option1, option2, "
                "option3, barcode, weight_grams, unit_cost, price, compare_at_price, archived, "
                "on_hand) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new)
    writer.many("UPDATE variants SET option1 = ?, option2 = ?, option3 = ?, barcode = ?, "
                "weight_grams = ?, unit_cost = ?, price = ?, compare_at_price = ?, "
                "archived = ? WHERE id = ?", changed)


def _product_tags(writer: _Writer, plan: Plan, tag_ids: dict[str, int]) -> None:
    replaced = [(p.product_id,) for p in plan.products if p.tags is not None]
    if replaced:
        writer.conn.exec_driver_sql("DELETE FROM product_tags WHERE product_id = ?", replaced)
    rows = [(p.product_id, tag_ids[t.lower()]) for p in plan.products if p.tags is not None
            for t in p.tags]
    writer.many("INSERT OR IGNORE INTO product_tags (product_id, tag_id) VALUES (?, ?)", rows)


def _listings(writer: _Writer, plan: Plan) -> None:
    new, changed = [], []
    for product in plan.products:
        for listing in product.listings:
            v = listing.values
            columns = (v["channel_item_id"], v["status"], _money(v["channel_price"]))
            if listing.listing_id is None:
                new.append((listing.variant.variant_id, listing.channel_id, *columns, writer.now))
            elif listing.changes:
                changed.append((*columns, writer.now, listing.listing_id))
    writer.many("INSERT INTO listings (variant_id, channel_id, channel_item_id, status, "
                "channel_price, channel_title, changed_at) VALUES (?, ?, ?, ?, ?, '', ?)", new)
    writer.many("UPDATE listings SET channel_item_id = ?, status = ?, channel_price = ?, "
                "changed_at = ? WHERE id = ?", changed)


def _stock_levels(writer: _Writer, plan: Plan, file_name: str) -> None:
    """Counted movements for the file's quantities; new SKUs got their on-hand in the row."""
    created = set(writer.variants_created)
    changed = [v for p in plan.products for v in p.variants if v.stock is not None]
    reason = f"Stock level from {file_name}"
    record_counted_movements(writer.conn, [(v.variant_id, v.stock[1]) for v in changed
                                           if v.variant_id in created], writer.now, reason,
                             file_name)
    set_counted_levels(writer.conn, [(v.variant_id, *v.stock) for v in changed
                                     if v.variant_id not in created], writer.now, reason,
                       file_name)


def _summary(plan: Plan, parsed: ParsedFile, created: list[int]) -> dict[str, Any]:
    """The audit row: the file, the counts, and old/new values of everything updated."""
    if created:  # contiguous ids: a range keeps the row small for 100,000 products
        created = [created[0], created[-1]] if created[-1] - created[0] + 1 == len(created) \
            else created
    return {
        "file": Path(parsed.path).name, "format": parsed.format, "channel": plan.channel_name,
        "counts": plan.counts.__dict__, "skipped_products": plan.products_with_errors,
        "created_product_ids": created,
        "updated_products": {str(p.product_id): p.changes for p in plan.products if p.changes},
        "updated_variants": {str(v.variant_id): v.changes for p in plan.products
                             for v in p.variants if v.changes},
        "updated_listings": {str(lst.listing_id): lst.changes for p in plan.products
                             for lst in p.listings if lst.listing_id and lst.changes},
    }
