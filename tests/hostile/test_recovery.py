"""Recovery never makes things worse: a full disk is not damage, a restore replaces the shop
only with a complete and checked copy, and a shop that vanished is reported, never made anew."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ecdesk.db import open_database
from ecdesk.errors import DamagedShopError, MissingShopError, ShopUnreachableError
from ecdesk.services.shop_file.backups import back_up, restore
from tests.damaged_shops import trample_table_page
from tests.hostile.conditions import contents, fill, fingerprint, shop_files


def _stale_lock(shop: Path) -> None:
    shop.with_name(shop.name + ".lock").write_text(json.dumps({"pid": 999_999, "host": "gone"}))


def test_a_healthy_shop_on_a_full_disk_is_said_to_be_out_of_space_not_damaged(
        shop_on_disk: Path, disk: Path) -> None:
    _stale_lock(shop_on_disk)
    fill(disk)
    before = fingerprint(*shop_files(shop_on_disk))
    with pytest.raises(ShopUnreachableError) as refused:
        open_database(shop_on_disk)
    assert not isinstance(refused.value, DamagedShopError)
    assert "is full" in str(refused.value)
    assert "not an ecdesk shop file" not in str(refused.value)
    assert fingerprint(*shop_files(shop_on_disk)) == before


def test_a_restore_that_runs_out_of_space_leaves_the_damaged_shop_where_it_was(
        shop_on_disk: Path, disk: Path, tmp_path: Path) -> None:
    backup = back_up(shop_on_disk, "manual", folder=tmp_path / "stick").path
    trample_table_page(shop_on_disk, "variants")
    fill(disk)
    before = fingerprint(*shop_files(shop_on_disk))
    with pytest.raises(ShopUnreachableError, match="Nothing was changed"):
        restore(backup, shop_on_disk)
    assert fingerprint(*shop_files(shop_on_disk)) == before, "the shop is where it was"
    assert not list(disk.glob("*.damaged-*")), "nothing was moved aside"
    assert not list(disk.glob("*.partial*")), "no half-written copy is left"


def test_a_restore_that_runs_out_of_space_leaves_a_healthy_shop_unchanged(
        shop_on_disk: Path, disk: Path, tmp_path: Path) -> None:
    backup = back_up(shop_on_disk, "manual", folder=tmp_path / "stick").path
    fill(disk)
    before = fingerprint(*shop_files(shop_on_disk))
    with pytest.raises(ShopUnreachableError):
        restore(backup, shop_on_disk)
    assert fingerprint(*shop_files(shop_on_disk)) == before
    assert not list(disk.glob("*.partial*"))


def test_a_restore_with_room_replaces_a_damaged_shop_and_keeps_it_aside(
        shop_on_disk: Path, disk: Path, tmp_path: Path) -> None:
    backup = back_up(shop_on_disk, "manual", folder=tmp_path / "stick").path
    trample_table_page(shop_on_disk, "variants")
    damaged = shop_on_disk.read_bytes()
    restore(backup, shop_on_disk)
    assert contents(shop_on_disk) == contents(backup)
    (aside,) = disk.glob("shop.damaged-*.ecdesk")
    assert aside.read_bytes() == damaged


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_a_shop_that_vanished_beside_its_backups_is_reported_not_made_new(
        demo_shop_file: Path, tmp_path: Path, state: str) -> None:
    shop = tmp_path / "shop.ecdesk"
    shutil.copyfile(demo_shop_file, shop)
    back_up(shop, "daily")
    if state == "empty":
        shop.write_bytes(b"")
    else:
        shop.unlink()
    with pytest.raises(MissingShopError, match=f"is {state}") as refused:
        open_database(shop)
    assert "did not make a new, empty shop" in str(refused.value)
    assert (shop.read_bytes() == b"") if state == "empty" else not shop.exists()


def test_a_new_shop_is_still_made_where_none_was_kept(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.ecdesk")
    db.close()
    assert (tmp_path / "new.ecdesk").stat().st_size > 0
