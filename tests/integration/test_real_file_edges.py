"""Real files and hard edges (issue #18): small hand-made files in the shape of real exports
(their headers, separators, encodings), never their contents, that lost or mixed up data."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from ecdesk.db import Database
from ecdesk.errors import ValidationError
from ecdesk.services.catalog_io import import_products, preview_import, read_import_file
from ecdesk.services.channels import save_channel
from tests.integration.test_import_products import query

# The ecdesk template as a person saves it after deleting the optional columns (Product ID,
# Weight (g), Archived): more of Shopify's signature columns than of the template's own.
SHORT_TEMPLATE = ("Handle;Title;Description (HTML);Brand;Category;Tags;Status;Option1 name;"
                  "Option1 value;SKU;Barcode;Price;Compare-at price;Cost;Stock;Notes")
SHORT_ROW = "mug;Mug;<p>Stoneware</p>;Muzi;Home;;active;Colour;Red;MUG-R;;12,50;;4,20;7;fragile"


@pytest.mark.parametrize(("encoding", "separator"),
                         [("utf-8", ";"), ("utf-16", ";"), ("utf-8-sig", ",")])
def test_a_template_without_its_optional_columns_is_read_as_the_template(
        tmp_path: Path, encoding: str, separator: str) -> None:
    row = SHORT_ROW if separator == ";" else SHORT_ROW.replace(",", ".")
    path = tmp_path / "template.csv"
    text = f"{SHORT_TEMPLATE}\n{row}\n".replace(";", separator)
    path.write_bytes(text.encode(encoding))
    parsed = read_import_file(path)
    assert parsed.format == "ecdesk"
    assert not parsed.format_confident  # a guess, and the preview says so
    variant = parsed.products[0].variants[0]
    assert (variant.price, variant.unit_cost, variant.quantity) == (
        Decimal("12.50"), Decimal("4.20"), 7)
    assert parsed.unused_columns == ("Notes",)


def test_the_preview_names_every_column_that_will_not_be_imported_and_a_guessed_format(
        tmp_shop: Database, tmp_path: Path) -> None:
    path = tmp_path / "template.csv"
    path.write_text(f"{SHORT_TEMPLATE}\n{SHORT_ROW}\n", encoding="utf-8")
    preview = preview_import(tmp_shop.uow(), read_import_file(path))
    assert any("not certain" in note and "ecdesk template" in note for note in preview.notes)
    assert any("1 column(s) of the file will not be imported: Notes" in note
               for note in preview.notes)


def test_a_utf16_file_cut_after_an_odd_byte_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_bytes(f"{SHORT_TEMPLATE}\n{SHORT_ROW}\n".encode("utf-16") + b"\n")
    parsed = read_import_file(path)
    assert parsed.file_error
    assert "UTF-16" in parsed.problems[0].message and "cannot be read" in parsed.problems[0].message


# --- another currency ---------------------------------------------------------------------------

# A Swedish Shopify store's product export: its prices are in SEK.
SEK_FILE = ("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,"
            "Variant Compare At Price,Cost per item,Vendor,Status\n"
            "hjul,Hjulset,Färg,svart,WH-BK,2999.00,3499.00,2000.00,Velo,active\n")


@pytest.fixture
def swedish_channel(tmp_shop: Database) -> Database:
    save_channel(tmp_shop.uow(), name="Shopify SE", kind="shopify", currency="SEK")
    return tmp_shop


def sek_file(tmp_path: Path, text: str = SEK_FILE, name: str = "products_export_1.csv"
             ) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_imported_into_a_foreign_currency_channel_is_named_and_converted_at_the_rate(
        swedish_channel: Database, tmp_path: Path) -> None:
    parsed = read_import_file(sek_file(tmp_path))
    preview = preview_import(swedish_channel.uow(), parsed, channel="Shopify SE",
                             rate=Decimal("0.68"))
    assert ("Prices are read as SEK, the currency of channel 'Shopify SE', and become its "
            "listing prices; the SKUs' own prices are converted at 1 SEK = 0.68 CNY"
            ) in preview.notes
    import_products(swedish_channel.uow(), parsed, channel="Shopify SE", rate=Decimal("0.68"))
    assert query(swedish_channel, "SELECT v.price, v.compare_at_price, v.unit_cost, "
                 "l.channel_price FROM variants v JOIN listings l ON l.variant_id = v.id") == [
        (203932, 237932, 136000, 299900)]


def test_without_a_rate_a_new_sku_from_a_foreign_currency_file_is_refused(
        swedish_channel: Database, tmp_path: Path) -> None:
    parsed = read_import_file(sek_file(tmp_path))
    preview = preview_import(swedish_channel.uow(), parsed, channel="Shopify SE")
    assert [(p.row, p.field, p.message) for p in preview.errors] == [(
        2, "Variant Price", "SKU WH-BK is new and its price is in SEK (channel 'Shopify SE'): "
        "state the rate of SEK in CNY to set its own price")]
    with pytest.raises(ValidationError):
        import_products(swedish_channel.uow(), parsed, channel="Shopify SE")
    assert query(swedish_channel, "SELECT count(*) FROM variants") == [(0,)]


def test_without_a_rate_a_known_skus_own_prices_are_left_and_the_listing_gets_the_file_price(
        swedish_channel: Database, tmp_path: Path) -> None:
    import_products(swedish_channel.uow(), read_import_file(sek_file(tmp_path)),
                    channel="Shopify SE", rate=Decimal("0.70"))
    later = sek_file(tmp_path, SEK_FILE.replace("2999.00", "2799.00"), "products_export_2.csv")
    import_products(swedish_channel.uow(), read_import_file(later), channel="Shopify SE")
    assert query(swedish_channel, "SELECT v.price, v.compare_at_price, v.unit_cost, "
                 "l.channel_price FROM variants v JOIN listings l ON l.variant_id = v.id") == [
        (209930, 244930, 140000, 279900)]


def test_a_file_imported_without_a_channel_names_the_shops_currency(
        tmp_shop: Database, tmp_path: Path) -> None:
    preview = preview_import(tmp_shop.uow(), read_import_file(sek_file(tmp_path)))
    assert "Prices are read as CNY, the shop's currency" in preview.notes


# --- taxes --------------------------------------------------------------------------------------

def test_shopify_taxes_are_kept_per_order_and_the_report_shows_sales_excluding_and_including(
        tmp_shop: Database, tmp_path: Path) -> None:
    from zoneinfo import ZoneInfo

    from ecdesk.services.common.period import Period
    from ecdesk.services.orders_io import import_orders, read_orders_file
    from ecdesk.services.reports.sales import build_sales_report
    from ecdesk.services.reports.sales_queries import SalesScope, sales_totals
    from ecdesk.services.reports.scope import ReportScope
    from tests.order_import_files import order_shop, shopify_file, shopify_order

    shop = order_shop(tmp_shop)
    path = shopify_file(
        tmp_path,  # taxes on top of the prices (an American store) ...
        shopify_order("#1", "TEE-S", "1", "30.00", Currency="CNY", Subtotal="30.00",
                      Taxes="3.00", Total="38.00"),
        # ... and taxes inside them (a European store: Total = Subtotal + Shipping)
        shopify_order("#2", "MUG", "1", "40.00", Currency="CNY", Subtotal="40.00",
                      Taxes="8.00", Total="45.00"))
    import_orders(tmp_shop.uow(), read_orders_file(path, timezone="Asia/Shanghai"),
                  channel=shop.tmall)
    assert query(tmp_shop, "SELECT number, tax, tax_included FROM orders ORDER BY number") == [
        ("#1", 300, 0), ("#2", 800, 1)]
    march = Period.month(2024, 3)
    with tmp_shop.uow() as uow:
        figures = sales_totals(uow.session, SalesScope(march, ZoneInfo("Asia/Shanghai"), "CNY"))
    assert (figures["sales"], figures["tax"], figures["sales_excl_tax"],
            figures["sales_incl_tax"]) == (7000, 1100, 6200, 7300)
    scope = ReportScope("Shop", "CNY", "Asia/Shanghai", march,
                        datetime(2024, 4, 1, tzinfo=UTC))
    with tmp_shop.uow() as uow:
        report = build_sales_report(uow.session, scope)
    summary = report.sections[0].tables()[0].rows
    shown = dict(zip(summary["figure"], summary["now"], strict=True))
    assert (shown["Sales excluding tax"], shown["Tax"], shown["Sales including tax"]) == (
        6200, 1100, 7300)


# --- XLSX cuts long text ------------------------------------------------------------------------

def test_an_xlsx_export_names_a_cut_cell_and_its_reimport_keeps_the_shops_whole_text(
        tmp_shop: Database, tmp_path: Path) -> None:
    from ecdesk.services.catalog.commands import save_product
    from ecdesk.services.catalog.dto import ProductDraft, VariantDraft
    from ecdesk.services.catalog_io import export_products

    long_text = "<p>" + "Handmade stoneware. " * 2000 + "</p>"  # 40,007 characters
    save_product(tmp_shop.uow(), ProductDraft(
        title="Mug", status="active", description=long_text,
        variants=(VariantDraft("MUG", unit_cost="4.00", price="12.00"),)))
    result = export_products(tmp_shop.uow(), tmp_path / "products.xlsx")
    assert [(p.row, p.field, p.severity) for p in result.cut_cells] == [
        (2, "Description (HTML)", "warning")]
    assert result.cut_cells[0].message.startswith("40,007 characters, more than the 32,767")

    parsed = read_import_file(tmp_path / "products.xlsx")
    preview = preview_import(tmp_shop.uow(), parsed)
    assert [(p.row, p.field, p.message) for p in preview.problems] == [(
        2, "Description (HTML)", "holds 32,767 characters, all an Excel cell holds: it was cut. "
        "The shop's longer description (40,007 characters) is kept")]
    import_products(tmp_shop.uow(), parsed)
    assert query(tmp_shop, "SELECT description FROM products") == [(long_text,)]


def test_a_new_product_from_a_full_xlsx_cell_is_imported_with_a_warning(
        tmp_shop: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Product ID", "Title", "Description (HTML)", "SKU", "Price"])
    book.active.append(["1", "Mug", "x" * 32_767, "MUG", 12])
    book.save(tmp_path / "cut.xlsx")
    preview = preview_import(tmp_shop.uow(), read_import_file(tmp_path / "cut.xlsx"))
    assert [(p.row, p.severity) for p in preview.problems] == [(2, "warning")]
    assert "it may have been cut" in preview.problems[0].message


# --- smaller ones -------------------------------------------------------------------------------

def test_shopifys_unlisted_status_imports_as_a_product_not_listed(tmp_path: Path) -> None:
    path = tmp_path / "products_export.csv"
    path.write_text("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Vendor,"
                    "Status\nhidden-mug,Mug,Title,Default Title,MUG,12.00,Muzi,unlisted\n",
                    encoding="utf-8")
    parsed = read_import_file(path)
    assert parsed.problems == ()
    assert parsed.products[0].status == "draft"


def test_a_woocommerce_simple_product_keeps_its_attributes_name_with_its_value(
        tmp_path: Path) -> None:
    path = tmp_path / "wc-product-export.csv"
    path.write_text("ID,Type,SKU,Name,Published,Regular price,Parent,Attribute 1 name,"
                    "Attribute 1 value(s),Visibility in catalog,Tax status\n"
                    "12,simple,CAP-R,Cap,1,25.00,,Color,Red,visible,taxable\n",
                    encoding="utf-8")
    product = read_import_file(path).products[0]
    assert (product.option_names[0], product.variants[0].option1) == ("Color", "Red")


# --- exporting orders ---------------------------------------------------------------------------

def test_the_filtered_orders_are_exported_with_their_lines_as_csv_and_xlsx(
        tmp_shop: Database, tmp_path: Path) -> None:
    import csv

    from openpyxl import load_workbook

    from ecdesk.models import OrderStatus
    from ecdesk.services.orders.filters import OrderQuery
    from ecdesk.services.orders_io.export import export_orders
    from tests.integration.order_fixtures import enter, small_shop

    shop = small_shop(tmp_shop)
    enter(shop, "A-1", (("SHIRT-WHITE", 2, "59.90"), ("FLASK-1", 1, "88.00")), shipping="10",
          customer="=cmd|' /C calc'!A0")
    enter(shop, "A-2", (("SHIRT-BLUE", 1, "59.90"),), status=OrderStatus.PENDING)
    paid = OrderQuery(status="paid")
    result = export_orders(tmp_shop.uow(), paid, tmp_path / "orders.csv")
    assert (result.orders, result.lines) == (1, 2)
    with open(tmp_path / "orders.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0][:4] == ["Channel", "Order number", "Date", "Status"]
    assert [(r[1], r[4], r[6], r[8], r[11], r[12], r[17]) for r in rows[1:]] == [
        ("A-1", "'=cmd|' /C calc'!A0", "SHIRT-WHITE", "2", "119.80", "10.00", "217.80"),
        ("A-1", "'=cmd|' /C calc'!A0", "FLASK-1", "1", "88.00", "10.00", "217.80")]
    export_orders(tmp_shop.uow(), OrderQuery(), tmp_path / "orders.xlsx")
    sheet = load_workbook(tmp_path / "orders.xlsx", read_only=True).worksheets[0]
    values = [row for row in sheet.iter_rows(values_only=True)][1:]
    assert sorted((row[1], row[6], str(row[11])) for row in values) == [  # numbers, not text
        ("A-1", "FLASK-1", "88"), ("A-1", "SHIRT-WHITE", "119.8"), ("A-2", "SHIRT-BLUE", "59.9")]


def test_an_orders_export_to_another_file_type_is_refused(tmp_shop: Database,
                                                           tmp_path: Path) -> None:
    from ecdesk.errors import EcdeskError
    from ecdesk.services.orders.filters import OrderQuery
    from ecdesk.services.orders_io.export import export_orders

    with pytest.raises(EcdeskError, match=r"ending in \.csv or \.xlsx"):
        export_orders(tmp_shop.uow(), OrderQuery(), tmp_path / "orders.pdf")
    assert list(tmp_path.glob("orders*")) == []


def test_shopifys_type_is_stored_beside_the_category_and_exported_back(
        tmp_shop: Database, tmp_path: Path) -> None:
    import csv

    from ecdesk.services.catalog_io import export_products

    path = tmp_path / "products_export.csv"
    path.write_text("Handle,Title,Vendor,Product Category,Type,Option1 Name,Option1 Value,"
                    "Variant SKU,Variant Price,Status\n"
                    "mug,Mug,Muzi,Home & Garden > Kitchen,Coffee mugs,Title,Default Title,MUG,"
                    "12.00,active\n", encoding="utf-8")
    import_products(tmp_shop.uow(), read_import_file(path))
    assert query(tmp_shop, "SELECT product_type FROM products") == [("Coffee mugs",)]
    export_products(tmp_shop.uow(), tmp_path / "out.csv", layout="shopify")
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as file:
        row = next(csv.DictReader(file))
    assert (row["Type"], row["Product Category"]) == ("Coffee mugs", "Home & Garden > Kitchen")
    again = tmp_path / "without_type.csv"
    again.write_text("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
                     "mug,Mug,Title,Default Title,MUG,12.00\n", encoding="utf-8")
    import_products(tmp_shop.uow(), read_import_file(again))  # no Type column: kept
    assert query(tmp_shop, "SELECT product_type FROM products") == [("Coffee mugs",)]
