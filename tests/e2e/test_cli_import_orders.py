"""`python main.py import orders`, run as the user runs it: preview, problems, exit codes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ecdesk.db import open_database
from tests.order_import_files import (
    order_shop,
    shopify_file,
    shopify_line,
    shopify_order,
    taobao_file,
    taobao_row,
)

REPO = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A shop file with a Shopify and a Tmall channel and three SKUs, 10 of each in stock."""
    path = tmp_path / "shop.ecdesk"
    db = open_database(path)
    try:
        order_shop(db)
    finally:
        db.close()
    return path


def count(shop: Path, table: str) -> int:
    conn = sqlite3.connect(shop)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_a_dry_run_shows_the_preview_and_a_real_run_imports_once(shop: Path, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1001", "TEE-S", "2", fulfillment="fulfilled"),
                        shopify_line("#1001", "MUG"), shopify_order("#1002", "MUG"))
    dry = run("import", "orders", str(path), "--db", str(shop), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Format: Shopify order export (detected); encoding: UTF-8" in dry.stdout
    assert "Channel: Shopify US (USD)" in dry.stdout
    assert "Would create: 2 order(s) with 3 line(s), 4 unit(s)" in dry.stdout
    assert "Stock: 3 unit(s) would leave the shelf, 0 come back" in dry.stdout
    assert "Dry run: nothing was written." in dry.stdout
    assert count(shop, "orders") == 0
    real = run("import", "orders", str(path), "--db", str(shop))
    assert real.returncode == 0, real.stderr
    assert "Imported: 2 new order(s) with 3 line(s), 0 updated, 0 unchanged; stock: 3 unit(s) " \
        "shipped, 0 returned" in real.stdout
    again = run("import", "orders", str(path), "--db", str(shop))
    assert again.returncode == 0 and "Unchanged: 2 order(s)" in again.stdout
    assert (count(shop, "orders"), count(shop, "order_lines")) == (2, 3)


def test_problems_are_listed_and_block_the_import_with_exit_3(shop: Path, tmp_path: Path):
    path = taobao_file(tmp_path, taobao_row("1.37359E+14"), taobao_row("402", "NOPE"),
                       taobao_row("403", "MUG", "0"), taobao_row("404", "TEE-M"))
    done = run("import", "orders", str(path), "--db", str(shop))
    assert done.returncode == 3
    assert "Format: Taobao / Tmall order export (detected); encoding: GB18030 (GBK)" in \
        done.stdout
    assert "Channel: 天猫 Tmall (CNY)" in done.stdout
    assert "error: Row 2, 订单编号: '1.37359E+14' is a number Excel shortened" in done.stdout
    assert "error: Row 3, 商家编码: 'NOPE' is not in the catalog" in done.stdout
    assert "error: Row 4, 购买数量: 0: a line sells at least 1" in done.stdout
    assert "nothing was imported: fix the problems above, or use --only-valid" in done.stderr
    assert count(shop, "orders") == 0
    valid = run("import", "orders", str(path), "--db", str(shop), "--only-valid")
    assert valid.returncode == 0, valid.stderr
    assert "1 new order(s) with 1 line(s)" in valid.stdout
    assert "2 order(s) with problems skipped" in valid.stdout
    assert count(shop, "orders") == 1


def test_a_channel_that_cannot_be_told_is_a_usage_error(shop: Path, tmp_path: Path):
    path = shopify_file(tmp_path, shopify_order("#1"))
    unknown = run("import", "orders", str(path), "--db", str(shop), "--channel", "Amazon")
    assert unknown.returncode == 2
    assert "there is no channel 'Amazon' in the shop" in unknown.stderr
    assert "Use --channel NAME." in unknown.stderr
    empty = tmp_path / "empty.ecdesk"
    open_database(empty).close()
    none = run("import", "orders", str(path), "--db", str(empty))
    assert none.returncode == 2 and "the shop has no Shopify channel" in none.stderr
    named = run("import", "orders", str(path), "--db", str(shop), "--channel", "天猫 Tmall")
    assert named.returncode == 0, named.stderr


def test_a_file_that_is_not_an_order_export_exits_3_and_a_bad_option_exits_2(shop: Path,
                                                                            tmp_path: Path):
    products = tmp_path / "products.csv"
    products.write_text("Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Status\n"
                        "tee,Tee,,Muzi,T-1,9.00,active\n", encoding="utf-8")
    done = run("import", "orders", str(products), "--db", str(shop))
    assert done.returncode == 3
    assert "this is a product file (Shopify product CSV), not an order export" in done.stdout
    assert count(shop, "orders") == 0
    bad = run("import", "orders", str(products), "--db", str(shop), "--format", "amazon")
    assert bad.returncode == 2 and "invalid choice: 'amazon'" in bad.stderr
    missing = run("import", "orders", str(tmp_path / "nope.csv"), "--db", str(shop))
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr.splitlines() == [f"ecdesk: there is no file at {tmp_path / 'nope.csv'}"]


def test_a_taobao_report_of_two_files_imports_from_both(shop: Path, tmp_path: Path):
    from tests.order_import_files import taobao_details_row, taobao_list_row, taobao_pair

    order_list, details = taobao_pair(tmp_path, [taobao_list_row("1373590000000001")],
                                      [taobao_details_row("1373590000000001", "MUG", "2")])
    alone = run("import", "orders", str(details), "--db", str(shop), "--dry-run")
    assert alone.returncode == 3 and "订单报表" in alone.stdout
    done = run("import", "orders", str(order_list), str(details), "--db", str(shop))
    assert done.returncode == 0, done.stdout + done.stderr
    assert count(shop, "orders") == 1 and count(shop, "order_lines") == 1


def test_a_corrected_column_is_used_and_remembered_for_the_channel(shop: Path, tmp_path: Path):
    renamed = tmp_path / "renamed.csv"
    original = shopify_file(tmp_path, shopify_order("#1", "MUG"))
    renamed.write_text(original.read_text("utf-8").replace("Lineitem sku", "Item code", 1),
                       encoding="utf-8")
    refused = run("import", "orders", str(renamed), "--db", str(shop), "--format", "shopify",
                  "--channel", "Shopify US")
    assert refused.returncode == 3 and "no column for SKU" in refused.stdout
    done = run("import", "orders", str(renamed), "--db", str(shop), "--format", "shopify",
               "--channel", "Shopify US", "--column", "sku=Item code")
    assert done.returncode == 0, done.stdout + done.stderr
    later = tmp_path / "later.csv"
    later.write_text(shopify_file(tmp_path, shopify_order("#2", "MUG"), name="x.csv")
                     .read_text("utf-8").replace("Lineitem sku", "Item code", 1), encoding="utf-8")
    again = run("import", "orders", str(later), "--db", str(shop), "--format", "shopify")
    assert again.returncode == 0, again.stdout + again.stderr  # remembered for Shopify US
    assert count(shop, "orders") == 2
    wrong = run("import", "orders", str(later), "--db", str(shop), "--column", "sku=Nope")
    assert wrong.returncode == 3 and "there is no column 'Nope' in the file" in wrong.stdout
