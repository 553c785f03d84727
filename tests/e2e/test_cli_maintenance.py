"""backup, restore and check from the command line, as a script or a support person uses them."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, input=stdin, timeout=120)


def _shop(demo_shop_file: Path, tmp_path: Path) -> Path:
    shop = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, shop)
    return shop


def test_backup_writes_a_checked_copy_to_the_folder_given(demo_shop_file: Path,
                                                          tmp_path: Path) -> None:
    shop = _shop(demo_shop_file, tmp_path)
    result = run("backup", "--db", str(shop), "--to", str(tmp_path / "stick"))
    assert result.returncode == 0, result.stderr
    copies = list((tmp_path / "stick").glob("shop-*-manual.ecdesk"))
    assert len(copies) == 1
    assert result.stdout.strip() == f"Backed up to {copies[0]} (checked: OK)"


def test_check_reports_ok_for_a_sound_shop_and_problems_with_exit_3_for_a_damaged_one(
        demo_shop_file: Path, tmp_path: Path) -> None:
    shop = _shop(demo_shop_file, tmp_path)
    assert run("check", "--db", str(shop)).returncode == 0
    damaged = tmp_path / "damaged.ecdesk"
    data = bytearray(shop.read_bytes())
    data[4096 * 3: 4096 * 3 + 2048] = b"\xff" * 2048  # trample a page in the middle
    damaged.write_bytes(bytes(data))
    result = run("check", "--db", str(damaged))
    assert result.returncode == 3
    assert "problem(s) found" in result.stdout
    assert "Traceback" not in result.stderr


def test_restore_asks_first_and_with_yes_brings_the_backup_back(demo_shop_file: Path,
                                                                 tmp_path: Path) -> None:
    shop = _shop(demo_shop_file, tmp_path)
    run("backup", "--db", str(shop))
    backup = next((tmp_path / "backups").glob("shop-*-manual.ecdesk"))
    conn = sqlite3.connect(shop)
    conn.execute("UPDATE products SET title = 'changed'")
    conn.commit()
    conn.close()
    refused = run("restore", str(backup), "--db", str(shop), stdin="")
    assert refused.returncode == 2
    assert "add --yes" in refused.stderr
    result = run("restore", str(backup), "--db", str(shop), "--yes")
    assert result.returncode == 0, result.stderr
    assert "SKUs" in result.stdout and "the previous file is kept in" in result.stdout
    conn = sqlite3.connect(shop)
    changed = conn.execute("SELECT count(*) FROM products WHERE title = 'changed'").fetchone()[0]
    conn.close()
    assert changed == 0


def test_restoring_something_that_is_not_a_shop_fails_with_one_readable_line(
        demo_shop_file: Path, tmp_path: Path) -> None:
    shop = _shop(demo_shop_file, tmp_path)
    junk = tmp_path / "junk.ecdesk"
    junk.write_text("not a database")
    result = run("restore", str(junk), "--db", str(shop), "--yes")
    assert result.returncode == 1
    assert result.stderr.startswith("ecdesk: junk.ecdesk is damaged or not a shop file")
    assert "Traceback" not in result.stderr
