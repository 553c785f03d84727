"""A disk that fills up during an import, at several points: the owner is told what was and was
not saved, with the matching exit code, and the shop holds exactly that."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.hostile.conditions import contents, fill
from tests.hostile.test_cli_against_an_open_shop import run

EXIT_OK, EXIT_FAILURE = 0, 1
HEADER = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Status,Vendor"


def _products(folder: Path, count: int) -> Path:
    rows = [HEADER] + [f"full{i},Tee {i} {'x' * 200},Size,S,FULL-{i},59.00,active,Muzi"
                       for i in range(count)]
    path = folder / "products.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _imported(shop: Path) -> int:
    conn = sqlite3.connect(shop)
    try:
        return conn.execute("SELECT count(*) FROM variants WHERE sku LIKE 'FULL-%'").fetchone()[0]
    finally:
        conn.close()


# Room left on the disk: none; not enough for the backup taken first; enough for the backup
# and then less or more than the import's writes and its log need.
ROOM_AFTER_BACKUP_KIB = [None, -4096, 64, 256, 1024, 4096, 16384]


@pytest.mark.parametrize("room_after_backup_kib", ROOM_AFTER_BACKUP_KIB)
def test_an_import_on_a_filling_disk_says_what_was_saved_and_the_shop_holds_that(
        shop_on_disk: Path, disk: Path, tmp_path: Path, room_after_backup_kib: int | None
        ) -> None:
    products = _products(tmp_path, 400)  # more than 300 rows: a backup is taken first
    before = contents(shop_on_disk)
    room = 0 if room_after_backup_kib is None else (
        shop_on_disk.stat().st_size + room_after_backup_kib * 1024)
    filler = fill(disk, leave=room)
    done = run("import", "products", str(products), "--db", str(shop_on_disk))
    told = done.stdout + done.stderr
    assert "unexpected error" not in told and "Traceback" not in told
    filler.unlink()  # room again, to look at the shop
    if done.returncode == EXIT_OK:
        assert "Imported: 400 product(s) created" in done.stdout
        assert _imported(shop_on_disk) == 400, "said saved: all of it is there"
    else:
        assert done.returncode == EXIT_FAILURE, told
        assert "full" in done.stderr
        assert "nothing was saved" in done.stderr.lower() or "nothing was changed" in \
            done.stderr.lower()
        assert contents(shop_on_disk) == before, "said not saved: the shop is as it was"
