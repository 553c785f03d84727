"""`python main.py import products` and `export products`, run as the user runs them."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.stock_cells import set_stock_cells

REPO = Path(__file__).resolve().parents[2]
HEADER = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status,Vendor"


def new_shop(tmp_path: Path) -> Path:
    """An empty shop file, as the window makes it (the import commands never create one)."""
    from ecdesk.db import open_database

    shop = tmp_path / "shop.ecdesk"
    open_database(shop).close()
    return shop


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_a_file_with_problems_prints_them_and_exits_3_without_writing(tmp_path: Path):
    shop, path = new_shop(tmp_path), tmp_path / "p.csv"
    path.write_text(f"{HEADER}\ntee,Tee,Size,S,TEE-S,59.00,active,Muzi\n"
                    "tee,,,M,TEE-S,abc,,\n", encoding="utf-8")
    done = run("import", "products", str(path), "--db", str(shop))
    assert done.returncode == 3
    assert "error: Row 3, Variant SKU: 'TEE-S' is also used in row 2" in done.stdout
    assert "error: Row 3, Variant Price: 'abc' is not a price" in done.stdout
    assert "nothing was imported" in done.stderr
    info = run("info", "--db", str(shop))
    assert "SKUs: 0" in info.stdout


def test_a_dry_run_previews_and_a_real_run_imports_then_exports(tmp_path: Path):
    shop, path = new_shop(tmp_path), tmp_path / "p.csv"
    path.write_text(f"{HEADER}\ntee,Tee,Size,S,TEE-S,59.00,active,Muzi\n"
                    "tee,,,M,TEE-M,\"1,059.00\",,\n", encoding="utf-8")
    dry = run("import", "products", str(path), "--db", str(shop), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Would create: 1 product(s), 2 SKU(s), 0 listing(s)" in dry.stdout
    assert "Dry run: nothing was written." in dry.stdout
    assert "SKUs: 0" in run("info", "--db", str(shop)).stdout
    real = run("import", "products", str(path), "--db", str(shop), "--format", "shopify")
    assert real.returncode == 0, real.stderr
    assert "Imported: 1 product(s) created" in real.stdout
    out = tmp_path / "out.csv"
    exported = run("export", "products", "--db", str(shop), "--out", str(out), "--format",
                   "shopify")
    assert exported.returncode == 0, exported.stderr
    assert "Exported 1 product(s), 2 row(s)" in exported.stdout
    again = run("import", "products", str(out), "--db", str(shop))
    assert "Unchanged: 1 product(s), 2 SKU(s)" in again.stdout


def test_only_valid_imports_the_good_products_and_exits_0(tmp_path: Path):
    shop, path = new_shop(tmp_path), tmp_path / "p.csv"
    path.write_text(f"{HEADER}\ntee,Tee,,,TEE-S,59.00,active,\nmug,Mug,,,MUG,-1,active,\n",
                    encoding="utf-8")
    done = run("import", "products", str(path), "--db", str(shop), "--only-valid")
    assert done.returncode == 0, done.stderr
    assert "1 product(s) with problems skipped" in done.stdout
    assert "SKUs: 1" in run("info", "--db", str(shop)).stdout


def test_an_unknown_channel_or_a_bad_format_option_is_refused(tmp_path: Path):
    path = tmp_path / "p.csv"
    path.write_text(f"{HEADER}\ntee,Tee,,,TEE-S,59.00,active,\n", encoding="utf-8")
    shop = str(new_shop(tmp_path))
    assert run("import", "products", str(path), "--db", shop, "--channel", "Nope"
               ).returncode == 3
    bad = run("export", "products", "--db", shop, "--out", "x.csv", "--format", "amazon")
    assert bad.returncode == 2 and "invalid choice: 'amazon'" in bad.stderr


def shop_query(shop: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(shop)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def stock_and_ledger(shop: Path) -> list[tuple]:
    return shop_query(shop, "SELECT v.sku, v.on_hand, (SELECT coalesce(sum(m.quantity), 0) "
                      "FROM stock_movements m WHERE m.variant_id = v.id) FROM variants v "
                      "ORDER BY v.sku")


def on_hand(shop: Path) -> dict[str, int]:
    return {sku: count for sku, count, _ in stock_and_ledger(shop)}


def exported_demo(demo_shop_file: Path, tmp_path: Path) -> tuple[Path, Path]:
    shop, out = tmp_path / "shop.ecdesk", tmp_path / "catalog.csv"
    shutil.copyfile(demo_shop_file, shop)
    done = run("export", "products", "--db", str(shop), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return shop, out


def test_an_exported_template_imports_back_with_the_same_stock_and_no_movements(
        demo_shop_file: Path, tmp_path: Path):
    shop, out = exported_demo(demo_shop_file, tmp_path)
    before = stock_and_ledger(shop)
    assert all(count == total for _, count, total in before)
    assert min(count for _, count, _ in before) < 0
    movements = shop_query(shop, "SELECT count(*) FROM stock_movements")
    again = run("import", "products", str(out), "--db", str(shop))
    assert again.returncode == 0, again.stderr
    assert "Unchanged: 280 product(s), 800 SKU(s)" in again.stdout
    assert "800 SKU(s) have a stock quantity in the file" in again.stdout
    assert "; 0 differ from ecdesk's stock" in again.stdout
    assert stock_and_ledger(shop) == before
    assert shop_query(shop, "SELECT count(*) FROM stock_movements") == movements


def test_edited_stock_cells_are_previewed_then_set_by_counted_movements(
        demo_shop_file: Path, tmp_path: Path):
    shop, out = exported_demo(demo_shop_file, tmp_path)
    before = on_hand(shop)
    edits = {"SKU-00001-1": before["SKU-00001-1"] + 12, "SKU-00002-1": 0}
    set_stock_cells(out, edits)
    dry = run("import", "products", str(out), "--db", str(shop), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "; 2 differ from ecdesk's stock" in dry.stdout
    assert on_hand(shop) == before
    last = shop_query(shop, "SELECT max(id) FROM stock_movements")[0][0]
    real = run("import", "products", str(out), "--db", str(shop))
    assert real.returncode == 0, real.stderr
    assert all(count == total for _, count, total in stock_and_ledger(shop))
    assert on_hand(shop) == {**before, **edits}
    assert shop_query(shop, "SELECT v.sku, m.kind, m.quantity, m.reference FROM stock_movements "
                      f"m JOIN variants v ON v.id = m.variant_id WHERE m.id > {last} "
                      "ORDER BY v.sku") == [
        (sku, "counted", count - before[sku], "catalog.csv") for sku, count in edits.items()]


def test_a_negative_count_is_refused_for_a_sku_not_allowed_and_imported_for_one_allowed(
        demo_shop_file: Path, tmp_path: Path):
    shop, out = exported_demo(demo_shop_file, tmp_path)
    [(allowed, _)] = shop_query(shop, "SELECT v.sku, v.on_hand FROM variants v JOIN "
                                "stock_policies p ON p.variant_id = v.id WHERE p.allow_negative")
    before, ledger = on_hand(shop), stock_and_ledger(shop)
    rows = set_stock_cells(out, {"SKU-00001-1": -3, allowed: -5})
    refused = run("import", "products", str(out), "--db", str(shop))
    assert refused.returncode == 3
    assert (f"error: Row {rows['SKU-00001-1']}, Stock: negative quantity -3 for SKU "
            "SKU-00001-1: stock cannot be below 0 for this SKU") in refused.stdout
    assert "Problems: 1 error(s)" in refused.stdout
    assert stock_and_ledger(shop) == ledger

    set_stock_cells(out, {"SKU-00001-1": before["SKU-00001-1"]})
    accepted = run("import", "products", str(out), "--db", str(shop))
    assert accepted.returncode == 0, accepted.stderr
    assert on_hand(shop) == {**before, allowed: -5}
    assert all(count == total for _, count, total in stock_and_ledger(shop))


def test_a_file_for_a_foreign_currency_channel_is_converted_at_the_stated_rate(tmp_path: Path):
    from ecdesk.db import open_database
    from ecdesk.services.channels import save_channel

    shop, path = new_shop(tmp_path), tmp_path / "p.csv"
    db = open_database(shop)
    save_channel(db.uow(), name="Shopify SE", kind="shopify", currency="SEK")
    db.close()
    path.write_text(f"{HEADER}\nhjul,Hjulset,,,WH-BK,2999.00,active,Velo\n", encoding="utf-8")
    bad = run("import", "products", str(path), "--db", str(shop), "--channel", "Shopify SE",
              "--rate", "zero")
    assert bad.returncode == 2 and "'zero' is not an exchange rate" in bad.stderr
    done = run("import", "products", str(path), "--db", str(shop), "--channel", "Shopify SE",
               "--rate", "0.68")
    assert done.returncode == 0, done.stderr
    assert "the SKUs' own prices are converted at 1 SEK = 0.68 CNY" in done.stdout
    with sqlite3.connect(shop) as conn:
        assert conn.execute("SELECT v.price, l.channel_price FROM variants v "
                            "JOIN listings l ON l.variant_id = v.id").fetchall() == [
            (203932, 299900)]


def test_reading_commands_on_a_mistyped_path_create_no_shop(tmp_path: Path):
    path = tmp_path / "p.csv"
    path.write_text(f"{HEADER}\ntee,Tee,,,TEE-S,59.00,active,\n", encoding="utf-8")
    mistyped = tmp_path / "shpo.ecdesk"
    for args in (("import", "products", str(path), "--dry-run"), ("info",),
                 ("export", "products", "--out", str(tmp_path / "out.csv"))):
        done = run(*args, "--db", str(mistyped))
        assert done.returncode == 1, args
        assert f"There is no shop at {mistyped}" in done.stderr
    assert not mistyped.exists()


def test_a_missing_input_file_is_a_usage_error_without_the_only_valid_hint(tmp_path: Path):
    done = run("import", "products", str(tmp_path / "nope.csv"), "--db", str(new_shop(tmp_path)))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines() == [f"ecdesk: there is no file at {tmp_path / 'nope.csv'}"]
