"""A flipped byte in each kind of page: the command line says in plain words that the shop is
damaged, names the newest good backup and how to restore it, shows no SQL, changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ecdesk.services.shop_file.backups import back_up
from tests.damaged_shops import point_index_at_another_column
from tests.hostile.conditions import fingerprint, flip_page_type, shop_files
from tests.hostile.test_cli_against_an_open_shop import PRODUCTS, run
from tests.order_import_files import shopify_file, shopify_order

EXIT_FAILURE, EXIT_PROBLEMS = 1, 3
KINDS = ["table", "index", "schema"]


@pytest.fixture
def shop_and_backup(demo_shop_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    shop = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, shop)
    return shop, back_up(shop, "daily").path


def _no_raw_sql(text: str) -> None:
    for raw in ("SELECT", "[SQL:", "sqlalche.me", "Traceback", "parameters:"):
        assert raw not in text


@pytest.mark.parametrize("kind", ["table", "schema"])  # (an index's damage: the check's job)
def test_reading_a_damaged_shop_names_the_newest_good_backup(
        shop_and_backup: tuple[Path, Path], kind: str) -> None:
    shop, backup = shop_and_backup
    flip_page_type(shop, kind)
    before = fingerprint(*shop_files(shop))
    done = run("inventory", "--db", str(shop))
    assert done.returncode == EXIT_FAILURE, done.stdout + done.stderr
    assert f"shop.ecdesk is {'not an ecdesk shop file' if kind == 'schema' else 'damaged'}" \
        in done.stderr
    assert f'python main.py restore "{backup}" --db "{shop}"' in done.stderr
    _no_raw_sql(done.stdout + done.stderr)
    assert fingerprint(*shop_files(shop)) == before


@pytest.mark.parametrize("kind", KINDS)
def test_an_import_into_a_damaged_shop_is_refused_and_writes_nothing(
        shop_and_backup: tuple[Path, Path], tmp_path: Path, kind: str) -> None:
    shop, _backup = shop_and_backup
    flip_page_type(shop, kind)
    products = tmp_path / "products.csv"
    products.write_text(PRODUCTS, encoding="utf-8")
    before = fingerprint(*shop_files(shop))
    done = run("import", "products", str(products), "--db", str(shop))
    assert done.returncode == EXIT_FAILURE, done.stdout + done.stderr
    assert "Imported" not in done.stdout
    _no_raw_sql(done.stdout + done.stderr)
    assert fingerprint(*shop_files(shop)) == before


@pytest.mark.parametrize("kind", KINDS)
def test_check_finds_each_kind_of_damage(shop_and_backup: tuple[Path, Path], kind: str) -> None:
    shop, _backup = shop_and_backup
    flip_page_type(shop, kind)
    done = run("check", "--db", str(shop))
    assert done.returncode == EXIT_PROBLEMS, done.stdout + done.stderr
    assert "problem(s) found" in done.stdout
    _no_raw_sql(done.stdout + done.stderr)


@pytest.mark.parametrize("command", ["products", "orders"])
def test_a_small_import_is_refused_when_an_index_it_uses_is_damaged(
        shop_and_backup: tuple[Path, Path], tmp_path: Path, command: str) -> None:
    """Every page and record still reads, so the quick check passes; only the index check
    finds it. An import of a few rows takes no backup: the guard before writing must."""
    shop, _backup = shop_and_backup
    point_index_at_another_column(shop, "ix_variants_price", "unit_cost")
    if command == "products":
        path = tmp_path / "products.csv"
        path.write_text(PRODUCTS, encoding="utf-8")
        argv = ["import", "products", str(path)]
    else:
        path = shopify_file(tmp_path, shopify_order("#9001", sku="SKU-00001-1"))
        argv = ["import", "orders", str(path), "--channel", "官网 Own site"]
    before = fingerprint(*shop_files(shop))
    done = run(*argv, "--db", str(shop))
    assert done.returncode == EXIT_FAILURE, done.stdout + done.stderr
    assert "shop.ecdesk is damaged" in done.stderr
    assert "Imported" not in done.stdout
    _no_raw_sql(done.stdout + done.stderr)
    assert fingerprint(*shop_files(shop)) == before


def test_invalid_utf8_in_a_cell_is_found_by_check_and_named_by_its_row(
        shop_and_backup: tuple[Path, Path]) -> None:
    shop, backup = shop_and_backup
    conn = sqlite3.connect(shop)
    conn.execute("UPDATE products SET title = CAST(X'4142FF43' AS TEXT) WHERE id = 7")
    conn.commit()
    conn.close()
    checked = run("check", "--db", str(shop))
    assert checked.returncode == EXIT_PROBLEMS
    assert "table products row 7, column title: its text is not valid UTF-8" in checked.stdout
    exported = run("export", "products", "--db", str(shop), "--out",
                   str(shop.with_name("out.csv")))
    assert exported.returncode == EXIT_FAILURE
    assert "shop.ecdesk is damaged" in exported.stderr and str(backup) in exported.stderr
    _no_raw_sql(exported.stdout + exported.stderr)
