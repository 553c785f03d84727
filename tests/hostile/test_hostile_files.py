"""Files that try to slip rows past the import: an unbalanced quote that swallows the rows after
it, order dates in year 1 or 9999. Each is a problem with its row; nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hostile.conditions import fingerprint, shop_files
from tests.hostile.test_cli_against_an_open_shop import run
from tests.order_import_files import shopify_file, shopify_order

EXIT_PROBLEMS = 3
HEADER = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status,Vendor"


@pytest.fixture
def shop(demo_shop_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, path)
    return path


def _products(folder: Path, broken_row: int | None) -> Path:
    rows = [HEADER]
    for i in range(500):
        title = '"Tee ""big' if i == broken_row else '"Tee"'
        rows.append(f"h{i},{title},Size,S,Q-{i},59.00,active,Muzi")
    path = folder / "products.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_an_unbalanced_quote_that_swallows_rows_is_a_problem_with_its_row(
        shop: Path, tmp_path: Path) -> None:
    before = fingerprint(*shop_files(shop))
    done = run("import", "products", str(_products(tmp_path, broken_row=20)), "--db", str(shop))
    assert done.returncode == EXIT_PROBLEMS, done.stdout + done.stderr
    assert "Row 22, File: a quote (\") in this row is not closed" in done.stdout
    assert "nothing was imported" in done.stderr
    assert fingerprint(*shop_files(shop)) == before


def test_line_breaks_inside_a_quoted_description_are_no_problem(shop: Path,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "described.csv"
    path.write_text(f"{HEADER},Body (HTML)\nh1,Tee,Size,S,Q-1,59.00,active,Muzi,\"<p>Soft, "
                    "warm</p>\n<p>Washable, light</p>\"\n", encoding="utf-8")
    done = run("import", "products", str(path), "--db", str(shop), "--format", "shopify")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_an_order_date_outside_any_plausible_year_is_refused_with_its_row(
        shop: Path, tmp_path: Path, year: str) -> None:
    orders = shopify_file(tmp_path, shopify_order("#9001", sku="SKU-00001-1"),
                          shopify_order("#9002", sku="SKU-00001-1",
                                        created=f"{year}-03-05 14:22:10 +0000"))
    before = fingerprint(*shop_files(shop))
    done = run("import", "orders", str(orders), "--db", str(shop), "--channel", "官网 Own site")
    assert done.returncode == EXIT_PROBLEMS, done.stdout + done.stderr
    assert f"'{year}-03-05 14:22:10 +0000' is not a plausible order date" in done.stdout
    assert fingerprint(*shop_files(shop)) == before
