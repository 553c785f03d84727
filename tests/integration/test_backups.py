"""Backups through SQLite's backup API: verified, listed, rotated, described and restored."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from ecdesk.db import Database, open_database
from ecdesk.errors import CancelledError, DatabaseError
from ecdesk.services.shop_file.backups import (
    BULK_BACKUP_ROWS,
    RotationPolicy,
    back_up,
    back_up_before_bulk,
    backups_dir,
    daily_backup_if_due,
    describe,
    integrity_problems,
    list_backups,
    restore,
)
from tests.damaged_shops import (
    point_index_at_another_column,
    trample_table_page,
    unbalance_on_hand,
)


def _rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        conn.close()


def test_a_backup_of_a_live_shop_is_complete_and_passes_the_integrity_check(
        demo_shop: Database) -> None:
    info = back_up(demo_shop.path, "manual")
    assert info.path.parent == backups_dir(demo_shop.path)
    assert integrity_problems(info.path) == []
    assert _rows(info.path, "variants") == _rows(demo_shop.path, "variants")
    assert not list(info.path.parent.glob("*.partial"))


def test_a_backup_of_a_shop_in_wal_mode_is_one_self_contained_file(tmp_shop: Database) -> None:
    info = back_up(tmp_shop.path, "manual")
    conn = sqlite3.connect(info.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        conn.close()
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]


@pytest.mark.parametrize("folder", ["Shop #2", "50% off", "why?"])
def test_a_backup_of_a_shop_in_a_folder_named_with_uri_characters_holds_its_rows(
        demo_shop_file: Path, tmp_path: Path, folder: str) -> None:
    shop = tmp_path / folder / "shop.ecdesk"
    shop.parent.mkdir()
    shop.write_bytes(demo_shop_file.read_bytes())  # a closed shop: the file holds every row
    info = back_up(shop, "manual")
    assert _rows(info.path, "variants") == _rows(shop, "variants") != []
    assert describe(info.path).counts["SKUs"] > 0
    assert [p.name for p in tmp_path.iterdir()] == [folder]


def test_a_backup_taken_while_a_write_is_uncommitted_holds_the_last_committed_state(
        demo_shop: Database) -> None:
    with demo_shop.uow() as uow:
        uow.session.execute(text("UPDATE products SET title = 'half written' WHERE id = 1"))
        info = back_up(demo_shop.path, "manual")  # the write is not committed yet
    conn = sqlite3.connect(info.path)
    title = conn.execute("SELECT title FROM products WHERE id = 1").fetchone()[0]
    conn.close()
    assert title != "half written"


def test_a_manual_backup_goes_to_the_chosen_folder(demo_shop: Database, tmp_path: Path) -> None:
    stick = tmp_path / "usb-stick"
    info = back_up(demo_shop.path, "manual", folder=stick)
    assert info.path.parent == stick and info.path.exists()


def test_a_backup_reports_its_pages_and_says_where_it_went_without_naming_an_area(
        demo_shop: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    info = back_up(demo_shop.path, "manual", folder=tmp_path,
                   progress=lambda *report: not seen.append(report))
    copied = [done for done, total in seen if total]
    assert copied and copied[-1] == max(total for _, total in seen)  # every page copied
    assert info.changed.areas == frozenset() and str(info.path) in info.changed.message


@pytest.mark.parametrize("stop_while", ["copying", "checking"])
def test_a_cancelled_backup_leaves_no_file_behind(demo_shop: Database, tmp_path: Path,
                                                  stop_while: str) -> None:
    def progress(_done: int, total: int) -> bool:  # total 0: the check is running
        return (total == 0) == (stop_while == "copying")
    with pytest.raises(CancelledError):
        back_up(demo_shop.path, "manual", folder=tmp_path / "stick", progress=progress)
    assert list((tmp_path / "stick").iterdir()) == []


def test_the_daily_backup_is_taken_once_a_day_and_rotated(demo_shop: Database) -> None:
    day = datetime(2026, 11, 1, 9, tzinfo=UTC)
    policy = RotationPolicy(daily=3, weekly=0, monthly=0)
    for offset in range(5):
        assert daily_backup_if_due(demo_shop.path, policy, now=day + timedelta(days=offset))
    assert daily_backup_if_due(demo_shop.path, policy, now=day + timedelta(days=4, hours=5)) is None
    kept = list_backups(demo_shop.path)
    assert [b.created_at.day for b in kept] == [5, 4, 3]


def test_a_daily_backup_told_to_stop_keeps_no_copy_and_is_taken_at_the_next_open(
        demo_shop: Database) -> None:
    day = datetime(2026, 11, 1, 9, tzinfo=UTC)
    asked: list[int] = []

    def stop_at_once() -> bool:  # the owner quits while it copies
        asked.append(1)
        return False

    with pytest.raises(CancelledError):
        daily_backup_if_due(demo_shop.path, now=day, keep_going=stop_at_once)

    assert asked and list_backups(demo_shop.path) == []
    assert list(backups_dir(demo_shop.path).iterdir()) == []  # no partial file left either
    again = daily_backup_if_due(demo_shop.path, now=day + timedelta(hours=1),
                                keep_going=lambda: True)
    assert again is not None and list_backups(demo_shop.path) == [again]
    assert integrity_problems(again.path) == []


def test_a_partial_copy_left_by_a_killed_process_is_never_a_backup_and_is_cleared_later(
        demo_shop: Database) -> None:
    folder = backups_dir(demo_shop.path)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{demo_shop.path.stem}-20261101T090000Z-daily.ecdesk.partial"
    (folder / name).write_bytes(b"SQLite format 3\0 half written")
    assert list_backups(demo_shop.path) == []
    fresh = folder / name.replace("090000", "100000")
    fresh.write_bytes(b"still being written by another process")
    old = datetime(2026, 11, 1, 9, tzinfo=UTC).timestamp()
    os.utime(folder / name, (old, old))
    recent = datetime(2026, 11, 2, 8, 50, tzinfo=UTC).timestamp()
    os.utime(fresh, (recent, recent))

    info = daily_backup_if_due(demo_shop.path, now=datetime(2026, 11, 2, 9, tzinfo=UTC))

    assert info is not None and not (folder / name).exists()
    assert fresh.exists()  # (younger than an hour: maybe another process's copy under way)
    assert list_backups(demo_shop.path) == [info]


def test_describing_a_backup_names_the_shop_and_counts_each_area(demo_shop: Database) -> None:
    info = back_up(demo_shop.path, "manual")
    summary = describe(info.path)
    assert summary.shop_name == "演示小店 Demo Shop"
    assert summary.counts["SKUs"] == 800
    assert summary.created_at == info.created_at.replace(microsecond=0)


def test_a_restore_brings_back_every_row_and_keeps_a_safety_copy_of_the_current_file(
        demo_shop: Database) -> None:
    path = demo_shop.path
    info = back_up(path, "manual")
    before = {t: _rows(path, t) for t in ("products", "variants", "listings", "settings")}
    with demo_shop.uow() as uow:
        uow.session.execute(text("UPDATE variants SET price = 1 WHERE id < 100"))
        uow.session.execute(text("DELETE FROM product_tags"))
        uow.commit()
    demo_shop.close()
    safety = restore(info.path, path)
    assert safety is not None and safety.reason == "before-restore"
    after = {t: _rows(path, t) for t in before}
    assert after == before
    assert integrity_problems(path) == []
    reopened = open_database(path)
    reopened.close()


def test_a_damaged_backup_is_refused_and_the_shop_is_left_alone(demo_shop: Database,
                                                                tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.ecdesk"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    before = _rows(demo_shop.path, "variants")
    demo_shop.close()
    with pytest.raises(DatabaseError, match="damaged or not a shop file"):
        restore(damaged, demo_shop.path)
    assert _rows(demo_shop.path, "variants") == before


def test_a_backup_from_a_newer_ecdesk_is_refused(demo_shop: Database) -> None:
    info = back_up(demo_shop.path, "manual")
    conn = sqlite3.connect(info.path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    demo_shop.close()
    with pytest.raises(DatabaseError, match="newer ecdesk"):
        restore(info.path, demo_shop.path)


def test_a_file_that_is_not_a_shop_cannot_be_described(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(DatabaseError, match="not an ecdesk shop file"):
        describe(other)


def test_backing_up_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        back_up(tmp_path / "nowhere.ecdesk", "manual")


def test_a_bulk_change_of_more_than_a_few_hundred_rows_backs_up_first(demo_shop: Database
                                                                     ) -> None:
    from ecdesk.services.catalog.commands import set_listing_status, set_product_status

    with demo_shop.uow() as uow:
        variant_ids = list(uow.session.scalars(text("SELECT id FROM variants LIMIT 400")))
        product_ids = list(uow.session.scalars(text("SELECT id FROM products LIMIT 10")))
    set_product_status(demo_shop.uow(), product_ids, "draft")  # small: no backup
    assert list_backups(demo_shop.path) == []
    set_listing_status(demo_shop.uow(), variant_ids, 1, "paused")
    backups = list_backups(demo_shop.path)
    assert [b.reason for b in backups] == ["before-bulk"]
    conn = sqlite3.connect(backups[0].path)
    paused = conn.execute("SELECT count(*) FROM listings WHERE channel_id = 1 AND status = "
                          "'paused' AND variant_id IN ({})".format(",".join(map(str, variant_ids))))
    assert paused.fetchone()[0] < 400  # the backup holds the state before the change
    conn.close()


def test_the_rotation_the_owner_sets_is_kept_and_used(demo_shop: Database) -> None:
    from ecdesk.services.shop_file.backups import get_rotation_policy, set_rotation_policy

    assert get_rotation_policy(demo_shop.uow()) == RotationPolicy(7, 4, 12)
    set_rotation_policy(demo_shop.uow(), daily=2, weekly=1, monthly=0)
    assert get_rotation_policy(demo_shop.uow()) == RotationPolicy(2, 1, 0)


def test_a_rotation_that_keeps_nothing_or_too_much_is_refused(demo_shop: Database) -> None:
    from ecdesk.errors import ValidationError
    from ecdesk.services.shop_file.backups import set_rotation_policy

    with pytest.raises(ValidationError, match="keep at least one automatic backup"):
        set_rotation_policy(demo_shop.uow(), daily=0, weekly=0, monthly=0)
    with pytest.raises(ValidationError, match="Keep daily backups: must be between 0 and 365"):
        set_rotation_policy(demo_shop.uow(), daily=400, weekly=1, monthly=1)


def test_backups_taken_while_the_app_is_writing_are_sound_and_hold_whole_changes(
        demo_shop: Database) -> None:
    import threading

    from ecdesk.services.catalog.commands import save_product
    from ecdesk.services.catalog.dto import ProductDraft, VariantDraft

    stop = threading.Event()

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            variants = tuple(VariantDraft(sku=f"W{n}-{i}", price="9.90", unit_cost="4")
                             for i in range(3))
            save_product(demo_shop.uow(), ProductDraft(title=f"W {n}", variants=variants))

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        backups = [back_up(demo_shop.path, "manual", now=datetime(2026, 1, 1, 0, 0, i, tzinfo=UTC))
                   for i in range(8)]
    finally:
        stop.set()
        writer.join()
    for info in backups:
        assert integrity_problems(info.path) == []
        conn = sqlite3.connect(info.path)
        partial = conn.execute(
            "SELECT count(*) FROM products p WHERE p.title LIKE 'W %' AND "
            "(SELECT count(*) FROM variants v WHERE v.product_id = p.id) != 3").fetchone()[0]
        conn.close()
        assert partial == 0, f"{info.path.name} holds a half-saved product"


def test_a_restore_round_trip_gives_back_every_table_row_for_row(demo_shop: Database) -> None:
    path = demo_shop.path
    info = back_up(path, "manual")
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'catalog_search_%' AND name != 'catalog_search'")]
    conn.close()
    before = {t: _rows(path, t) for t in tables}
    from ecdesk.services.catalog.commands import add_tag, set_product_status

    set_product_status(demo_shop.uow(), [1, 2, 3], "archived")
    add_tag(demo_shop.uow(), [4, 5], "round trip")
    demo_shop.close()
    restore(info.path, path)
    assert {t: _rows(path, t) for t in tables} == before


def test_the_check_reports_an_on_hand_that_is_not_its_ledger_sum(demo_shop: Database) -> None:
    assert integrity_problems(demo_shop.path) == []
    sku = unbalance_on_hand(demo_shop.path)
    problems = integrity_problems(demo_shop.path)
    assert len(problems) == 1 and problems[0].startswith(f"SKU {sku}: on hand ")
    assert "stock movements add up to" in problems[0]


def test_the_check_reports_an_order_whose_stored_total_is_not_the_sum_of_its_lines(
        demo_shop: Database) -> None:
    conn = sqlite3.connect(demo_shop.path)
    with conn:
        order_id, number = conn.execute(
            "SELECT id, number FROM orders WHERE line_count > 0 LIMIT 1").fetchone()
        conn.execute("UPDATE orders SET goods_total = goods_total + 1 WHERE id = ?",
                     (order_id,))
    conn.close()
    assert integrity_problems(demo_shop.path) == [
        f"order {number}: its stored line count, units or total differ from its lines"]
    assert integrity_problems(demo_shop.path, quick=True) == []  # a full check's work


def test_a_bulk_change_on_a_shop_with_a_damaged_page_is_refused_before_it_writes(
        demo_shop: Database) -> None:
    from ecdesk.services.catalog.commands import set_listing_status

    with demo_shop.uow() as uow:
        variant_ids = list(uow.session.scalars(text("SELECT id FROM variants LIMIT 400")))
    before = _rows(demo_shop.path, "listings")
    trample_table_page(demo_shop.path, "orders")
    with pytest.raises(DatabaseError, match=r"failed its check \(.+\); .* run 'check'"):
        set_listing_status(demo_shop.uow(), variant_ids, 1, "paused")
    assert _rows(demo_shop.path, "listings") == before
    assert list_backups(demo_shop.path) == []
    assert not list(backups_dir(demo_shop.path).glob("*.partial"))


def test_the_backup_before_a_bulk_change_reports_an_on_hand_that_is_not_its_ledger_sum(
        demo_shop: Database) -> None:
    sku = unbalance_on_hand(demo_shop.path)
    mismatch = rf"SKU {sku}: on hand \d+ but its stock movements add up to"
    with pytest.raises(DatabaseError, match=mismatch):
        back_up_before_bulk(demo_shop.uow(), BULK_BACKUP_ROWS + 1)
    assert list_backups(demo_shop.path) == []


def test_the_backup_before_a_bulk_change_skips_only_the_index_comparison_manual_ones_run(
        demo_shop: Database) -> None:
    point_index_at_another_column(demo_shop.path, "ix_variants_price", "unit_cost")
    assert integrity_problems(demo_shop.path, quick=True) == []
    assert "missing from index ix_variants_price" in integrity_problems(demo_shop.path)[0]
    with pytest.raises(DatabaseError, match="failed its check"):
        back_up(demo_shop.path, "manual")
    info = back_up_before_bulk(demo_shop.uow(), BULK_BACKUP_ROWS + 1)
    assert info is not None and [b.path for b in list_backups(demo_shop.path)] == [info.path]
