"""`python main.py import products` and `export products`, run as the user runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEADER = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status,Vendor"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_a_file_with_problems_prints_them_and_exits_3_without_writing(tmp_path: Path):
    shop, path = tmp_path / "shop.ecdesk", tmp_path / "p.csv"
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
    shop, path = tmp_path / "shop.ecdesk", tmp_path / "p.csv"
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
    shop, path = tmp_path / "shop.ecdesk", tmp_path / "p.csv"
    path.write_text(f"{HEADER}\ntee,Tee,,,TEE-S,59.00,active,\nmug,Mug,,,MUG,-1,active,\n",
                    encoding="utf-8")
    done = run("import", "products", str(path), "--db", str(shop), "--only-valid")
    assert done.returncode == 0, done.stderr
    assert "1 product(s) with problems skipped" in done.stdout
    assert "SKUs: 1" in run("info", "--db", str(shop)).stdout


def test_an_unknown_channel_or_a_bad_format_option_is_refused(tmp_path: Path):
    path = tmp_path / "p.csv"
    path.write_text(f"{HEADER}\ntee,Tee,,,TEE-S,59.00,active,\n", encoding="utf-8")
    shop = str(tmp_path / "shop.ecdesk")
    assert run("import", "products", str(path), "--db", shop, "--channel", "Nope"
               ).returncode == 3
    bad = run("export", "products", "--db", shop, "--out", "x.csv", "--format", "amazon")
    assert bad.returncode == 2 and "invalid choice: 'amazon'" in bad.stderr
