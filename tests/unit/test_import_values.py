"""Cell cleaning, encoding detection and format detection of the catalog importer (no database)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ecdesk.errors import Problem
from ecdesk.services.catalog_io.formats import detect_format
from ecdesk.services.tabular_io import values
from ecdesk.services.tabular_io.encoding import detect_encoding


def test_an_apostrophe_guarding_a_code_is_removed():
    assert values.code("'7350177880121") == "7350177880121"
    assert values.code("  '-1 ") == "-1"


def test_an_apostrophe_in_a_title_is_kept_unless_it_guards_a_formula():
    assert values.text_value("'Til Tuesday") == "'Til Tuesday"
    assert values.text_value("'=SUM(A1)") == "=SUM(A1)"


def test_excel_scientific_notation_in_an_id_is_reported_as_mangled():
    reason = values.scientific_problem("1.37359E+14")
    assert reason is not None and "scientific notation" in reason
    assert values.scientific_problem("137359000000000") is None
    assert values.scientific_problem("E1234") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("12.50", Decimal("12.50")), ("1,234.50", Decimal("1234.50")),
    ("1.234,50", Decimal("1234.50")), ("12,50", Decimal("12.50")), ("'9700", Decimal("9700")),
    ("", None),
])
def test_prices_with_thousands_separators_or_a_decimal_comma_are_read(text, expected):
    problems: list[Problem] = []
    assert values.amount(text, "Price", 2, problems) == expected
    assert problems == []


@pytest.mark.parametrize(("text", "message"), [
    ("12,5O", "'12,5O' is not a price"), ("-3.00", "'-3.00' is negative"),
    ("1.999", "'1.999' has more than two decimals"),
])
def test_an_unusable_price_is_a_problem_with_its_reason(text, message):
    problems: list[Problem] = []
    assert values.amount(text, "Variant Price", 7, problems) is None
    assert problems == [Problem("Variant Price", message, 7)]


def test_a_negative_quantity_is_read_as_it_is_for_the_import_plan_to_judge():
    # Whether a SKU may be below zero is its stock policy's call: the plan checks it.
    problems: list[Problem] = []
    assert values.quantity("'-1", "Stock", 3, problems) == -1
    assert values.quantity("-1,200", "Stock", 3, problems) == -1200
    assert problems == []


@pytest.mark.parametrize(("text", "message"), [
    ("2.5", "'2.5' is not a whole quantity"), ("ten", "'ten' is not a quantity"),
])
def test_a_quantity_that_is_not_a_whole_number_is_a_problem(text, message):
    problems: list[Problem] = []
    assert values.quantity(text, "Stock", 3, problems) is None
    assert problems == [Problem("Stock", message, 3)]


def test_weights_are_converted_to_whole_grams():
    problems: list[Problem] = []
    assert values.grams("2000.0", "g", "Grams", 2, problems) == 2000
    assert values.grams("1,5", "kg", "Weight (kg)", 2, problems) == 1500
    assert values.grams("1", "lb", "Weight", 2, problems) == 454
    assert problems == []


def test_backslash_escaped_commas_stay_inside_a_list_item():
    assert values.split_list("Combo\\, offers, Grill") == ("Combo, offers", "Grill")


def test_utf8_read_as_windows_1252_is_recognized_as_garbled():
    assert "looks garbled" in values.garbled_problem("Ã©lectrique")
    assert "looks garbled" in values.garbled_problem("å•†å®¶ç¼–ç ")
    assert "wrong text encoding" in values.garbled_problem("caf\ufffd")
    assert values.garbled_problem("Elétrico Åldersgrupp 商家编码 Գրիլ") is None


@pytest.mark.parametrize(("cell", "safe"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1 555", "'+1 555"), ("@SUM", "'@SUM"),
    ("-A1", "'-A1"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-12.50", "-12.50"), ("-3", "-3"),
    ("plain", "plain"), ("", ""),
])
def test_cells_a_spreadsheet_would_run_are_neutralized_but_negative_numbers_stay(cell, safe):
    assert values.neutralize(cell) == safe


# --- encodings ---------------------------------------------------------------------------------

TEXT = "商家编码,宝贝标题,价格\nA1,纯棉T恤,59.00\n"


@pytest.mark.parametrize(("codec", "name"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("gbk", "gb18030"),
    ("gb18030", "gb18030"),
])
def test_the_encodings_of_real_exports_are_detected(tmp_path: Path, codec: str, name: str):
    path = tmp_path / "file.csv"
    path.write_bytes(TEXT.encode(codec))
    assert detect_encoding(path).name == name


def test_a_windows_1252_file_is_refused_rather_than_read_as_chinese(tmp_path: Path):
    path = tmp_path / "latin.csv"
    path.write_bytes("Title,Price\nCafé crème élégant,12.00\nÜber größe,3.00\n".encode("cp1252"))
    found = detect_encoding(path)
    assert found.name is None
    assert "not valid UTF-8" in found.reason and "CSV UTF-8" in found.reason


# --- formats -----------------------------------------------------------------------------------


def columns(text: str) -> list[str]:
    return text.split(",")


SHOPIFY_CURRENT = columns(
    "Title,URL handle,Description,Vendor,Product category,Type,Tags,Published on online store,"
    "Status,SKU,Barcode,Option1 name,Option1 value,Price,Compare-at price,Cost per item,"
    "Inventory tracker,Inventory quantity,Weight value (grams)")
SHOPIFY_OLD = columns(
    "Handle,Title,Body (HTML),Vendor,Standardized Product Type,Custom Product Type,Tags,"
    "Published,Option1 Name,Option1 Value,Variant SKU,Variant Grams,Variant Inventory Qty,"
    "Variant Price")
WOO_RU = columns(
    "ID,Тип,Артикул,Имя,Опубликован,Рекомендуемый?,Видимость в каталоге,Статус налога,"
    "Акционная цена,Базовая цена,Категории,Метки,Родительский")
WOO_EN = columns(
    "ID,Type,SKU,Name,Published,Is featured?,Visibility in catalog,Tax status,Sale price,"
    "Regular price,Categories,Tags,Parent")
TAOBAO = columns("宝贝ID,宝贝标题,商家编码,价格,数量,条形码")


@pytest.mark.parametrize(("header", "name"), [
    (SHOPIFY_CURRENT, "shopify"), (SHOPIFY_OLD, "shopify"), (WOO_RU, "woocommerce"),
    (WOO_EN, "woocommerce"), (TAOBAO, "taobao"),
])
def test_formats_are_detected_from_the_header(header: list[str], name: str):
    guess = detect_format(header)
    assert (guess.name, guess.confident) == (name, True)


def test_a_header_no_format_explains_is_detected_as_unsure():
    assert detect_format(["Name", "Price", "Notes"]).confident is False
