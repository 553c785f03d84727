"""Real files and hard edges (issue #18): small hand-made files in the shape of real exports
(their headers, separators, encodings), never their contents, that lost or mixed up data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ecdesk.db import Database
from ecdesk.services.catalog_io import preview_import, read_import_file

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
