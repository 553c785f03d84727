"""Exporting the catalog to CSV and XLSX, and importing it back to the same catalog."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from ecdesk.db import Database, open_database
from ecdesk.services.catalog_io import (
    export_products,
    import_products,
    preview_import,
    read_import_file,
)
from ecdesk.services.channels import list_channels, save_channel

CATALOG = """
    SELECT v.sku, p.title, p.handle, p.description, p.brand, coalesce(c.path, ''), p.status,
           p.option1_name, p.option2_name, p.option3_name, v.option1, v.option2, v.option3,
           v.barcode, v.weight_grams, v.price, v.compare_at_price, v.unit_cost, v.archived,
           (SELECT group_concat(t.name, '|') FROM (SELECT t.name FROM product_tags pt
               JOIN tags t ON t.id = pt.tag_id WHERE pt.product_id = p.id ORDER BY t.name) t),
           (SELECT group_concat(ch.name || ':' || l.status || ':' || coalesce(l.channel_price, '')
                                || ':' || coalesce(l.channel_item_id, ''), '|')
            FROM (SELECT * FROM listings l2 WHERE l2.variant_id = v.id ORDER BY l2.channel_id) l
            JOIN channels ch ON ch.id = l.channel_id)
    FROM variants v JOIN products p ON p.id = v.product_id
    LEFT JOIN categories c ON c.id = p.category_id ORDER BY v.sku"""


def catalog(db: Database) -> list[tuple]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(CATALOG).fetchall()
    finally:
        conn.close()


def new_product(db: Database, tmp_path: Path, title: str, sku: str = "X-1") -> None:
    path = tmp_path / f"{sku}.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["Product ID", "Title", "SKU", "Price", "Cost", "Weight (g)", "Archived",
                         "Description (HTML)"])
        writer.writerow(["1", title, sku, "5.00", "1.00", "", "false", title])
    import_products(db.uow(), read_import_file(path))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exporting_and_importing_into_the_same_shop_changes_nothing(
        demo_shop: Database, tmp_path: Path, suffix: str):
    out = tmp_path / f"catalog{suffix}"
    result = export_products(demo_shop.uow(), out)
    assert result.rows == 800
    preview = preview_import(demo_shop.uow(), read_import_file(out))
    assert preview.errors == ()
    counts = preview.counts
    assert (counts.products_created, counts.products_updated, counts.variants_created,
            counts.variants_updated, counts.listings_created, counts.listings_updated) == (
        0, 0, 0, 0, 0, 0)
    assert counts.variants_unchanged == 800


def test_a_round_trip_into_a_new_shop_gives_the_same_catalog(demo_shop: Database,
                                                             tmp_path: Path):
    out = tmp_path / "catalog.csv"
    export_products(demo_shop.uow(), out)
    other = open_database(tmp_path / "other.ecdesk")
    try:
        for channel in list_channels(demo_shop.uow(), include_archived=True):
            save_channel(other.uow(), name=channel.name, kind=channel.kind,
                         currency=channel.currency)
        import_products(other.uow(), read_import_file(out))
        assert catalog(other) == catalog(demo_shop)
    finally:
        other.close()


def test_a_shopify_layout_export_imports_back_unchanged(demo_shop: Database, tmp_path: Path):
    out = tmp_path / "shopify.csv"
    export_products(demo_shop.uow(), out, layout="shopify")
    parsed = read_import_file(out)
    assert (parsed.format, parsed.format_confident) == ("shopify", True)
    preview = preview_import(demo_shop.uow(), parsed)
    assert preview.errors == ()
    assert preview.counts.variants_updated == 0 and preview.counts.products_updated == 0
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    first, second = rows[0], rows[1]
    assert first["Handle"] == second["Handle"] and first["Title"] and not second["Title"]
    assert first["Variant Barcode"].startswith("'69")  # kept as text when Excel opens it


def test_cells_that_would_run_as_formulas_are_neutralized_in_csv_and_xlsx(tmp_shop: Database,
                                                                          tmp_path: Path):
    new_product(tmp_shop, tmp_path, "=HYPERLINK(\"http://evil\",\"x\")")
    export_products(tmp_shop.uow(), tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as file:
        row = next(csv.DictReader(file))
    assert row["Title"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert row["Price"] == "5.00"

    from openpyxl import load_workbook

    export_products(tmp_shop.uow(), tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx").active
    header = [c.value for c in sheet[1]]
    title = sheet.cell(2, header.index("Title") + 1)
    price = sheet.cell(2, header.index("Price") + 1)
    assert (title.data_type, title.value) == ("s", "'=HYPERLINK(\"http://evil\",\"x\")")
    assert price.data_type == "n" and str(price.value) == "5"
    back = read_import_file(tmp_path / "out.xlsx")
    assert back.products[0].title == "=HYPERLINK(\"http://evil\",\"x\")"


def test_an_unknown_file_type_is_refused_with_a_message(tmp_shop: Database, tmp_path: Path):
    from ecdesk.errors import EcdeskError

    with pytest.raises(EcdeskError, match=r"ending in \.csv or \.xlsx"):
        export_products(tmp_shop.uow(), tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
