"""Importing products from files into a real shop file: real exports, every bad input, the
preview, all-or-nothing, re-imports, channels, remembered mappings and cancelling."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from ecdesk.db import Database
from ecdesk.errors import Problem, ValidationError
from ecdesk.services.catalog_io import (
    ImportCancelledError,
    import_products,
    load_column_mapping,
    preview_import,
    read_import_file,
)
from ecdesk.services.changes import ChangeArea
from ecdesk.services.channels import save_channel
from ecdesk.services.stock.defaults import get_stock_defaults, update_stock_defaults

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
VELOFANT = SAMPLES / "shopify" / "Velofant__velofant-feed__products_export_1.csv"
DESIGNER = SAMPLES / "shopify" / "designerdhs__produtosshopify__products_export.csv"
GRILL = SAMPLES / "woocommerce" / "neetrino__Grill.am__wc-product-export-5-8-2026-1785923568934.csv"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(),
                                   reason=f"real export samples not found at {SAMPLES}")

SHOPIFY_HEADER = ("Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,"
                  "Option1 Value,Variant SKU,Variant Grams,Variant Inventory Qty,Variant Price,"
                  "Variant Compare At Price,Variant Barcode,Cost per item,Status")
TABLES = ("products", "variants", "listings", "tags", "product_tags", "categories", "settings",
          "audit_log", "stock_movements")


def write(tmp_path: Path, text: str, name: str = "file.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def shopify(tmp_path: Path, *rows: str) -> Path:
    return write(tmp_path, "\n".join([SHOPIFY_HEADER, *rows]) + "\n")


def snapshot(db: Database) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db.path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    finally:
        conn.close()


def query(db: Database, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def refused(db: Database, path: Path, **read_options) -> list[Problem]:
    """Import `path`, expecting a refusal; check nothing changed; return the errors."""
    before = snapshot(db)
    parsed = read_import_file(path, **read_options)
    with pytest.raises(ValidationError) as caught:
        import_products(db.uow(), parsed)
    assert snapshot(db) == before
    return caught.value.problems


TEE = ("tee,Cotton tee,<p>Soft</p>,Muzi,Shirts,\"summer, new\",true,Size,S,TEE-S,200,5,59.00,"
       "79.00,,20.00,active")
TEE_M = "tee,,,,,,,,M,TEE-M,200,3,\"1,059.00\",,,20.00,"


# --- real exports ------------------------------------------------------------------------------

@needs_samples
def test_a_swedish_shopify_export_imports_with_variants_barcodes_and_html(tmp_shop: Database):
    parsed = read_import_file(VELOFANT)
    assert (parsed.format, parsed.format_confident, parsed.encoding) == ("shopify", True, "UTF-8")
    preview = preview_import(tmp_shop.uow(), parsed)
    assert preview.errors == ()
    assert (preview.counts.products_created, preview.counts.variants_created) == (14, 19)
    import_products(tmp_shop.uow(), parsed)
    assert query(tmp_shop, "SELECT barcode, price, compare_at_price, unit_cost, weight_grams "
                 "FROM variants WHERE sku = 'WH-FS-700C-BK-V1'") == [
        ("7350177880121", 299900, 349900, 200000, 2000)]
    (description,), = query(tmp_shop, "SELECT description FROM products "
                            "WHERE handle = 'velofant-wheelset-1'")
    assert description.startswith('<p data-end="274" data-start="0"><strong>')
    options = query(tmp_shop, "SELECT p.option1_name, v.option1 FROM variants v JOIN products p "
                    "ON p.id = v.product_id WHERE v.sku = 'HB-MID-SIL-72-X'")
    assert options == [("Färg", "silver")]


@needs_samples
def test_an_older_shopify_export_with_empty_skus_gets_stable_generated_skus(tmp_shop: Database):
    parsed = read_import_file(DESIGNER)
    warnings = [p for p in parsed.problems if not p.is_error]
    assert Problem("Variant SKU", "is empty; ecdesk will use 'produto-1'", 2, "warning") \
        in warnings
    import_products(tmp_shop.uow(), parsed)
    again = preview_import(tmp_shop.uow(), read_import_file(DESIGNER))
    assert again.counts.products_created == 0 and again.counts.variants_created == 0
    assert again.counts.variants_unchanged == 18
    assert preview_import(tmp_shop.uow(), parsed).quantities_read == 18


@needs_samples
def test_a_russian_woocommerce_export_refuses_a_product_without_price_then_imports_the_rest(
        tmp_shop: Database):
    parsed = read_import_file(GRILL)
    assert (parsed.format, parsed.encoding, parsed.rows) == ("woocommerce", "UTF-8 with BOM", 97)
    problems = refused(tmp_shop, GRILL)
    assert problems == [Problem("Базовая цена", "is required", 31)]
    result = import_products(tmp_shop.uow(), parsed, only_valid=True)
    assert (result.counts.products_created, result.skipped_products) == (96, 1)
    rows = query(tmp_shop, "SELECT p.title, c.path, p.status, v.price FROM products p "
                 "JOIN variants v ON v.product_id = p.id LEFT JOIN categories c "
                 "ON c.id = p.category_id WHERE v.sku = 'WC-271'")
    assert rows == [("BOOM առաջարկ", "Կոմբո առաջարկներ, ակցիաներ", "active", 970000)]
    (text,), = query(tmp_shop, "SELECT p.description FROM products p JOIN variants v "
                     "ON v.product_id = p.id WHERE v.sku = 'WC-459'")
    assert "\\n" not in text and "\n2 հատ" in text


# --- bad input, each refused with its reason and the shop unchanged ---------------------------

def test_a_duplicate_sku_in_the_file_is_refused(tmp_shop: Database, tmp_path: Path):
    path = shopify(tmp_path, TEE, "tee,,,,,,,,M,TEE-S,200,3,59.00,,,,")
    assert refused(tmp_shop, path) == [Problem("Variant SKU", "'TEE-S' is also used in row 2", 3)]


def test_a_sku_already_used_by_another_product_is_refused(tmp_shop: Database, tmp_path: Path):
    mug = "mug,Mug,,,,,true,,,MUG-1,,,9.00,,,,active"
    import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, TEE, mug)))
    path = write(tmp_path, SHOPIFY_HEADER + "\n" + TEE + "\ntee,,,,,,,,L,MUG-1,,,9.00,,,,\n",
                 "tee.csv")
    assert refused(tmp_shop, path) == [
        Problem("Variant SKU", "'MUG-1' is already used by another product, 'Mug'", 3)]


def test_a_handle_already_used_by_another_product_is_refused(tmp_shop: Database,
                                                             tmp_path: Path):
    mug = "mug,Mug,,,,,true,,,MUG-1,,,9.00,,,,active"
    import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, TEE, mug)))
    path = write(tmp_path, SHOPIFY_HEADER + "\n" + TEE.replace("tee,", "mug,", 1) + "\n",
                 "renamed.csv")
    assert refused(tmp_shop, path) == [
        Problem("Handle", "'mug' is already the handle of another product, 'Mug'", 2)]


def test_an_unparsable_price_is_refused(tmp_shop: Database, tmp_path: Path):
    path = shopify(tmp_path, TEE.replace("59.00", "\"12,5O\""))
    assert refused(tmp_shop, path) == [Problem("Variant Price", "'12,5O' is not a price", 2)]


def test_a_negative_quantity_is_refused_where_the_shop_does_not_allow_negative_stock(
        tmp_shop: Database, tmp_path: Path):
    path = shopify(tmp_path, TEE.replace(",200,5,", ",200,'-1,"))
    assert refused(tmp_shop, path) == [
        Problem("Variant Inventory Qty", "negative quantity -1 for SKU TEE-S: stock cannot be "
                "below 0 for this SKU (allow negative stock in its stock rules or in the shop's "
                "stock settings)", 2)]


def test_a_negative_quantity_is_imported_where_the_shop_allows_negative_stock(
        tmp_shop: Database, tmp_path: Path):
    defaults = get_stock_defaults(tmp_shop.uow())
    update_stock_defaults(tmp_shop.uow(), replace(defaults, allow_negative=True))
    import_products(tmp_shop.uow(), read_import_file(
        shopify(tmp_path, TEE.replace(",200,5,", ",200,'-1,"))))
    assert query(tmp_shop, "SELECT v.sku, v.on_hand, m.kind, m.quantity FROM variants v "
                 "JOIN stock_movements m ON m.variant_id = v.id") == [("TEE-S", -1, "counted", -1)]


def test_a_quantity_that_is_not_a_whole_number_is_refused(tmp_shop: Database, tmp_path: Path):
    path = shopify(tmp_path, TEE.replace(",200,5,", ",200,2.5,"), TEE_M.replace(",3,", ",x,"))
    assert refused(tmp_shop, path) == [
        Problem("Variant Inventory Qty", "'2.5' is not a whole quantity", 2),
        Problem("Variant Inventory Qty", "'x' is not a quantity", 3)]


def test_a_missing_title_is_refused(tmp_shop: Database, tmp_path: Path):
    path = shopify(tmp_path, TEE.replace("Cotton tee", ""))
    assert refused(tmp_shop, path) == [Problem("Title", "is required", 2)]


def test_a_barcode_mangled_into_scientific_notation_is_refused(tmp_shop: Database,
                                                               tmp_path: Path):
    path = shopify(tmp_path, TEE.replace(",,20.00", ",1.37359E+14,20.00"))
    [problem] = refused(tmp_shop, path)
    assert (problem.field, problem.row) == ("Variant Barcode", 2)
    assert problem.message.startswith("'1.37359E+14' is a number Excel shortened to scientific")


def test_a_barcode_with_a_wrong_check_digit_is_refused(tmp_shop: Database, tmp_path: Path):
    path = shopify(tmp_path, TEE.replace(",,20.00", ",7350177880122,20.00"))
    assert refused(tmp_shop, path) == [Problem(
        "Variant Barcode", "'7350177880122' is not a valid EAN-13: the check digit should be 1",
        2)]


def test_garbled_text_is_refused_not_stored(tmp_shop: Database, tmp_path: Path):
    path = shopify(tmp_path, TEE.replace("Cotton tee", "CafÃ© tee"))
    [problem] = refused(tmp_shop, path)
    assert (problem.field, problem.row) == ("Title", 2)
    assert "'Ã©' is how 'é' reads" in problem.message


def test_a_row_longer_than_the_header_is_refused(tmp_shop: Database, tmp_path: Path):
    path = shopify(tmp_path, TEE, TEE_M + ",extra,values")
    assert refused(tmp_shop, path) == [Problem(
        "File", "the row has 19 values but the header has 17 columns: values may have shifted "
        "into the wrong columns", 3)]


def test_a_file_in_an_unknown_encoding_is_refused_with_advice(tmp_shop: Database,
                                                              tmp_path: Path):
    path = write(tmp_path, SHOPIFY_HEADER + "\n" + TEE.replace("Cotton", "Crème"),
                 encoding="cp1252")
    [problem] = refused(tmp_shop, path)
    assert problem.field == "File" and problem.row is None
    assert problem.message.startswith("The file is not valid UTF-8: byte ")
    assert "Save the file as 'CSV UTF-8'" in problem.message


def test_a_file_without_a_title_column_asks_for_a_mapping(tmp_shop: Database, tmp_path: Path):
    path = write(tmp_path, "Handle,Variant SKU,Variant Price,Option1 Name,Option1 Value\n"
                 "tee,TEE-S,5.00,Size,S\n")
    assert refused(tmp_shop, path, format="shopify") == [
        Problem("File", "no column for Title: choose the column to read it from")]


def test_a_woocommerce_variation_without_its_parent_is_refused(tmp_shop: Database,
                                                               tmp_path: Path):
    path = write(tmp_path, "ID,Type,SKU,Name,Published,Regular price,Parent,Visibility in "
                 "catalog,Tax status\n10,variation,V-1,Red,1,5.00,id:99,visible,taxable\n")
    assert refused(tmp_shop, path) == [
        Problem("Parent", "'id:99' is not a variable product in this file", 2)]


# --- what good files do ------------------------------------------------------------------------

def test_rows_are_grouped_by_handle_and_image_rows_skipped(tmp_shop: Database, tmp_path: Path):
    image_row = "tee,,,,,,,,,,,,,,,,"
    parsed = read_import_file(shopify(tmp_path, TEE, image_row, TEE_M))
    [product] = parsed.products
    assert [v.sku for v in product.variants] == ["TEE-S", "TEE-M"]
    assert product.variants[1].price == Decimal("1059.00")
    assert product.tags == ("summer", "new")
    import_products(tmp_shop.uow(), parsed)
    assert query(tmp_shop, "SELECT sku, option1, position FROM variants ORDER BY position") == [
        ("TEE-S", "S", 0), ("TEE-M", "M", 1)]


def test_reimporting_an_edited_file_updates_instead_of_duplicating(tmp_shop: Database,
                                                                   tmp_path: Path):
    import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, TEE, TEE_M)))
    edited = shopify(tmp_path, TEE.replace("59.00", "49.00"), TEE_M,
                     "tee,,,,,,,,L,TEE-L,200,3,69.00,,,20.00,")
    preview = preview_import(tmp_shop.uow(), read_import_file(edited))
    counts = preview.counts
    assert (counts.products_updated, counts.variants_created, counts.variants_updated,
            counts.variants_unchanged) == (1, 1, 1, 1)
    import_products(tmp_shop.uow(), read_import_file(edited))
    assert query(tmp_shop, "SELECT count(*) FROM products") == [(1,)]
    assert query(tmp_shop, "SELECT sku, price FROM variants ORDER BY position") == [
        ("TEE-S", 4900), ("TEE-M", 105900), ("TEE-L", 6900)]
    changes = query(tmp_shop, "SELECT changes FROM audit_log WHERE action = 'bulk' "
                    "ORDER BY id DESC LIMIT 1")[0][0]
    assert '"price": ["59.00", "49.00"]' in changes


def test_a_product_is_matched_by_handle_when_its_skus_are_new(tmp_shop: Database,
                                                              tmp_path: Path):
    import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, TEE)))
    renamed = shopify(tmp_path, TEE.replace("TEE-S", "TEE-SMALL"))
    import_products(tmp_shop.uow(), read_import_file(renamed))
    assert query(tmp_shop, "SELECT count(*) FROM products") == [(1,)]
    assert query(tmp_shop, "SELECT sku FROM variants ORDER BY id") == [("TEE-S",), ("TEE-SMALL",)]


def test_importing_into_a_channel_creates_then_updates_its_listings(tmp_shop: Database,
                                                                    tmp_path: Path):
    save_channel(tmp_shop.uow(), name="Own site", kind="own_site", currency="CNY")
    path = write(tmp_path, "ID,Type,SKU,Name,Published,Regular price,Sale price,Parent,"
                 "Attribute 1 name,Attribute 1 value(s),Visibility in catalog,Tax status\n"
                 "7,variable,MUG,Mug,1,,,,Colour,\"Red, Blue\",visible,taxable\n"
                 "8,variation,MUG-R,Mug - Red,1,12.00,9.90,id:7,Colour,Red,visible,taxable\n"
                 "9,variation,MUG-B,Mug - Blue,1,12.00,,MUG,Colour,Blue,visible,taxable\n")
    result = import_products(tmp_shop.uow(), read_import_file(path), channel="own site")
    assert result.counts.listings_created == 2
    assert query(tmp_shop, "SELECT v.sku, v.option1, v.price, v.compare_at_price, "
                 "l.channel_item_id, l.status FROM listings l JOIN variants v "
                 "ON v.id = l.variant_id ORDER BY v.sku") == [
        ("MUG-B", "Blue", 1200, None, "9", "listed"), ("MUG-R", "Red", 990, 1200, "8", "listed")]
    assert query(tmp_shop, "SELECT option1_name FROM products") == [("Colour",)]
    again = preview_import(tmp_shop.uow(), read_import_file(path), channel="Own site")
    assert (again.counts.listings_created, again.counts.listings_updated) == (0, 0)


def test_an_unknown_channel_is_a_problem(tmp_shop: Database, tmp_path: Path):
    preview = preview_import(tmp_shop.uow(), read_import_file(shopify(tmp_path, TEE)),
                             channel="Nowhere")
    assert preview.errors == (Problem("Channel", "there is no channel 'Nowhere' in the shop"),)


def test_only_valid_rows_can_be_imported_after_seeing_the_problems(tmp_shop: Database,
                                                                   tmp_path: Path):
    mug = "mug,Mug,,,,,true,,,MUG-1,,,abc,,,,active"
    parsed = read_import_file(shopify(tmp_path, TEE, mug))
    preview = preview_import(tmp_shop.uow(), parsed)
    assert preview.blocked and preview.products_with_errors == 1
    assert preview.counts.products_created == 1
    result = import_products(tmp_shop.uow(), parsed, only_valid=True)
    assert result.skipped_products == 1
    assert query(tmp_shop, "SELECT title FROM products") == [("Cotton tee",)]


def test_a_corrected_column_mapping_is_used_and_remembered(tmp_shop: Database, tmp_path: Path):
    path = write(tmp_path, "宝贝标题,商家编码,我的价格,数量\n纯棉T恤,TB-1,\"1,299.00\",4\n")
    first = read_import_file(path)
    assert first.format == "taobao" and first.file_error
    mapping = {"price": "我的价格"}
    parsed = read_import_file(path, mapping=mapping)
    import_products(tmp_shop.uow(), parsed, remember_mapping=mapping)
    assert load_column_mapping(tmp_shop.uow(), "taobao") == mapping
    assert query(tmp_shop, "SELECT sku, price FROM variants") == [("TB-1", 129900)]
    remembered = {"taobao": load_column_mapping(tmp_shop.uow(), "taobao")}
    assert read_import_file(path, remembered=remembered).column_of("price") == "我的价格"


def test_a_gbk_taobao_export_with_options_is_read(tmp_shop: Database, tmp_path: Path):
    text = ("宝贝ID,宝贝标题,商家编码,价格,数量,销售属性,店铺类目\n"
            "1001,纯棉T恤,T-RED-M,59.00,3,颜色:红色;尺码:M,服装>T恤\n"
            "1001,纯棉T恤,T-RED-L,59.00,2,颜色:红色;尺码:L,服装>T恤\n")
    parsed = read_import_file(write(tmp_path, text, encoding="gbk"))
    assert (parsed.format, parsed.encoding) == ("taobao", "GB18030 (GBK)")
    [product] = parsed.products
    assert product.option_names == ("颜色", "尺码", "")
    import_products(tmp_shop.uow(), parsed)
    assert query(tmp_shop, "SELECT c.path FROM products p JOIN categories c "
                 "ON c.id = p.category_id") == [("服装 > T恤",)]


def test_an_xlsx_template_is_read_like_a_csv(tmp_shop: Database, tmp_path: Path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Product ID", "Title", "SKU", "Price", "Cost", "Weight (g)", "Barcode",
                  "Archived", "Description (HTML)", "Option1 value"])
    sheet.append([1, "Mug", "MUG-1", 12.5, 3, 350, 7350177880121, "false", "<b>x</b>", ""])
    book.save(tmp_path / "t.xlsx")
    parsed = read_import_file(tmp_path / "t.xlsx")
    assert (parsed.format, parsed.encoding, parsed.problems) == ("ecdesk", "XLSX", ())
    variant = parsed.products[0].variants[0]
    assert (variant.price, variant.unit_cost, variant.barcode) == (
        Decimal("12.5"), Decimal("3"), "7350177880121")


def test_cancelling_while_writing_leaves_the_shop_unchanged(tmp_shop: Database,
                                                            tmp_path: Path):
    rows = [f"p{i},Product {i},,,,,true,,,SKU-{i},,,1.00,,,,active" for i in range(3000)]
    parsed = read_import_file(shopify(tmp_path, *rows))
    before = snapshot(tmp_shop)
    with pytest.raises(ImportCancelledError):
        import_products(tmp_shop.uow(), parsed, progress=lambda done, total: done < 1000)
    assert snapshot(tmp_shop) == before


def test_cancelling_while_reading_raises_before_anything_is_checked(tmp_path: Path):
    rows = [f"p{i},Product {i},,,,,true,,,SKU-{i},,,1.00,,,,active" for i in range(5000)]
    path = shopify(tmp_path, *rows)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    with pytest.raises(ImportCancelledError):
        read_import_file(path, progress=progress)
    assert seen and seen[0][1] == path.stat().st_size


def test_the_files_stock_quantities_become_counted_movements_once(tmp_shop: Database,
                                                                  tmp_path: Path) -> None:
    rows = ("tee,Tee,,Acme,,,TRUE,Size,S,TEE-S,200,7,10.00,,,4.00,active",
            "tee,,,,,,,Size,M,TEE-M,200,0,10.00,,,4.00,active")
    preview = preview_import(tmp_shop.uow(), read_import_file(shopify(tmp_path, *rows)))
    assert preview.counts.stock_levels_set == 1  # the 0 of a new SKU changes nothing
    assert "1 differ from ecdesk's stock" in preview.notes[0]
    import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, *rows)))
    assert query(tmp_shop, "SELECT v.sku, v.on_hand, m.kind, m.quantity, m.reference "
                 "FROM variants v JOIN stock_movements m ON m.variant_id = v.id") == [
        ("TEE-S", 7, "counted", 7, "file.csv")]
    import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, *rows)))
    assert query(tmp_shop, "SELECT count(*) FROM stock_movements") == [(1,)]
    changed = (rows[0].replace(",7,", ",3,"), rows[1])
    import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, *changed)))
    assert query(tmp_shop, "SELECT v.on_hand, (SELECT sum(quantity) FROM stock_movements m "
                 "WHERE m.variant_id = v.id) FROM variants v WHERE sku = 'TEE-S'") == [(3, 3)]


def test_a_refused_import_writes_no_stock_movement(tmp_shop: Database, tmp_path: Path) -> None:
    before = snapshot(tmp_shop)
    rows = ("tee,Tee,,Acme,,,TRUE,Size,S,TEE-S,200,7,10.00,,,4.00,active",
            "tee,,,,,,,Size,M,TEE-M,200,-2,10.00,,,4.00,active")
    with pytest.raises(ValidationError, match="negative quantity -2"):
        import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, *rows)))
    assert snapshot(tmp_shop) == before


def test_an_import_says_what_it_changed_stock_only_when_it_set_stock(tmp_shop: Database,
                                                                   tmp_path: Path) -> None:
    rows = ("tee,Tee,,Acme,,,TRUE,Size,S,TEE-S,200,7,10.00,,,4.00,active",)
    first = import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, *rows)))
    assert first.changed.areas == {ChangeArea.CATALOG, ChangeArea.STOCK}
    assert first.changed.ids == first.product_ids and len(first.product_ids) == 1
    assert first.changed.message == first.message and first.message.startswith("Imported: 1")
    again = import_products(tmp_shop.uow(), read_import_file(shopify(tmp_path, *rows)))
    assert again.changed.areas == {ChangeArea.CATALOG}  # the same quantity again moves no stock
