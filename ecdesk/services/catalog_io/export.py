"""Exporting the catalog and its listings to CSV or XLSX, in ecdesk's template or Shopify's
product CSV layout, so that an edited catalog can go back to a platform. Both carry each SKU's
on-hand (`Stock`; Shopify's `Variant Inventory Qty`), so counts corrected in a spreadsheet can
be imported back.

Every text cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a CR)
gets a leading apostrophe; a plain negative number stays a number. In CSV, long digit-only codes
(barcodes) and codes with a leading zero get the same apostrophe Shopify uses, so that Excel
does not turn them into 7.35018E+12; ecdesk's importer removes it again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from ecdesk.db import UnitOfWork
from ecdesk.errors import EcdeskError, Problem
from ecdesk.i18n import _, format_integer
from ecdesk.money import from_minor_units
from ecdesk.private_files import owner_only
from ecdesk.services.catalog.categories import category_paths
from ecdesk.services.catalog_io.dto import ExportResult
from ecdesk.services.catalog_io.formats import template
from ecdesk.services.common.progress import Progress
from ecdesk.services.stock.ledger import allows_negative, shop_allows_negative
from ecdesk.services.tabular_io.table import XLSX_CELL_LIMIT, ImportCancelledError
from ecdesk.services.tabular_io.values import neutralize

LAYOUTS = ("ecdesk", "shopify")
SHOPIFY_COLUMNS = [
    "Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Published",
    "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name",
    "Option3 Value", "Variant SKU", "Variant Grams", "Variant Inventory Tracker",
    "Variant Inventory Qty", "Variant Inventory Policy", "Variant Price",
    "Variant Compare At Price", "Variant Barcode", "Variant Weight Unit", "Cost per item", "Status",
]
# What Shopify's own export writes for a SKU whose stock it tracks. Its inventory policy says
# whether the SKU may sell below zero: ecdesk's negative-stock permission ("continue") or not.
SHOPIFY_TRACKER = "shopify"
SHOPIFY_POLICY = {True: "continue", False: "deny"}
MONEY_COLUMNS = {"Price", "Compare-at price", "Cost", "Variant Price", "Variant Compare At Price",
                 "Cost per item"}
CODE_COLUMNS = {"SKU", "Barcode", "Variant SKU", "Variant Barcode"}
PROGRESS_EVERY = 2000

_PRODUCTS = """
    SELECT p.id, p.title, p.handle, p.description, p.brand, p.category_id, p.status,
           p.option1_name, p.option2_name, p.option3_name,
           (SELECT group_concat(t.name, ', ') FROM (SELECT t.name FROM product_tags pt
                JOIN tags t ON t.id = pt.tag_id WHERE pt.product_id = p.id ORDER BY t.name) t),
           v.id, v.sku, v.option1, v.option2, v.option3, v.barcode, v.weight_grams, v.price,
           v.compare_at_price, v.unit_cost, v.archived, v.on_hand, sp.allow_negative,
           p.product_type
    FROM products p JOIN variants v ON v.product_id = p.id
    LEFT JOIN stock_policies sp ON sp.variant_id = v.id
    ORDER BY p.id, v.position, v.id"""


def export_products(uow: UnitOfWork, path: Path | str, *, layout: str = "ecdesk",
                    progress: Progress | None = None) -> ExportResult:
    """Write every product and SKU (and, in the ecdesk layout, every listing) to `path`.

    The file type follows the suffix: .csv or .xlsx. The file is written under a temporary
    name and renamed, so a failed or cancelled export never leaves half a file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if layout not in LAYOUTS:
        raise EcdeskError(
            _("'{layout}' is not an export layout (ecdesk or shopify)").format(layout=layout)
        )
    if suffix not in (".csv", ".xlsx"):
        raise EcdeskError(
            _("{name}: choose a file name ending in .csv or .xlsx").format(name=path.name)
        )
    with uow:
        session = uow.session
        conn = session.connection()
        paths = category_paths(session)
        channels = [(cid, name) for cid, name in conn.exec_driver_sql(
            "SELECT id, name FROM channels ORDER BY position, id")]
        listings = _listings(conn) if layout == "ecdesk" else {}
        records = conn.exec_driver_sql(_PRODUCTS).all()
        oversell = shop_allows_negative(session)
    if layout == "ecdesk":
        header, rows = _template_rows(records, paths, channels, listings)
    else:
        header, rows = _shopify_rows(records, paths, oversell)
    products = len({r[0] for r in records})
    cut = _cut_cells(header, rows) if suffix == ".xlsx" else ()
    partial = path.with_name(path.name + ".partial")
    try:
        if suffix == ".csv":
            _write_csv(partial, header, rows, bom=layout == "ecdesk")
        else:
            _write_xlsx(partial, header, rows, progress)
        os.replace(owner_only(partial), path)
    finally:
        partial.unlink(missing_ok=True)
    return ExportResult(str(path), layout, products, len(rows), cut)


def _cut_cells(header: list[str], rows: list[list[Any]]) -> tuple[Problem, ...]:
    """A warning for each text cell longer than an XLSX cell holds (it is written cut; a
    re-import of the file keeps the shop's whole text)."""
    return tuple(
        Problem(header[i], _("{length} characters, more than the {limit} an Excel cell "
                             "holds: the file has the first {limit}. Export to CSV to keep "
                             "it whole").format(length=format_integer(len(value)),
                                                limit=format_integer(XLSX_CELL_LIMIT)),
                number, "warning")
        for number, row in enumerate(rows, start=2) for i, value in enumerate(row)
        if isinstance(value, str) and len(value) > XLSX_CELL_LIMIT)


def _listings(conn: Any) -> dict[tuple[int, int], tuple[str, int | None, str | None]]:
    return {(vid, cid): (status, price, item) for vid, cid, status, price, item in
            conn.exec_driver_sql("SELECT variant_id, channel_id, status, channel_price, "
                                 "channel_item_id FROM listings")}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _money(value: int | None) -> Decimal | None:
    return from_minor_units(value)


def _template_rows(records: list, paths: dict[int, str], channels: list[tuple[int, str]],
                   listings: dict) -> tuple[list[str], list[list[Any]]]:
    header = list(template.COLUMNS.values())
    for _cid, name in channels:
        header += [template.listing_header(name, part) for part in template.LISTING_PARTS]
    rows = []
    for r in records:
        row: list[Any] = [
            str(r[0]), _text(r[2]), r[1], r[3], r[4], paths.get(r[5], "") if r[5] else "",
            _text(r[10]), r[6], r[7], r[13], r[8], r[14], r[9], r[15], r[12], _text(r[16]),
            _text(r[17]), _money(r[18]), _money(r[19]), _money(r[20]), r[22],
            "true" if r[21] else "false"]
        for cid, _name in channels:
            status, price, item = listings.get((r[11], cid), ("", None, None))
            row += [status, _money(price), _text(item)]
        rows.append(row)
    return header, rows


def _slug(title: str, product_id: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:200] or f"product-{product_id}"


def _shopify_rows(records: list, paths: dict[int, str], oversell: bool
                  ) -> tuple[list[str], list[list[Any]]]:
    """Shopify's rows; `oversell` is the shop's default permission to go below zero."""
    rows = []
    handles: dict[int, str] = {}
    used: set[str] = set()
    for r in records:
        if r[21]:  # an archived SKU is not for sale: it does not go back to the platform
            continue
        product_id = r[0]
        first = product_id not in handles
        if first:
            handle = r[2] or _slug(r[1], product_id)
            if handle in used:
                handle = f"{handle}-{product_id}"
            handles[product_id] = handle
            used.add(handle)
        options = [r[13], r[14], r[15]]
        names = [r[7], r[8], r[9]]
        if not names[0] and not options[0]:
            names[0], options[0] = "Title", "Default Title"
        product_cells = [r[1], r[3], r[4], paths.get(r[5], "") if r[5] else "", r[24] or "",
                         _text(r[10]), "true" if r[6] == "active" else "false"]
        rows.append([
            handles[product_id], *(product_cells if first else [""] * len(product_cells)),
            names[0] if first else "", options[0], names[1] if first else "", options[1],
            names[2] if first else "", options[2], r[12], _text(r[17]), SHOPIFY_TRACKER,
            r[22], SHOPIFY_POLICY[allows_negative(r[23], oversell)], _money(r[18]),
            _money(r[19]), _text(r[16]), "g", _money(r[20]), r[6] if first else "",
        ])
    return SHOPIFY_COLUMNS, rows


def _csv_cell(value: Any, column: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value)
    text = neutralize(str(value))
    if column in CODE_COLUMNS and text.isdigit() and (len(text) >= 12 or text[0] == "0"):
        return "'" + text
    return text


def _write_csv(path: Path, header: list[str], rows: list[list[Any]], bom: bool) -> None:
    import pandas as pd

    cleaned = [[_csv_cell(v, c) for v, c in zip(row, header, strict=True)] for row in rows]
    frame = pd.DataFrame(cleaned, columns=header, dtype=object)
    frame.to_csv(path, index=False, encoding="utf-8-sig" if bom else "utf-8",
                 lineterminator="\r\n")


def _xlsx_cells(row: list[Any]) -> Iterator[Any]:
    for value in row:
        if value is None or isinstance(value, (Decimal, int)):
            yield value  # amounts and stock stay numbers (openpyxl writes Decimal exactly)
        else:
            yield neutralize(str(value))


def _write_xlsx(path: Path, header: list[str], rows: list[list[Any]],
                progress: Progress | None) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Products")
    sheet.append(header)
    for done, row in enumerate(rows, start=1):
        sheet.append(list(_xlsx_cells(row)))
        if progress is not None and done % PROGRESS_EVERY == 0 and \
                progress(done, len(rows)) is False:
            raise ImportCancelledError(_("Export cancelled: no file was written"))
    book.save(path)
    if progress is not None:
        progress(len(rows), len(rows))
