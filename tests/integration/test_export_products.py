"""Exporting the catalog to CSV and XLSX, and importing it back to the same catalog."""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from ecdesk.db import Database, open_database
from ecdesk.errors import Problem, ValidationError
from ecdesk.services.catalog_io import (
    export_products,
    import_products,
    preview_import,
    read_import_file,
)
from ecdesk.services.channels import list_channels, save_channel
from ecdesk.services.stock.commands import PolicyDraft, set_stock_policy
from ecdesk.services.stock.defaults import get_stock_defaults, update_stock_defaults
from tests.stock_cells import set_stock_cells, template_rows

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


STOCK = """
    SELECT v.sku, v.on_hand, (SELECT coalesce(sum(m.quantity), 0) FROM stock_movements m
                              WHERE m.variant_id = v.id)
    FROM variants v ORDER BY v.sku"""
MOVEMENTS = "SELECT count(*) FROM stock_movements"
# A SKU below zero that may be (the demo has one), and one in stock that may not go negative.
NEGATIVE_ALLOWED = """
    SELECT v.sku, v.on_hand FROM variants v JOIN stock_policies p ON p.variant_id = v.id
    WHERE p.allow_negative AND v.on_hand < 0 ORDER BY v.sku LIMIT 1"""
NOT_ALLOWED = """
    SELECT v.sku, v.on_hand FROM variants v LEFT JOIN stock_policies p ON p.variant_id = v.id
    WHERE p.allow_negative IS NULL AND v.on_hand > 0 ORDER BY v.sku LIMIT 1"""


def query(db: Database, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def catalog(db: Database) -> list[tuple]:
    return query(db, CATALOG)


def stock(db: Database) -> dict[str, int]:
    """On hand by SKU, after checking that each equals the ledger's sum."""
    rows = query(db, STOCK)
    assert [(sku, on_hand) for sku, on_hand, _ in rows] == [(sku, total) for sku, _, total in rows]
    return {sku: on_hand for sku, on_hand, _ in rows}


def allow_negative_stock(db: Database) -> None:
    update_stock_defaults(db.uow(), replace(get_stock_defaults(db.uow()), allow_negative=True))


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
    assert (counts.stock_levels_set, preview.quantities_read) == (0, 800)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_importing_an_export_back_keeps_the_catalog_and_every_skus_stock_without_movements(
        demo_shop: Database, tmp_path: Path, suffix: str):
    out = tmp_path / f"catalog{suffix}"
    export_products(demo_shop.uow(), out)
    before, on_hand, movements = catalog(demo_shop), stock(demo_shop), query(demo_shop, MOVEMENTS)
    assert min(on_hand.values()) < 0  # the demo's SKU allowed to go negative goes through too
    result = import_products(demo_shop.uow(), read_import_file(out))
    assert (result.counts.variants_unchanged, result.counts.stock_levels_set) == (800, 0)
    assert catalog(demo_shop) == before
    assert stock(demo_shop) == on_hand
    assert query(demo_shop, MOVEMENTS) == movements


def other_shop_like(demo_shop: Database, tmp_path: Path) -> Database:
    other = open_database(tmp_path / "other.ecdesk")
    for channel in list_channels(demo_shop.uow(), include_archived=True):
        save_channel(other.uow(), name=channel.name, kind=channel.kind,
                     currency=channel.currency)
    return other


def test_a_round_trip_into_a_new_shop_gives_the_same_catalog_and_stock(demo_shop: Database,
                                                                       tmp_path: Path):
    out = tmp_path / "catalog.csv"
    export_products(demo_shop.uow(), out)
    other = other_shop_like(demo_shop, tmp_path)
    try:
        allow_negative_stock(other)  # the demo's negative SKU has its own policy, not copied
        import_products(other.uow(), read_import_file(out))
        assert catalog(other) == catalog(demo_shop)
        assert stock(other) == stock(demo_shop)
        assert query(other, "SELECT DISTINCT kind, reference FROM stock_movements") == [
            ("counted", "catalog.csv")]
    finally:
        other.close()


def test_a_new_shop_that_does_not_allow_negative_stock_refuses_the_negative_sku_by_row(
        demo_shop: Database, tmp_path: Path):
    out = tmp_path / "catalog.csv"
    export_products(demo_shop.uow(), out)
    [(sku, on_hand)] = query(demo_shop, NEGATIVE_ALLOWED)
    _, lines = template_rows(out)
    row = next(i for i, line in enumerate(lines, start=2) if line["SKU"] == sku)
    other = other_shop_like(demo_shop, tmp_path)
    try:
        with pytest.raises(ValidationError) as caught:
            import_products(other.uow(), read_import_file(out))
        assert caught.value.problems == [Problem(
            "Stock", f"negative quantity {on_hand} for SKU {sku}: stock cannot be below 0 for "
            "this SKU (allow negative stock in its stock rules or in the shop's stock "
            "settings)", row)]
        assert query(other, "SELECT count(*) FROM variants") == [(0,)]
    finally:
        other.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_edited_stock_cells_set_exactly_those_skus_by_counted_movements(
        demo_shop: Database, tmp_path: Path, suffix: str):
    out = tmp_path / f"catalog{suffix}"
    export_products(demo_shop.uow(), out)
    on_hand = stock(demo_shop)
    skus = sorted(on_hand)[10:13]
    edits = {skus[0]: on_hand[skus[0]] + 5, skus[1]: 0 if on_hand[skus[1]] else 2,
             skus[2]: on_hand[skus[2]] + 1}
    set_stock_cells(out, edits)
    movements = query(demo_shop, "SELECT max(id) FROM stock_movements")[0][0]
    preview = preview_import(demo_shop.uow(), read_import_file(out))
    assert preview.errors == () and preview.counts.stock_levels_set == 3
    assert "3 differ from ecdesk's stock" in preview.notes[0]
    result = import_products(demo_shop.uow(), read_import_file(out))
    assert result.counts.stock_levels_set == 3 and result.counts.variants_updated == 0
    assert stock(demo_shop) == {**on_hand, **edits}
    assert query(demo_shop, "SELECT v.sku, m.kind, m.quantity, m.reference FROM stock_movements m "
                 f"JOIN variants v ON v.id = m.variant_id WHERE m.id > {movements} "
                 "ORDER BY v.sku") == [
        (sku, "counted", edits[sku] - on_hand[sku], out.name) for sku in skus]


def test_a_negative_count_is_refused_for_a_sku_not_allowed_and_accepted_once_allowed(
        demo_shop: Database, tmp_path: Path):
    out = tmp_path / "catalog.csv"
    export_products(demo_shop.uow(), out)
    [(sku, _)] = query(demo_shop, NOT_ALLOWED)
    [(allowed, _)] = query(demo_shop, NEGATIVE_ALLOWED)
    rows = set_stock_cells(out, {sku: -3, allowed: -4})
    before, movements = stock(demo_shop), query(demo_shop, MOVEMENTS)
    preview = preview_import(demo_shop.uow(), read_import_file(out))
    assert preview.errors == (Problem(
        "Stock", f"negative quantity -3 for SKU {sku}: stock cannot be below 0 for this SKU "
        "(allow negative stock in its stock rules or in the shop's stock settings)",
        rows[sku]),)
    with pytest.raises(ValidationError, match=f"Row {rows[sku]}, Stock: negative quantity -3 "
                       f"for SKU {sku}"):
        import_products(demo_shop.uow(), read_import_file(out))
    assert stock(demo_shop) == before and query(demo_shop, MOVEMENTS) == movements

    [(variant_id,)] = query(demo_shop, f"SELECT id FROM variants WHERE sku = '{sku}'")
    set_stock_policy(demo_shop.uow(), variant_id, PolicyDraft(allow_negative=True))
    import_products(demo_shop.uow(), read_import_file(out))
    assert stock(demo_shop) == {**before, sku: -3, allowed: -4}


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


def test_a_shopify_layout_export_carries_stock_for_shopify_to_track(demo_shop: Database,
                                                                    tmp_path: Path):
    out = tmp_path / "shopify.csv"
    export_products(demo_shop.uow(), out, layout="shopify")
    header, rows = template_rows(out)
    at = header.index("Variant Grams")
    assert header[at + 1:at + 4] == [
        "Variant Inventory Tracker", "Variant Inventory Qty", "Variant Inventory Policy"]
    on_hand = stock(demo_shop)
    [(negative, count)] = query(demo_shop, NEGATIVE_ALLOWED)
    by_sku = {row["Variant SKU"]: row for row in rows}
    assert by_sku[negative]["Variant Inventory Qty"] == str(count)  # a number, not '-2
    assert {r["Variant Inventory Tracker"] for r in rows} == {"shopify"}
    # Shopify may oversell exactly the SKUs ecdesk lets go below zero (the demo's default: no).
    oversold = {sku for (sku,) in query(demo_shop, "SELECT v.sku FROM variants v JOIN "
                                        "stock_policies p ON p.variant_id = v.id "
                                        "WHERE p.allow_negative")}
    assert negative in oversold
    assert {sku for sku, r in by_sku.items()
            if r["Variant Inventory Policy"] == "continue"} == oversold & set(by_sku)
    assert {r["Variant Inventory Policy"] for r in rows} == {"continue", "deny"}
    assert {sku: int(r["Variant Inventory Qty"]) for sku, r in by_sku.items()} == {
        sku: on_hand[sku] for sku in by_sku}
    preview = preview_import(demo_shop.uow(), read_import_file(out))
    assert preview.counts.stock_levels_set == 0 and preview.quantities_read == len(rows)


def test_negative_stock_stays_a_number_in_csv_and_xlsx(demo_shop: Database, tmp_path: Path):
    from openpyxl import load_workbook

    [(sku, count)] = query(demo_shop, NEGATIVE_ALLOWED)
    export_products(demo_shop.uow(), tmp_path / "out.csv")
    _, lines = template_rows(tmp_path / "out.csv")
    assert next(line["Stock"] for line in lines if line["SKU"] == sku) == str(count)
    export_products(demo_shop.uow(), tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx").active
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("SKU")].value == sku)
    cell = row[header.index("Stock")]
    assert (cell.data_type, cell.value) == ("n", count)


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
